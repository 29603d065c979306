export { concertsQueryOptions, concertListKey, useConcerts } from './api/get-concerts';
export { concertQueryOptions, useConcert } from './api/get-concert';
export { ConcertList } from './components/concert-list';
export { ConcertDetails, ConcertDetailsSkeleton } from './components/concert-details';

export { CreateConcertForm } from './components/create-concert-form';
export { ResendTickets } from './components/resend-tickets';
export { SalesOverview, type ListedConcert } from './components/sales-overview';
export { salesKey } from './api/get-concert-sales';
export { roomKey } from './api/get-waiting-room';
export { refundsKey } from './api/get-refunds-due';
export type { PreviewSection } from './lib/venue-draft';

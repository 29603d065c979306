export { DoorScanner } from './components/door-scanner';
export { DoorConcertPicker, type DoorConcert } from './components/door-concert-picker';

export { DoorScanner } from './components/door-scanner';

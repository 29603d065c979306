export { useWaitingRoom, type WaitingRoom } from './hooks/use-waiting-room';
export { visitQueryOptions } from './api/get-visit';
export { WaitingRoomView } from './components/waiting-room-view';
export { RoomAnnouncer } from './components/room-announcer';
export { TurnBanner } from './components/turn-banner';

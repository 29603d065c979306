export { seatMapQueryOptions, useSeatMap } from './api/get-seat-map';
export { useSeatMapStream } from './api/seat-map-stream';
export { freeSeatsByTier } from './lib/seat-changes';
export { useSeatSelection, type SeatSelection } from './hooks/use-seat-selection';
export { buildSeatLayout, type SeatLayout, type SeatView } from './lib/seat-layout';
export { SeatMap } from './components/seat-map';
export { SelectionList } from './components/selection-list';
export { SelectionBar } from './components/selection-bar';
export { SeatMapPreview, type PreviewSectionLayout } from './components/seat-map-preview';

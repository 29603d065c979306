/**
 * The API's public contract for clients such as the web app: the zod schemas that validate
 * requests and describe responses, and the types inferred from them. Import from
 * `hamro-concert.api/contracts`; this module has no server code.
 */
export { moneySchema, problemSchema, paginationQuerySchema, type Page } from './http/common.schemas.js';
export {
  sectionSchema,
  tierSummarySchema,
  ticketTierSchema,
  TICKET_TYPES,
  type Section,
  type TierSummary,
  type TicketTier,
} from './components/tiers/tiers.schemas.js';
export {
  concertSchema,
  concertPageSchema,
  newConcertSchema,
  layoutTierSchema,
  concertChangesSchema,
  type Concert,
  type NewConcert,
  type ConcertChanges,
} from './components/concerts/concerts.schemas.js';
export { admissionSchema, checkInBodySchema, type Admission } from './components/tickets/tickets.schemas.js';
export {
  seatSchema,
  seatMapSchema,
  seatStatusSchema,
  seatChangesEventSchema,
  seatRefetchEventSchema,
  type Seat,
  type SeatMap,
  type SeatStatus,
  type SeatChangesEvent,
} from './components/seats/seats.schemas.js';
export {
  createHoldBodySchema,
  bestAvailableHoldBodySchema,
  holdSchema,
  type CreateHoldBody,
  type BestAvailableHoldBody,
  type Hold,
} from './components/holds/holds.schemas.js';
export {
  bookSeatsBodySchema,
  bestAvailableBookingBodySchema,
  type BestAvailableBookingBody,
  bookingSchema,
  bookingDetailsSchema,
  ticketSchema,
  bookingReferenceSchema,
  cancelBookingBodySchema,
  findBookingQuerySchema,
  type BookingDetails,
  ticketDataSchema,
  MAX_SEATS_PER_BOOKING,
  type BookSeatsBody,
  type Booking,
} from './components/bookings/bookings.schemas.js';

import type { z } from 'zod';
import type { problemSchema as ProblemSchema } from './http/common.schemas.js';
export type Problem = z.infer<typeof ProblemSchema>;
export { salesReportSchema, type SalesReport } from './components/sales/sales.schemas.js';
export { API_PATH_PREFIXES } from './http/api-paths.js';
export {
  ADMISSION_PASS_HEADER,
  QUEUE_TICKET_HEADER,
  visitSchema,
  visitStateSchema,
  roomSchema,
  roomSettingsSchema,
  type Visit,
  type Room,
  type RoomSettings,
} from './components/waiting-room/waiting-room.schemas.js';

import type { Db } from '../../db/client.js';
import { AppError, badRequest, conflict, notFound, busyTryAgain } from '../../http/errors.js';
import type { Payments } from '../payments/payments.service.js';
import type { RequestKey } from '../../http/idempotency.js';
import {
  formatCents,
  type Hold,
  type BestAvailableBookingBody,
  type BookSeatsBody,
  type Booking,
  type BookingDetails,
  type BookingPayment,
  type BookingStatus,
  type PaymentMethod,
} from 'hamro-concert.contracts';
import { newReference } from '../../lib/reference.js';
import { getHold } from '../holds/holds.service.js';
import { assertAdmitted, assertSalesOpen, assertSeatsFree, refuseOverBuyerLimit } from '../seats/seats.claims.js';
import { finishAdmission, type Admission } from '../waiting-room/waiting-room.service.js';
import * as repository from './bookings.repository.js';
import { seatsTakenBy } from '../seats/seats.in-flight.js';
import { withBestAvailable, type SeatDesk } from '../seats/seats.service.js';

function assertAllSeatsExist(requested: number[], seats: repository.RequestedSeatState[]): void {
  if (seats.length === requested.length) return;
  const found = new Set(seats.map((seat) => seat.id));
  const missing = requested.filter((id) => !found.has(id));
  throw notFound('seat-not-found', `These seats do not exist: ${missing.join(', ')}.`, { seatIds: missing });
}

function assertOneConcert(seats: repository.RequestedSeatState[]): void {
  const concertIds = new Set(seats.map((seat) => seat.concertId));
  if (concertIds.size > 1) {
    throw badRequest('seats-span-concerts', 'All seats of a booking must be for the same concert.', {
      concertIds: [...concertIds],
    });
  }
}

/** With a hold token: the hold must exist, be unused and cover exactly these seats. Returns it. */
async function assertUsableHold(db: Db, token: string, seatIds: number[]): Promise<Hold> {
  const hold = await getHold(db, token);
  if (hold.status === 'confirmed') throw conflict('hold-already-used', 'This hold has already become a booking.');
  if (hold.status === 'released')
    throw new AppError(410, 'hold-released', 'This hold was released; choose seats again.');
  if (hold.seatIds.join() !== seatIds.join()) {
    throw badRequest('hold-mismatch', 'A booking with a hold must be for exactly the seats of that hold.', {
      holdSeatIds: hold.seatIds,
    });
  }
  return hold;
}

/** How a booking is paid, as its answers show it; a new booking has made no attempt yet. */
function paymentOf(
  booking: { status: BookingStatus; dueAt: Date | null; totalCents: number },
  payWith: PaymentMethod | null,
  testMode: boolean,
): BookingPayment {
  const free = booking.totalCents === 0;
  return {
    method: free ? null : payWith,
    state: free ? 'free' : booking.status === 'awaiting_payment' ? 'awaiting' : 'at_door',
    dueAt: booking.dueAt?.toISOString() ?? null,
    testMode,
    attempts: [],
  };
}

function toBooking(
  input: BookSeatsBody,
  reference: string,
  booking: { id: string; createdAt: Date; seats: repository.BookedSeat[]; status: BookingStatus; dueAt: Date | null },
  payWith: PaymentMethod | null,
  testMode: boolean,
): Booking {
  const confirmed = booking.status === 'confirmed';
  const byTier = new Map<number, repository.BookedSeat[]>();
  for (const seat of booking.seats) byTier.set(seat.tierId, [...(byTier.get(seat.tierId) ?? []), seat]);
  const ticketData = [...byTier.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tierId, seats]) => ({
      concertId: seats[0]!.concertId,
      ticketTierId: tierId,
      quantity: seats.length,
      pricePerTicket: formatCents(seats[0]!.priceCents),
      totalAmount: formatCents(seats.length * seats[0]!.priceCents),
      status: confirmed ? ('confirmed' as const) : ('awaiting_payment' as const),
      createdAt: booking.createdAt.toISOString(),
      seatNumbers: seats.map((seat) => seat.label),
    }));
  const totalCents = booking.seats.reduce((sum, seat) => sum + seat.priceCents, 0);
  return {
    id: booking.id,
    reference,
    status: booking.status,
    userName: input.userName,
    userEmail: input.userEmail,
    seatIds: input.seatIds,
    totalAmount: formatCents(totalCents),
    ticketData,
    // A ticket exists only once the booking is paid, or is to be paid at the door.
    tickets: confirmed
      ? booking.seats.map((seat) => ({ seatId: seat.id, seatNumber: seat.label, code: seat.ticketCode }))
      : [],
    payment: paymentOf({ ...booking, totalCents }, payWith, testMode),
  };
}

/** Throws the error that explains why a booking of these seats could not be made, if any does. */
function explainRefusal(seatIds: number[], seats: repository.RequestedSeatState[], hold: Hold | undefined): void {
  assertAllSeatsExist(seatIds, seats);
  assertOneConcert(seats);
  assertSalesOpen(seats);
  assertAdmitted(seats);
  if (hold?.status === 'expired' && seats.some((seat) => seat.booked || seat.held)) {
    throw new AppError(
      410,
      'hold-expired',
      'Your hold on these seats expired and someone else has taken some of them.',
    );
  }
  assertSeatsFree(seats);
}

export interface BookingRules {
  /** MAX_TICKETS_PER_BUYER: active seats one buyer (by email) may own per concert. */
  maxTicketsPerBuyer: number;
  /** CANCEL_CLOSES_HOURS_BEFORE: cancelling closes this many hours before the start. */
  cancelClosesHours: number;
  /** The ways this server takes, the payment window, and the attempts and refunds of each booking. */
  payments: Payments;
}

/** The way the buyer chose, or the door where they chose none; refused here if this server cannot take it. */
function payWithOf(rules: BookingRules, chosen: PaymentMethod | undefined): PaymentMethod {
  const payWith = chosen ?? 'door';
  rules.payments.assertServerTakes(payWith);
  return payWith;
}

function refusePaymentMethod(payWith: PaymentMethod): never {
  throw conflict(
    'payment-method-not-offered',
    payWith === 'door'
      ? 'This concert is not paid at the door: choose a way to pay online (payment).'
      : `This concert cannot be paid with ${payWith}.`,
    { payment: payWith },
  );
}

/**
 * The answer of a booking made earlier, built again from what was stored: for a retry whose first
 * answer was lost after the booking committed. `seatIds` in the order the request gave them, if it did.
 */
export async function bookingAnswer(
  db: Db,
  rules: BookingRules,
  reference: string,
  seatIds?: number[],
): Promise<Booking | undefined> {
  const found = await repository.findBookedAnswer(db, reference);
  if (!found) return undefined;
  const input = {
    userName: found.userName,
    userEmail: found.userEmail,
    seatIds: seatIds ?? found.seats.map((s) => s.id),
  };
  return toBooking(input, reference, found, found.paymentMethod, rules.payments.testMode);
}

/**
 * A booking made with an admission pass ends the pass's shopping. The booking has committed by now:
 * should this fail, the pass only counts as shopping until it runs out.
 */
async function passUsed(db: Db, admission: Admission | undefined): Promise<void> {
  await finishAdmission(db, admission).catch(() => undefined);
}

/** Tells this instance's inventory about seats it has just booked, so its next answers show them. */
function reportBooked(desk: SeatDesk, seats: repository.BookedSeat[]) {
  desk.inventories.applyBooked(seats);
}

/**
 * Books the buyer's chosen seats. A request for seats another booking or hold in this process is
 * taking right now waits for it, and is refused as soon as that goes through (see SeatClaimsInFlight).
 */
export async function bookSeats(
  db: Db,
  rules: BookingRules,
  input: BookSeatsBody,
  desk: SeatDesk,
  requestKey: RequestKey | null = null,
  admission?: Admission,
): Promise<Booking> {
  const seatIds = [...input.seatIds].sort((a, b) => a - b);
  const payWith = payWithOf(rules, input.payment);
  if (!input.holdToken) {
    const claim = await desk.inFlight.covering(seatIds);
    if (claim) assertSeatsFree(seatsTakenBy(claim, seatIds));
  }
  const booking = bookSeatsNow(db, rules, input, seatIds, payWith, desk, requestKey, admission);
  const { answer } = await desk.inFlight.track(seatIds, booking, ({ seats }) => ({
    kind: 'booked',
    concertId: seats[0]!.concertId,
    seats: seats.map((seat) => ({ id: seat.id, label: seat.label })),
  }));
  return startPaying(rules, answer, payWith);
}

/**
 * A booking made to pay online starts its payment at once, so the buyer goes to the provider without
 * another round trip. If the provider does not answer, the booking stands all the same (it awaits
 * its payment) and the buyer starts one with POST /bookings/{reference}/payments.
 */
async function startPaying(rules: BookingRules, booking: Booking, payWith: PaymentMethod): Promise<Booking> {
  if (booking.status !== 'awaiting_payment' || payWith === 'door') return booking;
  const paymentStart = await rules.payments
    .start(booking.reference, booking.userEmail, payWith)
    .catch((error: unknown) => {
      if (error instanceof AppError && error.status === 503) return null;
      throw error;
    });
  return { ...booking, paymentStart };
}

/**
 * Books seats all-or-nothing. One statement is the whole transaction: it locks the free seats (and
 * those of the buyer's own hold, if a token is given) in id order and writes only if every requested
 * seat is among them, of one upcoming concert, and the hold covers exactly them; otherwise it
 * returns the seats as they were, which say why. A seat booked while the statement waited for its
 * lock still looks free there, so then a fresh read explains; and if that finds nothing wrong (the
 * seat was released again), the booking is tried once more.
 */
async function bookSeatsNow(
  db: Db,
  rules: BookingRules,
  input: BookSeatsBody,
  seatIds: number[],
  payWith: PaymentMethod,
  desk: SeatDesk,
  requestKey: RequestKey | null,
  admission: Admission | undefined,
): Promise<{ answer: Booking; seats: repository.BookedSeat[] }> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    const reference = newReference();
    const holdToken = input.holdToken ?? null;
    const result = await repository.bookSeatsIfFree(db, {
      seatIds,
      reference,
      name: input.userName,
      email: input.userEmail,
      holdToken,
      maxPerBuyer: rules.maxTicketsPerBuyer,
      admittedTo: admission?.concertId ?? null,
      requestKey,
      payWith,
      paymentWindowMinutes: rules.payments.settings.windowMinutes,
      language: input.language ?? 'en',
    });
    if (result.booked) {
      reportBooked(desk, result.seats);
      await passUsed(db, admission);
      const booking = toBooking(input, reference, result, payWith, rules.payments.testMode);
      if (holdToken) booking.holdOutcome = result.holdWasLive ? 'confirmed-hold' : 'hold-expired-seats-still-free';
      return { answer: booking, seats: result.seats };
    }
    if (result.overBuyerLimit) refuseOverBuyerLimit(rules.maxTicketsPerBuyer, seatIds.length);
    const hold = holdToken ? await assertUsableHold(db, holdToken, seatIds) : undefined;
    explainRefusal(seatIds, result.seats, hold);
    if (result.paymentRefused) refusePaymentMethod(payWith);
    const seatsNow = await repository.findSeatStates(db, seatIds, holdToken, admission?.concertId ?? null);
    explainRefusal(seatIds, seatsNow, hold);
  }
  throw busyTryAgain('These seats are changing hands right now; please try again.');
}

async function toBookingDetails(
  db: Db,
  rules: BookingRules,
  record: repository.BookingRecord,
): Promise<BookingDetails> {
  const [seats, attempts] = await Promise.all([
    repository.findSeatsOfBooking(db, record.id),
    rules.payments.attempts(record.id),
  ]);
  const confirmed = record.status === 'confirmed';
  // Tickets were issued if the booking was ever confirmed: not while it awaited payment, nor if that ran out.
  const issued = confirmed || (record.status === 'cancelled' && record.money !== 'unpaid');
  return {
    reference: record.reference,
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    cancelledAt: record.cancelledAt?.toISOString() ?? null,
    userName: record.userName,
    userEmail: record.userEmail,
    totalAmount: formatCents(record.totalCents),
    concert: record.concert,
    seats: seats.map(({ priceCents, ticketCode: _code, checkedInAt: _at, ...seat }) => ({
      ...seat,
      price: formatCents(priceCents),
    })),
    // A ticket exists only for a booking that was confirmed: paid, free, or to be paid at the door.
    tickets: issued
      ? seats.map((seat) => ({
          seatId: seat.id,
          seatNumber: seat.seatNumber,
          code: seat.ticketCode,
          checkedInAt: seat.checkedInAt?.toISOString() ?? null,
        }))
      : [],
    canCancel:
      (confirmed || record.status === 'awaiting_payment') &&
      !record.cancelClosed &&
      seats.every((seat) => !seat.checkedInAt),
    payment: {
      method: record.paymentMethod,
      state: record.money,
      dueAt: record.status === 'awaiting_payment' ? (record.paymentDueAt?.toISOString() ?? null) : null,
      testMode: rules.payments.testMode,
      attempts,
    },
  };
}

/** The same answer for an unknown reference and a wrong email, so a reference alone reveals nothing. */
async function findOwnBooking(
  db: Db,
  rules: BookingRules,
  reference: string,
  email: string,
): Promise<repository.BookingRecord> {
  const record = await repository.findBookingByReference(db, reference, email, rules.cancelClosesHours);
  if (!record) throw notFound('booking-not-found', 'No booking matches this reference and email.');
  return record;
}

/**
 * A booking as its buyer looks it up. `reads` may be a replica a moment behind: a booking it does not
 * have yet (made a moment ago) is looked for on the primary too.
 */
export async function getBookingDetails(
  db: Db,
  rules: BookingRules,
  reference: string,
  email: string,
  reads: Db = db,
): Promise<BookingDetails> {
  const onReplica =
    reads === db
      ? undefined
      : await repository.findBookingByReference(reads, reference, email, rules.cancelClosesHours);
  if (onReplica) return toBookingDetails(reads, rules, onReplica);
  return toBookingDetails(db, rules, await findOwnBooking(db, rules, reference, email));
}

/** Cancels a booking: its seats are freed and its stock restored at once, all in one transaction. */
export async function cancelBooking(
  db: Db,
  rules: BookingRules,
  desk: SeatDesk,
  reference: string,
  email: string,
): Promise<BookingDetails> {
  const record = await findOwnBooking(db, rules, reference, email);
  const outcome = await repository.cancelBookingIfAllowed(db, record.id, rules.cancelClosesHours);
  if (outcome) desk.inventories.applyFreed(outcome.freed);
  // Money paid online goes back: through Khalti's API at once (retried by the reconciler), by hand for eSewa.
  if (outcome?.refundDue) await rules.payments.refunds.sendDue().catch(() => 0);
  if (!outcome?.cancelledAt) {
    if (outcome?.status === 'cancelled')
      throw conflict('booking-already-cancelled', 'This booking has already been cancelled.');
    if (outcome?.used && !outcome.cancelClosed)
      throw conflict(
        'ticket-already-used',
        'A ticket of this booking has already been used at the door; the booking can no longer be cancelled.',
      );
    if (outcome && !outcome.started)
      throw conflict(
        'cancellation-closed',
        `Bookings can be cancelled until ${rules.cancelClosesHours} hours before the concert starts; that time has passed.`,
        { hoursBefore: rules.cancelClosesHours },
      );
    throw conflict(
      'concert-already-started',
      'This concert has already started; its bookings can no longer be cancelled.',
    );
  }
  return toBookingDetails(db, rules, await findOwnBooking(db, rules, reference, email));
}

/** Books the best available seats of a tier (see withBestAvailable); the answer is a seat booking's. */
export async function bookBestAvailable(
  db: Db,
  rules: BookingRules,
  input: BestAvailableBookingBody,
  desk: SeatDesk,
  requestKey: RequestKey | null = null,
  admission?: Admission,
): Promise<Booking> {
  const { userName, userEmail } = input;
  const payWith = payWithOf(rules, input.payment);
  return withBestAvailable(db, desk.inventories, input, async (seatIds) => {
    const reference = newReference();
    const result = await repository.bookSeatsIfFree(db, {
      seatIds,
      reference,
      name: userName,
      email: userEmail,
      holdToken: null,
      maxPerBuyer: rules.maxTicketsPerBuyer,
      admittedTo: admission?.concertId ?? null,
      skipLocked: true,
      requestKey,
      payWith,
      paymentWindowMinutes: rules.payments.settings.windowMinutes,
      language: input.language ?? 'en',
    });
    if (result.booked) {
      reportBooked(desk, result.seats);
      await passUsed(db, admission);
      const booking = toBooking({ userName, userEmail, seatIds }, reference, result, payWith, rules.payments.testMode);
      return startPaying(rules, booking, payWith);
    }
    assertSalesOpen(result.seats);
    assertAdmitted(result.seats);
    if (result.paymentRefused) refusePaymentMethod(payWith);
    if (result.overBuyerLimit) refuseOverBuyerLimit(rules.maxTicketsPerBuyer, seatIds.length);
    return undefined;
  });
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { concertStartsAt, hoursBeforeStart } from '../../db/venue-clock.js';
import type { RequestKey } from '../../http/idempotency.js';
import { freedSeatsJson, markSeatChanged, returningFreedSeats, type FreedSeat } from '../seats/seats.state.js';
import { bookingSeats, bookings, concerts, seats, ticketTiers } from '../../db/schema.js';
import { admissionNeeded, salesPhase, toRequestedSeatState, type RequestedSeatState } from '../seats/seats.locks.js';
import { bookChosenSeats, bookHeldSeats, bookOfferedSeats } from './bookings.statement.js';
import type { BookingLanguage, BookingStatus, MoneyState, PaymentMethod } from 'hamro-concert.contracts';

export type { RequestedSeatState } from '../seats/seats.locks.js';

export interface BookedSeat {
  id: number;
  concertId: string;
  tierId: number;
  label: string;
  priceCents: number;
  ticketCode: string;
  /** The seat's new change number, for this instance's inventory. */
  changeSeq: number;
}

/** A booked seat as the booking statement and the answer loader return its row. */
function toBookedSeat(row: {
  id: number;
  concert_id: string;
  tier_id: number;
  label: string;
  price_cents: number;
  ticket_code: string | null;
  change_seq: string | null;
}): BookedSeat {
  return {
    id: row.id,
    concertId: row.concert_id,
    tierId: row.tier_id,
    label: row.label,
    priceCents: row.price_cents,
    ticketCode: row.ticket_code ?? '',
    changeSeq: Number(row.change_seq),
  };
}

/** A booking as it was made: awaiting payment until its due time, or confirmed at once. */
export interface BookingTerms {
  status: 'confirmed' | 'awaiting_payment';
  dueAt: Date | null;
}

export type BookingAttempt =
  | ({ booked: true; id: string; createdAt: Date; seats: BookedSeat[]; holdWasLive: boolean | null } & BookingTerms)
  | { booked: false; seats: RequestedSeatState[]; overBuyerLimit: boolean; paymentRefused: boolean };

/** Books the seats if all of them can be booked now; if not, nothing is written and the seats' states come back. */
export async function bookSeatsIfFree(
  db: Executor,
  input: {
    seatIds: number[];
    reference: string;
    name: string;
    email: string;
    holdToken: string | null;
    maxPerBuyer: number;
    /** The concert a verified admission pass lets the request into (see admissionNeeded). */
    admittedTo: string | null;
    /** For best-available: seats locked by someone else make the attempt fail at once instead of waiting. */
    skipLocked?: boolean;
    /** The request's Idempotency-Key, if it has one: linked to the booking as it is written. */
    requestKey?: RequestKey | null;
    /** How the buyer pays (see the statement's verdict), and how long an online payment may take. */
    payWith: PaymentMethod;
    paymentWindowMinutes: number;
    /** The buyer's language, for the emails about the booking. */
    language: BookingLanguage;
  },
): Promise<BookingAttempt> {
  const { skipLocked = false, requestKey = null, ...values } = input;
  const statement = skipLocked ? bookOfferedSeats : values.holdToken ? bookHeldSeats : bookChosenSeats;
  const { rows } = await statement(db, {
    ...values,
    keyEndpoint: requestKey?.endpoint ?? null,
    requestKey: requestKey?.key ?? null,
  });
  const first = rows[0];
  if (first?.booking_id && first.created_at) {
    return {
      booked: true,
      id: first.booking_id,
      createdAt: new Date(first.created_at),
      holdWasLive: first.hold_live,
      seats: rows.map(toBookedSeat),
      status: first.booking_status ?? 'confirmed',
      dueAt: first.payment_due_at && new Date(first.payment_due_at),
    };
  }
  return {
    booked: false,
    overBuyerLimit: first?.seats_ok === true,
    paymentRefused: first?.pay_refused === true,
    seats: rows.map(toRequestedSeatState),
  };
}

/** A booking as its answer was made: its id, time, buyer and seats (see toBooking); undefined if there is none. */
export async function findBookedAnswer(
  db: Executor,
  reference: string,
): Promise<
  | {
      id: string;
      createdAt: Date;
      userName: string;
      userEmail: string;
      seats: BookedSeat[];
      status: BookingStatus;
      dueAt: Date | null;
      paymentMethod: PaymentMethod | null;
    }
  | undefined
> {
  const { rows } = await db.execute<{
    booking_id: string;
    payment_method: PaymentMethod | null;
    status: BookingStatus;
    payment_due_at: Date | null;
    created_at: Date;
    user_name: string;
    user_email: string;
    id: number;
    concert_id: string;
    tier_id: number;
    label: string;
    price_cents: number;
    ticket_code: string;
    change_seq: string;
  }>(sql`
    select b.id as booking_id, b.payment_method, b.status, b.payment_due_at, b.created_at, b.user_name, b.user_email, s.id, s.concert_id, s.tier_id, s.label,
           bs.price_cents, bs.ticket_code, s.change_seq::text
    from bookings b
    join booking_seats bs on bs.booking_id = b.id
    join seats s on s.id = bs.seat_id
    where b.reference = ${reference}
    order by s.id`);
  const first = rows[0];
  if (!first) return undefined;
  return {
    id: first.booking_id,
    createdAt: new Date(first.created_at),
    userName: first.user_name,
    userEmail: first.user_email,
    seats: rows.map(toBookedSeat),
    status: first.status,
    dueAt: first.payment_due_at && new Date(first.payment_due_at),
    paymentMethod: first.payment_method,
  };
}

/** The requested seats as they are now, without locking; `held` counts any live hold but the buyer's own. */
export function findSeatStates(
  db: Executor,
  ids: number[],
  ownHoldToken: string | null,
  admittedTo: string | null,
): Promise<RequestedSeatState[]> {
  return db
    .select({
      id: seats.id,
      concertId: seats.concertId,
      label: seats.label,
      booked: sql<boolean>`${seats.bookingId} is not null`,
      held: sql<boolean>`${seats.heldUntil} > now()
        and ${seats.holdId} is distinct from (select h.id from holds h where h.token = ${ownHoldToken}::text)`,
      salesPhase,
      admissionNeeded: admissionNeeded(sql`${admittedTo}`),
    })
    .from(seats)
    .innerJoin(ticketTiers, eq(ticketTiers.id, seats.tierId))
    .innerJoin(concerts, eq(concerts.id, seats.concertId))
    .where(inArray(seats.id, ids))
    .orderBy(asc(seats.id));
}

export interface BookingRecord {
  id: string;
  reference: string;
  status: BookingStatus;
  paymentMethod: PaymentMethod | null;
  money: MoneyState;
  paymentDueAt: Date | null;
  createdAt: Date;
  cancelledAt: Date | null;
  userName: string;
  userEmail: string;
  totalCents: number;
  started: boolean;
  /** Cancelling has closed: the concert starts within the cancellation window, or has started. */
  cancelClosed: boolean;
  concert: {
    id: string;
    title: string;
    artist: string;
    date: string;
    time: string;
    venue: string;
    city: string;
    image: string;
    timeZone: string;
    currency: string;
  };
}

/** A booking by reference, only if the email matches too (case-insensitively). */
export async function findBookingByReference(
  db: Executor,
  reference: string,
  email: string,
  cancelClosesHours: number,
): Promise<BookingRecord | undefined> {
  const [row] = await db
    .select({
      id: bookings.id,
      reference: bookings.reference,
      status: bookings.status,
      paymentMethod: bookings.paymentMethod,
      money: bookings.money,
      paymentDueAt: bookings.paymentDueAt,
      createdAt: bookings.createdAt,
      cancelledAt: bookings.cancelledAt,
      userName: bookings.userName,
      userEmail: bookings.userEmail,
      totalCents: bookings.totalCents,
      started: sql<boolean>`now() >= ${concertStartsAt}`,
      cancelClosed: sql<boolean>`now() >= ${hoursBeforeStart(cancelClosesHours)}`,
      concert: {
        id: concerts.id,
        title: concerts.title,
        artist: concerts.artist,
        date: concerts.date,
        time: concerts.time,
        venue: concerts.venue,
        city: concerts.city,
        image: concerts.image,
        timeZone: concerts.timeZone,
        currency: concerts.currency,
      },
    })
    .from(bookings)
    .innerJoin(concerts, eq(concerts.id, bookings.concertId))
    .where(and(eq(bookings.reference, reference), sql`lower(${bookings.userEmail}) = lower(${email})`));
  return row;
}

export interface BookingSeatRecord {
  id: number;
  ticketCode: string;
  checkedInAt: Date | null;
  seatNumber: string;
  section: 'front' | 'vip' | 'ga';
  row: number;
  ticketTierId: number;
  tierName: string;
  priceCents: number;
}

export function findSeatsOfBooking(db: Executor, bookingId: string): Promise<BookingSeatRecord[]> {
  return db
    .select({
      id: seats.id,
      ticketCode: bookingSeats.ticketCode,
      checkedInAt: bookingSeats.checkedInAt,
      seatNumber: seats.label,
      section: seats.section,
      row: seats.row,
      ticketTierId: seats.tierId,
      tierName: ticketTiers.name,
      priceCents: bookingSeats.priceCents,
    })
    .from(bookingSeats)
    .innerJoin(seats, eq(seats.id, bookingSeats.seatId))
    .innerJoin(ticketTiers, eq(ticketTiers.id, seats.tierId))
    .where(eq(bookingSeats.bookingId, bookingId))
    .orderBy(asc(seats.section), asc(seats.row), asc(seats.number));
}

/**
 * Cancels a confirmed booking of a concert that has not started and of which no ticket has been
 * admitted, in one statement: the booking row is locked first, so two cancellations cannot both go
 * through, then its tickets, so a check-in and a cancellation cannot both go through; then the
 * booking is marked cancelled, its seats are released (and freed on the seat rows, so stock comes
 * back exactly) and its sale records are marked cancelled. Returns what the locked row said, and when it was cancelled (null if it was not).
 */
export async function cancelBookingIfAllowed(
  db: Executor,
  bookingId: string,
  cancelClosesHours: number,
): Promise<
  | {
      status: BookingStatus;
      started: boolean;
      cancelClosed: boolean;
      used: boolean;
      cancelledAt: Date | null;
      freed: FreedSeat[];
      /** Its online payment is now to be refunded. */
      refundDue: boolean;
    }
  | undefined
> {
  const { rows } = await db.execute<{
    status: BookingStatus;
    started: boolean;
    cancel_closed: boolean;
    used: boolean;
    cancelled_at: Date | null;
    freed: FreedSeat[] | null;
    refund_due: boolean;
  }>(sql`
    with target as (
      select b.id, b.status, now() >= ${concertStartsAt} as started,
             now() >= ${hoursBeforeStart(cancelClosesHours)} as cancel_closed
      from bookings b join ${concerts} on ${concerts.id} = b.concert_id
      where b.id = ${bookingId}
      for update of b
    ), tickets as (
      -- Locked, so a check-in racing this waits and then finds the seats released; a check-in that
      -- came first is seen here in its committed state, and the booking is not cancelled.
      select bs.checked_in_at from booking_seats bs join target on bs.booking_id = target.id for update of bs
    ), used as (
      select exists (select 1 from tickets where checked_in_at is not null) as used
    ), cancelled as (
      -- Money paid online is now owed back; an awaited payment that still comes is refunded when it does.
      update bookings set status = 'cancelled', cancelled_at = now(),
        money = case bookings.money when 'paid' then 'refund_due' when 'awaiting' then 'unpaid'
                                    else bookings.money end
      from target, used
      where bookings.id = target.id and target.status in ('confirmed', 'awaiting_payment')
        and not target.cancel_closed and not used.used
      returning bookings.id, bookings.cancelled_at, bookings.money
    ), refund_owed as (
      update payments set refund_state = 'due', refund_reason = 'cancelled', refund_due_at = now()
      from cancelled
      where payments.booking_id = cancelled.id and payments.state = 'completed' and payments.refund_state is null
      returning payments.id
    ), released as (
      update booking_seats set released_at = now()
      from cancelled where booking_seats.booking_id = cancelled.id and booking_seats.released_at is null
    ), freed as (
      update seats set booking_id = null, ${markSeatChanged}
      from cancelled
      where seats.booking_id = cancelled.id
        and seats.id in (select bs.seat_id from booking_seats bs where bs.booking_id = cancelled.id)
      ${returningFreedSeats}
    ), sales_cancelled as (
      update sales set status = 'cancelled' from cancelled where sales.booking_id = cancelled.id
    ), quota_returned as (
      update buyer_seats q set seats = q.seats - given_back.seats
      from (
        select lower(b.user_email) as email_key, b.concert_id,
               (select count(*)::int from booking_seats bs where bs.booking_id = b.id and bs.released_at is null) as seats
        from cancelled join bookings b on b.id = cancelled.id
      ) as given_back
      where q.email_key = given_back.email_key and q.concert_id = given_back.concert_id
    )
    select target.status, target.started, target.cancel_closed, (select used from used) as used,
      (select cancelled_at from cancelled) as cancelled_at, ${freedSeatsJson('freed')} as freed,
      exists (select 1 from refund_owed) as refund_due
    from target`);
  const row = rows[0];
  return (
    row && {
      status: row.status,
      started: row.started,
      cancelClosed: row.cancel_closed,
      used: row.used,
      cancelledAt: row.cancelled_at && new Date(row.cancelled_at),
      freed: row.freed ?? [],
      refundDue: row.refund_due,
    }
  );
}

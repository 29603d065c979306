import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { MONEY_STATES, PAYMENT_METHODS, PAYMENT_STATES } from 'hamro-concert.contracts';

/** A PostgreSQL transaction id (`xid8`), comparable with snapshots. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/** Every change to who holds a seat takes a number from here. */
export const seatChangeSeq = pgSequence('seat_change_seq');

export const sectionEnum = pgEnum('seat_section', ['front', 'vip', 'ga']);
export const bookingStatusEnum = pgEnum('booking_status', ['confirmed', 'cancelled', 'awaiting_payment', 'expired']);
export const paymentMethodEnum = pgEnum('payment_method', PAYMENT_METHODS);
/** Where a booking's money stands (see MONEY_STATES in the contracts). */
export const moneyStateEnum = pgEnum('money_state', MONEY_STATES);
export const paymentStateEnum = pgEnum('payment_state', PAYMENT_STATES);
export const refundStateEnum = pgEnum('refund_state', ['due', 'done']);
/** An active hold whose expires_at has passed is expired: no timer has to fire for that. */
export const holdStatusEnum = pgEnum('hold_status', ['active', 'released', 'confirmed']);
/** What an email tells: the tickets, a cancellation, a refund. */
export const emailKindEnum = pgEnum('email_kind', ['tickets', 'cancelled', 'refunded']);

export const concerts = pgTable(
  'concerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    artist: text('artist').notNull(),
    date: date('date').notNull(),
    time: time('time').notNull(),
    venue: text('venue').notNull(),
    city: text('city').notNull(),
    image: text('image').notNull().default(''),
    description: text('description').notNull().default(''),
    /** The venue's IANA time zone: `date` and `time` are its wall clock. */
    timeZone: text('time_zone').notNull().default('Asia/Kathmandu'),
    /** ISO 4217 code of the currency its prices are in. */
    currency: text('currency').notNull().default('NPR'),
    /** Sales begin here if set; otherwise as soon as the concert exists. */
    salesOpenAt: timestamp('sales_open_at', { withTimezone: true }),
    /** Sales end here if set; otherwise at the start. */
    salesCloseAt: timestamp('sales_close_at', { withTimezone: true }),
    /** The ways buyers may pay; the online ones are offered only while `currency` is NPR. */
    paymentMethods: paymentMethodEnum('payment_methods')
      .array()
      .notNull()
      .default(sql`'{door,esewa,khalti}'`),
    /** Raised whenever seats are added or removed after creation; part of the seat map's version. */
    layoutVersion: integer('layout_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('concerts_date_time_idx').on(t.date, t.time, t.id),
    check('concerts_sales_window_ordered', sql`${t.salesOpenAt} < ${t.salesCloseAt}`),
  ],
);

export const ticketTiers = pgTable(
  'ticket_tiers',
  {
    id: serial('id').primaryKey(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    /** 1 VIP, 2 Front Row, 3 General Admission. */
    ticketTypeId: smallint('ticket_type_id').notNull(),
    name: text('name').notNull(),
    priceCents: bigint('price_cents', { mode: 'number' }).notNull(),
    total: integer('total').notNull(),
    /** The tier's own sales window (a presale, say); where unset, the concert's applies. */
    salesOpenAt: timestamp('sales_open_at', { withTimezone: true }),
    salesCloseAt: timestamp('sales_close_at', { withTimezone: true }),
  },
  (t) => [
    check('ticket_tiers_sales_window_ordered', sql`${t.salesOpenAt} < ${t.salesCloseAt}`),
    // One tier per section of a concert: seat labels (V-12) are unique per concert through it.
    uniqueIndex('ticket_tiers_concert_type_uq').on(t.concertId, t.ticketTypeId),
    check('ticket_tiers_type_known', sql`${t.ticketTypeId} between 1 and 3`),
    check('ticket_tiers_price_not_negative', sql`${t.priceCents} >= 0`),
    check('ticket_tiers_total_not_negative', sql`${t.total} >= 0`),
  ],
);

/**
 * A seat is its own lock and carries its own state: `booking_id` is the booking that holds it now.
 * A booking locks its seat rows, so whoever gets the lock reads the latest state of the seat.
 */
export const seats = pgTable(
  'seats',
  {
    id: serial('id').primaryKey(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    tierId: integer('tier_id')
      .notNull()
      .references(() => ticketTiers.id, { onDelete: 'cascade' }),
    section: sectionEnum('section').notNull(),
    row: integer('row').notNull(),
    number: integer('number').notNull(),
    label: text('label').notNull(),
    bookingId: uuid('booking_id').references((): AnyPgColumn => bookings.id, { onDelete: 'set null' }),
    /** The hold on the seat, if any; it counts only while `held_until` is in the future. */
    holdId: uuid('hold_id').references((): AnyPgColumn => holds.id, { onDelete: 'set null' }),
    heldUntil: timestamp('held_until', { withTimezone: true }),
    /** Renumbered from seat_change_seq at every change: a higher number is always a later state of the seat. */
    changeSeq: bigint('change_seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('seat_change_seq')`),
    /**
     * The transaction that last changed the seat. The seat feed reads the seats whose transaction has
     * committed since its last snapshot, so one that commits after a later-numbered one is never missed.
     */
    changeXid: xid8('change_xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    // Few indexes on purpose: a booking rewrites its seat rows, and each index costs an insertion there.
    // A booking's or a hold's seats are found through booking_seats and holds.seat_ids instead.
    uniqueIndex('seats_concert_label_uq').on(t.concertId, t.label),
    index('seats_change_xid_idx').on(t.changeXid),
    // Stock is derived: a tier's free seats, counted from this index.
    index('seats_tier_free_idx')
      .on(t.tierId)
      .where(sql`${t.bookingId} is null`),
    // The next hold to expire changes a seat map without any write; its version includes that instant.
    index('seats_concert_held_until_idx')
      .on(t.concertId, t.heldUntil)
      .where(sql`${t.heldUntil} is not null`),
    check('seats_held_with_until', sql`(${t.holdId} is null) = (${t.heldUntil} is null)`),
    check('seats_row_positive', sql`${t.row} >= 1`),
    check('seats_number_positive', sql`${t.number} >= 1`),
  ],
);

/** Seats set aside for one buyer while they check out; the token is the buyer's proof. */
export const holds = pgTable(
  'holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    token: text('token').notNull(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    seatIds: integer('seat_ids').array().notNull(),
    status: holdStatusEnum('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /**
     * Who holds: an admission pass (`pass:<entry>`) or a browser session (`session:<id>`). One active
     * hold each; an expired one is marked released before its holder's next hold (see holdSeatsIfFree).
     */
    holder: text('holder'),
    /**
     * The buyer's email, lower-cased, once they give it: the hold's seats then count toward their
     * limit for the concert (see holdSeatsIfFree), as booked seats do in buyer_seats.
     */
    buyerKey: text('buyer_key'),
  },
  (t) => [
    uniqueIndex('holds_token_uq').on(t.token),
    index('holds_active_buyer_idx')
      .on(t.buyerKey, t.concertId)
      .where(sql`${t.status} = 'active' and ${t.buyerKey} is not null`),
    uniqueIndex('holds_one_active_per_holder_uq')
      .on(t.holder)
      .where(sql`${t.status} = 'active'`),
    index('holds_active_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'active'`),
    check('holds_seat_count', sql`cardinality(${t.seatIds}) between 1 and 10`),
  ],
);

export const customers = pgTable(
  'customers',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customers_email_lower_uq').on(sql`lower(${t.email})`)],
);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'restrict' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    userName: text('user_name').notNull(),
    userEmail: text('user_email').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    status: bookingStatusEnum('status').notNull().default('confirmed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** null for a free booking. */
    paymentMethod: paymentMethodEnum('payment_method'),
    money: moneyStateEnum('money').notNull().default('at_door'),
    /** While awaiting payment, its seats are kept for it until here. */
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cashCollectedAt: timestamp('cash_collected_at', { withTimezone: true }),
    /** The buyer's language, for the emails about the booking: en or ne. */
    language: text('language').notNull().default('en'),
  },
  (t) => [
    uniqueIndex('bookings_reference_uq').on(t.reference),
    index('bookings_customer_idx').on(t.customerId),
    index('bookings_concert_idx').on(t.concertId, t.createdAt),
    // The reconciler's round finds the bookings whose payment window has ended through this.
    index('bookings_awaiting_due_idx')
      .on(t.paymentDueAt)
      .where(sql`${t.status} = 'awaiting_payment'`),
    check('bookings_total_not_negative', sql`${t.totalCents} >= 0`),
    check('bookings_awaiting_has_due', sql`${t.status} <> 'awaiting_payment' or ${t.paymentDueAt} is not null`),
    check('bookings_language_known', sql`${t.language} in ('en', 'ne')`),
  ],
);

/**
 * The seats of each booking, each with its ticket, kept after a cancellation (`released_at` set). The partial unique index
 * is the database's last line of defence: one seat is in at most one active booking.
 */
export const bookingSeats = pgTable(
  'booking_seats',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    seatId: integer('seat_id')
      .notNull()
      .references(() => seats.id, { onDelete: 'restrict' }),
    priceCents: bigint('price_cents', { mode: 'number' }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    /** The seat's ticket: 128 random bits, shown as a QR code and scanned at the door. */
    ticketCode: text('ticket_code')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.bookingId, t.seatId] }),
    uniqueIndex('booking_seats_one_active_per_seat_uq')
      .on(t.seatId)
      .where(sql`${t.releasedAt} is null`),
    uniqueIndex('booking_seats_ticket_code_uq').on(t.ticketCode),
  ],
);

/**
 * One attempt to pay a booking online. `order_id` is ours (Khalti's purchase_order_id, eSewa's
 * transaction_uuid); `provider_ref` is Khalti's pidx. Amounts in paisa. An attempt stays `awaiting`
 * until the provider decides; the reconciler asks about it from `next_check_at` on.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    method: paymentMethodEnum('method').notNull(),
    orderId: text('order_id').notNull(),
    providerRef: text('provider_ref'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    state: paymentStateEnum('state').notNull().default('awaiting'),
    /** The provider's last word on it, as it said it (Completed, PENDING, User canceled …). */
    providerStatus: text('provider_status'),
    /** What the provider confirmed, when it differs or once it is paid. */
    confirmedCents: bigint('confirmed_cents', { mode: 'number' }),
    transactionId: text('transaction_id'),
    /** The provider's own end of this attempt (Khalti's expires_at); after it, unpaid is final. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull(),
    checks: integer('checks').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    refundState: refundStateEnum('refund_state'),
    refundReason: text('refund_reason'),
    refundDueAt: timestamp('refund_due_at', { withTimezone: true }),
    /** An instance claims an API refund until here, so two never send the same one. */
    refundClaimedUntil: timestamp('refund_claimed_until', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    refundedBy: text('refunded_by'),
  },
  (t) => [
    uniqueIndex('payments_order_id_uq').on(t.orderId),
    uniqueIndex('payments_provider_ref_uq')
      .on(t.method, t.providerRef)
      .where(sql`${t.providerRef} is not null`),
    index('payments_booking_idx').on(t.bookingId),
    index('payments_awaiting_check_idx')
      .on(t.nextCheckAt)
      .where(sql`${t.state} = 'awaiting'`),
    index('payments_refund_due_idx')
      .on(t.refundDueAt)
      .where(sql`${t.refundState} = 'due'`),
    check('payments_amount_positive', sql`${t.amountCents} > 0`),
    check('payments_online', sql`${t.method} <> 'door'`),
  ],
);

/** One sale record per tier of a booking: what was sold, at which price. */
export const sales = pgTable(
  'sales',
  {
    id: serial('id').primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'restrict' }),
    tierId: integer('tier_id')
      .notNull()
      .references(() => ticketTiers.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    priceCents: bigint('price_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    seatNumbers: text('seat_numbers').array().notNull(),
    status: bookingStatusEnum('status').notNull().default('confirmed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sales_booking_idx').on(t.bookingId),
    index('sales_tier_idx').on(t.tierId),
    check('sales_quantity_positive', sql`${t.quantity} > 0`),
    check('sales_total_matches', sql`${t.totalCents} = ${t.quantity} * ${t.priceCents}`),
  ],
);

/**
 * How many seats each buyer (by lower-cased email) holds in active bookings per concert. A booking
 * adds to its row under the row's lock, which is what keeps parallel bookings by one buyer from
 * slipping past the per-buyer limit; cancelling subtracts.
 */
export const buyerSeats = pgTable(
  'buyer_seats',
  {
    emailKey: text('email_key').notNull(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    seats: integer('seats').notNull(),
  },
  (t) => [primaryKey({ columns: [t.emailKey, t.concertId] }), check('buyer_seats_not_negative', sql`${t.seats} >= 0`)],
);

/** Responses remembered per Idempotency-Key and endpoint, so a retried request is answered, not redone. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    endpoint: text('endpoint').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseType: text('response_type'),
    responseBody: text('response_body'),
    // Written by the booking statement itself, so a booking whose answer was lost can be answered again.
    bookingReference: text('booking_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.endpoint, t.key] }), index('idempotency_keys_expiry_idx').on(t.expiresAt)],
);

/**
 * Emails owed to buyers, one row per event (`event` is unique: the tickets of a confirmed booking, its
 * cancellation, a refund, an organizer's resend). Rows are written by triggers on bookings and
 * payments in the transaction that confirms, cancels or refunds (migration 0016), so an email is
 * owed exactly when the change commits. Every instance's sender claims due rows (SKIP LOCKED), which
 * moves `next_attempt_at` past the time a send may take, sends them and marks them sent, or moves
 * `next_attempt_at` on by a backoff.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    event: text('event').notNull(),
    kind: emailKindEnum('kind').notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    /** For a refund: the payment refunded. */
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Also moved on by a claim: a sender that dies leaves the row to come due again. */
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('email_outbox_event_uq').on(t.event),
    index('email_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null`),
    index('email_outbox_booking_idx').on(t.bookingId),
  ],
);

/** Small facts about the database itself, such as whether the demo data was seeded. */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A concert's waiting room: while it is on, holding and booking its seats need an admission pass.
 * Visitors join from `join_seconds_before` the opening; the row is the room's lock and its ledger.
 */
export const waitingRooms = pgTable(
  'waiting_rooms',
  {
    concertId: uuid('concert_id')
      .primaryKey()
      .references(() => concerts.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(true),
    admitPerMinute: integer('admit_per_minute').notNull(),
    maxShopping: integer('max_shopping').notNull(),
    paused: boolean('paused').notNull().default(false),
    joinSecondsBefore: integer('join_seconds_before').notNull().default(900),
    passSeconds: integer('pass_seconds').notNull().default(900),
    /** When it was last turned on; the opening is the concert's salesOpenAt, or this if later. */
    enabledAt: timestamp('enabled_at', { withTimezone: true }).notNull().defaultNow(),
    /** Those who came before the opening have been drawn into the line. */
    drawn: boolean('drawn').notNull().default(false),
    /** Visitors waiting for the draw. */
    earlyCount: integer('early_count').notNull().default(0),
    /** The last place in line given out; places run 1, 2, 3 … without gaps. */
    lastPlace: bigint('last_place', { mode: 'number' }).notNull().default(0),
    /** Every place up to this one has been admitted. */
    admittedThrough: bigint('admitted_through', { mode: 'number' }).notNull().default(0),
    /** Admissions earned by the rate but not yet given, and when they were last counted. */
    credit: doublePrecision('credit').notNull().default(0),
    creditAt: timestamp('credit_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('waiting_rooms_rates_positive', sql`${t.admitPerMinute} > 0 and ${t.maxShopping} > 0`),
    check('waiting_rooms_times_positive', sql`${t.joinSecondsBefore} >= 0 and ${t.passSeconds} > 0`),
  ],
);

/** One visitor's place in a waiting room, from the queue ticket to the end of the admission pass. */
export const waitingRoomEntries = pgTable(
  'waiting_room_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    concertId: uuid('concert_id')
      .notNull()
      .references(() => waitingRooms.concertId, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** A random number: the order among those who came before the opening. */
    draw: doublePrecision('draw'),
    /** The place in line: given at the draw to early visitors, on arrival to later ones. */
    place: bigint('place', { mode: 'number' }),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    /** The pass is good until here; activity (a hold) moves it on. */
    passExpiresAt: timestamp('pass_expires_at', { withTimezone: true }),
    /** Booked: the visitor no longer counts as shopping. */
    doneAt: timestamp('done_at', { withTimezone: true }),
    /**
     * The browser session that holds this place: one place per session and room. A new place for
     * the session, once this one has ended, takes the session from it.
     */
    sessionId: uuid('session_id'),
  },
  (t) => [
    uniqueIndex('waiting_room_entries_place_uq').on(t.concertId, t.place),
    uniqueIndex('waiting_room_entries_session_uq')
      .on(t.concertId, t.sessionId)
      .where(sql`${t.sessionId} is not null`),
    index('waiting_room_entries_shopping_idx')
      .on(t.concertId, t.passExpiresAt)
      .where(sql`${t.admittedAt} is not null and ${t.doneAt} is null`),
  ],
);

/**
 * Requests per client and window, for the rate limits every instance shares. Unlogged (see the
 * migration): a crash that forgets the counts costs nothing worth a write-ahead log.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
});

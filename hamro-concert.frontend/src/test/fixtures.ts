import type {
  Booking,
  BookingDetails,
  BookingPayment,
  Concert,
  Hold,
  SalesReport,
  Seat,
  SeatMap,
  SeatStatus,
  Section,
  Visit,
} from 'hamro-concert.contracts';

export const CONCERT_ID = '6f1c2f7e-3b8a-4d51-9a43-2f1d8b7c5e10';

const TIERS = [
  { id: 1, section: 'front' as Section, name: 'Front Row', price: '50.00', rows: [20], prefix: 'F' },
  { id: 2, section: 'vip' as Section, name: 'VIP', price: '100.00', rows: [10, 10], prefix: 'V' },
  {
    id: 3,
    section: 'ga' as Section,
    name: 'General Admission',
    price: '10.00',
    rows: [12, 12, 12, 12, 12],
    prefix: 'G',
  },
];

/** The demo venue: Front Row 1×20 ($50), VIP 2×10 ($100), General Admission 5×12 ($10); ids 1..100. */
export function buildSeats(
  booked: readonly number[] = [],
  concertId = CONCERT_ID,
  held: readonly number[] = [],
): Seat[] {
  const seats: Seat[] = [];
  let id = 1;
  for (const tier of TIERS) {
    let number = 1;
    tier.rows.forEach((count, index) => {
      for (let i = 0; i < count; i += 1) {
        seats.push({
          id,
          concertId,
          ticketTierId: tier.id,
          seatNumber: `${tier.prefix}-${number}`,
          row: index + 1,
          section: tier.section,
          isBooked: booked.includes(id),
          status: booked.includes(id) ? 'booked' : held.includes(id) ? 'held' : 'available',
        });
        id += 1;
        number += 1;
      }
    });
  }
  return seats;
}

/** How many of the seats have each status: a seat map's counts and a tier's `available`, as the API gives them. */
function countByStatus(seats: readonly Seat[]): Record<SeatStatus, number> {
  const counts: Record<SeatStatus, number> = { available: 0, held: 0, booked: 0 };
  for (const seat of seats) counts[seat.status] += 1;
  return counts;
}

/** A seat map of these seats, with its counts. */
export function seatMapOf(seats: Seat[]): SeatMap {
  const counts = countByStatus(seats);
  return {
    seats,
    totalSeats: seats.length,
    availableSeats: counts.available,
    bookedSeats: counts.booked,
    heldSeats: counts.held,
    version: `0-${seats.length}-0`,
  };
}

export function buildSeatMap(
  booked: readonly number[] = [],
  concertId = CONCERT_ID,
  held: readonly number[] = [],
): SeatMap {
  return seatMapOf(buildSeats(booked, concertId, held));
}

/** The concert the component tests show, as both the concert and a booking name it. */
const CONCERT_BASICS = {
  title: 'Himalayan Echoes',
  artist: 'Sagarmatha Strings',
  date: '2026-03-14',
  time: '19:00:00',
  timeZone: 'Asia/Kathmandu',
  currency: 'NPR',
  startsAt: '2026-03-14T13:15:00.000Z',
  salesOpenAt: null,
  salesCloseAt: null,
  venue: 'Tundikhel Open Air Stage',
  city: 'Kathmandu',
  image: '/images/himalayan-echoes.svg',
};

export function buildConcert(
  overrides: Partial<Concert> = {},
  booked: readonly number[] = [],
  held: readonly number[] = [],
): Concert {
  const seats = buildSeats(booked, overrides.id ?? CONCERT_ID, held);
  return {
    id: CONCERT_ID,
    ...CONCERT_BASICS,
    description: 'Folk songs from the hills.',
    // Paid at the door only, unless a test offers Khalti or eSewa too; as chosen, unless a test says otherwise.
    paymentMethods: ['door'],
    paymentMethodsChosen: overrides.paymentMethodsChosen ?? overrides.paymentMethods ?? ['door'],
    tiers: TIERS.map((tier) => {
      const inTier = seats.filter((seat) => seat.ticketTierId === tier.id);
      return {
        id: tier.id,
        name: tier.name,
        price: tier.price,
        total: inTier.length,
        available: countByStatus(inTier).available,
        salesOpenAt: null,
        salesCloseAt: null,
      };
    }),
    ...overrides,
  };
}

/** Seat ids of the demo venue by place: VIP row 2 seat 12 is id 32 (20 front + 12th VIP seat). */
export const seatId = {
  front: (number: number) => number,
  vip: (number: number) => 20 + number,
  ga: (number: number) => 40 + number,
};

/** How a booking is paid, as its answers show it: by default at the door, on a server in test mode. */
export function buildPayment(overrides: Partial<BookingPayment> = {}): BookingPayment {
  return { method: 'door', state: 'at_door', dueAt: null, testMode: true, attempts: [], ...overrides };
}

export function buildBooking(seatIds: number[], overrides: Partial<Booking> = {}): Booking {
  return {
    id: '0b8e6c1a-7f55-4b9e-8d0a-1c2b3d4e5f60',
    reference: 'K7QM2XPA9RTD',
    status: 'confirmed',
    userName: 'Asha Tamang',
    userEmail: 'asha@example.com',
    seatIds,
    totalAmount: '210.00',
    ticketData: [],
    tickets: seatIds.map((id) => ({ seatId: id, seatNumber: `S-${id}`, code: `TK${String(id).padStart(6, '0')}` })),
    payment: buildPayment(),
    ...overrides,
  };
}

export const HOLD_TOKEN = 'hold_4f8a1c2e9b7d6a5f3e1c';

/** An active hold on the given seats that ends `seconds` from now. */
export function buildHold(seatIds: number[], seconds = 600, overrides: Partial<Hold> = {}): Hold {
  return {
    holdToken: HOLD_TOKEN,
    concertId: CONCERT_ID,
    seatIds: [...seatIds].sort((a, b) => a - b),
    expiresAt: new Date(Date.now() + seconds * 1000).toISOString(),
    status: 'active',
    ...overrides,
  };
}

/** A booking as "Find my booking" shows it: VIP row 2 seats 11 and 12, and General Admission row 1 seat 1. */
export function buildBookingDetails(overrides: Partial<BookingDetails> = {}): BookingDetails {
  const seat = (
    id: number,
    seatNumber: string,
    section: Section,
    row: number,
    ticketTierId: number,
    tierName: string,
    price: string,
  ) => ({
    id,
    seatNumber,
    section,
    row,
    ticketTierId,
    tierName,
    price,
  });
  return {
    reference: 'K7QM2XPA9RTD',
    status: 'confirmed',
    createdAt: '2026-02-01T10:00:00.000Z',
    cancelledAt: null,
    userName: 'Asha Tamang',
    userEmail: 'asha@example.com',
    totalAmount: '210.00',
    concert: { id: CONCERT_ID, ...CONCERT_BASICS },
    seats: [
      seat(31, 'V-11', 'vip', 2, 2, 'VIP', '100.00'),
      seat(32, 'V-12', 'vip', 2, 2, 'VIP', '100.00'),
      seat(41, 'G-1', 'ga', 1, 3, 'General Admission', '10.00'),
    ],
    tickets: [
      { seatId: 31, seatNumber: 'V-11', code: 'TK000031', checkedInAt: null },
      { seatId: 32, seatNumber: 'V-12', code: 'TK000032', checkedInAt: null },
      { seatId: 41, seatNumber: 'G-1', code: 'TK000041', checkedInAt: null },
    ],
    canCancel: true,
    payment: buildPayment(),
    ...overrides,
  };
}

/** A visitor in the waiting room of the demo concert: by default number 3 in line, about 9 s to wait. */
export function buildVisit(overrides: Partial<Visit> = {}): Visit {
  return {
    concertId: CONCERT_ID,
    state: 'waiting',
    opensAt: '2026-03-01T04:15:00.000Z',
    joinsFrom: '2026-03-01T04:00:00.000Z',
    ticket: 'dGlja2V0LW9mLWFzaGE.c2lnbmF0dXJl',
    pass: null,
    passExpiresAt: null,
    admittedAt: null,
    place: 7,
    position: 3,
    ahead: 2,
    waiting: 40,
    estimatedWaitSeconds: 9,
    paused: false,
    pollAfterSeconds: 2,
    ...overrides,
  };
}

/** The visit of a visitor whose turn it is: the pass lasts until 04:30 UTC (10:15 AM in Kathmandu). */
export function buildAdmittedVisit(overrides: Partial<Visit> = {}): Visit {
  return buildVisit({
    state: 'admitted',
    pass: 'cGFzcy1vZi1hc2hh.c2lnbmF0dXJl',
    passExpiresAt: '2026-03-01T04:30:00.000Z',
    admittedAt: '2026-03-01T04:15:00.000Z',
    position: 0,
    ahead: 0,
    estimatedWaitSeconds: null,
    pollAfterSeconds: 60,
    ...overrides,
  });
}

/** No waiting room: the concert page goes straight to the seat map. */
export function buildNoRoomVisit(): Visit {
  return buildVisit({
    state: 'off',
    opensAt: null,
    joinsFrom: null,
    ticket: null,
    place: null,
    position: null,
    ahead: null,
    waiting: 0,
    estimatedWaitSeconds: null,
    pollAfterSeconds: 5,
  });
}

/** A concert's sales report as the organizer page fetches it; by default nothing sold and no money moved. */
export function buildSalesReport(overrides: Partial<SalesReport> = {}): SalesReport {
  return {
    concertId: CONCERT_ID,
    title: 'Himalayan Echoes',
    tiers: [],
    totals: { sold: 0, held: 0, free: 0, revenue: '0.00' },
    money: {
      paidOnline: '0.00',
      unpaidAtDoor: '0.00',
      cashCollected: '0.00',
      free: 0,
      awaitingPayment: '0.00',
      refundsDone: '0.00',
      refundsDue: '0.00',
      mismatches: 0,
    },
    recentBookings: [],
    ...overrides,
  };
}

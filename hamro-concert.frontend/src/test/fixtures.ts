import type { Booking, Concert, Seat, SeatMap, Section } from 'hamro-concert.api/contracts';

export const CONCERT_ID = '6f1c2f7e-3b8a-4d51-9a43-2f1d8b7c5e10';

const TIERS = [
  { id: 1, section: 'front' as Section, name: 'Front Row', price: '50.00', rows: [20], prefix: 'F' },
  { id: 2, section: 'vip' as Section, name: 'VIP', price: '100.00', rows: [10, 10], prefix: 'V' },
  { id: 3, section: 'ga' as Section, name: 'General Admission', price: '10.00', rows: [12, 12, 12, 12, 12], prefix: 'G' },
];

/** The demo venue: Front Row 1×20 ($50), VIP 2×10 ($100), General Admission 5×12 ($10); ids 1..100. */
export function buildSeats(booked: readonly number[] = [], concertId = CONCERT_ID): Seat[] {
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
        });
        id += 1;
        number += 1;
      }
    });
  }
  return seats;
}

export function buildSeatMap(booked: readonly number[] = [], concertId = CONCERT_ID): SeatMap {
  const seats = buildSeats(booked, concertId);
  const bookedSeats = seats.filter((seat) => seat.isBooked).length;
  return { seats, totalSeats: seats.length, availableSeats: seats.length - bookedSeats, bookedSeats };
}

export function buildConcert(overrides: Partial<Concert> = {}, booked: readonly number[] = []): Concert {
  const seats = buildSeats(booked, overrides.id ?? CONCERT_ID);
  return {
    id: CONCERT_ID,
    title: 'Himalayan Echoes',
    artist: 'Sagarmatha Strings',
    date: '2026-03-14',
    time: '19:00:00',
    venue: 'Tundikhel Open Air Stage',
    city: 'Kathmandu',
    image: '/images/himalayan-echoes.svg',
    description: 'Folk songs from the hills.',
    tiers: TIERS.map((tier) => {
      const inTier = seats.filter((seat) => seat.ticketTierId === tier.id);
      return {
        id: tier.id,
        name: tier.name,
        price: tier.price,
        total: inTier.length,
        available: inTier.filter((seat) => !seat.isBooked).length,
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

export function buildBooking(seatIds: number[], overrides: Partial<Booking> = {}): Booking {
  return {
    id: '0b8e6c1a-7f55-4b9e-8d0a-1c2b3d4e5f60',
    reference: 'K7QM2XPA9RTD',
    userName: 'Asha Tamang',
    userEmail: 'asha@example.com',
    seatIds,
    totalAmount: '210.00',
    ticketData: [],
    ...overrides,
  };
}

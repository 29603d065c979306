import type { Db } from '../../db/client.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { formatCents } from '../../lib/money.js';
import { newReference } from '../../lib/reference.js';
import * as repository from './bookings.repository.js';
import type { BookSeatsBody, Booking } from './bookings.schemas.js';

function assertAllSeatsExist(requested: number[], seats: repository.SeatState[]): void {
  if (seats.length === requested.length) return;
  const found = new Set(seats.map((seat) => seat.id));
  const missing = requested.filter((id) => !found.has(id));
  throw notFound('seat-not-found', `These seats do not exist: ${missing.join(', ')}.`, { seatIds: missing });
}

function assertOneConcert(seats: repository.SeatState[]): void {
  const concertIds = new Set(seats.map((seat) => seat.concertId));
  if (concertIds.size > 1) {
    throw badRequest('seats-span-concerts', 'All seats of a booking must be for the same concert.', {
      concertIds: [...concertIds],
    });
  }
}

function assertNotOver(seats: repository.SeatState[], clock: Clock): void {
  if (seats[0]!.concertDate < clock.today()) {
    throw conflict('concert-is-over', 'This concert has already taken place; its seats can no longer be booked.');
  }
}

function assertAllFree(seats: repository.SeatState[]): void {
  const taken = seats.filter((seat) => seat.booked);
  if (taken.length === 0) return;
  throw conflict('seat-already-booked', `Someone else has already booked ${taken.map((seat) => seat.label).join(', ')}.`, {
    seats: taken.map((seat) => ({ id: seat.id, seatNumber: seat.label })),
  });
}

function toBooking(
  input: BookSeatsBody,
  reference: string,
  booking: { id: string; createdAt: Date; seats: repository.BookedSeat[] },
): Booking {
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
      status: 'confirmed' as const,
      createdAt: booking.createdAt.toISOString(),
      seatNumbers: seats.map((seat) => seat.label),
    }));
  return {
    id: booking.id,
    reference,
    userName: input.userName,
    userEmail: input.userEmail,
    seatIds: input.seatIds,
    totalAmount: formatCents(booking.seats.reduce((sum, seat) => sum + seat.priceCents, 0)),
    ticketData,
  };
}

/** Throws the error that explains why a booking of these seats could not be made, if any does. */
function explainRefusal(seatIds: number[], seats: repository.SeatState[], clock: Clock): void {
  assertAllSeatsExist(seatIds, seats);
  assertOneConcert(seats);
  assertNotOver(seats, clock);
  assertAllFree(seats);
}

/**
 * Books seats all-or-nothing. One statement is the whole transaction: it locks the free seats in id
 * order and writes only if every requested seat is among them, of one upcoming concert; otherwise it
 * returns the seats as they were, which say why. A seat booked while the statement waited for its
 * lock still looks free there, so then a fresh read explains; and if that finds nothing wrong (the
 * seat was released again), the booking is tried once more.
 */
export async function bookSeats(db: Db, clock: Clock, input: BookSeatsBody): Promise<Booking> {
  const seatIds = [...input.seatIds].sort((a, b) => a - b);
  for (let attempt = 1; attempt <= 2; attempt++) {
    const reference = newReference();
    const result = await repository.bookSeatsIfFree(db, {
      seatIds,
      reference,
      name: input.userName,
      email: input.userEmail,
      today: clock.today(),
    });
    if (result.booked) return toBooking(input, reference, result);
    explainRefusal(seatIds, result.seats, clock);
    explainRefusal(seatIds, await repository.findSeatStates(db, seatIds), clock);
  }
  throw new AppError(503, 'busy-try-again', 'These seats are changing hands right now; please try again.', {}, {
    'Retry-After': '1',
  });
}

import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { formatCents } from '../../lib/money.js';
import { newReference } from '../../lib/reference.js';
import * as repository from './bookings.repository.js';
import type { BookSeatsBody, Booking } from './bookings.schemas.js';

function assertAllSeatsExist(requested: number[], locked: repository.LockedSeat[]): void {
  if (locked.length === requested.length) return;
  const found = new Set(locked.map((seat) => seat.id));
  const missing = requested.filter((id) => !found.has(id));
  throw notFound('seat-not-found', `These seats do not exist: ${missing.join(', ')}.`, { seatIds: missing });
}

function assertOneConcert(locked: repository.LockedSeat[]): string {
  const concertIds = new Set(locked.map((seat) => seat.concertId));
  if (concertIds.size > 1) {
    throw badRequest('seats-span-concerts', 'All seats of a booking must be for the same concert.', {
      concertIds: [...concertIds],
    });
  }
  return locked[0]!.concertId;
}

function assertNotOver(locked: repository.LockedSeat[], clock: Clock): void {
  if (locked[0]!.concertDate < clock.today()) {
    throw conflict('concert-is-over', 'This concert has already taken place; its seats can no longer be booked.');
  }
}

function assertAllFree(locked: repository.LockedSeat[]): void {
  const taken = locked.filter((seat) => seat.wasBooked);
  if (taken.length === 0) return;
  throw conflict('seat-already-booked', `Someone else has already booked ${taken.map((seat) => seat.label).join(', ')}.`, {
    seats: taken.map((seat) => ({ id: seat.id, seatNumber: seat.label })),
  });
}

function toBooking(input: BookSeatsBody, reference: string, bookingId: string, createdAt: Date, locked: repository.LockedSeat[]): Booking {
  const byTier = new Map<number, repository.LockedSeat[]>();
  for (const seat of locked) byTier.set(seat.tierId, [...(byTier.get(seat.tierId) ?? []), seat]);
  const ticketData = [...byTier.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tierId, seats]) => ({
      concertId: seats[0]!.concertId,
      ticketTierId: tierId,
      quantity: seats.length,
      pricePerTicket: formatCents(seats[0]!.priceCents),
      totalAmount: formatCents(seats.length * seats[0]!.priceCents),
      status: 'confirmed' as const,
      createdAt: createdAt.toISOString(),
      seatNumbers: seats.map((seat) => seat.label),
    }));
  return {
    id: bookingId,
    reference,
    userName: input.userName,
    userEmail: input.userEmail,
    seatIds: input.seatIds,
    totalAmount: formatCents(locked.reduce((sum, seat) => sum + seat.priceCents, 0)),
    ticketData,
  };
}

/**
 * Books seats all-or-nothing. One statement is the whole transaction: it locks the seats in id order,
 * re-checks the locked rows and writes only if all of them exist, belong to one upcoming concert and
 * are free. When it writes nothing, the locked seats it returns say why.
 */
export async function bookSeats(db: Db, clock: Clock, input: BookSeatsBody): Promise<Booking> {
  const seatIds = [...input.seatIds].sort((a, b) => a - b);
  const reference = newReference();
  const attempt = await repository.bookSeatsIfFree(db, {
    seatIds,
    reference,
    name: input.userName,
    email: input.userEmail,
    today: clock.today(),
  });
  if (!attempt.booking) {
    assertAllSeatsExist(seatIds, attempt.seats);
    assertOneConcert(attempt.seats);
    assertNotOver(attempt.seats, clock);
    assertAllFree(attempt.seats);
    throw new Error('the booking statement wrote nothing although every check passed');
  }
  return toBooking(input, reference, attempt.booking.id, attempt.booking.createdAt, attempt.seats);
}

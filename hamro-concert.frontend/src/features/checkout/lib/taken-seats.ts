import { z } from 'zod';
import { ApiError } from '../../../lib/api-client';

const takenSeatsSchema = z.array(z.object({ id: z.number(), seatNumber: z.string() }));

/** The seats someone else booked first, from a 409 seat-already-booked answer; empty otherwise. */
export function takenSeats(error: unknown): { id: number; seatNumber: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'seat-already-booked') return [];
  const parsed = takenSeatsSchema.safeParse(error.problem.seats);
  return parsed.success ? parsed.data : [];
}

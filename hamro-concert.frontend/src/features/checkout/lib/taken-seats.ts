import { z } from 'zod';
import { ApiError } from '../../../lib/api-client';

const takenSeatsSchema = z.array(z.object({ id: z.number(), seatNumber: z.string() }));

export type TakenReason = 'booked' | 'held';

/** The seats someone else has, from a 409 seat-already-booked or seat-held answer; empty otherwise. */
export function takenSeats(error: unknown): { id: number; seatNumber: string }[] {
  if (!(error instanceof ApiError) || (error.code !== 'seat-already-booked' && error.code !== 'seat-held')) return [];
  const parsed = takenSeatsSchema.safeParse(error.problem.seats);
  return parsed.success ? parsed.data : [];
}

export function takenReason(error: unknown): TakenReason {
  return error instanceof ApiError && error.code === 'seat-held' ? 'held' : 'booked';
}

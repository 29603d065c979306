import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

export interface ScanResult {
  seatNumber: string;
  section: 'front' | 'vip' | 'ga';
  row: number;
  userName: string;
  concertId: string;
  concertTitle: string;
  released: boolean;
  firstScanAt: Date | null;
  admittedAt: Date | null;
  /** A booking still awaiting its online payment has no tickets yet. */
  confirmed: boolean;
  bookingReference: string;
  /** Cash to collect at the door (paisa), if the booking is to be paid there and has not been. */
  dueAtDoorCents: number | null;
  currency: string;
}

/**
 * Admits a ticket of the concert at this door in one statement. The update only touches a ticket of
 * that concert not yet scanned and not cancelled; two scanners racing for one ticket queue on its
 * row, and the second then finds it already scanned, so a ticket admits exactly once. A cancellation
 * locks the same rows first (see cancelBookingIfAllowed): whichever comes second sees the other.
 */
export async function scanTicket(db: Executor, code: string, concertId: string): Promise<ScanResult | undefined> {
  const { rows } = await db.execute<{
    seat_number: string;
    section: 'front' | 'vip' | 'ga';
    row: number;
    user_name: string;
    concert_id: string;
    concert_title: string;
    admitted_at: Date | null;
    booking_status: string;
    reference: string;
    due_at_door: string | null;
    currency: string;
  }>(sql`
    with admitted as (
      update booking_seats set checked_in_at = now()
      where ticket_code = ${code} and checked_in_at is null and released_at is null
        and booking_id in (select id from bookings where concert_id = ${concertId}::uuid and status = 'confirmed')
      returning checked_in_at
    )
    select s.label as seat_number, s.section, s.row, b.user_name, c.id as concert_id, c.title as concert_title,
           (select checked_in_at from admitted) as admitted_at, b.status as booking_status, b.reference,
           case when b.money = 'at_door' then b.total_cents::text end as due_at_door, c.currency
    from booking_seats bs
    join bookings b on b.id = bs.booking_id
    join seats s on s.id = bs.seat_id
    join concerts c on c.id = b.concert_id
    where bs.ticket_code = ${code}`);
  const row = rows[0];
  if (!row) return undefined;
  // Not admitted: why is read in a statement of its own. A cancellation or scan that committed while
  // the update waited is invisible to the statement's own snapshot, but not to this one.
  const now = row.admitted_at
    ? undefined
    : (
        await db.execute<{ at: Date | null; released: boolean }>(
          sql`select checked_in_at as at, released_at is not null as released from booking_seats where ticket_code = ${code}`,
        )
      ).rows[0];
  return {
    seatNumber: row.seat_number,
    section: row.section,
    row: row.row,
    userName: row.user_name,
    concertId: row.concert_id,
    concertTitle: row.concert_title,
    released: now?.released ?? false,
    firstScanAt: now?.at ? new Date(now.at) : null,
    admittedAt: row.admitted_at ? new Date(row.admitted_at) : null,
    confirmed: row.booking_status === 'confirmed',
    bookingReference: row.reference,
    dueAtDoorCents: row.due_at_door === null ? null : Number(row.due_at_door),
    currency: row.currency,
  };
}

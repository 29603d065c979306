import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import * as repository from './tickets.repository.js';
import { formatCents, type Admission } from 'hamro-concert.contracts';

/**
 * The door of one concert: admits a valid ticket of that concert once; says when a used ticket was
 * first scanned, and which concert a ticket of another one is for (leaving it unused).
 */
export async function checkIn(db: Db, code: string, concertId: string): Promise<Admission> {
  const scan = await repository.scanTicket(db, code, concertId);
  // A booking awaiting its payment has no tickets yet: its codes are not tickets until it is paid.
  if (!scan || (!scan.confirmed && !scan.released)) throw notFound('ticket-not-found', 'No ticket has this code.');
  if (scan.concertId !== concertId) {
    throw conflict('wrong-concert', `This ticket is for ${scan.concertTitle}, not the concert being admitted.`, {
      concertId: scan.concertId,
      concertTitle: scan.concertTitle,
    });
  }
  if (scan.admittedAt) {
    return {
      status: 'admitted',
      seatNumber: scan.seatNumber,
      section: scan.section,
      row: scan.row,
      userName: scan.userName,
      concertTitle: scan.concertTitle,
      checkedInAt: scan.admittedAt.toISOString(),
      collect:
        scan.dueAtDoorCents === null
          ? null
          : {
              amount: formatCents(scan.dueAtDoorCents),
              currency: scan.currency,
              bookingReference: scan.bookingReference,
            },
    };
  }
  if (scan.released) throw new AppError(410, 'ticket-cancelled', 'This ticket belongs to a cancelled booking.');
  throw conflict('ticket-already-used', `This ticket was already scanned at ${scan.firstScanAt?.toISOString()}.`, {
    firstScanAt: scan.firstScanAt?.toISOString(),
    seatNumber: scan.seatNumber,
  });
}

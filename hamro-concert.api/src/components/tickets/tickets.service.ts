import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import * as repository from './tickets.repository.js';
import type { Admission } from './tickets.schemas.js';

/** The door: admits a valid ticket once; says when a used ticket was first scanned. */
export async function checkIn(db: Db, code: string): Promise<Admission> {
  const scan = await repository.scanTicket(db, code);
  if (!scan) throw notFound('ticket-not-found', 'No ticket has this code.');
  if (scan.admittedAt) {
    return {
      status: 'admitted',
      seatNumber: scan.seatNumber,
      section: scan.section,
      row: scan.row,
      userName: scan.userName,
      concertTitle: scan.concertTitle,
      checkedInAt: scan.admittedAt.toISOString(),
    };
  }
  if (scan.released) throw new AppError(410, 'ticket-cancelled', 'This ticket belongs to a cancelled booking.');
  throw conflict('ticket-already-used', `This ticket was already scanned at ${scan.firstScanAt?.toISOString()}.`, {
    firstScanAt: scan.firstScanAt?.toISOString(),
    seatNumber: scan.seatNumber,
  });
}

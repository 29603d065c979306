import type { Admission, Section } from 'hamro-concert.contracts';
import { ApiError } from '../../../lib/api-client';

export type ScanTone = 'admitted' | 'used' | 'refused';

/** What the door shows after a scan: a tone (colour and icon), a headline and the facts. */
export interface ScanOutcome {
  tone: ScanTone;
  headline: string;
  lines: string[];
}

const SECTION_NAMES: Record<Section, string> = { front: 'Front Row', vip: 'VIP', ga: 'General Admission' };
const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

function seatNumberInRow(seatNumber: string): string {
  return /(\d+)\s*$/.exec(seatNumber)?.[1] ?? seatNumber;
}

export function admittedOutcome(admission: Admission): ScanOutcome {
  return {
    tone: 'admitted',
    headline: 'ADMITTED',
    lines: [
      admission.userName,
      `${SECTION_NAMES[admission.section]}, row ${admission.row}, seat ${seatNumberInRow(admission.seatNumber)}`,
      admission.concertTitle,
    ],
  };
}

/** A refused scan in words; null when the error is about the staff token, not the ticket. */
export function refusedOutcome(error: unknown): ScanOutcome {
  const code = error instanceof ApiError ? error.code : undefined;
  if (code === 'ticket-already-used') {
    const firstScanAt = error instanceof ApiError ? (error.problem as Record<string, unknown>).firstScanAt : undefined;
    const when = typeof firstScanAt === 'string' ? time.format(new Date(firstScanAt)) : 'earlier';
    return {
      tone: 'used',
      headline: 'ALREADY USED',
      lines: [`This ticket was first scanned ${when}.`, 'Do not let it in again.'],
    };
  }
  if (code === 'wrong-concert') {
    const title = error instanceof ApiError ? (error.problem as Record<string, unknown>).concertTitle : undefined;
    return {
      tone: 'refused',
      headline: 'WRONG CONCERT',
      lines: [
        typeof title === 'string' ? `This ticket is for ${title}.` : 'This ticket is for another concert.',
        'Do not let it in here. The ticket stays unused for its own concert.',
      ],
    };
  }
  if (code === 'ticket-cancelled') {
    return {
      tone: 'refused',
      headline: 'CANCELLED',
      lines: ['This ticket belongs to a cancelled booking. Do not let it in.'],
    };
  }
  if (code === 'ticket-not-found' || code === 'validation-failed') {
    return {
      tone: 'refused',
      headline: 'INVALID',
      lines: ['No ticket has this code. Check it was typed or scanned fully.'],
    };
  }
  return {
    tone: 'refused',
    headline: 'NOT CHECKED',
    lines: ['We could not check this ticket. Try again in a moment.'],
  };
}

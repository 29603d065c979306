import type { Admission } from 'hamro-concert.contracts';
import { ApiError } from '../../../lib/api-client';
import { i18n } from '../../../i18n/i18n';
import { formatDateTime, formatDigits } from '../../../lib/format';

export type ScanTone = 'admitted' | 'used' | 'refused';

/** What the door shows after a scan: a tone (colour and icon), a headline and the facts. */
export interface ScanOutcome {
  tone: ScanTone;
  headline: string;
  lines: string[];
}

function seatNumberInRow(seatNumber: string): string {
  return /(\d+)\s*$/.exec(seatNumber)?.[1] ?? seatNumber;
}

export function admittedOutcome(admission: Admission): ScanOutcome {
  return {
    tone: 'admitted',
    headline: i18n.t('door.admitted'),
    lines: [
      admission.userName,
      i18n.t('seatMap.place', {
        section: i18n.t(`seatMap.sections.${admission.section}`),
        row: formatDigits(admission.row),
        seat: formatDigits(seatNumberInRow(admission.seatNumber)),
      }),
      admission.concertTitle,
    ],
  };
}

/** A refused scan in words; null when the error is about the staff token, not the ticket. */
export function refusedOutcome(error: unknown): ScanOutcome {
  const code = error instanceof ApiError ? error.code : undefined;
  if (code === 'ticket-already-used') {
    const firstScanAt = error instanceof ApiError ? (error.problem as Record<string, unknown>).firstScanAt : undefined;
    const when = typeof firstScanAt === 'string' ? formatDateTime(firstScanAt, 'medium') : i18n.t('door.earlier');
    return {
      tone: 'used',
      headline: i18n.t('door.alreadyUsed'),
      lines: [i18n.t('door.firstScanned', { when }), i18n.t('door.notAgain')],
    };
  }
  if (code === 'wrong-concert') {
    const title = error instanceof ApiError ? (error.problem as Record<string, unknown>).concertTitle : undefined;
    return {
      tone: 'refused',
      headline: i18n.t('door.wrongConcert'),
      lines: [
        typeof title === 'string' ? i18n.t('door.forConcert', { concert: title }) : i18n.t('door.forAnother'),
        i18n.t('door.notHere'),
      ],
    };
  }
  if (code === 'ticket-cancelled') {
    return {
      tone: 'refused',
      headline: i18n.t('door.cancelled'),
      lines: [i18n.t('door.cancelledBooking')],
    };
  }
  if (code === 'ticket-not-found' || code === 'validation-failed') {
    return {
      tone: 'refused',
      headline: i18n.t('door.invalid'),
      lines: [i18n.t('door.noSuchTicket')],
    };
  }
  return {
    tone: 'refused',
    headline: i18n.t('door.notChecked'),
    lines: [i18n.t('door.couldNotCheck')],
  };
}

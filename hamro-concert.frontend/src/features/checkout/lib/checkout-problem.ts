import { ApiError, type ErrorCode } from '../../../lib/api-client';
import { i18n } from '../../../i18n/i18n';
import type { Catalog } from '../../../i18n/en';
import { errorMessage } from '../../../lib/error-message';
import { formatDigits } from '../../../lib/format';
import type { CheckoutSeat } from './checkout-seat';
import { takenReason, takenSeats } from './taken-seats';

export type CheckoutStep = 'hold' | 'booking';

export interface ProblemText {
  title: string;
  lines: string[];
  /** Field issues from a 400 answer, listed under the text. */
  issues: string[];
}

function code(error: unknown): ErrorCode | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** The text `texts` has for the error's code, if any. */
function textFor(texts: KeysByCode, error: unknown): ProblemText | undefined {
  const known = code(error);
  const keys = known === undefined ? undefined : texts[known];
  return keys ? worded(keys) : undefined;
}

function takenText(error: unknown, submitted: readonly CheckoutSeat[], remaining: number): ProblemText {
  const taken = takenSeats(error);
  const count = taken.length;
  const names = taken
    .map(
      (seat) =>
        submitted.find((s) => s.id === seat.id)?.place ??
        i18n.t('checkoutProblem.seatFallback', { seat: formatDigits(seat.seatNumber) }),
    )
    .join('; ');
  const held = takenReason(error) === 'held';
  return {
    title: held ? i18n.t('checkoutProblem.takenHeldTitle', { count }) : i18n.t('checkoutProblem.takenTitle', { count }),
    lines: [
      held ? i18n.t('checkoutProblem.takenHeld', { count, names }) : i18n.t('checkoutProblem.taken', { count, names }),
      remaining > 0 ? i18n.t('checkoutProblem.othersKept') : i18n.t('checkoutProblem.pickOthers'),
    ],
    issues: [],
  };
}

/** A problem's words as keys of the catalogs' `checkoutProblem` section, worded when it is shown. */
type ProblemKey = keyof Catalog['checkoutProblem'];
type ProblemKeys = { title: ProblemKey; lines: ProblemKey[] };

function worded({ title, lines }: ProblemKeys): ProblemText {
  return {
    title: i18n.t(`checkoutProblem.${title}`),
    lines: lines.map((line) => i18n.t(`checkoutProblem.${line}`)),
    issues: [],
  };
}

type KeysByCode = Partial<Record<ErrorCode, ProblemKeys>>;

/** The hold a booking names is gone: expired, given back, used, or not the seats sent. */
const HOLD_GONE: KeysByCode = {
  'hold-expired': { title: 'holdExpiredTitle', lines: ['holdExpired1', 'holdExpired2'] },
  'hold-released': { title: 'notHeldTitle', lines: ['holdReleased'] },
  'hold-not-found': { title: 'notHeldTitle', lines: ['holdNotFound'] },
  'hold-already-used': { title: 'holdUsedTitle', lines: ['holdUsed'] },
  'hold-mismatch': { title: 'holdMismatchTitle', lines: ['holdMismatch'] },
};

/** Best available refused: too few seats left, or the section is gone. */
const BEST_AVAILABLE: KeysByCode = {
  'not-enough-seats': { title: 'notEnoughTitle', lines: ['notEnough'] },
  'ticket-tier-not-found': { title: 'tierGoneTitle', lines: ['chooseAnotherSection'] },
  'tier-not-in-concert': { title: 'tierNotInConcertTitle', lines: ['chooseAnotherSection'] },
};

/** The sale's window: not open yet, or closed. */
const SALES_WINDOW: KeysByCode = {
  'sales-not-open': { title: 'salesNotOpenTitle', lines: ['salesNotOpen'] },
  'sales-closed': { title: 'salesClosedTitle', lines: ['salesClosed'] },
};

/** The on-sale's limits: the waiting room's pass, one hold at a time, and too many requests. */
function limitText(error: unknown, step: CheckoutStep): ProblemText | null {
  const nothing = step === 'hold' ? i18n.t('checkoutProblem.notHeld') : i18n.t('checkoutProblem.nothingBooked');
  switch (code(error)) {
    case 'admission-required':
      return { title: i18n.t('checkoutProblem.waitingRoomTitle'), lines: [errorMessage(error)], issues: [] };
    case 'one-hold-at-a-time':
      return { title: i18n.t('checkoutProblem.oneHoldTitle'), lines: [errorMessage(error), nothing], issues: [] };
    case 'rate-limited':
      return { title: i18n.t('checkoutProblem.rateLimitedTitle'), lines: [errorMessage(error), nothing], issues: [] };
    default:
      return null;
  }
}

/** Codes after which the hold is gone (or unusable) and the buyer starts again from Continue. */
export function holdIsGone(error: unknown): boolean {
  return textFor(HOLD_GONE, error) !== undefined;
}

/** Why a step of checkout failed, in words, and what happens next. */
export function describeProblem(
  error: unknown,
  step: CheckoutStep,
  submitted: readonly CheckoutSeat[],
  remaining: number,
): ProblemText {
  if (takenSeats(error).length > 0) return takenText(error, submitted, remaining);
  const known =
    textFor(HOLD_GONE, error) ??
    textFor(BEST_AVAILABLE, error) ??
    textFor(SALES_WINDOW, error) ??
    limitText(error, step);
  if (known) return known;
  const issues =
    error instanceof ApiError && error.code === 'validation-failed'
      ? (error.problem.errors ?? []).map((issue) => issue.message)
      : [];
  return step === 'hold'
    ? {
        title: i18n.t('checkoutProblem.holdFailedTitle'),
        lines: [errorMessage(error), i18n.t('checkoutProblem.holdFailed')],
        issues,
      }
    : {
        title: i18n.t('checkoutProblem.bookingFailedTitle'),
        lines: [errorMessage(error), i18n.t('checkoutProblem.bookingFailed')],
        issues,
      };
}

import { ApiError, type ErrorCode } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import type { CheckoutSeat } from './checkout-seat';
import { takenReason, takenSeats } from './taken-seats';

export type CheckoutStep = 'hold' | 'booking';

export interface ProblemText {
  title: string;
  lines: string[];
  /** Field issues from a 400 answer, listed under the text. */
  issues: string[];
}

type TextsByCode = Partial<Record<ErrorCode, ProblemText>>;

function code(error: unknown): ErrorCode | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** The text `texts` has for the error's code, if any. */
function textFor(texts: TextsByCode, error: unknown): ProblemText | undefined {
  const known = code(error);
  return known === undefined ? undefined : texts[known];
}

function takenText(error: unknown, submitted: readonly CheckoutSeat[], remaining: number): ProblemText {
  const taken = takenSeats(error);
  const one = taken.length === 1;
  const names = taken
    .map((seat) => submitted.find((s) => s.id === seat.id)?.place ?? `seat ${seat.seatNumber}`)
    .join('; ');
  const held = takenReason(error) === 'held';
  return {
    title: held
      ? `Someone else is booking ${one ? 'that seat' : 'those seats'}`
      : one
        ? 'That seat was just taken'
        : 'Those seats were just taken',
    lines: [
      held
        ? `Another buyer is checking out ${names} right now. We took ${one ? 'it' : 'them'} out of your selection and refreshed the map.`
        : `Someone else booked ${names} a moment before you. We took ${one ? 'it' : 'them'} out of your selection and refreshed the map.`,
      remaining > 0
        ? 'Your other seats and your details are still here: check them and continue again.'
        : 'Pick other seats on the map, then continue again. Your details are still here.',
    ],
    issues: [],
  };
}

const HOLD_GONE: TextsByCode = {
  'hold-expired': {
    title: 'Your hold ran out',
    lines: [
      'Your hold ran out and someone else took some of these seats, so nothing was booked.',
      'Choose again: the map now shows which seats are free.',
    ],
    issues: [],
  },
  'hold-released': {
    title: 'Your seats were no longer held',
    lines: ['The hold on these seats was given back, so nothing was booked. Press Continue to hold them again.'],
    issues: [],
  },
  'hold-not-found': {
    title: 'Your seats were no longer held',
    lines: ['We could not find the hold on these seats, so nothing was booked. Press Continue to hold them again.'],
    issues: [],
  },
  'hold-already-used': {
    title: 'This hold was already booked',
    lines: [
      'These held seats have already been booked once. Nothing more was booked. Find the booking with its reference.',
    ],
    issues: [],
  },
  'hold-mismatch': {
    title: 'Your seats changed',
    lines: ['The seats did not match the ones held for you, so nothing was booked. Press Continue to hold them again.'],
    issues: [],
  },
};

const BEST_AVAILABLE: TextsByCode = {
  'not-enough-seats': {
    title: 'Not enough seats left in that section',
    lines: [
      'There are not that many free seats left in this section. Choose fewer tickets or another section, or pick seats on the map.',
    ],
    issues: [],
  },
  'ticket-tier-not-found': {
    title: 'That section is no longer on sale',
    lines: ['We refreshed the concert: choose another section, or pick seats on the map.'],
    issues: [],
  },
  'tier-not-in-concert': {
    title: 'That section is not part of this concert',
    lines: ['We refreshed the concert: choose another section, or pick seats on the map.'],
    issues: [],
  },
};

/** Outside the sales window nothing can be held or booked, and trying again at once will not help. */
const SALES_WINDOW: TextsByCode = {
  'sales-not-open': {
    title: 'Sales have not opened yet',
    lines: [
      'These seats are not on sale yet, so nothing was held or booked. The page shows when sales open: choose your seats then.',
    ],
    issues: [],
  },
  'sales-closed': {
    title: 'Sales have closed',
    lines: ['Sales of these seats have ended, so nothing was held or booked.'],
    issues: [],
  },
};

/** The on-sale's limits: the waiting room's pass, one hold at a time, and too many requests. */
function limitText(error: unknown, step: CheckoutStep): ProblemText | null {
  const nothing = step === 'hold' ? 'These seats are not held.' : 'Nothing was booked.';
  switch (code(error)) {
    case 'admission-required':
      return { title: 'Seats here are sold through a waiting room', lines: [errorMessage(error)], issues: [] };
    case 'one-hold-at-a-time':
      return { title: 'You already hold other seats', lines: [errorMessage(error), nothing], issues: [] };
    case 'rate-limited':
      return { title: 'Too many requests just now', lines: [errorMessage(error), nothing], issues: [] };
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
    ? { title: 'We could not hold your seats', lines: [errorMessage(error), 'Nothing is held yet. Try again.'], issues }
    : {
        title: 'Your booking did not go through',
        lines: [errorMessage(error), 'No seats were booked. Your details are kept, so you can try again.'],
        issues,
      };
}

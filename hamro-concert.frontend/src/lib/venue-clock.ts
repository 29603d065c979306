/**
 * The venue's own clock and the instants the API speaks in: what an instant reads at the venue, and
 * which instant a time typed on the venue's clock is. Organizers enter sales times as the venue's
 * wall clock, whatever zone their own computer is in.
 */

/** A wall-clock reading: "2027-02-01" and "10:00:00". */
export interface WallClock {
  date: string;
  time: string;
}

const readers = new Map<string, Intl.DateTimeFormat>();

function readerFor(timeZone: string): Intl.DateTimeFormat {
  let reader = readers.get(timeZone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    readers.set(timeZone, reader);
  }
  return reader;
}

/** What the clock in `timeZone` reads at an instant (milliseconds since the epoch). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts = readerFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

/** How many minutes the clock in `timeZone` is ahead of UTC at an instant: 345 in Nepal. */
function offsetMinutes(instant: number, timeZone: string): number {
  const { date, time } = wallClockAt(instant, timeZone);
  return Math.round((Date.parse(`${date}T${time}Z`) - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** 345 → "+05:45", -240 → "-04:00" */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const whole = Math.abs(minutes);
  return `${sign}${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * ("2027-02-01T10:00", "Asia/Kathmandu") → "2027-02-01T10:00:00+05:45": a time typed on the venue's
 * clock (as a datetime-local input gives it) as an ISO instant with the venue's offset that day.
 * Null when the text is not such a time.
 */
export function instantOnVenueClock(local: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, date, minutes, seconds = '00'] = match;
  const asUtc = Date.parse(`${date}T${minutes}:${seconds}Z`);
  // Date.parse lets "30 February" roll over into March; such a day is refused.
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== `${date}T${minutes}`) return null;
  // The offset of the instant itself, which differs from that of asUtc near a change of summer time.
  const offset = offsetMinutes(asUtc - offsetMinutes(asUtc, timeZone) * 60_000, timeZone);
  return `${date}T${minutes}:${seconds}${offsetText(offset)}`;
}

/** An ISO instant as a datetime-local input shows it on the venue's clock: "2027-02-01T10:00"; "" for null. */
export function venueClockInput(instant: string | null, timeZone: string): string {
  if (instant === null) return '';
  const { date, time } = wallClockAt(Date.parse(instant), timeZone);
  return `${date}T${time.slice(0, 5)}`;
}

/**
 * The venue's clock in the organizer's date-and-time fields. Organizers enter sales times as the
 * venue's wall clock, whatever zone their own computer is in; the rule for reading an instant on a
 * zone's clock and back (wallClockAt, zonedInstant) is the contracts', shared with the API.
 */
import { wallClockAt, zonedInstant } from 'hamro-concert.contracts';

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
  const [, date = '', minutes, seconds = '00'] = match;
  const time = `${minutes}:${seconds}`;
  const asUtc = Date.parse(`${date}T${time}Z`);
  // Date.parse lets "30 February" roll over into March; such a day is refused.
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== `${date}T${minutes}`) return null;
  // The offset at the instant itself, which differs from that at asUtc near a change of summer time.
  const offset = Math.round((asUtc - zonedInstant(date, time, timeZone).getTime()) / 60_000);
  return `${date}T${time}${offsetText(offset)}`;
}

/** An ISO instant as a datetime-local input shows it on the venue's clock: "2027-02-01T10:00"; "" for null. */
export function venueClockInput(instant: string | null, timeZone: string): string {
  if (instant === null) return '';
  const { date, time } = wallClockAt(Date.parse(instant), timeZone);
  return `${date}T${time.slice(0, 5)}`;
}

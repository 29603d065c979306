/**
 * Whether `name` is an IANA time zone name, such as `Asia/Kathmandu` (aliases too: the runtime lists
 * that one under its older spelling, Asia/Katmandu). Offsets such as `+05:45` are not zone names.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A zone's wall clock at an instant, as `date` ("2026-12-02") and `time` ("18:05:00"). */
export function wallClockAt(at: Date | number, timeZone: string): { date: string; time: string } {
  // sv-SE writes "2026-12-02 18:05:00".
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const [date = '', time = ''] = text.split(' ');
  return { date, time };
}

/** The instant a wall-clock date and time happen in `timeZone` (for display; decisions are taken in PostgreSQL). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  /** How far the zone's wall clock is ahead of UTC at the instant `t`. */
  const offsetAt = (t: number) => {
    const wall = wallClockAt(t, timeZone);
    return Date.parse(`${wall.date}T${wall.time}Z`) - t;
  };
  const wall = Date.parse(`${date}T${time}Z`);
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

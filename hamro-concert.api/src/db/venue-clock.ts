import { sql } from 'drizzle-orm';
import { concerts } from './schema.js';

/**
 * A concert's start as an instant: its `date` and `time` are its venue's wall clock, in its
 * `time_zone`. Every "is it too late" decision compares now() with this, in the statement that acts.
 */
export const concertStartsAt = sql`((${concerts.date} + ${concerts.time}) at time zone ${concerts.timeZone})`;

/** A concert's start less `hours`: when a window that closes that long before the start ends. */
export const hoursBeforeStart = (hours: number) => sql`(${concertStartsAt} - make_interval(hours => ${hours}::int))`;

/** Today's date on a concert's venue clock. */
export const venueToday = sql`(now() at time zone ${concerts.timeZone})::date`;

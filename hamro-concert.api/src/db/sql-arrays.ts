import { sql } from 'drizzle-orm';

/** Sends a JavaScript array as one Postgres array parameter (`= any($1)`, `unnest($1)`), not as a list. */
export const arrayParam = <T>(values: T[]) => sql.param(values);

import type { Database } from './client.js';

export class ConnectionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionLimitError';
  }
}

/**
 * Refuses to start when the connections this instance will open (each worker's pool and its seat
 * feed) do not fit in what the database still allows, so the shortfall is found at start and not as
 * failed bookings at the height of an on-sale.
 */
export async function assertConnectionsFit(
  database: Database,
  plan: { workers: number; poolSize: number },
): Promise<void> {
  const { rows } = await database.pool.query<{ max: number; reserved: number; used: number }>(
    `select current_setting('max_connections')::int as max,
            current_setting('superuser_reserved_connections')::int
              + coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0) as reserved,
            (select count(*)::int from pg_stat_activity where backend_type = 'client backend') as used`,
  );
  const { max, reserved, used } = rows[0]!;
  // `used` counts this check's own connection, which closes before the workers start.
  const free = max - reserved - (used - 1);
  const needed = plan.workers * (plan.poolSize + 1);
  if (needed <= free) return;
  throw new ConnectionLimitError(
    `This instance needs ${needed} database connections (API_WORKERS ${plan.workers} × (DB_POOL_SIZE ` +
      `${plan.poolSize} + 1 for the seat feed)), but the database allows only ${free} more ` +
      `(max_connections ${max}, ${reserved} reserved, ${used - 1} in use): lower DB_POOL_SIZE or API_WORKERS, ` +
      'or raise max_connections.',
  );
}

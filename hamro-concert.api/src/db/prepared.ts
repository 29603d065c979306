import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { QueryResult, QueryResultRow } from 'pg';
import type { Executor } from './client.js';

const dialect = new PgDialect();

/**
 * A hot statement built once with Drizzle (using `sql.placeholder()` for its inputs) and run as a
 * named prepared statement, so neither the application nor PostgreSQL rebuilds, parses or plans it
 * on every call. For statements the query builder cannot express on its own, such as a chain of
 * data-modifying CTEs.
 */
export function preparedStatement<T extends QueryResultRow>(name: string, query: SQL) {
  const compiled = dialect.sqlToQuery(query);
  return (db: Executor, values: Record<string, unknown>): Promise<QueryResult<T>> =>
    db._.session.prepareQuery(compiled, undefined, name, false).execute(values) as Promise<QueryResult<T>>;
}

import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingStatement, ownHold, quota, verdict } from '../src/components/bookings/bookings.statement.js';
import { preparedStatement } from '../src/db/prepared.js';
import { buildConcert, seatsOf } from './factories.js';
import { type TestApp, startTestApp } from './harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const text = (query: SQL) => new PgDialect().sqlToQuery(query).sql;
let statements = 0;
/** Runs one part of the booking statement on its own, after stand-ins for the parts it reads. */
async function run<T extends Record<string, unknown>>(query: SQL, values: Record<string, unknown>): Promise<T[]> {
  statements += 1;
  const { rows } = await preparedStatement<T>(`booking_part_test_${statements}`, query)(app.database.db, values);
  return rows;
}

describe('the booking statement, part by part', () => {
  it('when a booking has no hold token, then the statement does not touch the holds table; with one, it locks the hold before the seats', () => {
    const plain = text(bookingStatement({ skipLocked: false, withHold: false }));
    const held = text(bookingStatement({ skipLocked: false, withHold: true }));

    expect(plain).not.toMatch(/\bholds\b/);
    expect(held).toMatch(/from holds where token = \$\d+::text for update/);
    expect(held.indexOf('for update')).toBeLessThan(held.indexOf('locked as ('));
    expect(held).toMatch(/update holds set status = 'confirmed'/);
    expect(text(bookingStatement({ skipLocked: true, withHold: false }))).toMatch(/skip locked/);
  });

  it('when the verdict weighs the locked seats, then only all of them, of one concert, on sale and admitted, say yes', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    const judge = (rows: [number, string, string, boolean, number?, boolean?][], seatIds: number[]) => {
      const locked = rows.map(
        ([id, concert, phase, needed, price = 1000, payable = true]) => sql`select ${id}::int as id,
          ${concert}::uuid as concert_id, ${phase}::text as sales_phase, ${needed}::boolean as admission_needed,
          ${price}::bigint as price_cents, ${payable}::boolean as payable`,
      );
      return run<{ ok: boolean }>(
        sql`with hold as (${ownHold(false)}),
          locked as (${sql.join(locked, sql` union all `)}),
          verdict as (${verdict})
          select ok from verdict`,
        { seatIds, holdToken: null },
      ).then((rows) => rows[0]?.ok);
    };

    expect(
      await judge(
        [
          [1, one, 'open', false],
          [2, one, 'open', false],
        ],
        [1, 2],
      ),
    ).toBe(true);
    expect(await judge([[1, one, 'open', false]], [1, 2])).toBe(false);
    expect(
      await judge(
        [
          [1, one, 'open', false],
          [2, two, 'open', false],
        ],
        [1, 2],
      ),
    ).toBe(false);
    expect(
      await judge(
        [
          [1, one, 'open', false],
          [2, one, 'not-open', false],
        ],
        [1, 2],
      ),
    ).toBe(false);
    expect(await judge([[1, one, 'open', true]], [1])).toBe(false);
    // Paid the way the concert does not take: no; but a free booking needs no way to pay at all.
    expect(await judge([[1, one, 'open', false, 1000, false]], [1])).toBe(false);
    expect(await judge([[1, one, 'open', false, 0, false]], [1])).toBe(true);
  });

  it('when the quota counts a buyer in, then it adds the seats up to the limit and not one past it', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);
    const email = `Quota-${randomUUID()}@Example.com`;
    const count = (seatIds: number[]) =>
      run<{ seats: number }>(
        sql`with locked as (select ${seat!.id}::int as id, ${concert.id}::uuid as concert_id),
          verdict as (select true as ok),
          quota as (${quota})
          select seats from quota`,
        { seatIds, email, maxPerBuyer: 5 },
      );

    expect(await count([1, 2, 3])).toEqual([{ seats: 3 }]);
    expect(await count([4, 5, 6])).toEqual([]);
    expect(await count([4, 5])).toEqual([{ seats: 5 }]);
    const { rows } = await app.database.pool.query(
      'select seats from buyer_seats where email_key = $1 and concert_id = $2',
      [email.toLowerCase(), concert.id],
    );
    expect(rows).toEqual([{ seats: 5 }]);
  });
});

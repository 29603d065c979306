import { describe, expect, it } from 'vitest';
import { layoutSeats } from '../src/components/tiers/tiers.layout.js';
import { toAppError } from '../src/http/errors.js';
import { formatCents, parseAmount, REFERENCE_ALPHABET } from 'hamro-concert.contracts';
import { newReference } from '../src/lib/reference.js';

describe('money', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [10000, '100.00'],
    [123456, '1234.56'],
    [-250, '-2.50'],
  ])('formats %i cents as %s', (cents, text) => expect(formatCents(cents)).toBe(text));

  it.each([
    ['100.00', 10000],
    ['7', 700],
    ['7.5', 750],
    ['0.99', 99],
  ])('parses %s as %i cents', (text, cents) => expect(parseAmount(text)).toBe(cents));

  it('rejects amounts that are not plain decimals', () => {
    for (const bad of ['', '-1', '1.234', '1e3', 'abc']) expect(() => parseAmount(bad)).toThrow(RangeError);
  });
});

describe('layoutSeats', () => {
  it('numbers seats along each row and labels them across the tier', () => {
    const seats = layoutSeats('vip', [
      { row: 1, seats: 10 },
      { row: 2, seats: 10 },
    ]);
    expect(seats).toHaveLength(20);
    expect(seats[11]).toEqual({ row: 2, number: 2, label: 'V-12' });
    expect(layoutSeats('ga', [{ row: 4, seats: 12 }])[4]!.label).toBe('G-5');
  });
});

describe('newReference', () => {
  it('makes 12 unambiguous symbols, different every time', () => {
    const references = Array.from({ length: 2000 }, newReference);
    expect(new Set(references).size).toBe(references.length);
    for (const reference of references) {
      expect(reference).toHaveLength(12);
      expect([...reference].every((symbol) => REFERENCE_ALPHABET.includes(symbol))).toBe(true);
      expect(reference).not.toMatch(/[01OI]/);
    }
  });
});

describe('toAppError', () => {
  it('maps a lock timeout to 503 with a retry hint and a unique violation to 409', () => {
    expect(toAppError({ code: '55P03' })).toMatchObject({
      status: 503,
      code: 'busy-try-again',
      headers: { 'Retry-After': '1' },
    });
    expect(toAppError({ code: '23505', constraint: 'x' })).toMatchObject({ status: 409, code: 'conflict' });
    expect(toAppError(new Error('boom'))).toBeUndefined();
  });

  it('maps what a failover looks like from the API to 503 busy-try-again with a retry hint, never a 500', () => {
    const failover = [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '57P03', message: 'the database system is starting up' },
      { code: '25006', message: 'cannot execute UPDATE in a read-only transaction' },
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5000'), { code: 'ECONNREFUSED' }),
    ];
    for (const error of failover) {
      expect(toAppError(error), String((error as Error).message)).toMatchObject({
        status: 503,
        code: 'busy-try-again',
        headers: { 'Retry-After': '1' },
      });
    }
  });
});

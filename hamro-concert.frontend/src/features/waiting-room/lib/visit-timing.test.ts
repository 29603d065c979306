import type { Visit } from 'hamro-concert.contracts';
import { describe, expect, it } from 'vitest';
import { buildVisit } from '../../../test/fixtures';
import { nextVisitIn, waitText } from './visit-timing';

const NOW = Date.parse('2027-02-01T04:00:00.000Z');
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe('when the visit is asked again', () => {
  it('as the API asks, while waiting and once admitted', () => {
    expect(nextVisitIn(buildVisit({ state: 'waiting', pollAfterSeconds: 4 }), NOW)).toBe(4_000);
    expect(nextVisitIn(buildVisit({ state: 'admitted', pollAfterSeconds: 60 }), NOW)).toBe(60_000);
  });

  it('before joining opens, no later than the moment it does, so the visitor joins by themselves', () => {
    const visit = (joinsIn: number, poll: number): Visit =>
      buildVisit({ state: 'not-yet', joinsFrom: at(joinsIn), pollAfterSeconds: poll });
    expect(nextVisitIn(visit(7, 60), NOW)).toBe(7_250);
    expect(nextVisitIn(visit(600, 60), NOW)).toBe(60_000);
    expect(nextVisitIn(visit(-5, 2), NOW)).toBe(1_000);
  });

  it('without a room, once a minute; after a pass has ended, not until the visitor joins again', () => {
    expect(nextVisitIn(buildVisit({ state: 'off', pollAfterSeconds: 5 }), NOW)).toBe(60_000);
    expect(nextVisitIn(buildVisit({ state: 'expired' }), NOW)).toBe(false);
    expect(nextVisitIn(undefined, NOW)).toBe(false);
  });
});

describe('an estimated wait in words', () => {
  it('rounds to minutes, then hours and minutes', () => {
    expect(waitText(20)).toBe('less than a minute');
    expect(waitText(75)).toBe('about 1 minute');
    expect(waitText(250)).toBe('about 4 minutes');
    expect(waitText(3_600)).toBe('about 1 h');
    expect(waitText(4_800)).toBe('about 1 h 20 min');
  });
});

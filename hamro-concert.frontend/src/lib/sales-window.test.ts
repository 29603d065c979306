import { describe, expect, it } from 'vitest';
import { nextBound, nextCountdownChange, salesPhase, tierWindow, timeUntilText } from './sales-window';

const OPEN = '2027-02-01T04:15:00.000Z';
const CLOSE = '2027-03-01T04:15:00.000Z';
const at = (iso: string, deltaMs = 0) => Date.parse(iso) + deltaMs;

describe('a sales window', () => {
  it('is not open before its opening, open from that very moment, and closed from its end on', () => {
    const window = { salesOpenAt: OPEN, salesCloseAt: CLOSE };
    expect(salesPhase(window, at(OPEN, -1))).toBe('not-open');
    expect(salesPhase(window, at(OPEN))).toBe('open');
    expect(salesPhase(window, at(CLOSE, -1))).toBe('open');
    expect(salesPhase(window, at(CLOSE))).toBe('closed');
    expect(salesPhase({ salesOpenAt: null, salesCloseAt: null }, 0)).toBe('open');
  });

  it("of a tier takes each of its own bounds in place of the concert's", () => {
    const concert = { salesOpenAt: OPEN, salesCloseAt: CLOSE };
    expect(tierWindow(concert, { salesOpenAt: null, salesCloseAt: null })).toEqual(concert);
    const presale = '2027-01-25T04:15:00.000Z';
    expect(tierWindow(concert, { salesOpenAt: presale, salesCloseAt: null })).toEqual({
      salesOpenAt: presale,
      salesCloseAt: CLOSE,
    });
  });

  it('names the next bound ahead of any window, so a timer can wake the page then', () => {
    const windows = [
      { salesOpenAt: OPEN, salesCloseAt: CLOSE },
      { salesOpenAt: '2027-01-25T04:15:00.000Z', salesCloseAt: null },
    ];
    expect(nextBound(windows, at('2027-01-01T00:00:00Z'))).toBe(at('2027-01-25T04:15:00.000Z'));
    expect(nextBound(windows, at('2027-01-25T04:15:00.000Z'))).toBe(at(OPEN));
    expect(nextBound(windows, at(CLOSE))).toBeNull();
  });
});

describe('the countdown to the opening', () => {
  it('says days and hours, then hours and minutes, and a clock of minutes and seconds in the last hour', () => {
    expect(timeUntilText((3 * 24 + 4) * 3_600_000 + 5_000)).toBe('3 days 4 h');
    expect(timeUntilText(24 * 3_600_000)).toBe('1 day 0 h');
    expect(timeUntilText(2 * 3_600_000 + 3 * 60_000)).toBe('2 h 03 min');
    expect(timeUntilText(2 * 3_600_000 + 2 * 60_000 + 1)).toBe('2 h 03 min');
    expect(timeUntilText(3_600_000)).toBe('1 h 00 min');
    expect(timeUntilText(59 * 60_000)).toBe('59:00');
    expect(timeUntilText(42_000)).toBe('00:42');
    expect(timeUntilText(41_001)).toBe('00:42');
    expect(timeUntilText(0)).toBe('00:00');
  });

  it('changes once a minute while it says minutes, then every second, and stops at the opening', () => {
    const opening = at(OPEN);
    expect(nextCountdownChange(opening, opening - 2 * 3_600_000 - 30_000)).toBe(opening - 2 * 3_600_000);
    expect(nextCountdownChange(opening, opening - 41_300)).toBe(opening - 41_000);
    expect(nextCountdownChange(opening, opening - 41_000)).toBe(opening - 40_000);
    expect(nextCountdownChange(opening, opening - 1)).toBe(opening);
    expect(nextCountdownChange(opening, opening)).toBeNull();
  });
});

import { wallClockAt } from 'hamro-concert.contracts';
import { describe, expect, it } from 'vitest';
import { formatVenueInstant } from './format';
import { instantOnVenueClock, venueClockInput } from './venue-clock';

describe("the venue's clock", () => {
  it('turns a time typed on the venue clock into an instant with the offset it has that day', () => {
    expect(instantOnVenueClock('2027-02-01T10:00', 'Asia/Kathmandu')).toBe('2027-02-01T10:00:00+05:45');
    expect(instantOnVenueClock('2027-01-15T20:00', 'America/New_York')).toBe('2027-01-15T20:00:00-05:00');
    expect(instantOnVenueClock('2027-07-15T20:00', 'America/New_York')).toBe('2027-07-15T20:00:00-04:00');
    // Just after summer time begins (2 a.m. on 14 Mar 2027), and before it ends, in New York.
    expect(instantOnVenueClock('2027-03-14T03:30', 'America/New_York')).toBe('2027-03-14T03:30:00-04:00');
    expect(instantOnVenueClock('2027-11-07T00:30', 'America/New_York')).toBe('2027-11-07T00:30:00-04:00');
    expect(instantOnVenueClock('', 'Asia/Kathmandu')).toBeNull();
    expect(instantOnVenueClock('2027-02-30T10:00', 'Asia/Kathmandu')).toBeNull();
  });

  it('reads an instant back as the venue clock shows it, for a datetime-local input and for people', () => {
    expect(wallClockAt(Date.parse('2027-02-01T04:15:00Z'), 'Asia/Kathmandu')).toEqual({
      date: '2027-02-01',
      time: '10:00:00',
    });
    expect(venueClockInput('2027-02-01T04:15:00.000Z', 'Asia/Kathmandu')).toBe('2027-02-01T10:00');
    expect(venueClockInput('2027-01-01T04:59:00Z', 'America/New_York')).toBe('2026-12-31T23:59');
    expect(venueClockInput(null, 'Asia/Kathmandu')).toBe('');
    const typed = instantOnVenueClock('2027-07-15T20:00', 'America/New_York')!;
    expect(venueClockInput(typed, 'America/New_York')).toBe('2027-07-15T20:00');
    expect(formatVenueInstant('2027-02-01T04:15:00.000Z', 'Asia/Kathmandu')).toBe(
      'Mon, 1 Feb 2027 · 10:00 AM Nepal Time',
    );
  });
});

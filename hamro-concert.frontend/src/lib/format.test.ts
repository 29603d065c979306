import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { formatCents, formatConcertDate, formatMoney, toCents } from './format';

describe('money', () => {
  it("reads API decimals as cents and shows them in the concert's currency, for the buyer's locale", () => {
    expect(toCents('100.00')).toBe(10000);
    expect(toCents('10.5')).toBe(1050);
    // The tests run in an English locale; Intl puts a no-break space after the code.
    expect(formatMoney('210.00', 'NPR')).toBe('NPR\u00a0210.00');
    expect(formatCents(123456, 'NPR')).toBe('NPR\u00a01,234.56');
    expect(formatCents(123456, 'USD')).toBe('$1,234.56');
    expect(new Intl.NumberFormat('ne-NP', { style: 'currency', currency: 'NPR' }).format(1000)).toContain('१,०००');
  });
});

describe('concert dates', () => {
  it('shows the venue date and time for people, without shifting time zones', () => {
    expect(formatConcertDate('2026-03-14', '19:00:00')).toBe('Sat, 14 Mar 2026 · 7:00 PM');
    expect(formatConcertDate('2026-01-01', '00:30:00')).toBe('Thu, 1 Jan 2026 · 12:30 AM');
  });

  it("names the venue's time zone after the time, whatever the buyer's own zone", () => {
    expect(formatConcertDate('2026-03-14', '19:00:00', 'Asia/Kathmandu')).toBe('Sat, 14 Mar 2026 · 7:00 PM Nepal Time');
    expect(formatConcertDate('2026-07-04', '20:00:00', 'America/New_York')).toBe(
      'Sat, 4 Jul 2026 · 8:00 PM Eastern Daylight Time',
    );
    expect(formatConcertDate('2026-07-04', '20:00:00', 'Not/AZone')).toBe('Sat, 4 Jul 2026 · 8:00 PM Not/AZone');
  });
});

describe('counts', () => {
  it('counts things in words, with the plural rules of the language', () => {
    expect(i18n.t('common.seatCount', { count: 1 })).toBe('1 seat');
    expect(i18n.t('common.seatCount', { count: 3 })).toBe('3 seats');
    expect(i18n.t('concerts.ticketsLeft', { count: 50_000 })).toBe('50,000 tickets left');
  });
});

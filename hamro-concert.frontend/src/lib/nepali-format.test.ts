import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n, switchLanguage } from '../i18n/i18n';
import { formatCents, formatConcertDate, formatConcertDayBs, formatCount, formatTimeOfDay } from './format';

describe('in Nepali', () => {
  beforeAll(() => switchLanguage('ne'));
  afterAll(() => switchLanguage('en'));

  it('writes money in नेरू with Devanagari digits, grouped the South Asian way', () => {
    expect(formatCents(123456, 'NPR')).toBe('नेरू १,२३४.५६');
    expect(formatCents(123456789, 'NPR')).toBe('नेरू १२,३४,५६७.८९');
    expect(formatCount(50_000)).toBe('५०,०००');
  });

  it("writes a concert's date with Nepali month and day names, on the venue's clock", () => {
    expect(formatConcertDate('2026-03-14', '19:00:00', 'Asia/Kathmandu')).toBe(
      '२०२६ मार्च १४, शनिबार · १९:०० नेपाली समय',
    );
    expect(formatConcertDayBs('2026-03-14')).toBe('२०८२ फागुन ३०, शनिबार');
    expect(formatTimeOfDay('2026-03-14T08:05:00')).toBe('०८:०५');
  });

  it('counts with the plural rules and digits of Nepali', () => {
    expect(i18n.t('common.seatCount', { count: 1 })).toBe('१ सिट');
    expect(i18n.t('concerts.ticketsLeft', { count: 1200 })).toBe('१,२०० टिकट बाँकी');
    expect(document.documentElement.lang).toBe('ne');
  });
});

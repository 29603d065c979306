import { describe, expect, it } from 'vitest';
import { draftErrors, emptyDraft, toNewConcert, totalSeats, type ConcertDraft } from './venue-draft';

function filled(): ConcertDraft {
  return {
    ...emptyDraft(),
    title: 'Monsoon Ragas',
    artist: 'Kutumba',
    date: '2027-07-01',
    time: '18:30',
    venue: 'Patan Durbar Square',
    city: 'Lalitpur',
  };
}

describe('the venue draft', () => {
  it('counts rows × seats, with single rows adjusted, and only sections that are on', () => {
    const draft = filled();
    expect(totalSeats(draft)).toBe(10 + 24 + 64);
    draft.sections[2] = { ...draft.sections[2]!, overrides: { 2: '20' } };
    draft.sections[0] = { ...draft.sections[0]!, enabled: false };
    expect(totalSeats(draft)).toBe(24 + 68);
  });

  it('becomes the API body: one tier per section on, prices with two decimals, numbered rows, time with seconds', () => {
    const draft = filled();
    draft.sections[1] = { ...draft.sections[1]!, price: '120', overrides: { 2: '8' } };
    draft.sections[2] = { ...draft.sections[2]!, enabled: false };
    expect(toNewConcert(draft)).toEqual({
      title: 'Monsoon Ragas',
      artist: 'Kutumba',
      date: '2027-07-01',
      time: '18:30:00',
      venue: 'Patan Durbar Square',
      city: 'Lalitpur',
      description: '',
      timeZone: 'Asia/Kathmandu',
      paymentMethods: ['door', 'esewa', 'khalti'],
      salesOpenAt: null,
      salesCloseAt: null,
      tiers: [
        { name: 'Front Row', section: 'front', price: '150.00', rows: [{ row: 1, seats: 10 }] },
        {
          name: 'VIP',
          section: 'vip',
          price: '120.00',
          rows: [
            { row: 1, seats: 12 },
            { row: 2, seats: 8 },
          ],
        },
      ],
    });
  });

  it('has no errors when complete', () => {
    expect(draftErrors(filled())).toEqual({});
  });

  it('names every missing detail and bad layout field', () => {
    const draft = emptyDraft();
    draft.sections[0] = { ...draft.sections[0]!, name: ' ', price: '12.345', rowCount: '0', seatsPerRow: 'x' };
    expect(draftErrors(draft)).toMatchObject({
      title: 'This is needed.',
      date: 'Choose the date.',
      'front.name': 'Give the section a name.',
      'front.price': 'Enter a price such as 120 or 120.00.',
      'front.rowCount': 'Between 1 and 1000 rows.',
      'front.seatsPerRow': 'Between 1 and 1000 seats.',
    });
  });

  it('needs at least one section, and refuses venues over 100,000 seats', () => {
    const none = filled();
    none.sections = none.sections.map((section) => ({ ...section, enabled: false }));
    expect(draftErrors(none).layout).toBe('Turn on at least one section, so there are seats to sell.');
    const huge = filled();
    huge.sections[2] = { ...huge.sections[2]!, rowCount: '200', seatsPerRow: '600' };
    expect(draftErrors(huge).layout).toBe('A venue can have at most 100,000 seats; this one has 120,034.');
  });

  it("sends the sales window typed on the venue's clock as instants with the venue's offset", () => {
    const draft = { ...filled(), timeZone: 'America/New_York', salesOpenAt: '2027-06-01T10:00', salesCloseAt: '' };
    expect(toNewConcert(draft)).toMatchObject({ salesOpenAt: '2027-06-01T10:00:00-04:00', salesCloseAt: null });
    expect(draftErrors(draft)).toEqual({});
  });

  it('refuses a sales window that does not close after it opens', () => {
    const draft = { ...filled(), salesOpenAt: '2027-06-01T10:00', salesCloseAt: '2027-06-01T10:00' };
    expect(draftErrors(draft)).toEqual({ salesCloseAt: 'Sales must close after they open.' });
    expect(draftErrors({ ...draft, salesCloseAt: '2027-06-01T10:01' })).toEqual({});
  });
});

import type { BookingLanguage } from 'hamro-concert.contracts';

/**
 * The product's language a request's Accept-Language prefers: Nepali (`ne`, `ne-NP`) if it ranks it
 * above English, else English. A request that names neither gets English.
 */
export function preferredLanguage(acceptLanguage: string | undefined): BookingLanguage {
  let best: { language: BookingLanguage; q: number } = { language: 'en', q: 0 };
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const language = range.split('-')[0];
    if (language !== 'ne' && language !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > best.q) best = { language, q };
  }
  return best.language;
}

import type { Request } from 'express';
import type { BookingLanguage } from 'hamro-concert.contracts';

/**
 * The product's language a request's Accept-Language prefers (Express's negotiation: `ne-NP` counts as
 * Nepali, q-values rank): Nepali if it ranks it above English, else English.
 */
export function preferredLanguage(req: Request): BookingLanguage {
  return req.acceptsLanguages('en', 'ne') === 'ne' ? 'ne' : 'en';
}

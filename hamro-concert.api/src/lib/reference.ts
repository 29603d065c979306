import { randomBytes } from 'node:crypto';
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from 'hamro-concert.contracts';

/** A booking reference: 12 symbols, 60 random bits, unguessable in practice. */
export function newReference(): string {
  const bytes = randomBytes(REFERENCE_LENGTH);
  let reference = '';
  for (const byte of bytes) reference += REFERENCE_ALPHABET[byte & 31];
  return reference;
}

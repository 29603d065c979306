import { randomBytes } from 'node:crypto';

/** 32 symbols without the look-alikes 0/O and 1/I, so a reference read aloud or retyped survives. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REFERENCE_LENGTH = 12;

/** A booking reference: 12 symbols, 60 random bits, unguessable in practice. */
export function newReference(): string {
  const bytes = randomBytes(REFERENCE_LENGTH);
  let reference = '';
  for (const byte of bytes) reference += REFERENCE_ALPHABET[byte & 31];
  return reference;
}

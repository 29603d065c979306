/** 32 symbols without the look-alikes 0/O and 1/I, so a reference read aloud or retyped survives. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REFERENCE_LENGTH = 12;

import zlib from 'node:zlib';

/**
 * A gzip stream assembled from parts deflated one by one, so that a large document of which only a
 * few parts change is compressed again only where it changed. Each part is a raw deflate stream of
 * its own, ended with a sync flush (byte-aligned, not final); the last part is deflated with a final
 * block; the parts are laid end to end between a gzip header and trailer. A decoder reads one
 * continuous deflate stream: a part simply never refers back into the one before it.
 *
 * The trailer's CRC-32 of the whole is combined from the parts' own CRCs, as zlib's crc32_combine
 * does (polynomial arithmetic modulo the CRC polynomial, in its reflected bit order), so no byte of
 * an unchanged part is read again.
 */

const POLY = 0xedb88320;

/** a × b modulo the CRC polynomial, both in the reflected bit order. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0..31. */
const X2N = (() => {
  const table = [1 << 30];
  for (let k = 1; k < 32; k++) table.push(multModP(table[k - 1]!, table[k - 1]!));
  return table;
})();

/** The factor that moves a CRC past `bytes` more bytes: x^(8 × bytes) modulo the polynomial. */
export function crc32Shift(bytes: number): number {
  let p = 0x80000000;
  let k = 3;
  for (let n = bytes; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) p = multModP(X2N[k & 31]!, p);
  return p;
}

/** The CRC-32 of A followed by B, from A's CRC, B's CRC and B's shift (crc32Shift of B's length). */
export const crc32Combine = (crcA: number, crcB: number, shiftB: number): number =>
  (multModP(shiftB, crcA) ^ crcB) >>> 0;

export interface GzipPart {
  deflated: Buffer;
  crc: number;
  length: number;
  shift: number;
}

/** One part of the middle of the stream: deflated on its own, byte-aligned, not the last. */
export function deflatePart(data: Buffer, level: number): GzipPart {
  return {
    deflated: zlib.deflateRawSync(data, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
    crc: zlib.crc32(data),
    length: data.length,
    shift: crc32Shift(data.length),
  };
}

const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** The gzip stream of `parts` (each from deflatePart) followed by `last`. */
export function assembleGzip(parts: readonly GzipPart[], last: Buffer, level: number): Buffer {
  let crc = 0;
  let length = 0;
  for (const part of parts) {
    crc = crc32Combine(crc, part.crc, part.shift);
    length += part.length;
  }
  crc = crc32Combine(crc, zlib.crc32(last), crc32Shift(last.length));
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE((length + last.length) % 2 ** 32, 4);
  return Buffer.concat([HEADER, ...parts.map((part) => part.deflated), zlib.deflateRawSync(last, { level }), trailer]);
}

import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assembleGzip, crc32Combine, crc32Shift, deflatePart } from '../src/lib/gzip-parts.js';

describe('gzip from parts', () => {
  it('when two CRCs are combined, then the result is the CRC of the bytes laid end to end', () => {
    for (const [a, b] of [
      [0, 0],
      [1, 1],
      [17, 4096],
      [70_000, 3],
      [0, 1234],
    ] as const) {
      const first = randomBytes(a);
      const second = randomBytes(b);
      expect(crc32Combine(zlib.crc32(first), zlib.crc32(second), crc32Shift(b))).toBe(
        zlib.crc32(Buffer.concat([first, second])),
      );
    }
  });

  it('when a document is deflated in parts and one part changes, then the assembled gzip decodes to the whole document', () => {
    const text = Buffer.from(
      Array.from({ length: 5000 }, (_, i) => `{"id":${i},"status":"${i % 7 ? 'available' : 'booked   '}"}`).join(','),
    );
    const bounds = [0, 20_000, 41_000, 90_000, text.length];
    const parts = bounds.slice(1).map((end, k) => deflatePart(text.subarray(bounds[k], end), 6));
    const tail = Buffer.from('],"done":true}');
    expect(zlib.gunzipSync(assembleGzip(parts, tail, 6)).equals(Buffer.concat([text, tail]))).toBe(true);

    text.write('"booked   "', text.indexOf('"available"', 50_000));
    parts[2] = deflatePart(text.subarray(bounds[2], bounds[3]), 6);
    const again = zlib.gunzipSync(assembleGzip(parts, tail, 6));
    expect(again.equals(Buffer.concat([text, tail]))).toBe(true);
    // A stale part would have decoded to the old text: the change is really there.
    expect(again.toString().match(/booked/g)!.length).toBe(text.toString().match(/booked/g)!.length);
  });

  it('when there are no middle parts, then the gzip is the last part alone', () => {
    expect(zlib.gunzipSync(assembleGzip([], Buffer.from('{}'), 1)).toString()).toBe('{}');
  });
});

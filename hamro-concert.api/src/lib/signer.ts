import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs small JSON claims into tokens (`<claims>.<HMAC-SHA256>`, both base64url) and verifies them
 * with the key alone, so any instance that shares the key checks a token without a database read.
 * The key is fetched once, on first use.
 */
export class Signer {
  #key: Promise<Buffer> | undefined;

  constructor(private readonly loadKey: () => Promise<Buffer>) {}

  #keyNow(): Promise<Buffer> {
    this.#key ??= this.loadKey().catch((error: unknown) => {
      this.#key = undefined;
      throw error;
    });
    return this.#key;
  }

  async sign(claims: object): Promise<string> {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${createHmac('sha256', await this.#keyNow())
      .update(body)
      .digest('base64url')}`;
  }

  /** A secret of its own for `purpose`, derived from the key: the same in every instance that shares it. */
  async secret(purpose: string): Promise<string> {
    return createHmac('sha256', await this.#keyNow())
      .update(`secret:${purpose}`)
      .digest('hex');
  }

  /** The claims of a token this key signed; undefined for anything else. */
  async verify(token: string): Promise<unknown> {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const expected = createHmac('sha256', await this.#keyNow())
      .update(body)
      .digest();
    const presented = Buffer.from(signature, 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }
}

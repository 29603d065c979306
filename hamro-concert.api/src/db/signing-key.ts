import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { appState } from './schema.js';

const SIGNING_KEY = 'signing-key';

/**
 * The key that signs queue tickets, admission passes and session cookies. The first instance to ask
 * makes one and stores it; every other instance reads the same, so each verifies what another signed.
 */
export async function sharedSigningKey(db: Db): Promise<Buffer> {
  await db
    .insert(appState)
    .values({ key: SIGNING_KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: appState.value }).from(appState).where(eq(appState.key, SIGNING_KEY));
  if (!row) throw new Error('the signing key could not be stored');
  return Buffer.from(row.value, 'base64url');
}

import { eq } from 'drizzle-orm';
import type { Tx } from './client.js';
import { concerts } from './schema.js';

/**
 * Locks a concert's row, the point where changes to the concert and its tiers meet; false if there
 * is no such concert. `update` to delete it or add a tier; `no key update` for a change that bumps
 * its layout version, which bookings (a key-share lock through their foreign key) need not wait for.
 */
export async function lockConcertRow(tx: Tx, id: string, strength: 'update' | 'no key update'): Promise<boolean> {
  const rows = await tx.select({ id: concerts.id }).from(concerts).where(eq(concerts.id, id)).for(strength);
  return rows.length > 0;
}

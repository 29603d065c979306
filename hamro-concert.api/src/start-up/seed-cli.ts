import { loadConfig } from '../config.js';
import { systemClock } from '../lib/clock.js';
import { connectDatabase } from '../db/client.js';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { prepareDatabase } from './prepare-database.js';
import { reseedEmptyDatabase } from './seed.js';

/** `npm run db:seed`: migrates, then seeds the demo concerts if the database has no concerts. */
const config = loadConfig();
const embedded =
  config.database.kind === 'embedded' ? await startEmbeddedDatabase({ dataDir: config.database.dataDir }) : undefined;
const database = connectDatabase(embedded?.url ?? (config.database.kind === 'external' ? config.database.url : ''));
try {
  await prepareDatabase(database, systemClock, { seed: false });
  const seeded = await reseedEmptyDatabase(database.db, systemClock);
  console.log(seeded > 0 ? `Seeded ${seeded} demo concerts.` : 'The database already has concerts; nothing seeded.');
} finally {
  await database.close();
  await embedded?.stop();
}

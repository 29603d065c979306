#!/usr/bin/env node
// Limits at the edge: the hammering client of bench/hammer.js, now through HAProxy in front of the
// cluster (npm run cluster: three API instances, a primary with a synchronous replica), with HAProxy's
// limits at their defaults and the API's own as bench/hammer.js sets them. Each buyer's booking comes
// from a loopback address of its own and the hammering client from 127.0.0.9, so HAProxy sees them as
// the different clients they are. Prints how many of the hammering requests reached Node at all.
// Needs Patroni, etcd and HAProxy (docs/operations.md); not part of npm run bench. On 127.0.0.1 only.
import { HAMMERED_API_SETTINGS, measureHammering } from '../lib/hammering.js';
import { cluster as runCluster } from '../lib/servers.js';

const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;
const METRICS_TOKEN = `bench-metrics-${Date.now()}-token`;
const API = 'http://127.0.0.1:8080';
const INSTANCES = [3101, 3102, 3103];

const cluster = (command) =>
  runCluster(command, {
    ADMIN_TOKEN,
    METRICS_TOKEN,
    ...HAMMERED_API_SETTINGS,
    // HAProxy's limits at the edge at their defaults.
    EDGE_ADDRESS_REQUESTS_PER_10S: '',
    EDGE_ADDRESS_WRITES_PER_10S: '',
    EDGE_SESSION_REQUESTS_PER_10S: '',
  });

/** POST /holds requests the API instances have seen: answered by the route, or refused early by their own limits. */
async function holdsSeenByInstances() {
  let seen = 0;
  for (const port of INSTANCES) {
    const text = await (
      await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    for (const line of text.split('\n'))
      if (
        /^hamro_http_request_duration_seconds_count\{[^}]*method="POST"[^}]*route="\/holds"/.test(line) ||
        /^hamro_rate_limited_early_total\{/.test(line)
      )
        seen += Number(line.split(' ').at(-1));
  }
  return seen;
}

cluster('purge');
try {
  cluster('up');
  const seenBefore = await holdsSeenByInstances();
  console.log("Rate limits at the edge (HAProxy's, in front of three API instances on the cluster):");
  const met = await measureHammering({
    baseUrl: API,
    adminToken: ADMIN_TOKEN,
    via: 'connected',
    hammerAddress: '127.0.0.9',
  });
  console.log(`Hammering requests that reached the API instances: ${(await holdsSeenByInstances()) - seenBefore}`);
  if (!met) process.exitCode = 1;
} finally {
  cluster('purge');
}

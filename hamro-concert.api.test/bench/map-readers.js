#!/usr/bin/env node
// Reads one seat map with 20 clients for a few seconds and prints the figures as JSON. Run by live.js
// in a process of its own, so the readers do not share an event loop with the booking load. Each client
// reads the map 5 times a second (100 a second in all, far more often than a browser does): unpaced,
// the load generator's own parsing of ~300 KB answers becomes what is measured.
// Usage: node bench/map-readers.js URL SECONDS [READS_PER_SECOND]
import autocannon from 'autocannon';

const [url, seconds = '5', rate = '100'] = process.argv.slice(2);
autocannon(
  {
    url,
    connections: 20,
    duration: Number(seconds),
    overallRate: Number(rate),
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  },
  (error, result) => {
    if (error) throw error;
    console.log(
      JSON.stringify({
        perSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        bytesPerResponse: result.throughput.total / Math.max(1, result.requests.total),
        failed: result.non2xx + result.errors,
      }),
    );
  },
);

#!/usr/bin/env node
// Two buyers book two different seats at the same moment: both must succeed.
// Usage: BASE_URL=http://localhost:3000 node test-multiple-seat-booking.js
import { book, DEFAULT_BASE_URL, findFreeSeats, uniqueBuyer } from './lib/client.js';

const baseUrl = process.env.BASE_URL ?? DEFAULT_BASE_URL;
const { concert, seats } = await findFreeSeats(baseUrl, 2);
const [a, b] = seats;
console.log(`Two buyers book ${a.seatNumber} and ${b.seatNumber} of "${concert.title}" at once`);

const results = await Promise.all([
  book(baseUrl, uniqueBuyer('Buyer One'), [a.id]),
  book(baseUrl, uniqueBuyer('Buyer Two'), [b.id]),
]);
console.log(`Outcomes: ${results.map((r) => r.status).join(' and ')}`);

const problems = [];
for (const [index, result] of results.entries()) {
  if (result.status !== 201) problems.push(`buyer ${index + 1} got ${result.status} ${result.body?.code ?? ''}`);
}
const map = await fetch(`${baseUrl}/seats/concert/${concert.id}`).then((r) => r.json());
for (const seat of [a, b]) {
  if (!map.seats.find((s) => s.id === seat.id)?.isBooked) problems.push(`${seat.seatNumber} is not shown as booked`);
}

if (problems.length > 0) {
  console.error(`FAIL: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('PASS: both buyers got their seats');

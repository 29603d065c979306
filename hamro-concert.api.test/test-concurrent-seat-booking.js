#!/usr/bin/env node
// Two buyers race for the same seat at the same moment: exactly one must get it.
// Usage: BASE_URL=http://localhost:3000 node test-concurrent-seat-booking.js
import { book, DEFAULT_BASE_URL, findFreeSeats, uniqueBuyer } from './lib/client.js';

const baseUrl = process.env.BASE_URL ?? DEFAULT_BASE_URL;
const { concert, seats } = await findFreeSeats(baseUrl, 1);
const [seat] = seats;
console.log(`Two buyers race for seat ${seat.seatNumber} (id ${seat.id}) of "${concert.title}"`);

const [first, second] = await Promise.all([
  book(baseUrl, uniqueBuyer('Buyer One'), [seat.id]),
  book(baseUrl, uniqueBuyer('Buyer Two'), [seat.id]),
]);
const statuses = [first.status, second.status].sort();
console.log(`Outcomes: ${statuses.join(' and ')}`);

const problems = [];
if (statuses[0] !== 201 || statuses[1] !== 409)
  problems.push(`expected one 201 and one 409, got ${statuses.join(', ')}`);
const loser = [first, second].find((r) => r.status === 409);
if (loser && loser.body?.code !== 'seat-already-booked') problems.push(`the loser got code ${loser.body?.code}`);
const map = await fetch(`${baseUrl}/seats/concert/${concert.id}`).then((r) => r.json());
if (!map.seats.find((s) => s.id === seat.id)?.isBooked) problems.push('the seat map does not show the seat as booked');

if (problems.length > 0) {
  console.error(`FAIL: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('PASS: exactly one buyer got the seat');

/**
 * An on-sale behind a waiting room, as its visitors make it: a crowd joins in the minutes before the
 * opening (compressed here into seconds), more arrive after it; each visitor asks where it stands
 * when the API says to, and once admitted holds one seat best available with its pass and books it.
 * Meanwhile a client without a pass keeps trying to hold and book. Everything over HTTP on
 * 127.0.0.1, bounded in count and time; the verdicts come from the API's answers and its database.
 */
import http from 'node:http';
import pg from 'pg';
import { requestJson, uniqueBuyer } from './client.js';
import { createConcert } from './stadium.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request to the API under test, through the run's shared agent. */
const requestApi = (agent, baseUrl, method, path, body, headers) =>
  requestJson(agent, `${baseUrl}${path}`, method, body, headers);

/** A venue with a seat for every visitor: General Admission rows of 100. */
function venueFor(visitors, opensAt) {
  return {
    title: `Waiting Room On-Sale ${Date.now().toString(36)}`,
    artist: 'The Patient Crowd',
    date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    time: '18:00:00',
    venue: 'Dasharath Stadium',
    city: 'Kathmandu',
    salesOpenAt: opensAt.toISOString(),
    tiers: [
      {
        name: 'General Admission',
        section: 'ga',
        price: '25.00',
        rows: Array.from({ length: Math.ceil(visitors / 100) + 1 }, (_, i) => ({ row: i + 1, seats: 100 })),
      },
    ],
  };
}

/**
 * Runs the on-sale and returns what the visitors and the database saw. `early` visitors join spread
 * over `joinSeconds` before the opening; `late` ones over `lateSeconds` after it.
 */
export async function waitingRoomOnSale({
  baseUrl,
  databaseUrl,
  adminToken,
  early,
  late,
  admitPerMinute,
  maxShopping,
  joinSeconds,
  lateSeconds,
  maxSeconds,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const opensAt = new Date(Date.now() + (joinSeconds + 3) * 1000);
  const concert = await createConcert(baseUrl, venueFor(early + late, opensAt), adminToken);
  const tierId = concert.tiers[0].id;
  const admin = { authorization: `Bearer ${adminToken}` };
  const room = await requestApi(
    agent,
    baseUrl,
    'PUT',
    `/admin/concerts/${concert.id}/waiting-room`,
    {
      enabled: true,
      admitPerMinute,
      maxShopping,
      joinMinutesBefore: 15,
    },
    admin,
  );
  if (room.status !== 200) throw new Error(`PUT waiting-room answered ${room.status}`);
  const deadline = Date.now() + maxSeconds * 1000;
  const visitors = [];
  let polls = 0;
  let unpassedSucceeded = 0;
  let unpassedRefused = 0;
  const outcomes = {};
  const count = (key) => (outcomes[key] = (outcomes[key] ?? 0) + 1);

  async function visitor(index, lateArrival) {
    const joined = await requestApi(agent, baseUrl, 'POST', `/concerts/${concert.id}/waiting-room/join`);
    count(`join ${joined.status}`);
    const seen = { index, late: lateArrival, ticket: joined.body?.ticket, admissions: 0, booked: false };
    visitors.push(seen);
    if (!seen.ticket) return;
    let answer = joined.body;
    while (Date.now() < deadline && answer?.state !== 'admitted') {
      await sleep((answer?.pollAfterSeconds ?? 2) * 1000);
      const next = await requestApi(agent, baseUrl, 'GET', `/concerts/${concert.id}/waiting-room`, undefined, {
        'queue-ticket': seen.ticket,
      });
      polls += 1;
      if (next.status === 200) answer = next.body;
      else count(`poll ${next.status}`);
    }
    if (answer?.state !== 'admitted') return;
    seen.admissions += 1;
    seen.place = answer.place;
    seen.admittedAt = Date.parse(answer.admittedAt);
    const pass = { 'admission-pass': answer.pass };
    const hold = await requestApi(
      agent,
      baseUrl,
      'POST',
      '/holds/best-available',
      {
        concertId: concert.id,
        ticketTierId: tierId,
        quantity: 1,
      },
      pass,
    );
    count(`hold ${hold.status}`);
    if (hold.status !== 201) return;
    const booking = await requestApi(
      agent,
      baseUrl,
      'POST',
      '/ticket-bookings/seats',
      {
        ...uniqueBuyer('Room Visitor'),
        seatIds: hold.body.seatIds,
        holdToken: hold.body.holdToken,
      },
      pass,
    );
    count(`book ${booking.status}`);
    seen.booked = booking.status === 201;
  }

  /** Someone without a pass, trying to hold and book all through the sale. */
  async function gateCrasher() {
    const attempts = [
      () =>
        requestApi(agent, baseUrl, 'POST', '/holds/best-available', {
          concertId: concert.id,
          ticketTierId: tierId,
          quantity: 2,
        }),
      () =>
        requestApi(agent, baseUrl, 'POST', '/ticket-bookings/best-available', {
          ...uniqueBuyer('Gate Crasher'),
          concertId: concert.id,
          ticketTierId: tierId,
          quantity: 2,
        }),
    ];
    for (let i = 0; Date.now() < deadline && visitors.filter((v) => v.admissions > 0).length < early + late; i++) {
      const answer = await attempts[i % 2]();
      if (answer.status === 201) unpassedSucceeded += 1;
      else if (answer.status === 403 || answer.status === 409) unpassedRefused += 1;
      await sleep(100);
    }
  }

  const started = Date.now();
  const running = [gateCrasher()];
  for (let i = 0; i < early; i++) {
    running.push(visitor(i, false));
    await sleep((joinSeconds * 1000) / early);
  }
  // Later arrivals come once the draw has been made (the first admission tick after the opening).
  await sleep(Math.max(0, opensAt.getTime() - Date.now() + 2500));
  for (let i = 0; i < late; i++) {
    running.push(visitor(early + i, true));
    await sleep((lateSeconds * 1000) / late);
  }
  await Promise.all(running);
  agent.destroy();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const entries = (
      await client.query(
        `select id, place::int, joined_at, admitted_at, done_at, draw is not null as drawn
         from waiting_room_entries where concert_id = $1 order by place`,
        [concert.id],
      )
    ).rows;
    const bookings = (
      await client.query(`select created_at from bookings where concert_id = $1 order by created_at`, [concert.id])
    ).rows;
    return {
      concert,
      opensAt,
      started,
      visitors,
      entries,
      bookings,
      polls,
      outcomes,
      unpassedSucceeded,
      unpassedRefused,
    };
  } finally {
    await client.end();
  }
}

/** The verdicts on a run of waitingRoomOnSale: problems (empty when all hold) and the figures. */
export function judgeOnSale(run, { early, late, admitPerMinute }) {
  const problems = [];
  const total = early + late;
  const admittedVisitors = run.visitors.filter((v) => v.admissions > 0);
  if (admittedVisitors.length !== total) problems.push(`${admittedVisitors.length} of ${total} visitors were admitted`);
  if (run.visitors.some((v) => v.admissions > 1)) problems.push('a visitor was admitted twice');
  const admitted = run.entries.filter((e) => e.admitted_at);
  const places = admitted.map((e) => e.place);
  if (new Set(places).size !== admitted.length || admitted.length !== run.entries.length)
    problems.push('places are not one per entry');
  // Stated order: every early arrival (drawn) ahead of every later one; later ones by arrival.
  const drawnPlaces = run.entries.filter((e) => e.drawn).map((e) => e.place);
  if (drawnPlaces.length !== early || Math.max(...drawnPlaces) !== early)
    problems.push(`the ${early} early visitors do not hold places 1 to ${early}`);
  const lateEntries = run.entries.filter((e) => !e.drawn);
  for (let i = 1; i < lateEntries.length; i++) {
    const [a, b] = [lateEntries[i - 1], lateEntries[i]];
    if (a.joined_at > b.joined_at || a.id > b.id) {
      problems.push(`later arrivals out of arrival order at place ${b.place}`);
      break;
    }
  }
  const drawnByArrival = run.entries
    .filter((e) => e.drawn)
    .sort((a, b) => a.id - b.id)
    .map((e) => e.place);
  if (early > 3 && drawnByArrival.every((place, i) => place === i + 1))
    problems.push('early visitors were placed in arrival order, not drawn');
  for (let i = 1; i < admitted.length; i++) {
    if (admitted[i].admitted_at < admitted[i - 1].admitted_at) {
      problems.push(`place ${admitted[i].place} was admitted before place ${admitted[i - 1].place}`);
      break;
    }
  }
  // The rate: admissions from the opening to the last one, against the room's setting.
  const times = admitted.map((e) => e.admitted_at.getTime()).sort((a, b) => a - b);
  const seconds = (times.at(-1) - run.opensAt.getTime()) / 1000;
  const perMinute = (admitted.length / seconds) * 60;
  const rateError = Math.abs(perMinute - admitPerMinute) / admitPerMinute;
  if (rateError > 0.05) problems.push(`admitted ${perMinute.toFixed(0)}/min against ${admitPerMinute}/min`);
  // Never more booked by any moment than admitted by it.
  let a = 0;
  let overtaken = false;
  run.bookings.forEach((booking, booked) => {
    while (a < times.length && times[a] <= booking.created_at.getTime()) a += 1;
    if (booked + 1 > a) overtaken = true;
  });
  if (overtaken) problems.push('more bookings than admissions at some moment');
  if (run.unpassedSucceeded > 0) problems.push(`${run.unpassedSucceeded} holds or bookings without a pass succeeded`);
  // Over the same span as the admissions: from the opening.
  const bookingSeconds = run.bookings.length > 0 ? (run.bookings.at(-1).created_at - run.opensAt) / 1000 : 0;
  return {
    problems,
    figures: {
      visitors: total,
      admitted: admitted.length,
      admittedPerMinute: perMinute,
      rateError,
      admissionSeconds: seconds,
      bookings: run.bookings.length,
      bookingsPerMinute: bookingSeconds > 0 ? (run.bookings.length / bookingSeconds) * 60 : 0,
      polls: run.polls,
      unpassedRefused: run.unpassedRefused,
      outcomes: run.outcomes,
    },
  };
}

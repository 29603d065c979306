/** The invariants every concurrency run ends with, checked in the database and over HTTP. */
import pg from 'pg';

/**
 * What the buyers were told against what PostgreSQL has: references answered 201 that are not stored
 * (lost), and stored ones no buyer was told of (ghosts).
 */
export async function lostAndGhosts(databaseUrl, concertId, answered) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('select reference from bookings where concert_id = $1', [concertId]);
    const stored = new Set(rows.map((row) => row.reference));
    return {
      lost: [...answered].filter((reference) => !stored.has(reference)),
      ghosts: [...stored].filter((reference) => !answered.has(reference)),
    };
  } finally {
    await client.end();
  }
}

export async function databaseInvariants(databaseUrl, concertId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const problems = [];
    const doubles = await client.query(
      `select b.seat_id from booking_seats b join seats s on s.id = b.seat_id
       where b.released_at is null and s.concert_id = $1 group by b.seat_id having count(*) > 1`,
      [concertId],
    );
    if (doubles.rowCount) problems.push(`seats sold twice: ${doubles.rows.map((r) => r.seat_id).join(', ')}`);
    const disagreements = await client.query(
      `select s.id from seats s left join booking_seats b on b.seat_id = s.id and b.released_at is null
       where s.concert_id = $1 and s.booking_id is distinct from b.booking_id`,
      [concertId],
    );
    if (disagreements.rowCount)
      problems.push(`${disagreements.rowCount} seats whose holder disagrees with booking_seats`);
    const heldAndBooked = await client.query(
      `select id from seats where concert_id = $1 and booking_id is not null and hold_id is not null`,
      [concertId],
    );
    if (heldAndBooked.rowCount) problems.push(`${heldAndBooked.rowCount} seats both booked and held`);
    const tiers = await client.query(
      `select t.id, t.total,
         (select count(*)::int from booking_seats b join seats s on s.id = b.seat_id
            join bookings bk on bk.id = b.booking_id and bk.status = 'confirmed'
            where s.tier_id = t.id and b.released_at is null) as booked,
         (select coalesce(sum(quantity), 0)::int from sales s where s.tier_id = t.id and s.status = 'confirmed') as sold,
         (select count(*)::int from seats s where s.tier_id = t.id) as seats
       from ticket_tiers t where t.concert_id = $1`,
      [concertId],
    );
    for (const tier of tiers.rows) {
      if (tier.sold !== tier.booked)
        problems.push(`tier ${tier.id}: ${tier.sold} sold in sale records but ${tier.booked} seats booked`);
      if (tier.seats !== tier.total) problems.push(`tier ${tier.id}: total ${tier.total} but ${tier.seats} seats`);
    }
    // Money: a booking paid online keeps exactly one completed payment; any other is owed back.
    const paidNotOnce = await client.query(
      `select b.reference from bookings b where b.concert_id = $1 and b.money = 'paid'
         and (select count(*) from payments p
              where p.booking_id = b.id and p.state = 'completed' and p.refund_state is null) <> 1`,
      [concertId],
    );
    if (paidNotOnce.rowCount) problems.push(`${paidNotOnce.rowCount} paid bookings without exactly one payment kept`);
    const moneyWithoutSeats = await client.query(
      `select p.order_id from payments p join bookings b on b.id = p.booking_id
       where b.concert_id = $1 and p.state in ('completed', 'mismatch') and p.refund_state is null
         and not (b.status = 'confirmed' and b.money = 'paid')`,
      [concertId],
    );
    if (moneyWithoutSeats.rowCount) problems.push(`${moneyWithoutSeats.rowCount} payments kept without a paid booking`);
    return { problems, tiers: tiers.rows };
  } finally {
    await client.end();
  }
}

/** Over HTTP: each tier's advertised availability equals its available seats on the map. */
export async function httpInvariants(baseUrl, concertId) {
  const problems = [];
  const [concert, map] = await Promise.all([
    fetch(`${baseUrl}/concerts/${concertId}`).then((r) => r.json()),
    fetch(`${baseUrl}/seats/concert/${concertId}`).then((r) => r.json()),
  ]);
  for (const tier of concert.tiers) {
    const free = map.seats.filter((s) => s.ticketTierId === tier.id && s.status === 'available').length;
    if (free !== tier.available)
      problems.push(`${baseUrl} tier ${tier.name}: available ${tier.available}, free seats ${free}`);
  }
  const booked = map.seats.filter((s) => s.isBooked).length;
  const held = map.seats.filter((s) => s.status === 'held').length;
  if (booked !== map.bookedSeats || held !== map.heldSeats || map.totalSeats - booked - held !== map.availableSeats) {
    problems.push(`${baseUrl} seat map counts disagree with its seats`);
  }
  return { problems, booked };
}

import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Booking, Concert, Problem, ProofOfWork, Room, Seat, SeatMap, Visit } from 'hamro-concert.contracts';

/** Direct calls to the running API, as another buyer or a checker would make them. */
export async function concertByTitle(baseUrl: string, title: string): Promise<Concert> {
  const response = await fetch(`${baseUrl}/concerts?page=1&limit=100`);
  const page = (await response.json()) as { data: Concert[] };
  const concert = page.data.find((c) => c.title === title);
  if (!concert) throw new Error(`No concert called ${title}`);
  return concert;
}

export async function seatMap(baseUrl: string, concertId: string): Promise<SeatMap> {
  const response = await fetch(`${baseUrl}/seats/concert/${concertId}`, { headers: { Accept: 'application/json' } });
  return (await response.json()) as SeatMap;
}

export async function freeSeats(
  baseUrl: string,
  concertId: string,
  section: Seat['section'],
  count: number,
): Promise<Seat[]> {
  const map = await seatMap(baseUrl, concertId);
  const seats = map.seats.filter((seat) => seat.section === section && seat.status === 'available').slice(0, count);
  if (seats.length < count) throw new Error(`Only ${seats.length} free ${section} seats left`);
  return seats;
}

export async function bookDirectly(
  baseUrl: string,
  seatIds: number[],
  userEmail = 'another.buyer@example.com',
): Promise<{ status: number; body: Booking }> {
  const response = await fetch(`${baseUrl}/ticket-bookings/seats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ userName: 'Another Buyer', userEmail, seatIds }),
  });
  return { status: response.status, body: (await response.json()) as Booking };
}

/** The start of the name the web app gives a seat's button: "VIP, row 2, seat 12". */
export function seatPlace(concert: Concert, seat: Seat): string {
  const tier = concert.tiers.find((t) => t.id === seat.ticketTierId);
  const number = /(\d+)$/.exec(seat.seatNumber)?.[1] ?? seat.seatNumber;
  return `${tier?.name ?? seat.section}, row ${seat.row}, seat ${number}`;
}

const rows = (count: number, seats: number) => Array.from({ length: count }, (_, i) => ({ row: i + 1, seats }));

/** A stadium: VIP 5,000 and Front Row 5,000 in rows of 50, General Admission 40,000 in rows of 100. */
export function stadiumConcertBody(title: string) {
  return {
    title,
    artist: 'The Sell-Out Crowd',
    date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    time: '18:00:00',
    venue: 'Dasharath Stadium',
    city: 'Kathmandu',
    tiers: [
      { name: 'VIP', section: 'vip', price: '150.00', rows: rows(100, 50) },
      { name: 'Front Row', section: 'front', price: '90.00', rows: rows(100, 50) },
      { name: 'General Admission', section: 'ga', price: '25.00', rows: rows(400, 100) },
    ],
  };
}

/** Creates a concert as the organizer does (POST /concerts). */
export async function createConcert(baseUrl: string, body: unknown, adminToken: string): Promise<Concert> {
  const response = await fetch(`${baseUrl}/concerts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Concert;
  if (response.status !== 201) throw new Error(`POST /concerts answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Turns a concert's waiting room on (or off), as the organizer's panel does (PUT /admin/concerts/:id/waiting-room). */
export async function configureWaitingRoom(
  baseUrl: string,
  concertId: string,
  settings: { enabled: boolean; admitPerMinute: number; maxShopping: number; paused?: boolean },
  adminToken: string,
): Promise<Room> {
  const response = await fetch(`${baseUrl}/admin/concerts/${concertId}/waiting-room`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  const json = (await response.json()) as Room;
  if (response.status !== 200)
    throw new Error(`PUT …/waiting-room answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Another visitor joins the concert's waiting room over plain HTTP, as a script or another browser would. */
/**
 * Joins a waiting room as a visitor of its own would, outside the browser: a new session, its proof
 * of work solved (natively, as a script would), then the join with both.
 */
export async function joinWaitingRoom(baseUrl: string, concertId: string): Promise<{ status: number; visit: Visit }> {
  const owed = await fetch(`${baseUrl}/concerts/${concertId}/challenge`, { headers: { Accept: 'application/json' } });
  const cookie = owed.headers
    .getSetCookie()
    .map((set) => set.split(';')[0])
    .join('; ');
  const { required, challenge } = (await owed.json()) as ProofOfWork;
  const headers: Record<string, string> = { Accept: 'application/json', Cookie: cookie };
  if (required && challenge) {
    const solution = await solveChallenge({ challenge: challenge as Challenge, deriveKey });
    if (!solution) throw new Error('the proof of work could not be solved');
    const payload = { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
    headers['Proof-Of-Work'] = Buffer.from(JSON.stringify(payload)).toString('base64');
  }
  const response = await fetch(`${baseUrl}/concerts/${concertId}/waiting-room/join`, { method: 'POST', headers });
  return { status: response.status, visit: (await response.json()) as Visit };
}

/** Where a queue ticket stands (GET /concerts/:id/waiting-room with Queue-Ticket). */
export async function visitWaitingRoom(baseUrl: string, concertId: string, ticket: string): Promise<Visit> {
  const response = await fetch(`${baseUrl}/concerts/${concertId}/waiting-room`, {
    headers: { Accept: 'application/json', 'Queue-Ticket': ticket },
  });
  return (await response.json()) as Visit;
}

/** A hold asked for without an admission pass or a browser session: the sale's waiting room should refuse it. */
export async function holdWithoutPass(
  baseUrl: string,
  concertId: string,
  seatIds: number[],
): Promise<{ status: number; body: Problem }> {
  const response = await fetch(`${baseUrl}/holds`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ concertId, seatIds }),
  });
  return { status: response.status, body: (await response.json()) as Problem };
}

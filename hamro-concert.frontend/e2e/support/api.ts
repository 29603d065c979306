import type { Booking, Concert, Seat, SeatMap } from 'hamro-concert.api/contracts';

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

export async function bookDirectly(baseUrl: string, seatIds: number[]): Promise<{ status: number; body: Booking }> {
  const response = await fetch(`${baseUrl}/ticket-bookings/seats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ userName: 'Another Buyer', userEmail: 'another.buyer@example.com', seatIds }),
  });
  return { status: response.status, body: (await response.json()) as Booking };
}

/** The start of the name the web app gives a seat's button: "VIP, row 2, seat 12". */
export function seatPlace(concert: Concert, seat: Seat): string {
  const tier = concert.tiers.find((t) => t.id === seat.ticketTierId);
  const number = /(\d+)$/.exec(seat.seatNumber)?.[1] ?? seat.seatNumber;
  return `${tier?.name ?? seat.section}, row ${seat.row}, seat ${number}`;
}

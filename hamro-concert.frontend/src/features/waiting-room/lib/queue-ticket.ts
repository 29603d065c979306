/**
 * A visitor's queue ticket, kept in this browser per concert (localStorage), so that leaving the
 * page and coming back, even after closing the tab, keeps the place in line. It is no secret worth
 * guarding: it only says where its holder stands in one concert's line.
 */
const key = (concertId: string) => `hamro.queueTicket.${concertId}`;

export function storedTicket(concertId: string): string | null {
  try {
    return window.localStorage.getItem(key(concertId));
  } catch {
    return null;
  }
}

/** Keeps the ticket the API last answered with; null forgets one it no longer knows. */
export function keepTicket(concertId: string, ticket: string | null): void {
  try {
    if (ticket === null) window.localStorage.removeItem(key(concertId));
    else window.localStorage.setItem(key(concertId), ticket);
  } catch {
    // Storage refused (private mode, full): the place lasts as long as the page does.
  }
}

/** What the live region says: only when one minute is left, not every second. */
export function countdownAnnouncement(seconds: number): string {
  return seconds > 0 && seconds <= 60 ? 'Less than a minute left to book your held seats.' : '';
}

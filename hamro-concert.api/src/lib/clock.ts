export interface Clock {
  now(): Date;
  /** Today's date as "YYYY-MM-DD" (UTC). */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date().toISOString().slice(0, 10),
};

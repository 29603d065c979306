/** An ISO 8601 instant from the API (or null, for "none") as the Date the database stores. */
export const toInstant = (value: string | null) => (value === null ? null : new Date(value));

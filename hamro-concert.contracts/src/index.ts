/**
 * Hamro Concert's public contract, shared by the API and its clients such as the web app: the zod
 * schemas that validate requests and describe responses, the types inferred from them, the error
 * codes, and the few pure rules they rest on (money, currencies, time zones). zod is its only
 * dependency: nothing here reaches a server, a database or a browser.
 */
export * from './api-paths.js';
export * from './bookings.js';
export * from './calendar.js';
export * from './common.js';
export * from './concerts.js';
export * from './currency.js';
export * from './emails.js';
export * from './holds.js';
export * from './money.js';
export * from './payments.js';
export * from './problem-codes.js';
export * from './proof-of-work.js';
export * from './reference-format.js';
export * from './sales.js';
export * from './seats.js';
export * from './tickets.js';
export * from './tiers.js';
export * from './time-zone.js';
export * from './waiting-room.js';

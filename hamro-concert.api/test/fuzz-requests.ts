/**
 * Requests generated from the API's own /openapi.json: a plausible request for each operation
 * (from its schemas, their examples and real ids), then broken in one or two ways at a time.
 * Everything is drawn from a seeded generator, so a seed names a run.
 */

export type Random = () => number;

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Schema = Record<string, any>;

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Schema }[];
  body?: Schema;
  secured: boolean;
}

export function operationsOf(document: Schema): Operation[] {
  return Object.entries<Schema>(document.paths).flatMap(([path, methods]) =>
    Object.entries<Schema>(methods).map(([method, operation]) => ({
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema,
      secured: Boolean(operation.security?.length),
    })),
  );
}

/** Real rows to draw from, so a request reaches past "not found" into the code behind it. */
export interface Known {
  concertIds: string[];
  tierIds: number[];
  seatIds: number[];
  references: string[];
  holdTokens: string[];
  ticketCodes: string[];
  tokens: { admin: string; staff: string };
}

export interface FuzzRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const LONG = 'x'.repeat(10_000);
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'lone \udfff surrogate',
  '\u202eright-to-left override',
  '\u200f\u200e\u061c',
  '\ufeffbom',
  'e\u0301'.repeat(300),
  '👩‍👩‍👧‍👦'.repeat(50),
  'नेपाली संगीत',
  '１２３',
  '%',
  '%ff',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '\r\n\t',
  'NaN',
  '1e999',
  LONG,
  'ñ'.repeat(5_000),
];
const ODD_NUMBERS = [
  -1,
  0,
  1.5,
  -0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e-300,
];
const WRONG_TYPES = [null, true, false, {}, [], [[]], '1', { $gt: '' }];
/** The odd values every field of every body gets in the fixed battery. */
const BATTERY_VALUES = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202eright-to-left',
  '',
  LONG,
  null,
  true,
  {},
  [],
  -1,
  1.5,
  2 ** 53 + 2,
];
/** Each item its own value: a body broken twice must not grow through one object shared 10,000 times. */
const oddArrays = (random: Random) => {
  const item = pick(random, [() => 1, () => 'x', () => ({})]);
  return [[], Array.from({ length: 11 }, (_, i) => i + 1), Array.from({ length: 10_000 }, item)];
};

/** Values that go into a URL's path as they are, undecoded: the router decodes them. */
export const ODD_PATH_VALUES = [
  '%',
  '%ff',
  '%00',
  '%C0%AF',
  '%ED%A0%80',
  '%E2%80%AE',
  '%2e%2e',
  '..',
  '.',
  '%20',
  'y'.repeat(5_000),
  encodeURIComponent('ñ日本🎵'),
  '-1',
  '0',
  '2147483648',
  '1e3',
  '00000000-0000-0000-0000-000000000000',
  'null',
];
const ODD_QUERY_VALUES = [
  '',
  '-1',
  'abc',
  '1e999',
  '%',
  '%ff',
  '%00',
  '99999999999999999999',
  'a&page=2',
  'x'.repeat(5_000),
];

export function authorizationsFor(known: Known): (string | undefined)[] {
  return [
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${known.tokens.admin} extra`,
    `bearer ${known.tokens.admin}`,
    `Bearer ${'z'.repeat(6_000)}`,
    'Bearer \u00e9\u00ff',
    `Bearer ${known.tokens.admin}`,
    `Bearer ${known.tokens.staff}`,
  ];
}
const IDEMPOTENCY_KEYS = [undefined, '', ' ', 'key with spaces', 'k'.repeat(6_000), '\u00e9t\u00e9', 'good-key'];

function resolve(document: Schema, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  while (current.$ref) current = document.components.schemas[current.$ref.split('/').pop()];
  return current;
}

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function smallInteger(random: Random, schema: Schema): number {
  const low = schema.minimum === undefined ? 0 : schema.minimum + (schema.exclusiveMinimum ? 1 : 0);
  const high = Math.min(schema.maximum ?? low + 10, low + 4);
  return low + Math.floor(random() * (high - low + 1));
}

/** A plausible value for a field: a real id by its name, else the schema's example, else one made to fit. */
function plausible(document: Schema, random: Random, known: Known, name: string, given: Schema | undefined): unknown {
  const schema = resolve(document, given);
  if (/^(concertId|id)$/.test(name) && schema.format === 'uuid') return pick(random, known.concertIds);
  if (/^(ticketTierId|id)$/.test(name) && schema.type === 'integer') return pick(random, known.tierIds);
  if (name === 'reference') return pick(random, known.references);
  if (name === 'holdToken') return pick(random, known.holdTokens);
  if (name === 'code' && schema.type === 'string') return pick(random, known.ticketCodes);
  if (name === 'seatIds') return [pick(random, known.seatIds)];
  if (/email/i.test(name)) return `fuzz-${Math.floor(random() * 1e9)}@example.com`;
  const scalar = schema.type !== 'object' && schema.type !== 'array';
  if (scalar && schema.example !== undefined && random() < 0.7) return schema.example;
  if (schema.enum) return pick(random, schema.enum);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries<Schema>(schema.properties ?? {})
          .filter(([key]) => schema.required?.includes(key) || random() < 0.5)
          .map(([key, property]) => [key, plausible(document, random, known, key, property)]),
      );
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        plausible(document, random, known, name, schema.items),
      );
    case 'integer':
    case 'number':
      return smallInteger(random, schema);
    case 'boolean':
      return random() < 0.5;
  }
  if (schema.format === 'uuid') return pick(random, known.concertIds);
  if (schema.format === 'date') return daysAhead(10 + Math.floor(random() * 300));
  if (schema.format === 'time') return '19:30:00';
  if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  if (schema.pattern === '^\\d+\\.\\d{2}$') return '12.50';
  return `fuzz ${name} ${Math.floor(random() * 1000)}`;
}

function oddValue(random: Random): unknown {
  const kind = random();
  if (kind < 0.45) return pick(random, ODD_STRINGS);
  if (kind < 0.65) return pick(random, ODD_NUMBERS);
  if (kind < 0.85) return pick(random, WRONG_TYPES);
  return pick(random, oddArrays(random));
}

/** Breaks one field of a plausible body, somewhere in it: replaced, removed, or joined by one not asked for. */
function breakBody(random: Random, body: unknown): unknown {
  if (body === null || typeof body !== 'object') return oddValue(random);
  const copy = structuredClone(body) as Record<string, any>;
  let target: Record<string, any> = copy;
  while (random() < 0.4) {
    const nested = Object.values(target).filter((value) => value !== null && typeof value === 'object');
    if (nested.length === 0) break;
    target = pick(random, nested);
  }
  const keys = Object.keys(target);
  const choice = random();
  if (choice < 0.6 && keys.length > 0) target[pick(random, keys)] = oddValue(random);
  else if (choice < 0.8 && keys.length > 0) delete target[pick(random, keys)];
  else target[pick(random, ['extra', 'constructor', 'isAdmin', 'status'])] = oddValue(random);
  return copy;
}

/** Bodies that are not what they say they are; a few are spliced into text, as JSON.stringify cannot write them. */
const RAW_BODIES = [
  '{',
  '{"a":',
  "{'a':1}",
  '[1,2',
  'nul',
  '\u0000',
  '{"a":1}garbage',
  '\ufeff{}',
  '{"seatIds":[1e999],"quantity":1e999}',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"a":${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}}`,
  JSON.stringify({ big: 'b'.repeat(120_000) }),
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'multipart/form-data; boundary=x',
  'application/merge-patch+json',
  'application/json; boundary=%',
];

function fillPath(operation: Operation, values: Record<string, string>): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'missing');
}

/** One generated request for the operation: plausible, with one or two things about it wrong. */
function generated(document: Schema, random: Random, known: Known, operation: Operation, n: number): FuzzRequest {
  const pathValues: Record<string, string> = {};
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const broken: string[] = [];
  for (const parameter of operation.parameters) {
    const value = String(plausible(document, random, known, parameter.name, parameter.schema));
    const odd = random() < 0.25;
    if (parameter.in === 'path') {
      pathValues[parameter.name] = odd ? pick(random, ODD_PATH_VALUES) : encodeURIComponent(value);
    } else if (parameter.in === 'query' && (parameter.required || random() < 0.5)) {
      if (odd && random() < 0.3) continue; // missing
      query.append(parameter.name, odd ? pick(random, ODD_QUERY_VALUES) : value);
      if (random() < 0.1) query.append(parameter.name, value); // the same name twice
    }
    if (odd) broken.push(parameter.name);
  }
  if (random() < 0.1) query.append(pick(random, ['extra', 'page[$gt]', '__proto__']), pick(random, ODD_QUERY_VALUES));

  const authorization = operation.secured
    ? pick(random, authorizationsFor(known).concat(Array(6).fill(`Bearer ${known.tokens.admin}`)))
    : pick(random, [undefined, undefined, undefined, 'garbage']);
  if (authorization !== undefined) headers.authorization = authorization;
  if (operation.parameters.some((parameter) => parameter.name === 'idempotency-key')) {
    const key = pick(random, IDEMPOTENCY_KEYS);
    if (key !== undefined) headers['idempotency-key'] = key === 'good-key' ? `fuzz-${n % 7}` : key;
  }
  if (operation.parameters.some((parameter) => parameter.name === 'last-event-id') && random() < 0.3) {
    headers['last-event-id'] = pick(random, ['', 'nonsense', '1.2.3', 'x'.repeat(5_000), `${known.concertIds[0]}.99`]);
  }
  if (operation.method === 'GET' && random() < 0.1) headers['if-none-match'] = pick(random, ['*', 'W/"x"', '"', ',,']);

  let body: string | undefined;
  if (operation.body) {
    const plain = plausible(document, random, known, 'body', operation.body);
    const way = random();
    if (way < 0.25) body = JSON.stringify(plain);
    else if (way < 0.65) body = JSON.stringify(breakBody(random, plain));
    else if (way < 0.8) body = JSON.stringify(breakBody(random, breakBody(random, plain)));
    else if (way < 0.92) body = pick(random, RAW_BODIES);
    else body = JSON.stringify(oddValue(random));
    headers['content-type'] = random() < 0.9 ? 'application/json' : pick(random, CONTENT_TYPES);
    if (random() < 0.05) headers['content-encoding'] = pick(random, ['gzip', 'deflate', 'br', 'x-unknown']);
  } else if (operation.method !== 'GET' && random() < 0.05) {
    body = pick(random, RAW_BODIES);
    headers['content-type'] = 'application/json';
  }
  const search = query.size > 0 ? `?${query}` : '';
  const label = `#${n} ${operation.operationId}${broken.length ? ` (odd ${broken.join(', ')})` : ''}`;
  return { label, method: operation.method, path: fillPath(operation, pathValues) + search, headers, body };
}

export function fuzzRequests(
  document: Schema,
  known: Known,
  random: Random,
  operation: Operation,
  count: number,
): FuzzRequest[] {
  return Array.from({ length: count }, (_, n) => generated(document, random, known, operation, n));
}

/** The fixed cases every operation gets, whatever the seed: each odd path value, token and body. */
export function battery(document: Schema, known: Known, operation: Operation): FuzzRequest[] {
  const random = seededRandom(1);
  const admin = { authorization: `Bearer ${known.tokens.admin}` };
  const plain = (): Record<string, string> => {
    const values: Record<string, string> = {};
    for (const p of operation.parameters.filter((p) => p.in === 'path')) {
      values[p.name] = encodeURIComponent(String(plausible(document, random, known, p.name, p.schema)));
    }
    return values;
  };
  const cases: FuzzRequest[] = [];
  const add = (label: string, path: string, headers: Record<string, string>, body?: string) =>
    cases.push({ label: `${operation.operationId}: ${label}`, method: operation.method, path, headers, body });
  for (const p of operation.parameters.filter((p) => p.in === 'path')) {
    for (const odd of ODD_PATH_VALUES)
      add(`${p.name}=${odd.slice(0, 20)}`, fillPath(operation, { ...plain(), [p.name]: odd }), admin);
  }
  for (const authorization of authorizationsFor(known)) {
    add(
      `authorization ${String(authorization).slice(0, 20)}`,
      fillPath(operation, plain()),
      authorization === undefined ? {} : { authorization },
    );
  }
  if (operation.body) {
    const json = { ...admin, 'content-type': 'application/json' };
    RAW_BODIES.forEach((raw, n) => {
      add(`body ${raw.slice(0, 20)}`, fillPath(operation, plain()), json, raw);
      add(
        `keyed body ${raw.slice(0, 20)}`,
        fillPath(operation, plain()),
        { ...json, 'idempotency-key': `raw-${n}` },
        raw,
      );
    });
    for (const type of CONTENT_TYPES)
      add(`content-type ${type}`, fillPath(operation, plain()), { ...admin, 'content-type': type }, '{}');
    for (const odd of [...BATTERY_VALUES, Array(10_000).fill(1)]) {
      const body = plausible(document, random, known, 'body', operation.body) as Record<string, unknown>;
      for (const key of Object.keys(body)) {
        add(
          `${key}=${JSON.stringify(odd)?.slice(0, 20)}`,
          fillPath(operation, plain()),
          json,
          JSON.stringify({ ...body, [key]: odd }),
        );
      }
    }
  }
  return cases;
}

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from 'hamro-concert.contracts';
import { PROBLEM_CODES } from 'hamro-concert.contracts';
import { buildConcert, buyer, seatsOf } from './factories.js';
import {
  battery,
  fuzzRequests,
  operationsOf,
  seededRandom,
  type FuzzRequest,
  type Known,
  type Operation,
} from './fuzz-requests.js';
import { type TestApp, del, get, post, put, request, startTestApp } from './harness.js';
import { expectConsistent } from './invariants.js';

// FUZZ_RUNS: generated requests per operation (30 by default); FUZZ_SEED: replays a run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ADMIN = 'fuzz-admin-token-0123456789';
const STAFF = 'fuzz-staff-token-0123456789';
const asAdmin = { authorization: `Bearer ${ADMIN}` };

let app: TestApp;
let document: any;
let operations: Operation[];
let known: Known;
const concertsToCheck = new Set<string>();

beforeAll(async () => {
  app = await startTestApp({ tokens: { admin: ADMIN, staff: STAFF } });
  document = (await get(app, '/openapi.json')).body;
  operations = operationsOf(document);
  const busy = await buildConcert(app);
  const seats = await seatsOf(app, busy.id);
  const booking = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seats[0]!.id] });
  const hold = await post(app, '/holds', { concertId: busy.id, seatIds: [seats[1]!.id] });
  expect([booking.status, hold.status]).toEqual([201, 201]);
  known = {
    concertIds: [busy.id],
    tierIds: busy.tiers.map((tier) => tier.id),
    seatIds: seats.slice(0, 30).map((seat) => seat.id),
    references: [booking.body.reference],
    holdTokens: [hold.body.holdToken],
    ticketCodes: [booking.body.tickets[0].code],
    tokens: { admin: ADMIN, staff: STAFF },
  };
  concertsToCheck.add(busy.id);
});
afterAll(() => app.close());

/** A concert with no bookings for the requests to draw on too, so deleting it and its tiers can succeed. */
async function addQuietConcert() {
  const quiet = await buildConcert(app);
  known.concertIds = [known.concertIds[0]!, quiet.id];
  known.tierIds = [...known.tierIds.slice(0, 3), ...quiet.tiers.map((tier) => tier.id)];
  known.seatIds = [
    ...known.seatIds.slice(0, 30),
    ...(await seatsOf(app, quiet.id)).slice(0, 30).map((seat) => seat.id),
  ];
  concertsToCheck.add(quiet.id);
}
const STACK_TRACE = /\n\s+at |\bat [\w.$<>]+ \(|node_modules|\.[jt]s:\d+:\d+/;

/** What is wrong with an answer, or undefined when it is one the API may give. */
function fault(status: number, type: string, text: string): string | undefined {
  if (status >= 500) return `answered ${status} ${text.slice(0, 200)}`;
  if (STACK_TRACE.test(text)) return `a stack trace in the body: ${text.slice(0, 200)}`;
  // 303: a payment provider's return sends the buyer on to the web app's payment page, whatever came back.
  if (status < 400)
    return (status >= 200 && status < 300) || status === 303 || status === 304 ? undefined : `answered ${status}`;
  if (!type.startsWith('application/problem+json')) return `${status} as ${type || 'no content type'}`;
  let problem: any;
  try {
    problem = JSON.parse(text);
  } catch {
    return `${status} with a body that is not JSON`;
  }
  if (!(PROBLEM_CODES as readonly string[]).includes(problem.code)) return `undeclared code ${problem.code}`;
  if (problem.status !== status) return `a problem whose status ${problem.status} is not the answer's ${status}`;
  return undefined;
}

/** Answers by class (2xx, 4xx...), to show how far past validation a run got. */
const answered = new Map<string, number>();

async function send(fuzz: FuzzRequest): Promise<string | undefined> {
  const where = `${fuzz.label}: ${fuzz.method} ${fuzz.path.slice(0, 100)}`;
  try {
    const response = await fetch(`${app.baseUrl}${fuzz.path}`, {
      method: fuzz.method,
      headers: fuzz.headers,
      body: fuzz.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    const type = response.headers.get('content-type') ?? '';
    const family = `${String(response.status)[0]}xx`;
    answered.set(family, (answered.get(family) ?? 0) + 1);
    if (type.startsWith('text/event-stream')) {
      await response.body?.cancel(); // a live stream stays open: its answer is its status
      return response.status === 200 ? undefined : `${where} → a stream answered ${response.status}`;
    }
    if (fuzz.method === 'POST' && fuzz.path === '/concerts' && response.status === 201) {
      const created = JSON.parse(await response.clone().text());
      concertsToCheck.add(created.id);
    }
    const problem = fault(response.status, type, await response.text());
    return problem && `${where} → ${problem}`;
  } catch (error) {
    const name = (error as Error).name;
    return `${where} → ${name === 'TimeoutError' ? 'no answer within 10 s' : `failed: ${String(error)}`}`;
  }
}

/** Sends every request, `width` at a time, and returns what was wrong with the answers. */
async function sendAll(requests: FuzzRequest[], width = 6): Promise<string[]> {
  const faults: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const found = await send(requests[next++]!);
      if (found) faults.push(found);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return faults;
}

async function expectStillConsistent() {
  for (const id of concertsToCheck) {
    if ((await get(app, `/concerts/${id}`)).status === 200) await expectConsistent(app, id);
  }
}

describe('bad input, generated from /openapi.json', () => {
  it('when every operation gets its fixed battery of odd paths, tokens and bodies, then no answer is a 5xx, a hang or a stack trace', async () => {
    await addQuietConcert();
    const faults = await sendAll(operations.flatMap((operation) => battery(document, known, operation)));
    expect(faults.slice(0, 20), `${faults.length} faulty answers`).toEqual([]);
    await expectStillConsistent();
  }, 120_000);

  it(
    `when every operation gets ${RUNS} generated requests, then each answer is a 2xx or a declared problem, and the invariants hold`,
    async () => {
      console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`);
      await addQuietConcert();
      answered.clear();
      const random = seededRandom(SEED);
      const requests = operations.flatMap((operation) => fuzzRequests(document, known, random, operation, RUNS));
      const faults = await sendAll(requests);
      console.log(`${requests.length} requests answered`, Object.fromEntries(answered));
      expect(answered.get('2xx'), 'too few requests got past validation').toBeGreaterThan(requests.length / 10);
      expect(faults.slice(0, 20), `seed ${SEED}: ${faults.length} faulty answers`).toEqual([]);
      await expectStillConsistent();
    },
    60_000 + RUNS * 2_000,
  );
});

describe('faults the fuzzer found, kept fixed', () => {
  it('when a path parameter holds a malformed percent-escape, then every route answers 400 malformed-path', async () => {
    const withParameters = operations.filter((operation) => operation.path.includes('{'));
    expect(withParameters.length).toBeGreaterThan(5);
    for (const operation of withParameters) {
      for (const odd of ['%', '%ff', '%E0%A4']) {
        const target = operation.path.replace(/\{\w+\}/g, odd);
        const response = await request(app, operation.method, target, undefined, asAdmin);
        expect(response.status, `${operation.method} ${target}`).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.body.code).toBe('malformed-path');
      }
    }
  });

  it('when a stored string holds a NUL character, then 400 validation-failed names the field and nothing is written', async () => {
    const concert = await buildConcert(app);
    const [concertId, tierId] = [concert.id, concert.tiers[0]!.id];
    const before = (await get(app, `/concerts/${concertId}`)).body;
    const cases: [string, string, unknown, string][] = [
      ['PUT', `/concerts/${concertId}`, { artist: '\u0000' }, 'artist'],
      ['PUT', '/concerts', { id: concertId, venue: 'Hall\u0000' }, 'venue'],
      ['POST', '/concerts', { ...before, id: undefined, tiers: [], title: 'a\u0000b' }, 'title'],
      ['POST', '/ticket-tiers', { concertId, ticketTypeId: 1, name: '\u0000', price: '1.00', total: 1 }, 'name'],
      ['PUT', '/ticket-tiers', { id: tierId, name: 'GA\u0000' }, 'name'],
      ['POST', '/ticket-bookings/seats', { ...buyer(), userEmail: 'a\u0000@example.com', seatIds: [1] }, 'userEmail'],
    ];
    for (const [method, target, body, field] of cases) {
      const response = await request(app, method, target, body, asAdmin);
      expect(response.status, `${method} ${target}`).toBe(400);
      expect(response.body.code).toBe('validation-failed');
      expect(response.body.errors).toContainEqual({ path: field, message: expect.stringContaining('NUL') });
    }
    expect((await get(app, `/concerts/${concertId}`)).body).toEqual(before);
    const query = await get(app, `/bookings/${known.references[0]}?email=%00`);
    expect(query.body.errors).toContainEqual({ path: 'email', message: expect.stringContaining('NUL') });
  });

  it('when the headers are over 16 KB, then 431 headers-too-large with a problem body', async () => {
    const response = await fetch(`${app.baseUrl}/concerts`, { headers: { 'x-padding': 'p'.repeat(20_000) } });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 431, code: 'headers-too-large', limit: 16_384 });
  });

  it('when the request is not valid HTTP, then 400 bad-request with a problem body', async () => {
    const { port } = new URL(app.baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /concerts HTTP/1.1\r\nHost\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'bad-request' });
  });

  it('when a concert is deleted while its tiers are deleted and changed, then none of them fails, 15 times over', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 15; round++) {
      const concert = await buildConcert(app);
      const [first, second] = concert.tiers;
      const answers = await Promise.all([
        del(app, `/concerts/${concert.id}`, asAdmin),
        del(app, `/ticket-tiers/${first!.id}`, asAdmin),
        put(app, '/ticket-tiers', { id: second!.id, total: second!.total + 5 }, asAdmin),
      ]);
      statuses.push(...answers.map((answer) => answer.status));
      expect(answers[0].status, JSON.stringify(answers[0].body)).toBe(204);
      expect([204, 404]).toContain(answers[1].status);
      expect([200, 404]).toContain(answers[2].status);
      expect((await get(app, `/concerts/${concert.id}`)).status).toBe(404);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});

describe('the published contract', () => {
  it('when the document is read, then every operation has a unique camelCase operationId', () => {
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("when the problem's code is read, then it is the enum of every declared code, and the API page's table (docs/api.md) names exactly those", () => {
    expect(document.components.schemas.Problem.properties.code.enum).toEqual([...PROBLEM_CODES]);
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
    const errors = readme.slice(readme.indexOf('### Errors'), readme.indexOf('\n## ', readme.indexOf('### Errors')));
    const rows = errors.split('\n').filter((line) => /^\| \d{3}/.test(line));
    const named = new Set(rows.flatMap((row) => [...row.matchAll(/`([a-z]+(?:-[a-z]+)*)`/g)].map((m) => m[1]!)));
    expect([...named].filter((code) => !(PROBLEM_CODES as readonly string[]).includes(code))).toEqual([]);
    expect(PROBLEM_CODES.filter((code) => !named.has(code))).toEqual([]);
  });

  it('when an operation takes or answers JSON, then the document shows an example of it', () => {
    const schemaOf = (schema: any): any => {
      const resolved = schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()] : schema;
      return resolved?.type === 'array' ? schemaOf(resolved.items) : resolved;
    };
    const missing = operations.flatMap((operation) => {
      const raw = document.paths[operation.path][operation.method.toLowerCase()];
      const answers = Object.entries<any>(raw.responses)
        .filter(([status]) => status.startsWith('2'))
        .map(([status, answer]) => [status, answer.content?.['application/json']?.schema] as const)
        .filter(([, schema]) => schema);
      return [['request', operation.body] as const, ...answers]
        .filter(([, schema]) => schema && schemaOf(schema)?.example === undefined)
        .map(([what]) => `${operation.operationId} ${what}`);
    });
    expect(missing).toEqual([]);
  });

  it('when a contract schema has an example, then the example is valid by that schema', () => {
    const schemas = Object.entries<unknown>(contracts).flatMap(([name, value]) =>
      value instanceof z.ZodType ? [[name, value] as const] : [],
    );
    const checked = schemas.filter(([, schema]) => z.globalRegistry.get(schema)?.example !== undefined);
    expect(checked.length).toBeGreaterThan(15);
    for (const [name, schema] of checked) {
      const result = schema.safeParse(z.globalRegistry.get(schema)!.example);
      expect(result.error?.issues, name).toBeUndefined();
    }
  });

  it("when a buyer's name pattern is published, then it is a plain pattern that refuses control characters", () => {
    const pattern: string = document.components.schemas.BookSeatsRequest.properties.userName.pattern;
    const regex = new RegExp(pattern);
    expect(pattern.endsWith('$')).toBe(true);
    expect(['Sita Sharma', 'नेपाली', 'Zoë'].every((name) => regex.test(name))).toBe(true);
    expect(['a\u0007b', 'tab\there', 'x\u0085'].some((name) => regex.test(name))).toBe(false);
  });
});

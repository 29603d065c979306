// Tickets by email from real API processes: the outbox is written with the booking, so an instance
// killed with -9 after the commit and before the send loses nothing; another instance sends it, once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { startEmbeddedDatabase } from 'hamro-concert.api/embedded';
import { call, uniqueBuyer } from '../lib/client.js';
import { freePort, startApi, tempDataDir } from '../lib/servers.js';
import { createConcert, stadiumConcert } from '../lib/stadium.js';

const ADMIN_TOKEN = `emails-test-admin-${Date.now()}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function outbox(databaseUrl, reference) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select o.kind, o.sent_at is not null as sent from email_outbox o
       join bookings b on b.id = o.booking_id where b.reference = $1`,
      [reference],
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('tickets by email from API processes', () => {
  const root = tempDataDir('hamro-emails-');
  let database;
  let smtp;
  const mails = [];
  const started = [];

  before(async () => {
    database = await startEmbeddedDatabase({ dataDir: path.join(root, 'postgres'), port: await freePort() });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          mails.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    await Promise.all(started.map((api) => api.stop()));
    await new Promise((resolve) => smtp.close(resolve));
    await database?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('when an instance is killed with -9 between a booking’s commit and its email, then another instance sends that email, once', async () => {
    const env = {
      DATABASE_URL: database.url,
      ADMIN_TOKEN,
      SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
    };
    // The first instance's sender would only look in ten minutes: it dies before then.
    const first = await startApi({ name: 'emails first', env: { ...env, EMAIL_INTERVAL_MS: '600000' } });
    started.push(first);
    const concert = await createConcert(first.baseUrl, stadiumConcert(0.02), ADMIN_TOKEN);
    const [seat] = (await call(first.baseUrl, 'GET', `/seats/concert/${concert.id}/available`)).body;
    const who = uniqueBuyer('Killed Before Sending');
    const booked = await call(first.baseUrl, 'POST', '/ticket-bookings/seats', { ...who, seatIds: [seat.id] });
    assert.equal(booked.status, 201);
    const { reference } = booked.body;
    assert.deepEqual(await outbox(database.url, reference), [{ kind: 'tickets', sent: false }]);
    first.child.kill('SIGKILL');
    await first.exited;
    assert.equal(mails.length, 0);

    const second = await startApi({ name: 'emails second', env: { ...env, EMAIL_INTERVAL_MS: '200' } });
    started.push(second);
    const deadline = Date.now() + 20_000;
    while (mails.length === 0 && Date.now() < deadline) await sleep(100);
    await sleep(1500); // time for a second copy, were one to come
    const theirs = mails.filter((mail) => mail.to.text.includes(who.userEmail));
    assert.equal(theirs.length, 1, `${theirs.length} emails for the booking`);
    assert.equal(theirs[0].subject, `Your tickets for ${concert.title}`);
    assert.ok(theirs[0].text.includes(reference));
    assert.deepEqual(await outbox(database.url, reference), [{ kind: 'tickets', sent: true }]);
  });
});

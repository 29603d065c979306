import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from '../src/config.js';

describe('loadConfig', () => {
  it('when nothing is set, then it runs the embedded database in .data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: path.join(repoRoot, '.data', 'postgres') });
  });

  it('when DATABASE_URL is set, then it wins over everything else', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x', DB_HOST: 'other' });
    expect(config.database).toEqual({ kind: 'external', url: 'postgres://u:p@db:5432/x' });
  });

  it('when the DB_* variables are set, then they make the connection URL', () => {
    const config = loadConfig({
      DB_HOST: 'db.local',
      DB_PORT: '6543',
      DB_USER: 'app',
      DB_PASSWORD: 'p@ss',
      DB_NAME: 'tickets',
    });
    expect(config.database).toEqual({ kind: 'external', url: 'postgresql://app:p%40ss@db.local:6543/tickets' });
  });

  it('when several variables are bad, then one error names each of them', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DB_POOL_SIZE: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'DATABASE_URL', 'DB_POOL_SIZE']) expect(message).toContain(name);
  });

  it('when DB_PORT is set without DB_HOST, then it says DB_HOST is needed', () => {
    expect(() => loadConfig({ DB_PORT: '5432' })).toThrow(/DB_HOST/);
  });

  it('when no SMTP server is set, then emails go to a folder in DATA_DIR; with one, through it; a bad URL is named', () => {
    expect(loadConfig({}).emails).toMatchObject({
      transport: { kind: 'folder', dir: path.join(repoRoot, '.data', 'mail') },
      intervalMs: 1000,
      maxPerSecond: 20,
    });
    expect(loadConfig({ MAIL_DIR: '/tmp/outgoing' }).emails.transport).toEqual({
      kind: 'folder',
      dir: '/tmp/outgoing',
    });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).emails.transport).toEqual({
      kind: 'smtp',
      url: 'smtps://u:p@mail.example.com:465',
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
  });

  it('when no payment settings are given, then payments are tests: eSewa with its test merchant, Khalti off', () => {
    const { payments } = loadConfig({});
    expect(payments).toMatchObject({
      mode: 'test',
      publicBaseUrl: 'http://localhost:3000',
      windowMinutes: 15,
      khalti: undefined,
      esewa: {
        productCode: 'EPAYTEST',
        formUrl: 'https://rc-epay.esewa.com.np/api/epay/main/v2/form',
      },
    });
    expect(loadConfig({ KHALTI_SECRET_KEY: 'k' }).payments.khalti).toEqual({
      secretKey: 'k',
      baseUrl: 'https://dev.khalti.com/api/v2/',
    });
  });

  it('when live mode lacks real keys or an https address, then it refuses to start and names each', () => {
    expect(() => loadConfig({ PAYMENTS_MODE: 'live' })).toThrow(/KHALTI_SECRET_KEY[\s\S]*PUBLIC_BASE_URL/);
    expect(() =>
      loadConfig({
        PAYMENTS_MODE: 'live',
        ESEWA_PRODUCT_CODE: 'EPAYTEST',
        ESEWA_SECRET_KEY: 'x',
        PUBLIC_BASE_URL: 'https://tickets.example.com',
      }),
    ).toThrow(/EPAYTEST is eSewa's test merchant/);
    const live = loadConfig({
      PAYMENTS_MODE: 'live',
      KHALTI_SECRET_KEY: 'live-key',
      PUBLIC_BASE_URL: 'https://tickets.example.com/',
    }).payments;
    expect(live).toMatchObject({
      mode: 'live',
      publicBaseUrl: 'https://tickets.example.com',
      khalti: { baseUrl: 'https://khalti.com/api/v2/' },
      esewa: undefined,
    });
  });
});

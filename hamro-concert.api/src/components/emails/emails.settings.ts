import path from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** The environment variables of emails, parsed with the rest in config.ts. */
export const emailEnv = {
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  ),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).default('Hamro Concert <tickets@hamro-concert.local>')),
  MAIL_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  EMAIL_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).max(600_000).default(1000)),
  // Each email costs its instance a few milliseconds of CPU (the booking read, a QR code per ticket, the
  // message): capped, an on-sale's bookings keep the cores, and the outbox absorbs the peak.
  EMAIL_MAX_PER_SECOND: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(20)),
};

type EmailEnv = z.infer<z.ZodObject<typeof emailEnv>>;

export interface EmailSettings {
  /** Where emails go: an SMTP server, or (without SMTP_URL) a folder of .eml files a newcomer can open. */
  transport: { kind: 'smtp'; url: string } | { kind: 'folder'; dir: string };
  from: string;
  /** How often each instance's sender looks for emails that are due. */
  intervalMs: number;
  /** The most emails one instance sends a second; more wait in the outbox for the next rounds. */
  maxPerSecond: number;
}

export function emailSettings(env: EmailEnv, dataDir: string): EmailSettings {
  return {
    transport: env.SMTP_URL
      ? { kind: 'smtp', url: env.SMTP_URL }
      : { kind: 'folder', dir: path.resolve(env.MAIL_DIR ?? path.join(dataDir, 'mail')) },
    from: env.MAIL_FROM,
    intervalMs: env.EMAIL_INTERVAL_MS,
    maxPerSecond: env.EMAIL_MAX_PER_SECOND,
  };
}

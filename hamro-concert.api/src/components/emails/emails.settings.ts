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
};

type EmailEnv = z.infer<z.ZodObject<typeof emailEnv>>;

export interface EmailSettings {
  /** Where emails go: an SMTP server, or (without SMTP_URL) a folder of .eml files a newcomer can open. */
  transport: { kind: 'smtp'; url: string } | { kind: 'folder'; dir: string };
  from: string;
  /** How often each instance's sender looks for emails that are due. */
  intervalMs: number;
}

export function emailSettings(env: EmailEnv, dataDir: string): EmailSettings {
  return {
    transport: env.SMTP_URL
      ? { kind: 'smtp', url: env.SMTP_URL }
      : { kind: 'folder', dir: path.resolve(env.MAIL_DIR ?? path.join(dataDir, 'mail')) },
    from: env.MAIL_FROM,
    intervalMs: env.EMAIL_INTERVAL_MS,
  };
}

import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { EmailMessage } from './emails.content.js';
import type { EmailSettings } from './emails.settings.js';

/** Sends one email with a Message-ID of its own event, so a mail system that gets it twice can tell. */
export interface Mailer {
  send(message: EmailMessage, messageId: string): Promise<void>;
  /** Where the emails go, for the log: the SMTP server (without its password) or the folder. */
  readonly describe: string;
  close(): void;
}

/** SMTP with SMTP_URL; without it, each email as an .eml file in the folder (MAIL_DIR), to open in a mail app. */
export function createMailer(settings: EmailSettings): Mailer {
  if (settings.transport.kind === 'smtp') {
    const url = new URL(settings.transport.url);
    const transport = nodemailer.createTransport(settings.transport.url);
    url.password = '';
    return {
      describe: `SMTP ${url.origin}`,
      async send(message, messageId) {
        await transport.sendMail({ ...message, from: settings.from, messageId });
      },
      close: () => transport.close(),
    };
  }
  const dir = settings.transport.dir;
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `the folder ${dir} (no SMTP_URL)`,
    async send(message, messageId) {
      const info = await transport.sendMail({ ...message, from: settings.from, messageId });
      await fs.mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^\w.-]+/g, '_')}.eml`;
      await fs.writeFile(path.join(dir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

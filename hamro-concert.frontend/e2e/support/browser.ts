import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test-results/screenshots',
);

/** Debian's Chromium, headless, with nothing that reaches out to the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page's Content-Security-Policy refused, as the page reported it, until a test takes it. */
const cspViolations: { page: Page; text: string }[] = [];

/** The violations reported by `page` (or by every page) since they were last taken. */
export function takeCspViolations(page?: Page): string[] {
  const taken = cspViolations.filter((violation) => !page || violation.page === page);
  for (const violation of taken) cspViolations.splice(cspViolations.indexOf(violation), 1);
  return taken.map((violation) => violation.text);
}

/**
 * Records every refusal of the page's Content-Security-Policy twice over: the document's
 * `securitypolicyviolation` events, from before the page's own scripts run, and Chromium's
 * "Refused to …" console errors (which also name what the event leaves out).
 */
async function watchContentSecurityPolicy(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
    cspViolations.push({ page, text: `securitypolicyviolation: ${text}` });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      const source = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
      void report(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} on ${event.documentURI}${source}`,
      );
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      const page = message.page();
      if (page) cspViolations.push({ page, text: `console: ${message.text()}` });
    }
  });
}

/**
 * One browser for the whole test file: launched before its tests, closed after them.
 * Returns a getter, since the browser exists only once the tests run. A test fails when any page
 * opened with `openPage` had something refused by its Content-Security-Policy.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(() => {
    const refused = takeCspViolations();
    if (refused.length > 0) throw new Error(`The Content-Security-Policy refused:\n${refused.join('\n')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not running yet');
    return browser;
  };
}

/**
 * A fresh, isolated page (own cookies and storage) at the given viewport size; `touch` for a phone's
 * touch screen, `mobile` for a phone's browser (its meta viewport honoured, as on a phone), `locale`
 * for the browser's language (navigator.languages; Chromium's own is en-US).
 */
export async function openPage(
  browser: Browser,
  width = 1280,
  height = 900,
  { touch = false, mobile = false, locale = undefined as string | undefined } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    reducedMotion: 'reduce',
    hasTouch: touch,
    isMobile: mobile,
    ...(locale ? { locale } : {}),
  });
  await watchContentSecurityPolicy(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => {
    if (errors.length > 0) console.warn(`Errors in the page:\n${errors.join('\n')}`);
  });
  return page;
}

/** Saves test-results/screenshots/<name>.png: the whole page, or only the viewport (for dialogs). */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

/** Whether the page scrolls sideways: it must not, at any supported width. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

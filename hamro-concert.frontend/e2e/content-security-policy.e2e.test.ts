import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage, takeCspViolations } from './support/browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

/** Waits until the page has reported `count` refusals (they arrive from the browser a moment later). */
async function refusals(page: Page, count: number): Promise<string[]> {
  const found: string[] = [];
  const deadline = Date.now() + 10_000;
  while (found.length < count && Date.now() < deadline) {
    found.push(...takeCspViolations(page));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return found;
}

describe('the Content-Security-Policy in the browser', () => {
  it('when a page breaks the policy, then the refusal is caught, from the event and from the console', async () => {
    const page = await openPage(browser());
    await page.goto(baseUrl);
    await page.getByRole('list', { name: 'Upcoming concerts' }).waitFor();
    expect(takeCspViolations(page)).toEqual([]);

    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);

    const found = await refusals(page, 2);
    expect(found.some((text) => /^securitypolicyviolation: script-src(-elem)? refused inline/.test(text))).toBe(true);
    expect(
      found.some((text) => text.startsWith('console: ') && /inline script.*Content Security Policy/.test(text)),
    ).toBe(true);
  });

  it('when the API documentation opens, then Swagger UI renders every operation within its own policy', async () => {
    const page = await openPage(browser());
    await page.goto(`${baseUrl}/docs/`);
    await page
      .getByRole('heading', { name: /Hamro Concert/ })
      .first()
      .waitFor();
    const operation = page.locator('.opblock').first();
    await operation.waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    await operation.locator('.opblock-summary').click();
    await operation.locator('.opblock-body').waitFor();
    // Anything refused on the way fails the test (browserForFile checks after each test).
  });
});

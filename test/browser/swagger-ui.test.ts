import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/routes.ts';
import { browserBaseUrl, launchChromium, requestsOutside, type ChromiumPage } from '../support/chromium.ts';
import { registerUser, type TestUser } from '../support/users.ts';

/** Operations run with "Try it out", each expected to answer 200 with `shows` in the body it displays. */
const tryItTargets: { method: string; path: string; shows: (user: TestUser) => string }[] = [
  { method: 'GET', path: '/health', shows: () => '"status": "ok"' },
  { method: 'GET', path: '/auth/me', shows: (user) => user.email },
  // Authorized by the API key: a new user has no sessions yet.
  { method: 'GET', path: '/session/list', shows: () => '"data": []' },
];

describe('Swagger UI at /api-docs/ui in Chromium', () => {
  const baseUrl = browserBaseUrl();
  let browser: ChromiumPage;
  let page: Page;
  let user: TestUser;

  beforeAll(async () => {
    user = await registerUser('swagger');
    browser = await launchChromium();
    page = browser.page;
  }, 60_000);

  afterAll(() => browser?.close());

  it('shows every operation of the route table', async () => {
    await page.goto(`${baseUrl}/api-docs/ui`);
    await page.locator('.opblock').first().waitFor();

    const shown = await Promise.all(
      (await page.locator('.opblock-summary').all()).map(async (summary) => {
        const method = await summary.locator('.opblock-summary-method').innerText();
        // Deprecated operations style their path with another class; the data-path attribute is on both.
        return `${method} ${await summary.locator('[data-path]').getAttribute('data-path')}`;
      }),
    );
    const documented = routeList.filter((route) => !route.excludeFromSpec).map((route) => `${route.method} ${route.path}`);
    expect(shown.sort()).toEqual(documented.sort());
  });

  it('authorizes with an API key and a bearer token, and keeps both across a reload', async () => {
    await page.locator('.auth-wrapper .authorize').click();
    await authorize(page, 'jwt', user.token);
    await authorize(page, 'apiKey', user.apiKey);
    await page.locator('.modal-ux .btn-done').first().click();

    await page.reload();
    await page.locator('.opblock').first().waitFor();

    const kept = JSON.parse(String(await page.evaluate('localStorage.getItem("authorized")')));
    expect(kept.jwt.value).toBe(user.token);
    expect(kept.apiKey.value).toBe(user.apiKey);
  });

  it.each(tryItTargets)('runs "Try it out" on $method $path and shows the 200 answer', async ({ method, path, shows }) => {
    const operation = page.locator(`.opblock-${method.toLowerCase()}`).filter({ has: page.locator(`[data-path="${path}"]`) });

    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();

    const answer = operation.locator('.live-responses-table tbody tr.response');
    await answer.waitFor();
    expect(await answer.locator('.response-col_status').innerText()).toBe('200');
    expect(await answer.locator('.response-col_description').innerText()).toContain(shows(user));
  });

  it('loaded nothing from outside this machine and broke no Content-Security-Policy rule', () => {
    expect(browser.requested.length).toBeGreaterThan(0);
    expect(requestsOutside(browser.requested, [new URL(baseUrl).origin])).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  });
});

/** Fills one security scheme's value in the Authorize dialog, applies it and waits until it shows as authorized. */
async function authorize(page: Page, scheme: string, value: string): Promise<void> {
  const form = page.locator('.auth-container').filter({ has: page.locator('h4 > code', { hasText: new RegExp(`^${scheme}$`) }) });
  await form.locator('input').fill(value);
  await form.getByRole('button', { name: 'Apply credentials' }).click();
  await form.getByRole('button', { name: 'Remove authorization' }).waitFor();
}

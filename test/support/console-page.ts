import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { api } from './http.ts';
import { pollUntil } from './poll.ts';

/** Fails on any serious or critical axe-core finding on the page as it is now, naming each. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
  const grave = violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, impact, nodes }) => `${id} (${impact}) at ${nodes.map(({ target }) => target.join(' ')).join(', ')}`);
  expect(grave, `accessibility violations on ${where}`).toEqual([]);
}

/** Waits until the locator's text (nothing while it is absent) satisfies `done`. */
export async function waitForText(locator: Locator, done: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  return pollUntil(async () => (await locator.allInnerTexts()).join(' '), done, {
    timeoutMs,
    intervalMs: 100,
    failure: (last) => `${what}; last shown: ${JSON.stringify(last)}`,
  });
}

/** Follows the main navigation's link of this name, and waits until its page is the one shown. */
export async function openPage(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  await link.click();
  // Until the page has rendered, the last one's controls (another "Session" select) are still there to be found.
  await link.and(page.locator('[aria-current="page"]')).waitFor();
}

/** Fills and submits the sign-in form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** The message id the send form answered, once it shows one other than `previous`. */
export async function queuedId(page: Page, previous?: string): Promise<string> {
  const queued = page.getByRole('status').filter({ hasText: 'Queued as' }).locator('code');
  const shown = await waitForText(queued, (text) => text !== '' && text !== previous, 'the send answered a message id');
  return shown.trim();
}

/** The account's current API key, as the API shows it. */
export async function apiKeyOf(email: string, password: string): Promise<string> {
  const signedIn = await api('/auth/login', { body: { email, password } });
  expect(signedIn.status).toBe(200);
  return signedIn.body.data.user.apiKey as string;
}

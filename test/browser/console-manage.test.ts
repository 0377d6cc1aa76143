import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waMessageIdOf } from '../../shared/ids.ts';
import { subscribableEventTypes } from '../../shared/webhooks/model.ts';
import { browserBaseUrl, launchChromium, requestsOutside, type ChromiumPage } from '../support/chromium.ts';
import { apiKeyOf, expectAccessible, openPage, queuedId, signIn, waitForText } from '../support/console-page.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, digits, linkSession, sim, uniquePhone, waitForReceived, waitForStatus } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

interface ListedWebhook {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
}

/** The console's account, sessions, webhooks and error states, driven in Chromium at desktop size. */
describe('managing an account in the web console', () => {
  const baseUrl = browserBaseUrl();
  const phone = uniquePhone();
  const session = 'shop';
  // A session whose phone unlinked it: still listed, but nothing can be sent through it.
  const loggedOut = 'old-phone';
  let user: TestUser;
  let apiKey: string;
  let contact: string;
  let receiver: WebhookReceiver;
  let browser: ChromiumPage;
  let page: Page;
  const withKey = (key = apiKey) => ({ headers: { 'x-api-key': key } });
  const sessionRow = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  beforeAll(async () => {
    user = await registerUser('console-manage');
    apiKey = user.apiKey;
    const unlinked = async () => {
      const linked = await linkSession(apiKey, { name: loggedOut });
      await sim(`/accounts/${digits(linked.phone)}/kick`, { reason: 401 });
      await waitForStatus(apiKey, loggedOut, (status) => status === 'logged_out');
    };
    [contact, receiver, browser] = await Promise.all([
      addContact(),
      startWebhookReceiver(),
      launchChromium({ viewport: { width: 1280, height: 800 } }),
      unlinked(),
    ]);
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it('shows the API’s message for a wrong password, and signs in with the right one', async () => {
    const refused = await api('/auth/login', { body: { email: user.email, password: 'not-the-password' } });
    await page.goto(`${baseUrl}/`);

    await signIn(page, user.email, 'not-the-password');

    expect(refused.status).toBe(401);
    await waitForText(page.getByRole('alert'), (text) => text === refused.body.error, 'the API’s sign-in error');
    await signIn(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('links a number by the pairing code on the screen, and shows it connected without a reload', async () => {
    await page.evaluate(() => Object.assign(globalThis, { journeyMarker: true }));
    const form = page.getByRole('form', { name: 'Link a number' });
    await form.getByRole('textbox', { name: 'Session name' }).fill(session);
    await form.getByRole('textbox', { name: 'Phone number' }).fill(phone);
    await form.getByRole('radio', { name: 'Pairing code' }).check();
    await form.getByRole('button', { name: 'Start linking' }).click();

    const code = await page.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).innerText();
    await expectAccessible(page, 'sessions with the pairing code shown');
    const entered = await sim('/pairing-code', { phone: digits(phone), code: code.replace('-', '') });

    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    await page
      .getByRole('status')
      .filter({ hasText: `Session ${session} is connected.` })
      .waitFor();
    await waitForText(sessionRow(session), (text) => text.includes('connected'), 'the sessions table shows the session connected');
    expect(await page.evaluate(() => 'journeyMarker' in globalThis)).toBe(true);
  });

  it('sends a location, a poll and a reaction to the location, which the contact receives', async () => {
    await openPage(page, 'Send');
    const form = page.getByRole('form', { name: 'Send a message' });
    const kind = form.getByRole('combobox', { name: 'Message type' });
    const recipient = form.getByRole('textbox', { name: 'Recipient (number or group id)' });
    await form.getByRole('combobox', { name: 'Session' }).selectOption(session);

    await kind.selectOption('location');
    await recipient.fill(contact);
    await form.getByRole('textbox', { name: 'Latitude' }).fill('-6.2088');
    await form.getByRole('textbox', { name: 'Longitude' }).fill('106.8456');
    await form.getByRole('textbox', { name: 'Place name (optional)' }).fill('Monas');
    await form.getByRole('button', { name: 'Send location' }).click();
    const location = await queuedId(page);

    await kind.selectOption('poll');
    await recipient.fill(contact);
    await form.getByRole('textbox', { name: 'Question' }).fill('Lunch on Friday?');
    await form.getByRole('textbox', { name: 'Options, one a line (2 to 12)' }).fill('Nasi goreng\nSate\nBakso');
    await form.getByRole('button', { name: 'Send poll' }).click();
    const poll = await queuedId(page, location);

    await kind.selectOption('reaction');
    await form.getByRole('textbox', { name: 'Message id' }).fill(location);
    await form.getByRole('textbox', { name: 'Emoji (empty removes the reaction)' }).fill('👍');
    await form.getByRole('button', { name: 'Send reaction' }).click();
    await queuedId(page, poll);

    const [place, question, reaction] = await waitForReceived(contact, 3);
    expect(place?.message.locationMessage).toMatchObject({ degreesLatitude: -6.2088, degreesLongitude: 106.8456, name: 'Monas' });
    expect(question?.message.pollCreationMessageV3).toMatchObject({
      name: 'Lunch on Friday?',
      options: [{ optionName: 'Nasi goreng' }, { optionName: 'Sate' }, { optionName: 'Bakso' }],
      selectableOptionsCount: 1,
    });
    expect(reaction?.message.reactionMessage).toMatchObject({ text: '👍', key: { id: waMessageIdOf(location), fromMe: true } });
  });

  it('shows the API’s error text when a send is refused: an invalid number, a session that is not connected', async () => {
    const form = page.getByRole('form', { name: 'Send a message' });
    const refused = async (body: { session: string; to: string }) => {
      const answer = await api('/message/send-text', { body: { ...body, text: 'Hello' }, ...withKey() });
      expect(answer.status).toBe(400);
      await form.getByRole('combobox', { name: 'Session' }).selectOption(body.session);
      await form.getByRole('combobox', { name: 'Message type' }).selectOption('text');
      await form.getByRole('textbox', { name: 'Recipient (number or group id)' }).fill(body.to);
      await form.getByRole('textbox', { name: 'Text', exact: true }).fill('Hello');
      await form.getByRole('button', { name: 'Send text' }).click();
      await waitForText(
        page.getByRole('alert'),
        (text) => text === `Not sent: ${answer.body.error}`,
        `the refusal of ${JSON.stringify(body)}`,
      );
    };

    await refused({ session, to: 'not-a-number' });
    await refused({ session: loggedOut, to: contact });

    await expectAccessible(page, 'send with an error');
  });

  it('logs a session out from the sessions table after a confirmation', async () => {
    await openPage(page, 'Sessions');
    await sessionRow(session)
      .getByRole('button', { name: `Log out ${session}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Log out ${session}?` });
    await expectAccessible(page, 'the log-out confirmation');
    await dialog.getByRole('button', { name: 'Log out' }).click();

    await pollUntil(
      () => sessionRow(session).count(),
      (rows) => rows === 0,
      { failure: () => `${session} is still listed` },
    );
    await expect(dialog.count()).resolves.toBe(0);
    const listed = await api('/session/list', withKey());
    expect((listed.body.data as { sessionId: string }[]).map((each) => each.sessionId)).toEqual([loggedOut]);
  });

  it('regenerates the API key only when confirmed, and only the new key then works', async () => {
    await openPage(page, 'Account');
    await page.getByRole('button', { name: 'Reveal API key' }).click();
    const shownKey = page.getByLabel('API key');
    await expect(shownKey.innerText()).resolves.toBe(apiKey);

    await page.getByRole('button', { name: 'Regenerate API key' }).click();
    await page.getByRole('dialog', { name: 'Regenerate the API key?' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(shownKey.innerText()).resolves.toBe(apiKey);
    await expect(apiKeyOf(user.email, user.password)).resolves.toBe(apiKey);

    await page.getByRole('button', { name: 'Regenerate API key' }).click();
    await page.getByRole('dialog', { name: 'Regenerate the API key?' }).getByRole('button', { name: 'Regenerate' }).click();
    const newKey = await waitForText(shownKey, (text) => text !== apiKey, 'a new API key shown');

    await expect(apiKeyOf(user.email, user.password)).resolves.toBe(newKey);
    await expect(api('/session/list', withKey(apiKey)).then(({ status }) => status)).resolves.toBe(401);
    await expect(api('/session/list', withKey(newKey)).then(({ status }) => status)).resolves.toBe(200);
    apiKey = newKey;
  });

  it('edits a webhook, disables and enables it, rotates its secret and deletes it', async () => {
    const stored = async () => ((await api('/webhooks', withKey())).body.data as ListedWebhook[])[0];
    await openPage(page, 'Webhooks');
    const adding = page.getByRole('form', { name: 'Add a webhook' });
    await adding.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    await adding.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.getByLabel('Signing secret');
    const firstSecret = await waitForText(secret, (text) => text !== '', 'the new webhook’s secret');
    const row = page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: receiver.url });

    await row.getByRole('button', { name: 'Edit' }).click();
    const editing = page.getByRole('form', { name: 'Edit webhook' });
    await editing.getByRole('textbox', { name: 'Description (optional)' }).fill('Delivery receipts');
    await editing.getByRole('checkbox', { name: 'session.status' }).uncheck();
    await editing.getByRole('button', { name: 'Save webhook' }).click();
    await waitForText(row, (text) => text.includes('Delivery receipts') && !text.includes('session.status'), 'the edited webhook');
    await expect(stored()).resolves.toMatchObject({
      description: 'Delivery receipts',
      events: subscribableEventTypes.filter((type) => type !== 'session.status'),
    });

    // The cells after the URL: events, session, state, actions.
    const state = row.getByRole('cell').nth(2);
    await row.getByRole('button', { name: 'Disable' }).click();
    await waitForText(state, (text) => text.startsWith('disabled'), 'the webhook disabled');
    await expect(stored()).resolves.toMatchObject({ enabled: false });
    await row.getByRole('button', { name: 'Enable' }).click();
    await waitForText(state, (text) => text === 'enabled', 'the webhook enabled');
    await expect(stored()).resolves.toMatchObject({ enabled: true });

    await row.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = await waitForText(secret, (text) => text !== '' && text !== firstSecret, 'the rotated secret');
    expect(rotated).toMatch(/^whsec_/);
    await expectAccessible(page, 'webhooks after a rotation');

    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this webhook?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No webhooks yet').waitFor();
    await expect(stored()).resolves.toBeUndefined();
  });

  it('loaded nothing from outside the API, and broke no Content-Security-Policy rule', () => {
    const s3Origin = new URL(inject('stackEnv').S3_ENDPOINT ?? '').origin;

    expect(requestsOutside(browser.requested, [new URL(baseUrl).origin, s3Origin])).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { samplePhoto } from '../../shared/api-docs/sample-media.ts';
import { browserBaseUrl, launchChromium, requestsOutside, type ChromiumPage } from '../support/chromium.ts';
import { apiKeyOf, expectAccessible, openPage, queuedId, signIn, waitForText } from '../support/console-page.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, digits, sendFromContact, sim, textOf, uniquePhone, waitForReceived } from '../support/sim.ts';
import { bearer, createAdmin, uniqueEmail } from '../support/users.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

/** `SCREENSHOTS=1` (`npm run screenshots`) writes the README's pictures; otherwise the tree stays as it is. */
const screenshotsDir = process.env.SCREENSHOTS === '1' ? 'docs/screenshots' : undefined;

const viewports = [
  { name: 'desktop', width: 1280, height: 800, mobile: false },
  { name: 'phone', width: 390, height: 844, mobile: true },
];

/** Writes the page (as the viewport shows it) to docs/screenshots/<name>.png when screenshots are asked for. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotsDir) return;
  mkdirSync(screenshotsDir, { recursive: true });
  // A palette keeps a picture of a flat UI small with no visible loss.
  const shot = await page.screenshot({ fullPage: true });
  writeFileSync(`${screenshotsDir}/${name}.png`, await sharp(shot).png({ palette: true, effort: 10 }).toBuffer());
}

/** Reads the QR code from the pixels of its image on the screen. */
async function decodeQr(image: Locator): Promise<string> {
  const png = PNG.sync.read(await image.screenshot());
  // A CommonJS module: its function is the default export's `default` under Node's ESM.
  const decoded = jsQR.default(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded, 'a QR code in the pixels on the screen').not.toBeNull();
  return decoded?.data ?? '';
}

describe.each(viewports)('the web console at $name size ($width×$height)', (viewport) => {
  const baseUrl = browserBaseUrl();
  const email = uniqueEmail(`console-${viewport.name}`);
  const password = `Pass-${randomUUID()}`;
  const phone = uniquePhone();
  const session = 'shop';
  const sent: { text?: string; image?: string } = {};
  let contact: string;
  let receiver: WebhookReceiver;
  let browser: ChromiumPage;
  let page: Page;
  const picture = (name: string) => (viewport.name === 'desktop' ? name : `phone-${name}`);
  const messageRow = (messageId: string) => page.getByRole('row').filter({ has: page.locator(`a[href$="/${messageId}"]`) });

  beforeAll(async () => {
    [contact, receiver, browser] = await Promise.all([
      addContact({ autoReceipts: { delivery: true, read: true } }),
      startWebhookReceiver(),
      launchChromium({ viewport: { width: viewport.width, height: viewport.height }, mobile: viewport.mobile }),
    ]);
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it('lets a person create an account from the sign-in page', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    if (viewport.name === 'desktop') await screenshot(page, 'sign-in');

    await page.getByRole('button', { name: 'Create an account' }).click();
    const form = page.getByRole('form', { name: 'Create an account' });
    await form.waitFor();
    await expectAccessible(page, 'sign-up');
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create an account' }).click();

    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).resolves.toEqual([
      'Sessions',
      'Send',
      'Messages',
      'Webhooks',
      'Account',
    ]);
  });

  it('links a number by the QR read from the screen, and shows it connected without a reload', async () => {
    // Set once on this document: a reload (which would also sign out) loses it.
    await page.evaluate(() => Object.assign(globalThis, { journeyMarker: true }));
    const form = page.getByRole('form', { name: 'Link a number' });
    await form.getByRole('textbox', { name: 'Session name' }).fill(session);
    await form.getByRole('textbox', { name: 'Phone number' }).fill(phone);
    await form.getByRole('radio', { name: 'QR code' }).check();
    await form.getByRole('button', { name: 'Start linking' }).click();

    const qrImage = page.getByRole('img', { name: 'WhatsApp QR code' });
    await qrImage.waitFor();
    await expectAccessible(page, 'sessions with the QR shown');
    if (viewport.name === 'desktop') await screenshot(page, 'sessions-qr');
    const scanned = await sim('/qr/scan', { qr: await decodeQr(qrImage), phone: digits(phone) });
    expect(scanned.status, JSON.stringify(scanned.body)).toBe(200);

    await page
      .getByRole('status')
      .filter({ hasText: `Session ${session} is connected.` })
      .waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: session }) });
    await waitForText(row, (text) => text.includes('connected'), 'the sessions table shows the session connected');
    expect(await page.evaluate(() => 'journeyMarker' in globalThis)).toBe(true);
    await expect(row.getByRole('cell').first().innerText()).resolves.toBe(phone);
    if (viewport.name === 'desktop') await screenshot(page, 'sessions-connected');
    else await screenshot(page, picture('sessions'));
  });

  it('sends a text and an uploaded image, watches both reach read, and sees the contact’s reply', async () => {
    await openPage(page, 'Send');
    const form = page.getByRole('form', { name: 'Send a message' });
    await form.getByRole('combobox', { name: 'Session' }).selectOption(session);
    await form.getByRole('combobox', { name: 'Message type' }).selectOption('text');
    await form.getByRole('textbox', { name: 'Recipient (number or group id)' }).fill(contact);
    await form.getByRole('textbox', { name: 'Text', exact: true }).fill('Your order has shipped.');
    await expectAccessible(page, 'send');
    if (viewport.name === 'desktop') await screenshot(page, 'send');
    await form.getByRole('button', { name: 'Send text' }).click();
    sent.text = await queuedId(page);

    await form.getByRole('combobox', { name: 'Message type' }).selectOption('image');
    await form.getByRole('textbox', { name: 'Recipient (number or group id)' }).fill(contact);
    await form.getByLabel('File', { exact: true }).setInputFiles({
      name: 'sunset.jpg',
      mimeType: samplePhoto.mime_type,
      buffer: Buffer.from(samplePhoto.media_base64, 'base64'),
    });
    await form.getByRole('textbox', { name: 'Caption (optional)' }).fill('The sunset you asked for');
    await form.getByRole('button', { name: 'Send image' }).click();
    sent.image = await queuedId(page, sent.text);

    await openPage(page, 'Messages');
    await page.getByRole('combobox', { name: 'Session' }).selectOption(session);
    const table = page.getByRole('table', { name: `Messages of ${session}` });
    await table.waitFor();
    const reply = await sendFromContact(contact, phone, {
      type: 'image',
      base64: samplePhoto.media_base64,
      mimeType: samplePhoto.mime_type,
      caption: 'Got it, thanks!',
    });

    for (const messageId of [sent.text, sent.image])
      await waitForText(messageRow(messageId).getByRole('cell').last(), (text) => text === 'read', `message ${messageId} shown as read`);
    await waitForText(table, (text) => text.includes('Got it, thanks!'), 'the contact’s reply in the table');
    const received = await waitForReceived(contact, 2);
    expect(received.map((message) => textOf(message) ?? message.message.imageMessage?.caption)).toEqual([
      'Your order has shipped.',
      'The sunset you asked for',
    ]);
    expect(received[1]?.mediaBase64).toBe(samplePhoto.media_base64);
    expect(reply.queued).toBe(false);
    await expectAccessible(page, 'messages');
    await screenshot(page, picture('messages'));
  });

  it('shows a received image, and one message with its history', async () => {
    const listed = await api(`/message/list?session=${session}`, { headers: { 'x-api-key': await apiKeyOf(email, password) } });
    const replyId = (listed.body.data as { messageId: string; direction: string }[]).find(
      (message) => message.direction === 'in',
    )?.messageId;
    expect(replyId).toBeDefined();

    await page.getByRole('button', { name: `View media of ${replyId}` }).click();
    const media = page.getByRole('img', { name: `Media of ${replyId}` });
    await media.or(page.getByRole('alert')).first().waitFor();
    expect(await page.getByRole('alert').allInnerTexts(), 'errors shown').toEqual([]);
    const width = await pollUntil(
      () => media.evaluate((image: { complete: boolean; naturalWidth: number }) => (image.complete ? image.naturalWidth : 0)),
      (natural) => natural > 0,
      { failure: () => `the media of ${replyId} was not decoded` },
    );
    expect(width).toBe(64);

    await messageRow(sent.text ?? '')
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 1, name: `Message ${sent.text}` }).waitFor();
    await waitForText(page.getByRole('main'), (text) => text.includes('read'), 'the message’s history');
    await expectAccessible(page, 'message detail');
  });

  it('adds a webhook, sends it a test event and shows that delivery in the log', async () => {
    await openPage(page, 'Webhooks');
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    await form.getByRole('textbox', { name: 'Description (optional)' }).fill('Order updates');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByLabel('Signing secret').waitFor();
    await expectAccessible(page, 'webhooks');

    const row = page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: receiver.url });
    await waitForText(row, (text) => text.includes('Order updates'), 'the new webhook with its description');
    await expect(form.getByRole('textbox', { name: 'URL' }).inputValue()).resolves.toBe('');
    await row.getByRole('button', { name: 'Send test' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Test event delivered to ${receiver.url}` })
      .waitFor();
    await row.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
    const log = page.getByRole('table', { name: 'Delivery log' });
    await waitForText(log, (text) => text.includes('webhook.test'), 'the test delivery in the log');
    const [delivered] = receiver.accepted();
    expect(delivered?.event.type).toBe('webhook.test');
    await expect(log.innerText()).resolves.toContain(delivered?.event.id);
    await expectAccessible(page, 'the delivery log');
    if (viewport.name === 'desktop') await screenshot(page, 'webhooks');
  });

  it('shows the API key, gives a user who is not an admin no Users page, and signs out', async () => {
    await openPage(page, 'Account');
    await page.getByRole('button', { name: 'Reveal API key' }).click();
    await expect(page.getByLabel('API key').innerText()).resolves.toBe(await apiKeyOf(email, password));
    await expectAccessible(page, 'account');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
  });

  it('shows an admin the users, as the API lists them', async () => {
    const admin = await createAdmin();
    await signIn(page, admin.email, admin.password);

    await openPage(page, 'Users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const listed = await api('/user/admin/users?limit=50', { headers: bearer(admin.token) });
    const emails = page.getByRole('table', { name: 'Users' }).getByRole('row').locator('td:nth-child(2)');
    await waitForText(emails, (text) => text.length > 0, 'the users table');
    await expect(emails.allInnerTexts()).resolves.toEqual((listed.body.data as { email: string }[]).map((user) => user.email));
    await expectAccessible(page, 'admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('loaded nothing from outside the API and the local S3, and broke no Content-Security-Policy rule', () => {
    const s3Origin = new URL(inject('stackEnv').S3_ENDPOINT ?? '').origin;

    expect(
      browser.requested.some((url) => url.startsWith(s3Origin)),
      'the upload and the media went to the local S3',
    ).toBe(true);
    expect(requestsOutside(browser.requested, [new URL(baseUrl).origin, s3Origin])).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  });
});

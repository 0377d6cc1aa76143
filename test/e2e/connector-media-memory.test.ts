import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorProcess } from '../../infra/local/connector-process.ts';
import { MEDIA_MAX_BYTES } from '../../shared/messages/media-limits.ts';
import { startSimulator } from '../wa-sim/simulator.ts';
import { api } from '../support/http.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { generatedBody, startMediaServer, type MediaServer } from '../support/media-server.ts';
import { digits, uniquePhone } from '../support/phones.ts';
import { pollUntil } from '../support/poll.ts';
import { waitForStatus } from '../support/sim.ts';

const documentBytes = MEDIA_MAX_BYTES.document;
const documentCount = 3;
const largePath = (index: number) => `/large-${index}.pdf`;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * A connector of its own, so no other test's work moves its memory, with a temporary folder of its
 * own, where Baileys spools media; a simulator of its own in this worker, so the 300 MB it stores
 * and decrypts is freed with this file rather than held by the run's shared simulator; documents
 * the loopback media server generates as it sends them.
 */
describe('a connector sending the largest documents', () => {
  let stack: IsolatedStack;
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  let connector: ConnectorProcess;
  let media: MediaServer;
  let dataDir: string;
  let connectorTmp: string;
  let apiKey: string;

  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 1 });
    simulator = await startSimulator();
    dataDir = mkdtempSync(join(tmpdir(), 'media-memory-'));
    connectorTmp = join(dataDir, 'tmp');
    mkdirSync(connectorTmp);
    const caFile = await simulator.writeCaPem(join(dataDir, 'wa-sim-ca.pem'));
    connector = await stack.startConnector({ WA_WEBSOCKET_URL: simulator.wsUrl, NODE_EXTRA_CA_CERTS: caFile, TMPDIR: connectorTmp });
    const large = Array.from(
      { length: documentCount },
      (_, index) => [largePath(index), { size: documentBytes, contentType: 'application/pdf' }] as const,
    );
    media = await startMediaServer({
      ...Object.fromEntries(large),
      // One byte over the cap, and no Content-Length to refuse it by: only counting the stream can.
      '/too-large.pdf': { size: documentBytes + 1, contentType: 'application/pdf', undeclared: true },
    });
    const registered = await api('/auth/register', {
      body: { email: `media-${digits(uniquePhone())}@example.com`, password: 'Pass-media-memory-1' },
      baseUrl: stack.apiUrl,
    });
    apiKey = registered.body.data.user.apiKey;
  });

  afterAll(async () => {
    await media?.close();
    await stack?.stop();
    await simulator?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const connectorRss = async (): Promise<number> =>
    ((await (await fetch(connector.healthUrl)).json()) as { memory: { rss: number } }).memory.rss;
  const sendDocument = (session: string, to: string, path: string) =>
    api('/message/send-document', {
      body: { session, to, document_url: `${media.url}${path}`, document_name: path.slice(1) },
      headers: { 'x-api-key': apiKey },
      baseUrl: stack.apiUrl,
    });

  /** A session of this stack linked by the simulated phone scanning its QR, and a contact to write to. */
  async function linkedSession(): Promise<{ session: string; contact: string }> {
    const phone = uniquePhone();
    const session = digits(phone);
    const started = await api('/session/start', {
      body: { session, phoneNumber: phone },
      headers: { 'x-api-key': apiKey },
      baseUrl: stack.apiUrl,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    await simulator.scanQr(started.body.qr, session);
    await waitForStatus(apiKey, session, (status) => status === 'connected', { baseUrl: stack.apiUrl });
    return { session, contact: simulator.addContact({ phone: digits(uniquePhone()) }).phone };
  }

  it(`delivers ${documentCount} documents of 100 MB sent at once from different sessions, none of them whole in the connector's memory`, async () => {
    const pairs = await Promise.all(Array.from({ length: documentCount }, linkedSession));
    const expectedHashes = await Promise.all(pairs.map((_, index) => sha256(generatedBody(largePath(index), documentBytes))));
    const idleRss = await connectorRss();

    // Every poll reads the connector's memory and its temporary folder, until every contact has its document.
    let peakRss = idleRss;
    let mostTempFiles = 0;
    const sent = await Promise.all(pairs.map(({ session, contact }, index) => sendDocument(session, contact, largePath(index))));
    const received = await pollUntil(
      async () => {
        peakRss = Math.max(peakRss, await connectorRss());
        mostTempFiles = Math.max(mostTempFiles, readdirSync(connectorTmp).length);
        return pairs.map(({ contact }) => simulator.received(contact)[0]);
      },
      (messages) => messages.every((message) => message !== undefined),
      {
        timeoutMs: 90_000,
        intervalMs: 50,
        failure: (messages) => `${messages?.filter(Boolean).length ?? 0} of ${documentCount} documents arrived`,
      },
    );

    // Each contact decrypted its whole document (the simulator checks WhatsApp's MAC and hashes too).
    expect(sent.map((answer) => answer.status)).toEqual(pairs.map(() => 200));
    received.forEach((message, index) => {
      expect(message!.message.documentMessage?.fileName).toBe(largePath(index).slice(1));
      expect(message!.media?.length).toBe(documentBytes);
      expect(createHash('sha256').update(message!.media!).digest('hex')).toBe(expectedHashes[index]);
    });
    // Held whole, each document would add 100 MB (300 MB here, and more while Buffer.concat copies);
    // streamed, the sends together stay below one document's size above the idle connector.
    console.log(
      `connector RSS: ${mib(idleRss)} MiB idle, ${mib(peakRss)} MiB at most while sending ${documentCount} × ${mib(documentBytes)} MiB`,
    );
    expect(peakRss - idleRss).toBeLessThan(documentBytes);
    // Baileys spooled the encrypted documents to files, and removed them once uploaded.
    expect(mostTempFiles).toBeGreaterThan(0);
    expect(readdirSync(connectorTmp)).toEqual([]);
  }, 120_000);

  it('fails a document that outgrows the cap mid-stream with the reason, leaving no spooled file', async () => {
    const { session, contact } = await linkedSession();

    const sent = await sendDocument(session, contact, '/too-large.pdf');

    const failed = await pollUntil(
      async () => {
        const status = await api(`/message/queue-status?session=${session}`, { headers: { 'x-api-key': apiKey }, baseUrl: stack.apiUrl });
        return status.body.queue.find((entry: { messageId: string }) => entry.messageId === sent.body.messageId);
      },
      (entry) => entry?.status === 'failed',
      { timeoutMs: 30_000, failure: (entry) => `the message did not fail; last: ${JSON.stringify(entry)}` },
    );
    expect(failed.failureReason).toBe('media is larger than 100 MB');
    expect(simulator.received(contact)).toEqual([]);
    expect(readdirSync(connectorTmp)).toEqual([]);
  }, 60_000);
});

async function sha256(stream: AsyncIterable<Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest('hex');
}

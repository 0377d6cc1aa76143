/**
 * The simulator's HTTP control API, for tests and tools in other processes: scan a QR, enter a
 * pairing code, manage contacts and groups, read what contacts received, play contacts, kick sessions.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proto } from '@whiskeysockets/baileys';
import { z } from 'zod';
import { SimError } from './errors.ts';
import { messageContentSchema, phoneSchema as phone } from './message-content.ts';
import type { WaSimulator } from './simulator.ts';
import type { ReceivedMessage } from './state.ts';

// `{ text }` is the short form of `{ content: { type: 'text', text } }`.
const textOrContent = z.union([
  z.object({ text: z.string().min(1) }).transform(({ text }) => ({ content: { type: 'text' as const, text } })),
  z.object({ content: messageContentSchema }),
]);

const outgoing = {
  to: phone,
  id: z.string().min(1).optional(),
  addressing: z.enum(['pn', 'lid']).optional(),
  quoted: z.object({ id: z.string().min(1), fromMe: z.boolean().optional() }).optional(),
};

const schemas = {
  scan: z.object({ qr: z.string().min(1), phone }),
  pairingCode: z.object({ phone, code: z.string().length(8) }),
  contact: z.object({
    phone,
    name: z.string().optional(),
    onWhatsApp: z.boolean().optional(),
    status: z.string().optional(),
    statusHidden: z.boolean().optional(),
    pictureBase64: z.base64().optional(),
    pictureHidden: z.boolean().optional(),
    autoReceipts: z.object({ delivery: z.boolean(), read: z.boolean() }).optional(),
  }),
  contactMessage: z
    .object({ ...outgoing, pushName: z.string().min(1).optional(), group: z.string().endsWith('@g.us').optional() })
    .and(textOrContent),
  phoneMessage: z.object(outgoing).and(textOrContent),
  receipt: z.object({
    to: phone,
    ids: z.array(z.string().min(1)).min(1),
    type: z.enum(['delivery', 'read', 'played']),
  }),
  autoReceipts: z.object({ delivery: z.boolean(), read: z.boolean() }),
  group: z.object({ subject: z.string().min(1), contacts: z.array(phone), accounts: z.array(phone) }),
  kick: z.object({ reason: z.union([z.literal(440), z.literal(401), z.literal(515), z.literal(408), z.literal('drop')]) }),
  refuse: z.object({ ms: z.number().int().positive() }),
};

type Reply = { status: number; body?: unknown };
type Route = {
  method: string;
  path: RegExp;
  handle(params: string[], body: unknown): Promise<Reply> | Reply;
};

const serializeReceived = (received: ReceivedMessage) => ({
  id: received.id,
  from: received.from,
  to: received.to,
  receivedAt: received.receivedAt.toISOString(),
  message: proto.Message.toObject(proto.Message.fromObject(received.message), { longs: String, bytes: String }),
  ...(received.media ? { mediaBase64: received.media.toString('base64') } : {}),
});

const routesFor = (sim: WaSimulator, urls: () => Record<string, string>): Route[] => [
  { method: 'GET', path: /^\/$/, handle: () => ({ status: 200, body: urls() }) },
  { method: 'GET', path: /^\/ca\.pem$/, handle: () => ({ status: 200, body: sim.caPem }) },
  { method: 'GET', path: /^\/accounts$/, handle: () => ({ status: 200, body: sim.accounts() }) },
  {
    method: 'POST',
    path: /^\/accounts\/([^/]+)\/kick$/,
    handle: ([account], body) => {
      sim.kick(account ?? '', schemas.kick.parse(body).reason);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: /^\/accounts\/([^/]+)\/phone-messages$/,
    handle: async ([account], body) => ({ status: 201, body: await sim.sendFromPhone(account ?? '', schemas.phoneMessage.parse(body)) }),
  },
  {
    method: 'POST',
    path: /^\/qr\/scan$/,
    handle: async (_params, body) => {
      const { qr, phone: scanner } = schemas.scan.parse(body);
      return { status: 200, body: await sim.scanQr(qr, scanner) };
    },
  },
  {
    method: 'POST',
    path: /^\/pairing-code$/,
    handle: async (_params, body) => {
      const { phone: account, code } = schemas.pairingCode.parse(body);
      return { status: 200, body: await sim.enterPairingCode(account, code) };
    },
  },
  { method: 'GET', path: /^\/contacts$/, handle: () => ({ status: 200, body: sim.contacts() }) },
  {
    method: 'POST',
    path: /^\/contacts$/,
    handle: (_params, body) => {
      const { pictureBase64, ...contact } = schemas.contact.parse(body);
      const picture = pictureBase64 === undefined ? {} : { picture: Buffer.from(pictureBase64, 'base64') };
      return { status: 201, body: sim.addContact({ ...contact, ...picture }) };
    },
  },
  {
    method: 'GET',
    path: /^\/contacts\/([^/]+)\/messages$/,
    handle: ([contact]) => ({ status: 200, body: sim.received(contact ?? '').map(serializeReceived) }),
  },
  {
    method: 'POST',
    path: /^\/contacts\/([^/]+)\/messages$/,
    handle: async ([contact], body) => ({ status: 201, body: await sim.send(contact ?? '', schemas.contactMessage.parse(body)) }),
  },
  {
    method: 'POST',
    path: /^\/contacts\/([^/]+)\/receipts$/,
    handle: ([contact], body) => {
      const { to, ids, type } = schemas.receipt.parse(body);
      sim.sendReceipt(contact ?? '', to, ids, type);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: /^\/contacts\/([^/]+)\/receipts$/,
    handle: ([contact]) => ({ status: 200, body: sim.receiptsFrom(contact ?? '') }),
  },
  {
    method: 'PUT',
    path: /^\/contacts\/([^/]+)\/auto-receipts$/,
    handle: ([contact], body) => {
      sim.setAutoReceipts(contact ?? '', schemas.autoReceipts.parse(body));
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: /^\/groups$/,
    handle: (_params, body) => ({ status: 201, body: sim.addGroup(schemas.group.parse(body)) }),
  },
  {
    method: 'POST',
    path: /^\/faults\/refuse-connections$/,
    handle: (_params, body) => {
      sim.refuseConnections(schemas.refuse.parse(body).ms);
      return { status: 204 };
    },
  },
];

const readJson = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SimError(400, 'body is not JSON');
  }
};

/** The one place errors become HTTP answers; unexpected errors do not leak their details. */
const toReply = (error: unknown): Reply => {
  if (error instanceof z.ZodError) return { status: 400, body: { error: 'invalid request', issues: error.issues } };
  if (error instanceof SimError) return { status: error.statusCode, body: { error: error.message } };
  return { status: 500, body: { error: 'internal error' } };
};

const send = (response: ServerResponse, { status, body }: Reply) => {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string';
  response.writeHead(status, { 'content-type': text ? 'application/x-pem-file' : 'application/json' });
  response.end(text ? body : JSON.stringify(body));
};

export type ControlApi = { url: string; close(): Promise<void> };

export const startControlApi = async (sim: WaSimulator, port = 0): Promise<ControlApi> => {
  let url = '';
  const routes = routesFor(sim, () => ({ wsUrl: sim.wsUrl, mediaUrl: sim.mediaUrl, controlUrl: url }));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const matched = routes
      .filter((route) => route.method === request.method)
      .map((route) => ({ route, params: route.path.exec(path) }))
      .find((candidate) => candidate.params);
    if (!matched?.params) {
      send(response, { status: 404, body: { error: 'no such endpoint' } });
      return;
    }
    const params = matched.params.slice(1).map(decodeURIComponent);
    readJson(request)
      .then((body) => matched.route.handle(params, body))
      .then(
        (reply) => send(response, reply),
        (error) => send(response, toReply(error)),
      );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

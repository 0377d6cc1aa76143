/**
 * The demo `npm run start:sim` prints: the API reference's own examples (`seedExamples`) as curl
 * commands against the local API and the simulator, with the reference's example recipient as a
 * simulated contact: an account, a linked phone, a text, then every other send route's example and
 * a reaction to, an edit and a delete of that text. Its test runs these very commands.
 */
import { seedExamples } from '../../shared/api-docs/examples.ts';
import type { Route } from '../../shared/http/route.ts';
import { routes, type RouteName } from '../../shared/routes.ts';
import { sendTextBodySchema } from '../../shared/schemas/messages.ts';
import { contactProfileResultSchema } from '../../shared/schemas/profile.ts';
import { startSessionBodySchema } from '../../shared/schemas/sessions.ts';
import { normalizePhone } from './jids.ts';
import type { ContactOptions } from './state.ts';

function exampleRequest(route: RouteName): unknown {
  const request = seedExamples[route]?.request;
  if (request === undefined) throw new Error(`The API reference has no request example for ${route}`);
  return request;
}

const session = startSessionBodySchema.parse(exampleRequest('startSession'));
const message = sendTextBodySchema.parse(exampleRequest('sendText'));
const profile = contactProfileResultSchema.parse(seedExamples.contactProfile?.response).data;

/** The reference's example recipient, as its `POST /profile` example shows it, answering with receipts. */
export const demoContact: ContactOptions = {
  phone: message.to,
  name: profile.name ?? undefined,
  status: profile.about ?? undefined,
  autoReceipts: { delivery: true, read: true },
};

const hasUrlField = (request: object) => Object.keys(request).some((field) => field.endsWith('_url'));
/** Whether a send changes another message (`message_id`, which the demo points at its text). */
const changesAMessage = (name: RouteName) => Object.hasOwn(exampleRequest(name) as object, 'message_id');

/**
 * The send routes after the text, in the route table's order: each kind of message, then the
 * reaction, edit and delete of the text.
 */
export const demoSends: readonly RouteName[] = (Object.entries(routes) as [RouteName, Route][])
  .filter(([name, route]) => route.method === 'POST' && route.path.startsWith('/message/') && name !== 'sendText')
  .filter(([name]) => seedExamples[name]?.request !== undefined)
  .map(([name]) => name)
  .sort((one, other) => Number(changesAMessage(one)) - Number(changesAMessage(other)));

/** A route's example that works offline: an alternative without a URL where the main one has a URL for the service to fetch. */
function runnableRequest(name: RouteName): object {
  const main = exampleRequest(name) as object;
  if (!hasUrlField(main)) return main;
  const offline = Object.values(seedExamples[name]?.alternatives ?? {}).find(({ request }) => !hasUrlField(request as object));
  if (offline === undefined) throw new Error(`${name}'s examples all have a URL to fetch`);
  return offline.request as object;
}

export interface DemoUrls {
  api: string;
  simulator: string;
}

export interface Demo {
  /** Run once, in order: an account and its API key, a linked phone, the text (its id in MESSAGE_ID). */
  steps: string[];
  /** Then, with KEY and MESSAGE_ID set: every other send, waiting for the text to be sent before it is edited. */
  sends: string[];
  /** Run as often as you like: the messages' statuses (they reach `read`)… */
  queueStatus: string;
  /** …and what the contact's phone decrypted. */
  received: string;
}

export function demo({ api, simulator }: DemoUrls): Demo {
  const json = `-H 'Content-Type: application/json'`;
  const apiKey = `-H "x-api-key: $KEY"`;
  // Single-quoted for the shell, but for MESSAGE_ID, which the shell fills in.
  const quoted = (body: object) => `'${JSON.stringify(body).replaceAll("'", `'\\''`).replaceAll('"$MESSAGE_ID"', `"'"$MESSAGE_ID"'"`)}'`;
  const body = (route: RouteName) => `-d ${quoted(exampleRequest(route) as object)}`;
  const capture = (field: string) => `sed -E 's/.*"${field}":"([^"]+)".*/\\1/'`;
  const send = (name: RouteName) => {
    const request = runnableRequest(name);
    const withText = Object.hasOwn(request, 'message_id') ? { ...request, message_id: '$MESSAGE_ID' } : request;
    return `curl -s ${api}${routes[name].path} ${apiKey} ${json} -d ${quoted(withText)}`;
  };
  // WhatsApp edits and deletes only a message it has: the loop waits until the text is sent (or failed).
  const statusOfText = `"${api}/message/status?session=${session.session}&messageId=$MESSAGE_ID" ${apiKey}`;
  const textSent = `until curl -s ${statusOfText} | grep -qE '"status":"(completed|delivered|read|failed)"'; do sleep 1; done`;
  const firstChange = demoSends.findIndex(changesAMessage);
  const sends = demoSends.map(send);
  // Login rather than register answers the key, so the demo also works again on a data folder that has the account.
  return {
    steps: [
      `curl -s ${api}/auth/register ${json} ${body('register')}`,
      `KEY=$(curl -s ${api}/auth/login ${json} ${body('login')} | ${capture('apiKey')})`,
      `QR=$(curl -s ${api}/session/start ${apiKey} ${json} ${body('startSession')} | ${capture('qr')})`,
      `curl -s ${simulator}/qr/scan ${json} -d "{\\"qr\\":\\"$QR\\",\\"phone\\":\\"${normalizePhone(session.phoneNumber)}\\"}"`,
      `MESSAGE_ID=$(curl -s ${api}/message/send-text ${apiKey} ${json} ${body('sendText')} | ${capture('messageId')})`,
    ],
    sends: [...sends.slice(0, firstChange), textSent, ...sends.slice(firstChange)],
    queueStatus: `curl -s "${api}/message/queue-status?session=${session.session}" ${apiKey}`,
    received: `curl -s ${simulator}/contacts/${message.to}/messages`,
  };
}

/** The demo as `npm run start:sim` prints it: one command a line, to paste one by one or all at once. */
export function demoBanner(urls: DemoUrls): string[] {
  const { steps, sends, queueStatus, received } = demo(urls);
  return [
    `Try the API reference's examples: link a simulated phone, then send to the simulated contact ${demoContact.phone} (${demoContact.name}):`,
    ...steps.map((command) => `  ${command}`),
    'Then every other kind of message, and a reaction to, an edit and a delete of that text (`until` waits for it to be sent):',
    ...sends.map((command) => `  ${command}`),
    'Then, as often as you like, the messages\' statuses (they reach "read") and what the contact\'s phone received:',
    ...[queueStatus, received].map((command) => `  ${command}`),
  ];
}

/**
 * The demo `npm run start:sim` prints: the API reference's own examples (`seedExamples`) as curl
 * commands against the local API and the simulator, with the reference's example recipient as a
 * simulated contact. Its test runs these very commands.
 */
import { seedExamples } from '../../shared/api-docs/examples.ts';
import type { RouteName } from '../../shared/routes.ts';
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

export interface DemoUrls {
  api: string;
  simulator: string;
}

export interface Demo {
  /** Run once, in order: an account and its API key, a linked phone, the message. */
  steps: string[];
  /** Run as often as you like: the message's status (it reaches `read`)… */
  queueStatus: string;
  /** …and what the contact's phone decrypted. */
  received: string;
}

export function demo({ api, simulator }: DemoUrls): Demo {
  const json = `-H 'Content-Type: application/json'`;
  const apiKey = `-H "x-api-key: $KEY"`;
  const body = (route: RouteName) => `-d '${JSON.stringify(exampleRequest(route))}'`;
  // Login rather than register answers the key, so the demo also works again on a data folder that has the account.
  return {
    steps: [
      `curl -s ${api}/auth/register ${json} ${body('register')}`,
      `KEY=$(curl -s ${api}/auth/login ${json} ${body('login')} | sed -E 's/.*"apiKey":"([^"]+)".*/\\1/')`,
      `QR=$(curl -s ${api}/session/start ${apiKey} ${json} ${body('startSession')} | sed -E 's/.*"qr":"([^"]+)".*/\\1/')`,
      `curl -s ${simulator}/qr/scan ${json} -d "{\\"qr\\":\\"$QR\\",\\"phone\\":\\"${normalizePhone(session.phoneNumber)}\\"}"`,
      `curl -s ${api}/message/send-text ${apiKey} ${json} ${body('sendText')}`,
    ],
    queueStatus: `curl -s "${api}/message/queue-status?session=${session.session}" ${apiKey}`,
    received: `curl -s ${simulator}/contacts/${message.to}/messages`,
  };
}

/** The demo as `npm run start:sim` prints it: one command a line, to paste one by one or all at once. */
export function demoBanner(urls: DemoUrls): string[] {
  const { steps, queueStatus, received } = demo(urls);
  return [
    `Try the API reference's examples: link a simulated phone, then send to the simulated contact ${demoContact.phone} (${demoContact.name}):`,
    ...steps.map((command) => `  ${command}`),
    'Then, as often as you like, the message\'s status (it reaches "read") and what the contact\'s phone received:',
    `  ${queueStatus}`,
    `  ${received}`,
  ];
}

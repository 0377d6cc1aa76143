import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed event; `id`, `type`, `timestamp`, `data`. */
  event: { id: string; type: string; timestamp: string; data: any };
  receivedAt: number;
  /** What the receiver answered. */
  status: number;
}

/** How the receiver answers a delivery: a status, after an optional delay (never answering: `hang`). */
export type Answer = { status: number; delayMs?: number } | 'hang';

export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  /** Deliveries it answered with a 2xx. */
  accepted(): ReceivedDelivery[];
  /** Sets how it answers from now on. */
  answer(next: Answer | ((delivery: Omit<ReceivedDelivery, 'status'>) => Answer)): void;
  close(): Promise<void>;
}

/** A customer's endpoint on loopback: records every delivery and answers as told (200 by default). */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  let answer: (delivery: Omit<ReceivedDelivery, 'status'>) => Answer = () => ({ status: 200 });
  const hanging = new Set<() => void>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const received = { headers: request.headers, body, event: JSON.parse(body) as ReceivedDelivery['event'], receivedAt: Date.now() };
      const planned = answer(received);
      if (planned === 'hang') {
        deliveries.push({ ...received, status: 0 });
        hanging.add(() => response.destroy());
        return;
      }
      deliveries.push({ ...received, status: planned.status });
      setTimeout(
        () => response.writeHead(planned.status, { 'content-type': 'text/plain' }).end(`answered ${planned.status}`),
        planned.delayMs ?? 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    accepted: () => deliveries.filter((delivery) => delivery.status >= 200 && delivery.status < 300),
    answer: (next) => {
      answer = typeof next === 'function' ? next : () => next;
    },
    close: async () => {
      hanging.forEach((release) => release());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether the Standard Webhooks reference library accepts the delivery under `secret`. */
export function verifies(secret: string, delivery: Pick<ReceivedDelivery, 'body' | 'headers'>): boolean {
  try {
    new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

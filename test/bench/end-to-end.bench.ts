import { call, linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { report, round, summarize } from './report.ts';

/** POST send-text → decrypted at the simulated contact, one idle session, pacing off for the run. */
const messages = 60;
const stack = await startBenchStack({
  connector: true,
  env: { SEND_MIN_GAP_MS: '0', SEND_JITTER_MS: '0', RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_RECIPIENT_PER_HOUR: '100000' },
});
try {
  const apiKey = await registerUser(stack.apiUrl);
  const [session] = (await linkSessions(stack, apiKey, 1, { concurrency: 1, timeoutMs: 60_000 })).sessionIds;
  const contact = '6281298765432';
  stack.sim.addContact({ phone: contact, autoReceipts: { delivery: false, read: false } });
  const latencies: number[] = [];
  for (let index = 0; index < messages; index++) {
    const text = `e2e ${index}`;
    const sent = performance.now();
    const decrypted = stack.sim.waitForMessage(
      contact,
      (message) => message.message.conversation === text || message.message.extendedTextMessage?.text === text,
      20_000,
    );
    await call(stack.apiUrl, '/message/send-text', { body: { session, to: contact, text, is_group: false }, apiKey });
    await decrypted;
    latencies.push(performance.now() - sent);
    // Idle between messages, as the session would be: nothing waits on pacing.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const summary = summarize(latencies);
  report(
    'end-to-end',
    [
      { metric: 'send-text → decrypted at contact p50', value: round(summary.p50), unit: 'ms' },
      { metric: 'send-text → decrypted at contact p99', value: round(summary.p99), unit: 'ms' },
    ],
    { messages, summary, settings: 'SEND_MIN_GAP_MS=0, SEND_JITTER_MS=0, QUEUE_WAIT_SECONDS=1 (long poll)' },
  );
} finally {
  await stack.stop();
}

import { afterEach, describe, expect, it, vi } from 'vitest';

/** The emitter as a process of `stage` would load it (configuration is read once per module graph). */
async function emitterFor(stage: string) {
  vi.resetModules();
  vi.stubEnv('STAGE', stage);
  // The test stack's local-only settings, which a cloud stage refuses.
  vi.stubEnv('MEDIA_FETCH_ALLOW_HOSTS', '');
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE_URLS', 'false');
  return import('../../shared/metrics-emitter.ts');
}

function captureStdout(): { lines: () => string[]; restore: () => void } {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return { lines: () => written.join('').split('\n').filter(Boolean), restore: () => spy.mockRestore() };
}

afterEach(() => vi.unstubAllEnvs());

describe('the metrics emitter', () => {
  it('writes the connector report as CloudWatch EMF in a cloud stage', async () => {
    const { count, reportConnector } = await emitterFor('prod');
    const stdout = captureStdout();

    count('messagesSent', 3);
    reportConnector(7);
    stdout.restore();

    const emf = stdout
      .lines()
      .map((line) => JSON.parse(line))
      .find((entry) => entry._aws);
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('WhatsAppHub');
    expect(emf).toMatchObject({ service: 'whatsapp-hub', stage: 'prod', MessagesSent: 3, SessionsConnected: 7, ConnectorHeartbeat: 1 });
  });

  it('emits nothing locally', async () => {
    const { count, metrics, reportConnector } = await emitterFor('local');
    const stdout = captureStdout();

    count('messagesFailed');
    reportConnector(1);
    stdout.restore();

    expect(metrics()).toBeNull();
    expect(stdout.lines()).toEqual([]);
  });
});

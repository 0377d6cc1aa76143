import { describe, expect, it } from 'vitest';
import { healthSchema } from '../../shared/schemas/system.ts';
import { api } from '../support/http.ts';

describe('GET /health', () => {
  it('answers the seed shape with every dependency check ok', async () => {
    const response = await api('/health');

    expect(response.status).toBe(200);
    const health = healthSchema.parse(response.body);
    expect(health.status).toBe('ok');
    expect(Date.now() - Date.parse(health.timestamp)).toBeLessThan(60_000);
    expect(health.version).toMatch(/^v24\./);
    expect(health.memory.heapUsed).toBeGreaterThan(0);
    expect(health.memory.heapUsed).toBeLessThanOrEqual(health.memory.heapTotal);
    expect(Object.values(health.checks).map((check) => check.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('sends security, CORS and request-id headers', async () => {
    const response = await api('/health', { headers: { Origin: 'https://app.example.com' } });

    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('server')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config.ts';

describe('configuration', () => {
  it('applies defaults and splits lists', () => {
    const settings = parseConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' });

    expect(settings.PORT).toBe(5001);
    expect(settings.RATE_LIMIT_PER_MINUTE).toBe(20);
    expect(settings.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names the setting that is wrong', () => {
    expect(() => parseConfig({ SHARD_COUNT: '0' })).toThrow(/^Invalid configuration: SHARD_COUNT: /);
    expect(() => parseConfig({ BCRYPT_COST: '4' })).toThrow(/BCRYPT_COST/);
  });

  it('refuses the test-only media allow-list in the cloud stages', () => {
    expect(() => parseConfig({ STAGE: 'prod', MEDIA_FETCH_ALLOW_HOSTS: '127.0.0.1' })).toThrow(
      /MEDIA_FETCH_ALLOW_HOSTS: is for tests only/,
    );
    expect(() => parseConfig({ STAGE: 'dev', MEDIA_FETCH_ALLOW_HOSTS: '127.0.0.1' })).toThrow(/MEDIA_FETCH_ALLOW_HOSTS/);
    expect(parseConfig({ STAGE: 'test', MEDIA_FETCH_ALLOW_HOSTS: '127.0.0.1' }).MEDIA_FETCH_ALLOW_HOSTS).toEqual(['127.0.0.1']);
  });
});

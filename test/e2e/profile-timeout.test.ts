import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { startIsolatedStack, userWithStoredSession, type IsolatedStack } from '../support/isolated-stack.ts';

describe('POST /profile with no connector holding the shard', () => {
  let stack: IsolatedStack;
  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 1, env: { PROFILE_WAIT_MS: '1000' } });
  });
  afterAll(() => stack?.stop());

  it('answers 504 with a clear error once the wait is over', async () => {
    const user = await userWithStoredSession(stack, 'orphan', '+62812000222');

    const answer = await api('/profile', {
      body: { session: 'orphan', target: '6287654321' },
      headers: { 'x-api-key': user.apiKey },
      baseUrl: stack.apiUrl,
    });

    expect(answer.status).toBe(504);
    expect(answer.body).toEqual({ success: false, error: 'The connector did not answer the lookup in time; try again' });
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadS3AuthState } from '../../connector/auth-state/s3-auth-state.ts';
import { deleteAuthState } from '../../shared/auth-state.ts';
import { storedAuthState } from '../support/sim.ts';

describe('the S3 auth-state store', () => {
  it('starts fresh credentials, and restores credentials and keys with their Buffers intact', async () => {
    const sessionId = `auth-${randomUUID()}`;
    const first = await loadS3AuthState(sessionId);
    const { creds } = first.state;
    expect(creds.noiseKey.private).toBeInstanceOf(Uint8Array);

    await first.saveCreds();
    await first.state.keys.set({
      'pre-key': { '1': { public: Buffer.from('pub-1'), private: Buffer.from('priv-1') }, '2': { public: Buffer.from('pub-2'), private: Buffer.from('priv-2') } },
      'app-state-sync-key': { AAAA: { keyData: Buffer.from('sync-key') } },
    });
    await first.flush();
    const second = await loadS3AuthState(sessionId);

    expect(Buffer.from(second.state.creds.noiseKey.private)).toEqual(Buffer.from(creds.noiseKey.private));
    expect(second.state.creds.registrationId).toBe(creds.registrationId);
    const preKeys = await second.state.keys.get('pre-key', ['1', '2', '3']);
    expect(Buffer.from(preKeys['2']!.private)).toEqual(Buffer.from('priv-2'));
    expect(preKeys['3']).toBeUndefined();
    const syncKey = await second.state.keys.get('app-state-sync-key', ['AAAA']);
    expect(Buffer.from(syncKey.AAAA!.keyData!)).toEqual(Buffer.from('sync-key'));
  });

  it('deletes a key set to null, and everything on deleteAuthState', async () => {
    const sessionId = `auth-${randomUUID()}`;
    const state = await loadS3AuthState(sessionId);
    await state.saveCreds();
    await state.state.keys.set({ 'pre-key': { '7': { public: Buffer.from('p'), private: Buffer.from('q') } } });
    expect(await storedAuthState(sessionId)).toHaveLength(2);

    await state.state.keys.set({ 'pre-key': { '7': null } });
    expect(await storedAuthState(sessionId)).toHaveLength(1);
    await deleteAuthState(sessionId);

    expect(await storedAuthState(sessionId)).toEqual([]);
  });
});

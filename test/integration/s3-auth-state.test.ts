import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { loadS3AuthState } from '../../connector/auth-state/s3-auth-state.ts';
import { authStateKeys, deleteAuthState } from '../../shared/auth-state.ts';
import { storedAuthState } from '../support/sim.ts';

/**
 * While set, an S3 read that has answered waits for `release` before returning: it orders a read
 * before a write in the code without racing them in the emulator, whose GET of an object being
 * written answers an empty body.
 */
const readHold = vi.hoisted(() => ({ current: undefined as { answered(): void; release: Promise<void> } | undefined }));
vi.mock('../../connector/auth-state/s3-json.ts', async (importOriginal) => {
  const s3Json = await importOriginal<typeof import('../../connector/auth-state/s3-json.ts')>();
  return {
    ...s3Json,
    readObject: async (key: string) => {
      const value = await s3Json.readObject(key);
      const hold = readHold.current;
      hold?.answered();
      await hold?.release;
      return value;
    },
  };
});

describe('the S3 auth-state store', () => {
  it('starts fresh credentials, and restores credentials and keys with their Buffers intact', async () => {
    const sessionId = `auth-${randomUUID()}`;
    const first = await loadS3AuthState(sessionId);
    const { creds } = first.state;
    expect(creds.noiseKey.private).toBeInstanceOf(Uint8Array);

    await first.saveCreds();
    await first.state.keys.set({
      'pre-key': {
        '1': { public: Buffer.from('pub-1'), private: Buffer.from('priv-1') },
        '2': { public: Buffer.from('pub-2'), private: Buffer.from('priv-2') },
      },
      'app-state-sync-key': { AAAA: { keyData: Buffer.from('sync-key') } },
    });
    await first.close();
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

  it('on close, waits for the writes already started and refuses later ones, so nothing lands after a delete', async () => {
    const sessionId = `auth-${randomUUID()}`;
    const state = await loadS3AuthState(sessionId);
    const started = state.state.keys.set({ 'device-list': { '15550001111': ['0', '1'] } });

    await state.close();
    await started;
    expect(await storedAuthState(sessionId)).toEqual([authStateKeys.signalKey(sessionId, 'device-list', '15550001111')]);
    await deleteAuthState(sessionId);

    await expect(state.state.keys.set({ 'device-list': { '15550001111': ['0'] } })).rejects.toThrow(/closed/);
    await expect(state.saveCreds()).rejects.toThrow(/closed/);
    expect(await storedAuthState(sessionId)).toEqual([]);
  });

  it('keeps a key set while an earlier read of it is still on its way', async () => {
    const sessionId = `auth-${randomUUID()}`;
    await (await loadS3AuthState(sessionId)).state.keys.set({ 'device-list': { '15550001111': ['0'] } });
    const { keys } = (await loadS3AuthState(sessionId)).state;

    const answered = Promise.withResolvers<void>();
    const release = Promise.withResolvers<void>();
    readHold.current = { answered: answered.resolve, release: release.promise };
    const reading = keys.get('device-list', ['15550001111']);
    await answered.promise;
    readHold.current = undefined;
    await keys.set({ 'device-list': { '15550001111': ['0', '1'] } });
    release.resolve();
    expect(await reading).toEqual({ '15550001111': ['0'] });

    expect(await keys.get('device-list', ['15550001111'])).toEqual({ '15550001111': ['0', '1'] });
  });

  describe('pre-keys', () => {
    const preKeyPair = (id: number) => ({ public: Buffer.from(`pub-${id}`), private: Buffer.from(`priv-${id}`) });
    const preKeyRange = (from: number, to: number) =>
      Object.fromEntries(Array.from({ length: to - from + 1 }, (_, index) => [String(from + index), preKeyPair(from + index)]));

    it('stores a first login’s 812 pre-keys as one object, read back whole by a fresh load', async () => {
      const sessionId = `auth-${randomUUID()}`;
      await (await loadS3AuthState(sessionId)).state.keys.set({ 'pre-key': preKeyRange(1, 812) });

      expect(await storedAuthState(sessionId)).toEqual([authStateKeys.preKeyBucket(sessionId, 0)]);
      const read = await (await loadS3AuthState(sessionId)).state.keys.get('pre-key', ['1', '400', '812', '813']);
      expect(Object.keys(read).sort()).toEqual(['1', '400', '812']);
      expect(Buffer.from(read['400']!.private)).toEqual(Buffer.from('priv-400'));
    });

    it('splits ids across buckets, and deleting one key keeps the rest of its bucket', async () => {
      const sessionId = `auth-${randomUUID()}`;
      const { keys } = (await loadS3AuthState(sessionId)).state;
      await keys.set({ 'pre-key': preKeyRange(1020, 1030) });
      expect((await storedAuthState(sessionId)).sort()).toEqual(
        [authStateKeys.preKeyBucket(sessionId, 0), authStateKeys.preKeyBucket(sessionId, 1)].sort(),
      );

      await keys.set({ 'pre-key': { '1020': null, '1021': null, '1022': null, '1023': null } });
      expect(await storedAuthState(sessionId)).toEqual([authStateKeys.preKeyBucket(sessionId, 1)]);
      const left = await (await loadS3AuthState(sessionId)).state.keys.get('pre-key', ['1020', '1024', '1030']);
      expect(Object.keys(left).sort()).toEqual(['1024', '1030']);
    });

    it('keeps every key when changes to one bucket overlap', async () => {
      const sessionId = `auth-${randomUUID()}`;
      const { keys } = (await loadS3AuthState(sessionId)).state;
      await keys.set({ 'pre-key': preKeyRange(1, 10) });

      await Promise.all([
        ...Array.from({ length: 20 }, (_, index) => keys.set({ 'pre-key': { [String(11 + index)]: preKeyPair(11 + index) } })),
        ...Array.from({ length: 5 }, (_, index) => keys.set({ 'pre-key': { [String(1 + index)]: null } })),
      ]);

      const ids = Array.from({ length: 30 }, (_, index) => String(1 + index));
      const stored = await (await loadS3AuthState(sessionId)).state.keys.get('pre-key', ids);
      expect(
        Object.keys(stored)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 25 }, (_, index) => 6 + index));
    });

    it('refuses a pre-key id that is not a whole number', async () => {
      const { keys } = (await loadS3AuthState(`auth-${randomUUID()}`)).state;
      await expect(keys.set({ 'pre-key': { abc: preKeyPair(1) } })).rejects.toThrow(/not a whole number/);
    });
  });
});

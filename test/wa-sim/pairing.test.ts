import { describe, expect, it } from 'vitest';
import { linkByQr, useSimulator, waitForClose, waitForOpen, waitForQr } from './harness.ts';
import { createMemoryAuthState } from './memory-auth-state.ts';

const ACCOUNT = '15550001111';

describe('linking a Baileys client', () => {
  const { sim, clients } = useSimulator();

  it('pairs by QR, restarts with 515 and opens as the linked device', async () => {
    // Prepare
    const auth = createMemoryAuthState();
    const pairing = clients().connect(auth);
    const qr = await waitForQr(pairing);

    // Act
    const closed = waitForClose(pairing);
    await sim().scanQr(qr, ACCOUNT);
    const restartCode = await closed;
    const socket = clients().connect(auth);
    await waitForOpen(socket);

    // Assess
    expect(qr).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#/);
    expect(restartCode).toBe(515);
    expect(auth.creds.me?.id).toMatch(new RegExp(`^${ACCOUNT}:\\d+@s\\.whatsapp\\.net$`));
    expect(auth.creds.me?.lid).toMatch(/^\d+:\d+@lid$/);
    expect(sim().accounts()).toEqual([expect.objectContaining({ phone: ACCOUNT, online: true })]);
  });

  it('pairs by code entered on the phone', async () => {
    // Prepare
    const auth = createMemoryAuthState();
    const pairing = clients().connect(auth);
    await waitForQr(pairing);

    // Act
    const code = await pairing.requestPairingCode(ACCOUNT);
    const closed = waitForClose(pairing);
    await sim().enterPairingCode(ACCOUNT, code);
    const restartCode = await closed;
    const socket = clients().connect(auth);
    await waitForOpen(socket);

    // Assess
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(restartCode).toBe(515);
    expect(auth.creds.me?.id).toMatch(new RegExp(`^${ACCOUNT}:\\d+@s\\.whatsapp\\.net$`));
    expect(sim().accounts()).toEqual([expect.objectContaining({ phone: ACCOUNT, online: true })]);
  });

  it('rejects a wrong pairing code', async () => {
    // Prepare
    const pairing = clients().connect(createMemoryAuthState());
    await waitForQr(pairing);
    await pairing.requestPairingCode(ACCOUNT);

    // Act
    const entered = sim().enterPairingCode(ACCOUNT, 'WRONGCOD');

    // Assess
    await expect(entered).rejects.toMatchObject({ statusCode: 401 });
    expect(sim().accounts()).toEqual([expect.objectContaining({ phone: ACCOUNT, deviceId: undefined })]);
  });

  it('rejects a QR no client is showing', async () => {
    // Prepare
    const forged = 'https://wa.me/settings/linked_devices#2@nope,AAAA,BBBB,CCCC,1';

    // Act
    const scan = sim().scanQr(forged, ACCOUNT);

    // Assess
    await expect(scan).rejects.toMatchObject({ statusCode: 404 });
  });

  it('logs in again with the stored credentials', async () => {
    // Prepare
    const { socket, auth } = await linkByQr(sim(), clients(), ACCOUNT);
    await socket.end(undefined);

    // Act
    const again = clients().connect(auth);
    const opened = await waitForOpen(again);

    // Assess
    expect(opened.connection).toBe('open');
  });
});

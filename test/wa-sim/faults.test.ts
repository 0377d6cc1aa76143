import { DisconnectReason } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { linkByQr, useSimulator, waitForClose, waitForOpen } from './harness.ts';

const ACCOUNT = '15550001111';
// The client gives up on a silent server after keepAliveIntervalMs + 5 s; keep that short.
const FAST_KEEPALIVE = { keepAliveIntervalMs: 250 };

describe('disconnects the client must survive', () => {
  const { sim, clients } = useSimulator();

  it.each([
    [440, DisconnectReason.connectionReplaced],
    [401, DisconnectReason.loggedOut],
    [515, DisconnectReason.restartRequired],
  ] as const)('surfaces a kick with stream error %i', async (code, expected) => {
    // Prepare
    const { socket } = await linkByQr(sim(), clients(), ACCOUNT);
    const closed = waitForClose(socket);

    // Act
    sim().kick(ACCOUNT, code);

    // Assess
    expect(await closed).toBe(expected);
  });

  it('refuses the next login after a 401 kick unlinked the device', async () => {
    // Prepare
    const { socket, auth } = await linkByQr(sim(), clients(), ACCOUNT);
    const kicked = waitForClose(socket);
    sim().kick(ACCOUNT, 401);
    await kicked;

    // Act
    const retry = clients().connect(auth);
    const code = await waitForClose(retry);

    // Assess
    expect(code).toBe(DisconnectReason.loggedOut);
    expect(sim().accounts()).toEqual([expect.objectContaining({ phone: ACCOUNT, deviceId: undefined })]);
  });

  it('replaces an older connection of the same device with 440', async () => {
    // Prepare
    const { socket, auth } = await linkByQr(sim(), clients(), ACCOUNT);
    const replaced = waitForClose(socket);

    // Act
    const second = clients().connect(auth);
    await waitForOpen(second);

    // Assess
    expect(await replaced).toBe(DisconnectReason.connectionReplaced);
  });

  it('lets the keepalive time out with 408 when the server stops answering', async () => {
    // Prepare
    const { socket } = await linkByQr(sim(), clients(), ACCOUNT, FAST_KEEPALIVE);
    const closed = waitForClose(socket, 10_000);

    // Act
    sim().kick(ACCOUNT, 408);

    // Assess
    expect(await closed).toBe(DisconnectReason.connectionLost);
  });

  it('reports a dropped socket as connection closed', async () => {
    // Prepare
    const { socket } = await linkByQr(sim(), clients(), ACCOUNT);
    const closed = waitForClose(socket);

    // Act
    sim().kick(ACCOUNT, 'drop');

    // Assess
    expect(await closed).toBe(DisconnectReason.connectionClosed);
  });

  it('refuses connections for a while, then accepts them again', async () => {
    // Prepare
    const { socket, auth } = await linkByQr(sim(), clients(), ACCOUNT);
    await socket.end(undefined);
    sim().refuseConnections(500);

    // Act
    const refusedCode = await waitForClose(clients().connect(auth));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const again = clients().connect(auth);
    await waitForOpen(again);

    // Assess
    // Baileys maps the reset before the websocket upgrade (ECONNRESET) to 408.
    expect(refusedCode).toBe(DisconnectReason.timedOut);
  });

  it('logs out: the client unlinks and cannot log in with the same credentials', async () => {
    // Prepare
    const { socket, auth } = await linkByQr(sim(), clients(), ACCOUNT);
    const closed = waitForClose(socket);

    // Act
    await socket.logout();
    const logoutCode = await closed;
    const retryCode = await waitForClose(clients().connect(auth));

    // Assess
    expect(logoutCode).toBe(DisconnectReason.loggedOut);
    expect(retryCode).toBe(DisconnectReason.loggedOut);
  });
});

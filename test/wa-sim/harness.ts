/**
 * Test helpers that drive the real Baileys client against a simulator: sockets configured for
 * it (trust root, media CA, silent logs, no history sync) and waits on their events.
 */
import './trust-root.ts';
import { Agent } from 'node:https';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import makeWASocket, {
  type AuthenticationState,
  type BaileysEventMap,
  type ConnectionState,
  type UserFacingSocketConfig,
  type WASocket,
} from '@whiskeysockets/baileys';
import { createMemoryAuthState } from './memory-auth-state.ts';
import { startSimulator, type WaSimulator } from './simulator.ts';

const DEFAULT_TIMEOUT_MS = 5_000;

export type ClientPool = {
  /** A Baileys socket pointed at the simulator; ended by `endAll`. */
  connect(auth: AuthenticationState, overrides?: Partial<UserFacingSocketConfig>): WASocket;
  endAll(): Promise<void>;
};

/** Where clients connect: an in-process simulator, or the URLs and CA of one in another process. */
export type SimulatorEndpoint = Pick<WaSimulator, 'wsUrl' | 'caPem'>;

export const createClientPool = (sim: SimulatorEndpoint): ClientPool => {
  const sockets = new Set<WASocket>();
  const fetchAgent = new Agent({ ca: sim.caPem });
  return {
    connect(auth, overrides = {}) {
      const socket = makeWASocket({
        waWebSocketUrl: sim.wsUrl,
        auth,
        logger: pino({ level: 'silent' }),
        shouldSyncHistoryMessage: () => false,
        markOnlineOnConnect: false,
        fetchAgent,
        ...overrides,
      });
      sockets.add(socket);
      return socket;
    },
    async endAll() {
      for (const socket of sockets) await socket.end(undefined);
      sockets.clear();
      fetchAgent.destroy();
    },
  };
};

/**
 * Lets this process's `fetch` (what Baileys' `downloadMediaMessage` uses) trust the simulator's
 * media host, as NODE_EXTRA_CA_CERTS does for a connector in a process of its own.
 */
export const trustMediaHost = (sim: SimulatorEndpoint): void => {
  setDefaultCACertificates([...getCACertificates('default'), sim.caPem]);
};

/**
 * Starts a simulator and a client pool for every test (`'each'`) or once for the describe block
 * (`'all'`), and ends both after; the accessors read the current ones from inside tests and hooks.
 */
export const useSimulator = (scope: 'each' | 'all' = 'each') => {
  let sim: WaSimulator;
  let clients: ClientPool;
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    sim = await startSimulator();
    clients = createClientPool(sim);
  });
  after(async () => {
    await clients.endAll();
    await sim.stop();
  });
  return { sim: () => sim, clients: () => clients };
};

/** Resolves with the first event payload that matches, rejects after `timeoutMs`. */
export const nextEvent = <K extends keyof BaileysEventMap>(
  socket: WASocket,
  event: K,
  matches: (payload: BaileysEventMap[K]) => boolean = () => true,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<BaileysEventMap[K]> =>
  new Promise((resolve, reject) => {
    const listener = (payload: BaileysEventMap[K]) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.ev.off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.ev.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    socket.ev.on(event, listener);
  });

export const waitForQr = async (socket: WASocket, timeoutMs?: number): Promise<string> => {
  const update = await nextEvent(socket, 'connection.update', ({ qr }) => !!qr, timeoutMs);
  return update.qr ?? '';
};

export const waitForOpen = (socket: WASocket, timeoutMs?: number): Promise<Partial<ConnectionState>> =>
  nextEvent(socket, 'connection.update', ({ connection }) => connection === 'open', timeoutMs);

/** The status code Baileys reports when the connection closes. */
export const waitForClose = async (socket: WASocket, timeoutMs?: number): Promise<number | undefined> => {
  const update = await nextEvent(socket, 'connection.update', ({ connection }) => connection === 'close', timeoutMs);
  const error = update.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined;
  return error?.output?.statusCode;
};

/**
 * Links a fresh client to `phone` by QR, then reconnects it as Baileys applications do after
 * the 515 that follows pairing; resolves with the open socket and its credentials.
 */
export const linkByQr = async (
  sim: WaSimulator,
  clients: ClientPool,
  phone: string,
  overrides?: Partial<UserFacingSocketConfig>,
): Promise<{ socket: WASocket; auth: AuthenticationState }> => {
  const auth = createMemoryAuthState();
  const pairing = clients.connect(auth, overrides);
  const qr = await waitForQr(pairing);
  const closed = waitForClose(pairing);
  await sim.scanQr(qr, phone);
  await closed;
  const socket = clients.connect(auth, overrides);
  await waitForOpen(socket);
  return { socket, auth };
};

import { freePort } from '../../infra/local/ports.ts';
import type { CpuProfile } from './cpu-profile-shares.ts';

/**
 * Just enough of the Chrome DevTools Protocol to ask a child process (started with the answered
 * `nodeArgs`) to run a full garbage collection and report its heap (the difference between its
 * RSS and what it really holds), evaluate an expression, or take a CPU profile. Node ships no client for another
 * process's inspector, and a handful of calls do not justify a dependency.
 */
export async function inspectorPort(): Promise<{ port: number; nodeArgs: string[] }> {
  const port = await freePort();
  return { port, nodeArgs: [`--inspect=127.0.0.1:${port}`] };
}

export interface Inspector {
  /** Two full collections (the second frees what finalizers of the first released). */
  collectGarbage(): Promise<void>;
  memoryUsage(): Promise<NodeJS.MemoryUsage>;
  /** A JSON-serializable expression, evaluated in the process. */
  evaluate<T>(expression: string): Promise<T>;
  /** Samples the process's CPU until `stop` answers the profile (a `.cpuprofile` document). */
  startProfiling(): Promise<{ stop(): Promise<CpuProfile> }>;
  close(): void;
}

export async function connectInspector(port: number): Promise<Inspector> {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!target) throw new Error(`No inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`Could not reach the inspector on port ${port}`));
  });
  let lastId = 0;
  const answers = new Map<number, (message: { result?: any; error?: { message: string } }) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    answers.get(message.id)?.(message);
    answers.delete(message.id);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => {
      const id = ++lastId;
      answers.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)));
      socket.send(JSON.stringify({ id, method, params }));
    });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result } = await send('Runtime.evaluate', { expression: `JSON.stringify(${expression})`, returnByValue: true });
    return JSON.parse(result.value) as T;
  };
  return {
    collectGarbage: async () => {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
    },
    memoryUsage: () => evaluate<NodeJS.MemoryUsage>('process.memoryUsage()'),
    evaluate,
    startProfiling: async () => {
      await send('Profiler.enable');
      await send('Profiler.start');
      return { stop: async () => (await send('Profiler.stop')).profile as CpuProfile };
    },
    close: () => socket.close(),
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hasExited, terminate } from './child-process.ts';
import { LocalStackError } from './errors.ts';

const connectorEntry = fileURLToPath(new URL('../../connector/main.ts', import.meta.url));
const readyTimeoutMs = 30_000;

export interface ConnectorProcessOptions {
  /** The connector's whole environment (the stack's settings plus its own). */
  env: NodeJS.ProcessEnv;
  healthPort: number;
  /** Extra Node flags, e.g. an `--import` that a test harness needs. */
  nodeArgs?: string[];
  stdio?: 'inherit' | 'ignore';
}

export interface ConnectorProcess {
  pid: number;
  /** Its `GET /health` (shards held, sessions running and connected). */
  healthUrl: string;
  /** SIGTERM, the connector's graceful stop; SIGKILL if it does not exit in time. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

/** Runs `connector/main.ts` as its own process, as ECS runs it, and waits for its health check. */
export async function startConnectorProcess(options: ConnectorProcessOptions): Promise<ConnectorProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), connectorEntry], {
    env: { ...options.env, CONNECTOR_HEALTH_PORT: String(options.healthPort) },
    stdio: options.stdio ?? 'inherit',
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => process.removeListener('exit', killOnExit));

  try {
    await waitForHealth(options.healthPort, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid ?? -1,
    healthUrl: `http://127.0.0.1:${options.healthPort}/health`,
    stop: () => terminate(child, 10_000),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child))
      throw new LocalStackError(`The connector exited during start-up (${child.signalCode ?? `code ${child.exitCode}`})`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new LocalStackError(`The connector did not become healthy within ${readyTimeoutMs / 1000} s`);
}

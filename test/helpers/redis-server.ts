import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';

/**
 * A real redis-server on a free port of 127.0.0.1 (no persistence), or the server `REDIS_URL`
 * names. Free of vitest, so that benchmarks start Redis the way tests do.
 */

const SERVER = 'redis-server';

export interface TestRedis {
  /** redis://127.0.0.1:PORT (or REDIS_URL). */
  readonly url: string;
  /** Unique per call: keep tests (and files sharing a REDIS_URL) out of each other's keys and channels. */
  prefix(): string;
  /** Stops the server (SIGTERM, then waits for it to exit). Only for a server of our own. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is saved). */
  start(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay up, nothing is answered. Undone by `resume`. */
  pause(): void;
  resume(): void;
  /** Stops it for good (no-op for REDIS_URL). */
  close(): Promise<void>;
}

/** A running Redis: a fresh redis-server, or REDIS_URL's. */
export async function startRedis(): Promise<TestRedis> {
  const given = process.env.REDIS_URL;
  if (given) {
    const refuse = (): Promise<void> =>
      Promise.reject(new Error('REDIS_URL is shared: tests that stop Redis need redis-server installed.'));
    const shared = (): never => {
      throw new Error('REDIS_URL is shared: tests that pause Redis need redis-server installed.');
    };
    return {
      url: given,
      prefix: uniquePrefix,
      stop: refuse,
      start: refuse,
      pause: shared,
      resume: shared,
      close: () => Promise.resolve(),
    };
  }
  return RedisProcess.launch();
}

const uniquePrefix = (): string => `test-${randomUUID().slice(0, 8)}:`;

const children = new Set<ChildProcess>();
// A test that fails before its afterAll must not leave a redis-server behind.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

class RedisProcess implements TestRedis {
  private child: ChildProcess | undefined;

  private constructor(private readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  prefix(): string {
    return uniquePrefix();
  }

  /** Picks a free port; another process may take it before redis binds, so a failed start tries another. */
  static async launch(): Promise<RedisProcess> {
    let lastError: Error | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const server = new RedisProcess(await freePort());
      try {
        await server.start();
        return server;
      } catch (error) {
        lastError = error as Error;
      }
    }
    throw lastError ?? new Error('redis-server did not start');
  }

  async start(): Promise<void> {
    if (this.child) return;
    // No persistence: a restarted server is empty, as after a crash of a cache-only Redis.
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn(SERVER, [...args, '--dir', tmpdir(), '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.add(child);
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<Error>((resolve) =>
      child.once('exit', (code) => resolve(new Error(`redis-server exited (${code}): ${stderr}`))),
    );
    const alive = (): boolean => child.exitCode === null && child.signalCode === null;
    const answered = await Promise.race([waitForPing(this.port, alive), exited]);
    if (answered !== true) {
      this.forget(child);
      throw answered instanceof Error ? answered : new Error('redis-server stopped before answering PING');
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.exitCode === null && child.signalCode === null) {
      // A paused server would not act on SIGTERM.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    }
    this.forget(child);
  }

  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  close(): Promise<void> {
    this.resume();
    return this.stop();
  }

  private forget(child: ChildProcess): void {
    children.delete(child);
    if (this.child === child) this.child = undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING (it listens a moment after it starts). */
async function waitForPing(port: number, alive: () => boolean): Promise<boolean> {
  while (alive()) {
    if (await ping(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
    socket.on('error', () => resolve(false));
  });
}

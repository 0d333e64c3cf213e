import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';

/** The one line the runtime demo prints when it has no Redis to run on. */
export const REDIS_MISSING =
  'The runtime demo needs Redis: install redis-server (Debian/Ubuntu: "sudo apt-get install -y redis-server", ' +
  'macOS: "brew install redis"), or set REDIS_URL=redis://host:port.';

export interface DemoRedis {
  readonly url: string;
  /** Stops the server the demo started (nothing for REDIS_URL's). */
  close(): Promise<void>;
}

export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * A throwaway redis-server on a random port of 127.0.0.1, without persistence. Redis cannot be
 * told to pick a free port itself (port 0 turns TCP off), so a port in use means another try.
 */
export async function startDemoRedis(): Promise<DemoRedis> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    try {
      const child = await launch(port);
      return { url: `redis://127.0.0.1:${port}`, close: () => stop(child) };
    } catch (error) {
      lastError = error as Error;
    }
  }
  throw lastError ?? new Error('redis-server did not start');
}

/** Resolves once the server says it accepts connections (its log, on stdout). */
function launch(port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', [...args, '--dir', tmpdir()], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start within 10 s: ${log}`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (!log.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${log}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

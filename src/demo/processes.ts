import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Child processes for the runtime demo and its end-to-end test: the relay and the plugins are
 * real processes (as in production), each started with only the environment it is given.
 */

/** The project directory (it holds dist/ and examples/), from src/demo/ or a bundle in dist/. */
export const PROJECT_ROOT = ((): string => {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    if (existsSync(join(directory, 'examples', 'plugin', 'server.mjs'))) return directory;
    directory = dirname(directory);
  }
  return process.cwd();
})();

export const CLI_BUNDLE = join(PROJECT_ROOT, 'dist', 'cli.js');
export const PLUGIN_SERVER = join(PROJECT_ROOT, 'examples', 'plugin', 'server.mjs');

/** One line a process printed (stdout or stderr), with when this process saw it. */
export interface OutputLine {
  readonly at: number;
  readonly text: string;
}

export interface Service {
  readonly name: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** The first line on stdout (the URL, for the relay and the plugins). */
  readonly firstLine: string;
  readonly lines: readonly OutputLine[];
  /** Resolves with the first line (already printed, or to come) that matches. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<OutputLine>;
  /** SIGTERM, then the exit code (null when killed because it did not stop within 5 s). */
  stop(): Promise<number | null>;
}

/** Starts `node script args` and resolves once it printed its first line on stdout. */
export function startService(
  name: string,
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  startTimeoutMs = 15_000,
): Promise<Service> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: PROJECT_ROOT,
    // Only what it is given, and PATH: nothing of the caller's credentials leaks in.
    env: { PATH: process.env.PATH, ...env },
  });
  const output = new ServiceOutput(child);
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const service = (firstLine: string): Service => ({
    name,
    child,
    firstLine,
    lines: output.lines,
    waitForLine: (pattern, timeoutMs = 10_000) => output.waitFor(pattern, timeoutMs, name),
    stop: () => stopChild(child, exited),
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} printed nothing within ${startTimeoutMs} ms: ${output.text()}`));
    }, startTimeoutMs);
    output.onFirstStdoutLine((line) => {
      clearTimeout(timer);
      resolve(service(line));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it started: ${output.text()}`));
    });
  });
}

function stopChild(
  child: ChildProcessWithoutNullStreams,
  exited: Promise<number | null>,
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  return exited.finally(() => clearTimeout(killer));
}

/** Collects a child's output line by line, with the time each line arrived. */
class ServiceOutput {
  readonly lines: OutputLine[] = [];
  private readonly waiters = new Set<(line: OutputLine) => void>();
  private firstStdout: ((line: string) => void) | undefined;

  constructor(child: ChildProcessWithoutNullStreams) {
    this.follow(child.stdout, true);
    this.follow(child.stderr, false);
  }

  text(): string {
    return this.lines.map((line) => line.text).join('\n');
  }

  onFirstStdoutLine(listener: (line: string) => void): void {
    this.firstStdout = listener;
  }

  waitFor(pattern: RegExp, timeoutMs: number, name: string): Promise<OutputLine> {
    const seen = this.lines.find((line) => pattern.test(line.text));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${this.text()}`));
      }, timeoutMs);
      const check = (line: OutputLine): void => {
        if (!pattern.test(line.text)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(line);
      };
      this.waiters.add(check);
    });
  }

  private follow(stream: NodeJS.ReadableStream, isStdout: boolean): void {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const at = Date.now();
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) this.add({ at, text }, isStdout);
    });
  }

  private add(line: OutputLine, isStdout: boolean): void {
    this.lines.push(line);
    if (isStdout && this.firstStdout) {
      const first = this.firstStdout;
      this.firstStdout = undefined;
      first(line.text);
    }
    for (const waiter of [...this.waiters]) waiter(line);
  }
}

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (dist/cli.js) to its end, as an operator would. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

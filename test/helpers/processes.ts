import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { RunningEmulator } from '../../src/emulator/server.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(ROOT, 'dist/cli.js');
export const ACTION = resolve(ROOT, 'dist/index.js');

/**
 * The environment every spawned bundle starts from. Node keeps the code it compiled in a cache
 * directory shared by the test runs, so the many runs of one bundle compile it once.
 */
export const SPAWN_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  NODE_COMPILE_CACHE: join(tmpdir(), 'datatable-deploy-test-compile-cache'),
};

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a bundle with the Node running the tests, as a runner would, and collects its output. */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...SPAWN_ENV, ...env },
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** Starts a long-running bundle and resolves with the first line it prints. */
export function startNode(
  script: string,
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; firstLine: string; exited: Promise<Finished> }> {
  return new Promise((ready, fail) => {
    const child = spawn(process.execPath, [script, ...args], { env: SPAWN_ENV, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let announced = false;
    const exited = new Promise<Finished>((done) =>
      child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
    );
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (!announced && newline >= 0) {
        announced = true;
        ready({ child, firstLine: stdout.slice(0, newline), exited });
      }
    });
    child.on('error', fail);
    void exited.then((finished) => {
      if (!announced) fail(new Error(`exited before printing: ${finished.stderr}`));
    });
  });
}

/** The connection variables that point the CLI at an emulator. */
export function emulatorEnv(emulator: RunningEmulator): NodeJS.ProcessEnv {
  return {
    GENESYSCLOUD_API_URL: emulator.url,
    GENESYSCLOUD_OAUTHCLIENT_ID: emulator.clientId,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: emulator.clientSecret,
  };
}

/** Runs the CLI in this process (faster than a child), capturing its output. */
export async function runCliInProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = ROOT,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (chunk: string) => void) =>
    ({ write: (chunk: string) => (append(chunk), true) }) as unknown as NodeJS.WritableStream;
  const code = await runCli(args, {
    env,
    cwd,
    stdout: capture((chunk) => (stdout += chunk)),
    stderr: capture((chunk) => (stderr += chunk)),
  });
  return { code, stdout, stderr };
}

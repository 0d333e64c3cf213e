import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(ROOT, 'dist/cli.js');
export const ACTION = resolve(ROOT, 'dist/index.js');

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
      env: { PATH: process.env.PATH, ...env },
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
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH }, cwd: ROOT });
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

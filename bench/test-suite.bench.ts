import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * `npm test` as a user runs it: the wall time of the whole suite on this machine and how many
 * tests ran (from the summary line the test reporter prints).
 */
export async function testSuite(): Promise<Record<string, number | string>> {
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn('npm', ['test', '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (exit) => done({ code: exit, output }));
  });
  const wallMs = Math.round(performance.now() - started);
  const passed = /(\d+) passed/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
  return {
    npmTestWallMs: wallMs,
    testsPassed: passed ? Number(passed[1]) : 0,
    exitCode: code ?? 'killed',
  };
}

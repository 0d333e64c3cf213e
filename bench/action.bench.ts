import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Cold start of the bundled action: from spawning `node dist/index.js` (as a runner does) to
 * its first HTTP request (the policy file read from GitHub, then the OAuth token request; both
 * go to the same local server), median of five runs; and the bundle sizes.
 */
export async function actionColdStart(): Promise<Record<string, number>> {
  let firstRequest: (() => void) | undefined;
  const server = createServer((_req, res) => {
    firstRequest?.();
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"bench"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workspace = await mkdtemp(join(tmpdir(), 'datatable-deploy-coldstart-'));
  await mkdir(join(workspace, 'datatables'));
  await copyFile(
    resolve(ROOT, 'examples/config/plugin_config_production.yaml'),
    join(workspace, 'datatables/prod.yaml'),
  );
  await writeFile(join(workspace, 'event.json'), '{}');
  const samples: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const child = spawn(process.execPath, [resolve(ROOT, 'dist/index.js')], {
        env: {
          PATH: process.env.PATH,
          GITHUB_EVENT_NAME: 'schedule',
          GITHUB_EVENT_PATH: join(workspace, 'event.json'),
          GITHUB_REPOSITORY: 'acme/config',
          GITHUB_WORKSPACE: workspace,
          'INPUT_GENESYS-CLIENT-ID': 'bench',
          'INPUT_GENESYS-CLIENT-SECRET': 'bench',
          'INPUT_GENESYS-API-URL': url,
          'INPUT_GITHUB-TOKEN': 'bench-token',
          GITHUB_API_URL: url,
          INPUT_MODE: 'drift',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // The first request, or the process ending without one (then the bench says why).
      const requested = await Promise.race([
        new Promise<boolean>((done) => (firstRequest = () => done(true))),
        new Promise<boolean>((done) => child.on('exit', () => done(false))),
      ]);
      if (!requested) throw new Error(`dist/index.js exited before any request: ${stderr}`);
      samples.push(performance.now() - started);
      child.kill('SIGKILL');
      await new Promise((done) => child.on('close', done));
    }
  } finally {
    server.close();
    await rm(workspace, { recursive: true, force: true });
  }
  samples.sort((a, b) => a - b);
  return {
    coldStartToFirstRequestMs: Math.round(samples[2]!),
    coldStartMinMs: Math.round(samples[0]!),
    actionBundleBytes: (await stat(resolve(ROOT, 'dist/index.js'))).size,
    cliBundleBytes: (await stat(resolve(ROOT, 'dist/cli.js'))).size,
  };
}

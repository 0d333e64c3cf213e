import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');

interface BundleFile {
  file: string;
  bytes: number;
  atStart: boolean;
}

/**
 * Cold start of the bundled action: from spawning `node dist/index.js` (as a runner does) to
 * its first HTTP request (in drift mode, the policy file read from GitHub; it goes to a local
 * server), median of nine runs, next to a bare `node` script that makes one fetch to the same
 * server, spawned the same way in the same run. Then the bytes: what `node dist/index.js` loads
 * at start (the entry file and the chunks it imports statically), what the drift run had loaded
 * when it made its first request, and every chunk's size.
 */
export async function actionColdStart(): Promise<Record<string, unknown>> {
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
  const bareFetch = join(workspace, 'fetch.mjs');
  await writeFile(bareFetch, 'await fetch(process.env.BENCH_URL).catch(() => {});\n');
  const loadLog = join(workspace, 'loaded.txt');
  await writeFile(join(workspace, 'hooks.mjs'), LOAD_HOOKS);
  await writeFile(
    join(workspace, 'register.mjs'),
    "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  );
  const env = {
    PATH: process.env.PATH,
    BENCH_URL: url,
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
  };
  /** Milliseconds from spawning `node args…` to its first request to the server. */
  const timeToFirstRequest = async (args: string[], extraEnv: Record<string, string> = {}) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // The first request, or the process ending without one (then the bench says why).
    const requested = await Promise.race([
      new Promise<boolean>((done) => (firstRequest = () => done(true))),
      new Promise<boolean>((done) => child.on('exit', () => done(false))),
    ]);
    const elapsed = performance.now() - started;
    if (!requested) throw new Error(`${args.join(' ')} exited before any request: ${stderr}`);
    child.kill('SIGKILL');
    await new Promise((done) => child.on('close', done));
    return elapsed;
  };
  const action: number[] = [];
  const bare: number[] = [];
  let loadedBeforeFirstRequest: string[] = [];
  try {
    for (let run = 0; run < 9; run++) {
      action.push(await timeToFirstRequest([resolve(ROOT, 'dist/index.js')]));
      bare.push(await timeToFirstRequest([bareFetch]));
    }
    // One more run, untimed, with a hook that logs each file loaded (the hook slows loading).
    await timeToFirstRequest(['--import', join(workspace, 'register.mjs'), resolve(ROOT, 'dist/index.js')], {
      BENCH_LOAD_LOG: loadLog,
    });
    loadedBeforeFirstRequest = (await readFile(loadLog, 'utf8')).split('\n').filter(Boolean);
  } finally {
    server.close();
    await rm(workspace, { recursive: true, force: true });
  }
  const median = (samples: number[]) => Math.round([...samples].sort((a, b) => a - b)[4]!);
  const files = await bundleFiles('action');
  const loaded = files.filter((file) =>
    loadedBeforeFirstRequest.includes(pathToFileURL(resolve(ROOT, 'dist', file.file)).href),
  );
  return {
    coldStartToFirstRequestMs: median(action),
    coldStartMinMs: Math.round(Math.min(...action)),
    bareNodeFetchToFirstRequestMs: median(bare),
    overBareNodeMs: median(action) - median(bare),
    loadedAtStartBytes: sum(files.filter((file) => file.atStart)),
    loadedBeforeFirstRequestBytes: sum(loaded),
    loadedBeforeFirstRequestFiles: loaded.map((file) => file.file),
    actionChunkBytes: Object.fromEntries(files.map((file) => [file.file, file.bytes])),
    actionAllFilesBytes: sum(files),
    cliBundleBytes: (await stat(resolve(ROOT, 'dist/cli.js'))).size,
  };
}

const sum = (files: BundleFile[]) => files.reduce((total, file) => total + file.bytes, 0);

/** Logs the URL of every module loaded to BENCH_LOAD_LOG (module customization hooks). */
const LOAD_HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.BENCH_LOAD_LOG, url + '\\n');
  return next(url, context);
}
`;

/** The files of one bundle, as dist/bundle-contents.json (written by the build) lists them. */
async function bundleFiles(bundle: string): Promise<BundleFile[]> {
  const contents = JSON.parse(await readFile(resolve(ROOT, 'dist/bundle-contents.json'), 'utf8')) as Array<{
    bundle: string;
    files: BundleFile[];
  }>;
  const found = contents.find((entry) => entry.bundle === bundle);
  if (!found) throw new Error(`dist/bundle-contents.json lists no ${bundle} bundle: run npm run build`);
  return found.files;
}

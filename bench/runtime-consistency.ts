import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { signBody, SIGNATURE_HEADER, type InvalidationEvent } from '../src/deploy/webhook.js';
import { createRelay } from '../src/runtime/relay.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { percentile } from './runtime-get.js';
import { ENVIRONMENT, startOrg, type Org } from './runtime-org.js';

const READERS = 10;
const TABLES = 10;
const RUNS = 20;
const SECRET = 'bench-webhook-secret';
/** A run whose readers have not all switched by then counts as failed (and as this long). */
const RUN_TIMEOUT_MS = 10_000;
const CHILD = fileURLToPath(new URL('./runtime-reader-process.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

interface Instance {
  readonly child: ChildProcess;
  /** The version each table serves, by the instance's own report. */
  readonly serves: Map<string, number>;
}

/** Starts a reader process and resolves when it says it is ready; `onLine` hears its later reports. */
function startInstance(settings: object, onLine: () => void): Promise<Instance> {
  const child = spawn(process.execPath, [TSX, CHILD, JSON.stringify(settings)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const serves = new Map<string, number>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a reader process exited (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
      const line = JSON.parse(text) as { ready?: boolean; table?: string; version?: number };
      if (line.ready) resolve({ child, serves });
      if (line.table !== undefined && line.version !== undefined) {
        serves.set(line.table, line.version);
        onLine();
      }
    });
  });
}

function event(table: string, version: number): InvalidationEvent {
  return {
    event: 'datatables.deployed',
    tables: [table],
    version,
    versions: { [table]: version },
    deployId: randomUUID(),
    digest: 'sha256:bench',
    environment: ENVIRONMENT,
    actor: 'bench',
    deployedAt: new Date().toISOString(),
  };
}

/** One deploy: rows and versions row into the emulator, then the signed webhook; ms until all serve it. */
async function deployOnce(
  org: Org,
  relayUrl: string,
  instances: Instance[],
  table: string,
  version: number,
  waiters: Set<() => void>,
): Promise<number> {
  org.deploy(table, version);
  const body = JSON.stringify(event(table, version));
  const started = performance.now();
  const everyone = (): boolean => instances.every((instance) => (instance.serves.get(table) ?? 0) >= version);
  const consistent = new Promise<number>((resolve) => {
    const check = (): void => {
      if (!everyone()) return;
      waiters.delete(check);
      resolve(performance.now() - started);
    };
    waiters.add(check);
    setTimeout(() => {
      waiters.delete(check);
      resolve(RUN_TIMEOUT_MS);
    }, RUN_TIMEOUT_MS).unref();
  });
  const response = await fetch(relayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, SECRET) },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 204) throw new Error(`the relay answered ${response.status}`);
  return consistent;
}

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * Deploy-to-consistency: 10 reader processes (real child processes, each reading 10 tables)
 * subscribed through the relay and one Redis, the emulator as Genesys. Each run deploys one table
 * (its rows, then its versions row) and posts the signed webhook to the relay; the time is from
 * that post to the moment every process has reported serving the new version.
 */
export async function deployToConsistency(): Promise<Record<string, number>> {
  const [org, redis] = await Promise.all([startOrg(TABLES), startRedis()]);
  const names = { keyPrefix: redis.prefix(), channel: redis.prefix() };
  const relay = await createRelay({ redisUrl: redis.url, secret: SECRET, ...names });
  const instances: Instance[] = [];
  try {
    const { url } = await relay.listen(0);
    const waiters = new Set<() => void>();
    const heard = (): void => {
      for (const check of [...waiters]) check();
    };
    const settings = {
      tables: org.tables,
      connection: org.connection,
      redis: { url: redis.url, ...names },
      environment: ENVIRONMENT,
    };
    const started = await Promise.all(Array.from({ length: READERS }, () => startInstance(settings, heard)));
    instances.push(...started);
    org.emulator.log.reset();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const table = org.tables[run % TABLES] as string;
      times.push(await deployOnce(org, url, instances, table, 2 + run, waiters));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      readers: READERS,
      runs: RUNS,
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted[sorted.length - 1] ?? NaN),
      minMs: round(sorted[0] ?? NaN),
      timedOut: times.filter((time) => time >= RUN_TIMEOUT_MS).length,
      apiCallsPerDeploy: round(org.calls().total / RUNS),
    };
  } finally {
    for (const instance of instances) instance.child.stdin?.end();
    await Promise.all(instances.map((instance) => exited(instance.child)));
    await relay.close();
    await org.emulator.close();
    await redis.close();
  }
}

/** Waits for a child to exit; kills it (by its own handle) when it has not within 5 s. */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.removeAllListeners('exit');
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeTiming } from '../emulator/config.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config/load.js';
import { LocalBackupStore } from '../deploy/backup.js';
import { parseHealthSpec } from '../deploy/health/spec.js';
import { MemoryJournal } from '../deploy/journal.js';
import { runDeploy, type DeployResult } from '../deploy/pipeline.js';
import { startEmulator } from '../emulator/server.js';
import type { StateDump } from '../emulator/state.js';
import { createGenesysClient } from '../genesys/client.js';
import type { Logger } from '../logger.js';
import { buildPlan } from '../plan/build.js';
import { renderText } from '../plan/render-text.js';
import { readSnapshot } from '../plan/snapshot.js';
import { startExamplePlugin } from './plugin.js';

const CONFIG = 'examples/config/plugin_config_production.yaml';
const LIVE = 'examples/live/plugin_config_production.json';
const HEALTH = 'examples/health-checks.yaml';

/** What the demo needs: where it writes, and the realistic profile's scale (none: instant). */
export interface DemoOptions {
  stdout: NodeJS.WritableStream;
  /** The environment the health checks' ${env:…} read. */
  env: NodeJS.ProcessEnv;
  profileScale?: number | undefined;
  /** The exit code the CLI gives an outcome (the demo runs as a CLI command). */
  exitCodeOf: (outcome: DeployResult['outcome']) => number;
}

/**
 * The guided demo, against an in-process emulator and an example plugin: validate the example
 * config, plan it against the live table, deploy it (backup, apply, verify, health checks,
 * signed webhook), then deploy a bad change whose health check fails and watch the automatic
 * rollback restore the table exactly.
 */
export async function runDemo(options: DemoOptions, root = examplesRoot()): Promise<number> {
  const say = (text = ''): void => void options.stdout.write(`${text}\n`);
  const { profileScale } = options;
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => `   ${line}`)
      .join('\n');
  const started = Date.now();
  const read = (path: string) => readFile(resolve(root, path));

  const live = JSON.parse((await read(LIVE)).toString('utf8')) as StateDump;
  await using emulator = await startEmulator({
    state: live,
    ...(profileScale !== undefined ? { profile: 'realistic', profileScale } : {}),
  });
  if (profileScale !== undefined) {
    say(
      `0. The emulator runs the realistic profile at scale ${profileScale}: ${describeTiming(emulator.config)}.`,
    );
  }
  const client = createGenesysClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiUrl: emulator.url,
  });
  const tableId = live.tables[0]!.id!;
  const secret = 'demo-webhook-secret';
  await using plugin = await startExamplePlugin(client.tables, tableId, secret);
  const backupRoot = await mkdtemp(join(tmpdir(), 'datatable-deploy-demo-'));
  say(`1. The emulated org has the live table from ${LIVE}; an example plugin reads it.`);

  const loaded = loadConfig(CONFIG, await read(CONFIG));
  if (!loaded.config || loaded.findings.length > 0) throw new Error(`${CONFIG} should be valid`);
  say(
    `2. Validated ${CONFIG}: ${loaded.config.columns.length + 1} columns, ${loaded.config.rows.length} rows, no findings.`,
  );

  const plan = buildPlan([loaded.config], await readSnapshot(client.tables, [loaded.config]), {
    environment: 'prod',
    apiHost: 'emulator',
  });
  say('3. The plan against the live table:');
  say(indent(renderText(plan)));

  const health = parseHealthSpec(HEALTH, await read(HEALTH), { ...options.env, PLUGIN_URL: plugin.url });
  const lines: string[] = [];
  const logger: Logger = {
    debug() {},
    info: (line) => lines.push(line),
    warn: (line) => lines.push(`warning: ${line}`),
  };
  const deploy = (planToDeploy: typeof plan, name: string) =>
    runDeploy({
      plan: planToDeploy,
      tables: client.tables,
      backups: new LocalBackupStore(backupRoot),
      backupName: name,
      journal: new MemoryJournal(),
      logger,
      clock: systemClock,
      actor: 'demo',
      health,
      env: { ...options.env, PLUGIN_URL: plugin.url },
      webhooks: { urls: [`${plugin.url}/invalidate`], secret },
    });

  try {
    const first = await deploy(plan, 'first');
    say('4. Deploy: stale-plan guard, backup, apply, verify, health checks, webhook:');
    say(indent(lines.splice(0).join('\n')));
    say(indent(`→ ${describe(first, options)}; the plugin got a ${plugin.events.at(-1)}.`));

    const badText = (await read(CONFIG))
      .toString('utf8')
      .replace('max_concurrent_calls: { config_value: 250', 'max_concurrent_calls: { config_value: 5000');
    const bad = loadConfig('bad-change.yaml', Buffer.from(badText)).config!;
    const before = await client.tables.listRows(tableId);
    const badPlan = buildPlan([bad], await readSnapshot(client.tables, [bad]), {
      environment: 'prod',
      apiHost: 'emulator',
    });
    const second = await deploy(badPlan, 'second');
    say('5. A bad change (max_concurrent_calls 250 → 5000), which the plugin cannot take:');
    say(indent(lines.splice(0).join('\n')));
    const after = await client.tables.listRows(tableId);
    const same = JSON.stringify(sortRows(before)) === JSON.stringify(sortRows(after));
    say(
      indent(
        `→ ${describe(second, options)}; the table equals its backup: ${same ? 'yes' : 'NO'} (${after.length} rows compared cell by cell).`,
      ),
    );

    say();
    say(
      `Summary (${((Date.now() - started) / 1000).toFixed(1)} s, ${client.http.stats().requests} API calls, no Genesys org needed):`,
    );
    say(
      `  good change  ${first.outcome}, version ${first.version}, ${first.operations} operations, health checks passed`,
    );
    say(
      `  bad change   ${second.outcome} after the ${second.failure?.phase === 'health' ? 'health check' : (second.failure?.phase ?? 'deploy')} failed; live table ${same ? 'restored exactly' : 'NOT restored'}`,
    );
    say(
      'Next: "npx datatable-deploy emulator --port 8080 --load examples/live/plugin_config_production.json", then plan and apply against it (the README\'s tour).',
    );
    return first.outcome === 'applied' && second.outcome === 'rolled-back' && same ? 0 : 1;
  } finally {
    await rm(backupRoot, { recursive: true, force: true });
  }
}

/** The project directory that holds examples/: from the bundle (dist/) or the sources (src/demo/). */
function examplesRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    if (existsSync(join(directory, CONFIG))) return directory;
    directory = dirname(directory);
  }
  return process.cwd();
}

function describe(result: DeployResult, { exitCodeOf }: DemoOptions): string {
  return `${result.outcome} (exit code ${exitCodeOf(result.outcome)})`;
}

function sortRows<T extends { key?: unknown }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

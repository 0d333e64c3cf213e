import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/load.js';
import { LocalBackupStore } from '../src/deploy/backup.js';
import { MemoryJournal } from '../src/deploy/journal.js';
import { runDeploy } from '../src/deploy/pipeline.js';
import { startEmulator, type EmulatorOptions } from '../src/emulator/server.js';
import { createGenesysClient } from '../src/genesys/client.js';
import { tableSchema } from '../src/genesys/schema.js';
import { silentLogger } from '../src/logger.js';
import { buildPlan } from '../src/plan/build.js';
import { readSnapshot } from '../src/plan/snapshot.js';
import { budgetFraction, runStorm } from '../test/helpers/storm.js';

const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const key = (index: number) => `row-${String(index).padStart(3, '0')}`;

/** 50 operations on a 100-row table: 20 updates, 15 creates, 15 deletes, at 300/min. */
async function deployFifty(profile: EmulatorOptions['profile']) {
  const emulator = await startEmulator({
    profile,
    state: {
      tables: [
        {
          name: 'bench',
          schema: SCHEMA,
          rows: Array.from({ length: 100 }, (_, index) => ({ key: key(index), value: 'old' })),
        },
      ],
    },
  });
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-bench-'));
  try {
    const client = createGenesysClient({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      apiUrl: emulator.url,
    });
    const wanted = [
      ...Array.from(
        { length: 85 },
        (_, index) => `  ${key(index)}: { value: ${index < 20 ? 'new' : 'old'} }`,
      ),
      ...Array.from({ length: 15 }, (_, index) => `  ${key(100 + index)}: { value: new }`),
    ];
    const text = `table: bench\ncolumns:\n  value: { type: string }\nrows:\n${wanted.join('\n')}\n`;
    const config = loadConfig('bench.yaml', Buffer.from(text)).config!;
    const plan = buildPlan([config], await readSnapshot(client.tables, [config]), {
      apiHost: new URL(emulator.url).host,
      strategy: 'rows',
    });
    const before = client.http.stats().requests;
    const started = performance.now();
    const result = await runDeploy({
      plan,
      tables: client.tables,
      backups: new LocalBackupStore(dir),
      backupName: 'b',
      journal: new MemoryJournal(),
      logger: silentLogger,
      clock: systemClock,
      actor: 'bench',
    });
    return {
      applied: result.outcome === 'applied' ? 1 : 0,
      operations: result.operations,
      calls: client.http.stats().requests - before,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A 50-operation deploy (guard, backup, apply, verify) against the emulator's instant profile
 * and its realistic one (reads lag writes by up to 5 s, writes take up to 300 ms, at scale 1):
 * wall time and calls of each, and whether it applied.
 */
export async function realisticDeploy(): Promise<Record<string, number>> {
  const instant = await deployFifty('instant');
  const realistic = await deployFifty('realistic');
  return {
    instantApplied: instant.applied,
    instantCalls: instant.calls,
    instantSeconds: instant.seconds,
    realisticApplied: realistic.applied,
    realisticCalls: realistic.calls,
    realisticSeconds: realistic.seconds,
    operations: realistic.operations,
  };
}

/**
 * 429 storms in simulated time (see test/helpers/storm.ts): the real client at a budget of
 * 300/min against a service that answers every request 429 (Retry-After 1) for 10, 30 and 60 s,
 * one that answers 20 % of requests 429 at random, and one that allows only 60/min. Fractions
 * of the budget achieved, per second after the storm, and requests that failed.
 */
export async function storms(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const budget = 300;
  for (const seconds of [10, 30, 60]) {
    const start = 20_000;
    const end = start + seconds * 1_000;
    const run = await runStorm({
      budgetPerMinute: budget,
      storms: [{ startMs: start, endMs: end }],
      durationMs: end + 30_000,
    });
    const fraction = (from: number, to: number) => Number(budgetFraction(run, budget, from, to).toFixed(2));
    figures[`storm${seconds}sFailed`] = run.failed;
    figures[`storm${seconds}sBudgetDuring`] = fraction(start, end);
    for (let second = 0; second < 5; second++)
      figures[`storm${seconds}sBudgetSecond${second + 1}After`] = fraction(
        end + second * 1_000,
        end + (second + 1) * 1_000,
      );
    figures[`storm${seconds}sBudget5to30sAfter`] = fraction(end + 5_000, end + 30_000);
    const full = run.rateSamples.find((sample) => sample.at >= end && sample.perMinute >= 0.9 * budget);
    figures[`storm${seconds}sMsTo90PercentRate`] = full ? full.at - end : -1;
  }
  const random = await runStorm({ budgetPerMinute: budget, random429: 0.2, durationMs: 120_000 });
  figures.random20PercentFailed = random.failed;
  figures.random20PercentBudget = Number(budgetFraction(random, budget, 0, 120_000).toFixed(2));
  const limited = await runStorm({ budgetPerMinute: budget, serviceLimitPerMinute: 60, durationMs: 180_000 });
  figures.serviceLimit60Failed = limited.failed;
  figures.serviceLimit60OfServiceRate = Number(budgetFraction(limited, 60, 60_000, 180_000).toFixed(2));
  figures.serviceLimit60RateLimited = limited.rateLimited;
  return figures;
}

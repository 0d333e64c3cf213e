import { describe, expect, it } from 'vitest';
import type { DeployResult } from '../../src/deploy/pipeline.js';
import type { FaultRule } from '../../src/emulator/faults.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import type { ClientOptions, ConnectionSettings } from '../../src/genesys/client.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { deploy, planAgainst, rowsOf } from '../helpers/deploy.js';
import { clientFor, useEmulator } from '../helpers/emulator.js';
import { sleep } from '../helpers/realism.js';

/**
 * The deploy under faults, each ending in a state a later read confirms: live equals the config
 * when the result is "applied", equals the backup when "rolled-back", and otherwise the report
 * lists exactly what differs. Every case waits out late writes before the final comparison,
 * and compares the emulator's true state (not a possibly lagging read).
 */
const emulator = useEmulator();
const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const key = (prefix: string, index: number) => `${prefix}${String(index).padStart(3, '0')}`;

/** Live before: k000–k019 = old. The config: k000–k004 new, k015–k019 deleted, n000–n004 created. */
const BEFORE = new Map(Array.from({ length: 20 }, (_, index) => [key('k', index), 'old']));
const DESIRED = new Map([
  ...Array.from({ length: 15 }, (_, index): [string, string] => [key('k', index), index < 5 ? 'new' : 'old']),
  ...Array.from({ length: 5 }, (_, index): [string, string] => [key('n', index), 'new']),
]);
const CONFIG = `table: faults\ncolumns:\n  value: { type: string }\nrows:\n${[...DESIRED]
  .map(([name, value]) => `  ${name}: { value: ${value} }\n`)
  .join('')}`;

function seed(before: Map<string, string> = BEFORE): void {
  emulator.state.load({
    tables: [
      { name: 'faults', schema: SCHEMA, rows: [...before].map(([name, value]) => ({ key: name, value })) },
    ],
  });
}

const truth = (): Map<string, string> =>
  new Map([...rowsOf(emulator, 'faults')].map(([name, row]) => [name, String(row.value)]));

/** Waits until nothing lands any more (the emulator applies requests whose clients gave up). */
async function settled(target: RunningEmulator, quietMs = 400): Promise<void> {
  for (let last = ''; ;) {
    await sleep(quietMs);
    const now = JSON.stringify(target.state.dump());
    if (now === last) return;
    last = now;
  }
}

/** What the outcome claims holds in the true state; for "rollback-failed", the list is exactly what differs. */
function expectTruthful(result: DeployResult, before = BEFORE): void {
  const live = truth();
  if (result.outcome === 'applied') expect(live).toEqual(DESIRED);
  else if (result.outcome === 'rolled-back') expect(live).toEqual(before);
  else {
    expect(result.outcome).toBe('rollback-failed');
    const differing = new Set(
      [...new Set([...live.keys(), ...before.keys()])].filter((name) => live.get(name) !== before.get(name)),
    );
    expect(new Set(result.restore!.remaining.map((item) => item.key))).toEqual(differing);
  }
}

async function deployUnder(
  faults: FaultRule[],
  options: {
    settings?: Partial<ConnectionSettings>;
    client?: ClientOptions;
    settleMs?: number;
    strategy?: 'rows' | 'import';
  } = {},
) {
  const { plan } = await planAgainst(
    emulator,
    CONFIG,
    options.strategy ? { strategy: options.strategy } : {},
  );
  for (const fault of faults) emulator.faults.add(fault);
  const client = clientFor(emulator, options.settings ?? {}, options.client ?? {});
  const run = await deploy(emulator, { plan, tables: client.tables, settleMs: options.settleMs ?? 2_000 });
  await settled(emulator);
  return { ...run, client };
}

describe('a deploy under faults tells the truth', () => {
  it('a reset on a POST before it was applied: the row is read as absent and created; applied', async () => {
    seed();
    const { result } = await deployUnder([{ method: 'POST', path: '/rows$', reset: true, count: 1 }]);
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expectTruthful(result);
  });

  it('a reset on a POST after it was applied: the read finds the row; applied, not rolled back', async () => {
    seed();
    const { result } = await deployUnder([
      { method: 'POST', path: '/rows$', resetAfterApply: true, count: 2 },
    ]);
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expectTruthful(result);
  });

  it('one 500 on the verify read: read again; applied', async () => {
    seed();
    // The first read of the rows is the stale-plan guard's; the second is the verify's.
    const { result } = await deployUnder([
      { method: 'GET', path: '/rows$', status: 500, count: 6, after: 1 },
    ]);
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expectTruthful(result);
  });

  it('60 consecutive 429s: slowed down, not failed', async () => {
    seed();
    const { result, client } = await deployUnder([
      { path: '^/api/v2/', status: 429, count: 60, retryAfterSeconds: 1 },
    ]);
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expect(client.http.stats().rateLimited).toBeGreaterThanOrEqual(60);
    expectTruthful(result);
  });

  it('20 % random 429s: applied', async () => {
    seed();
    const { result, client } = await deployUnder([{ path: '^/api/v2/', status: 429, probability: 0.2 }]);
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expect(client.http.stats().rateLimited).toBeGreaterThan(0);
    expectTruthful(result);
  });
});

describe('writes that land late (after their client timed out) cannot undo a restore', () => {
  // The client waits 300 ms for an answer; the delayed request lands 900 ms after it was sent.
  const late = { settings: { timeoutMs: 300 }, settleMs: 1_500 };

  for (const [method, path, what] of [
    ['DELETE', `/rows/${key('k', 16)}$`, 'a DELETE'],
    ['PUT', `/rows/${key('k', 1)}$`, 'a PUT'],
    ['POST', '/rows$', 'a POST'],
  ] as const)
    it(`${what} retried after a timeout, then a failure: rolled back, and the late write does not land on the restored table`, async () => {
      seed();
      const { result, logger } = await deployUnder(
        [
          { method, path, delayMs: 900, count: 1 },
          // Fails for good, later in the apply: the deploy is rolled back.
          { method: 'DELETE', path: `/rows/${key('k', 19)}$`, status: 400, code: 'bad.request' },
        ],
        late,
      );
      expect(result.outcome, JSON.stringify(result.failure)).toBe('rolled-back');
      expect(logger.lines.join('\n')).toMatch(/may still land; waiting \d+ s before restoring/);
      expectTruthful(result);
    });
});

describe('import jobs', () => {
  it('a job poll answering 500 is retried, and the restore waits for the job: rolled back and proven', async () => {
    const before = new Map(Array.from({ length: 150 }, (_, index) => [key('k', index), 'old']));
    seed(before);
    emulator.config.jobDelayMs = 300;
    // The config deletes all 150 rows; the last delete fails, so the restore puts ~149 rows back
    // with an import job (cheaper than 149 POSTs), whose first poll answers 500.
    const { plan } = await planAgainst(
      emulator,
      `table: faults\ncolumns:\n  value: { type: string }\nrows:\n  other: { value: x }\n`,
    );
    emulator.faults.add({ method: 'DELETE', path: `/rows/${key('k', 149)}$`, status: 400 });
    emulator.faults.add({ method: 'GET', path: '/import/jobs/', status: 500, count: 1 });
    const { result, journal } = await deploy(emulator, { plan, settleMs: 2_000 });
    await settled(emulator);
    expect(result.outcome, JSON.stringify(result.restore)).toBe('rolled-back');
    expect(journal.entries.some((entry) => entry.phase === 'restore' && entry.op === 'import')).toBe(true);
    expectTruthful(result, before);
  });

  it('a job that fails part-way: the failure is reported and the tables are restored', async () => {
    seed();
    emulator.config.jobOutcome = 'fail-partway';
    emulator.config.jobFailAfterRows = 3;
    const { result } = await deployUnder([], { strategy: 'import' });
    expect(result.outcome).toBe('rolled-back');
    expect(result.failure?.message).toMatch(/import job .* failed/);
    expectTruthful(result);
  });

  it('a job that never ends: no restore starts under it; the report says so and lists what differs', async () => {
    seed();
    emulator.config.jobOutcome = 'stuck';
    const { result } = await deployUnder([], {
      strategy: 'import',
      client: { tables: { jobTimeoutMs: 300 } },
      settleMs: 300,
    });
    expect(result.outcome).toBe('rollback-failed');
    expect(result.restore!.remaining[0]!.message).toMatch(/restore was not started.*still running/);
  });
});

describe('a rollback under lagging reads', () => {
  it('writes back every row the deploy touched, though a read right after still shows them as before', async () => {
    seed();
    emulator.config.consistencyLagMs = 1_500;
    emulator.config.consistencyLagMode = 'fixed';
    const { result } = await deployUnder(
      [{ method: 'DELETE', path: `/rows/${key('k', 19)}$`, status: 400, code: 'bad.request' }],
      { strategy: 'rows', settleMs: 4_000 },
    );
    expect(result.outcome, JSON.stringify(result.restore)).toBe('rolled-back');
    await sleep(1_600);
    expectTruthful(result);
  });

  it('deletes a table whose create lost its answer, found by name', async () => {
    emulator.state.load({ tables: [] });
    const { plan } = await planAgainst(emulator, CONFIG.replace('table: faults', 'table: fresh'));
    emulator.faults.add({ method: 'POST', path: '/datatables$', resetAfterApply: true, count: 1 });
    emulator.faults.add({ method: 'POST', path: '/rows$', status: 400, code: 'bad.request', after: 3 });
    const { result } = await deploy(emulator, { plan, settleMs: 1_000 });
    await settled(emulator);
    expect(result.outcome, JSON.stringify(result.restore)).toBe('rolled-back');
    expect(result.restore?.leftInPlace).toEqual([]);
    expect([...emulator.state.tables.values()].map((table) => table.name)).toEqual([]);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { readPlan, serializePlan } from '../../src/plan/plan-file.js';
import type { CellChange, TablePlan } from '../../src/plan/types.js';
import { DEFAULT_THRESHOLDS, evaluateThresholds } from '../../src/plan/thresholds.js';
import { desiredTableSchema } from '../../src/config/desired-schema.js';
import { loadValid } from '../helpers/config.js';
import { liveTable, ORG } from '../helpers/plan.js';
import type { Row } from '../../src/genesys/types.js';
import { VERSION } from '../../src/version.js';

const HEAD = 'table: t\ncolumns:\n  value: { type: string }\n  count: { type: integer }\n';
const rowsYaml = (count: number, from = 0) =>
  Array.from(
    { length: count },
    (_, index) =>
      `  k${String(index + from).padStart(4, '0')}: { value: v${index + from}, count: ${index + from} }\n`,
  ).join('');
const liveRows = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    key: `k${String(index).padStart(4, '0')}`,
    value: `v${index}`,
    count: index,
  }));
const config = loadValid(`${HEAD}rows:\n${rowsYaml(10)}`);
const schema = desiredTableSchema(config);

describe('thresholds', () => {
  const table = (
    creates: number,
    updates: number,
    deletes: number,
    liveRowCount: number,
    schemaChanges = 0,
  ) =>
    ({
      name: 't',
      creates: Array.from({ length: creates }),
      updates: Array.from({ length: updates }),
      deletes: Array.from({ length: deletes }),
      schemaChanges: Array.from({ length: schemaChanges }, () => ({ kind: 'add-column' })),
      liveRowCount,
    }) as never;

  it('are not crossed by a small change', () => {
    expect(evaluateThresholds([table(3, 5, 0, 1000)])).toEqual([]);
  });

  it('say which limit is crossed and by how much', () => {
    expect(evaluateThresholds([table(40, 11, 0, 1000)])).toEqual([
      {
        kind: 'changed-rows',
        table: 't',
        limit: 50,
        actual: 51,
        message: 't: 51 rows change; the limit is 50.',
      },
    ]);
    expect(evaluateThresholds([table(0, 3, 0, 10)])).toEqual([
      {
        kind: 'changed-percent',
        table: 't',
        limit: 20,
        actual: 30,
        message: 't: 30% of its 10 rows change; the limit is 20%.',
      },
    ]);
    expect(evaluateThresholds([table(0, 0, 1, 1000)]).map((crossing) => crossing.kind)).toEqual([
      'deleted-rows',
    ]);
    expect(evaluateThresholds([table(0, 0, 0, 1000, 1)]).map((crossing) => crossing.kind)).toEqual([
      'schema-change',
    ]);
  });

  it('add up across tables', () => {
    const tables = Array.from({ length: 5 }, () => table(45, 0, 0, 10_000));
    expect(evaluateThresholds(tables)).toEqual([
      {
        kind: 'total-changed-rows',
        limit: 200,
        actual: 225,
        message: '225 rows change across all tables; the limit is 200.',
      },
    ]);
  });

  it('take settings: deletes allowed, schema changes not gated', () => {
    const relaxed = { ...DEFAULT_THRESHOLDS, maxDeletedRows: 5, schemaChangesNeedApproval: false };
    expect(evaluateThresholds([table(0, 0, 5, 1000, 2)], relaxed)).toEqual([]);
  });
});

describe('the plan', () => {
  it('has a verdict and totals', () => {
    const live = liveTable('t', schema, liveRows(10));
    expect(buildPlan([config], [live], ORG).verdict).toBe('no-changes');
    const changed = loadValid(`${HEAD}rows:\n${rowsYaml(9)}  extra: {}\n`);
    const plan = buildPlan([changed], [live], ORG);
    expect(plan.verdict).toBe('needs-approval');
    expect(plan.totals).toMatchObject({ tables: 1, creates: 1, updates: 0, deletes: 1, unchanged: 9 });
    expect(plan.thresholds.map((crossing) => crossing.kind)).toEqual(['deleted-rows']);
    const small = buildPlan([loadValid(`${HEAD}rows:\n${rowsYaml(10)}  extra: {}\n`)], [live], ORG);
    expect(small.verdict).toBe('within-threshold');
  });

  it('predicts API calls for row writes and for an import job', () => {
    const live = liveTable('t', schema, []);
    const big = loadValid(`${HEAD}rows:\n${rowsYaml(300)}`);
    expect(buildPlan([big], [live], { ...ORG, strategy: 'rows' }).tables[0]!.prediction).toEqual({
      strategy: 'rows',
      calls: 300 + 1 + 1,
      seconds: 60.4,
    });
    expect(buildPlan([big], [live], ORG).tables[0]!.prediction).toEqual({
      strategy: 'import',
      calls: 5 + 1 + 1,
      seconds: 1.4,
    });
    expect(buildPlan([config], [liveTable('t', schema, liveRows(10))], ORG).tables[0]!.prediction.calls).toBe(
      0,
    );
  });

  it('is frozen down to its lists of changes, and read-only down to its rows', () => {
    const plan = buildPlan([config], [liveTable('t', schema, liveRows(3))], ORG);
    const table = plan.tables[0]!;
    expect(() => {
      (table.creates as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (table as { deletes: unknown }).deletes = [];
    }).toThrow(TypeError);
    expect(() => {
      (plan.totals as { creates: number }).creates = 0;
    }).toThrow(TypeError);
    expect(() => {
      (table.schema.properties as Record<string, unknown>).extra = {};
    }).toThrow(TypeError);
    expect(Object.isFrozen(plan.thresholds)).toBe(true);
    // Rows are not frozen one by one (that cost as much as the diff); the type forbids writes.
    expectTypeOf(table.creates[0]!.row).toEqualTypeOf<Readonly<Row>>();
    expectTypeOf<TablePlan['updates'][number]['cells']>().toEqualTypeOf<readonly CellChange[]>();
  });
});

describe('the digest', () => {
  const live = liveTable('t', schema, liveRows(10));
  const edited = loadValid(`${HEAD}rows:\n${rowsYaml(8)}  k0008: { value: changed, count: 8 }\n  new: {}\n`);

  it('is the same for the same inputs, at any time and in any order of rows or keys', () => {
    const first = buildPlan([edited], [live], { ...ORG, now: new Date('2026-01-01') });
    const second = buildPlan([edited], [live], { ...ORG, now: new Date('2026-06-01') });
    expect(second.digest).toBe(first.digest);
    expect(second.createdAt).not.toBe(first.createdAt);
    const reversedLive = liveTable(
      't',
      schema,
      [...liveRows(10)].reverse().map((row) => Object.fromEntries(Object.entries(row).reverse()) as Row),
    );
    const reordered = loadValid(
      `${HEAD}rows:\n  new: {}\n  k0008: { count: 8, value: changed }\n${rowsYaml(8).split('\n').reverse().join('\n')}\n`,
    );
    const third = buildPlan([reordered], [reversedLive], ORG);
    expect(reversedLive.fingerprint).toBe(live.fingerprint);
    expect(third.digest).toBe(first.digest);
  });

  it('changes with any cell, desired or live', () => {
    const base = buildPlan([edited], [live], ORG).digest;
    const otherCell = loadValid(
      `${HEAD}rows:\n${rowsYaml(8)}  k0008: { value: changed!, count: 8 }\n  new: {}\n`,
    );
    expect(buildPlan([otherCell], [live], ORG).digest).not.toBe(base);
    const liveEdit = liveRows(10);
    liveEdit[0]!.value = 'edited live';
    expect(buildPlan([edited], [liveTable('t', schema, liveEdit)], ORG).digest).not.toBe(base);
    const unchangedRowLiveEdit = liveRows(10);
    unchangedRowLiveEdit[9]!.count = 10; // k0009 is deleted by the plan either way; the fingerprint still moves
    expect(buildPlan([edited], [liveTable('t', schema, unchangedRowLiveEdit)], ORG).digest).not.toBe(base);
  });

  it('covers the binding: org, environment and deployment, and names its producer', () => {
    const base = buildPlan([edited], [live], ORG);
    expect(base).toMatchObject({
      formatVersion: 2,
      producer: { name: 'datatable-deploy', version: VERSION },
      apiHost: 'api.mypurecloud.com',
      deployment: 'default',
    });
    expect(base.environment).toBeUndefined();
    const prod = buildPlan([edited], [live], { ...ORG, environment: 'prod' });
    expect(prod.deployment).toBe('prod');
    const digests = [
      base,
      prod,
      buildPlan([edited], [live], { apiHost: 'api.usw2.pure.cloud' }),
      buildPlan([edited], [live], { ...ORG, environment: 'prod', deployment: 'shard-2' }),
    ].map((plan) => plan.digest);
    expect(new Set(digests).size).toBe(4);
  });
});

describe('the plan file', () => {
  const plan = buildPlan([loadValid(`${HEAD}rows:\n${rowsYaml(3)}`)], [liveTable('t', schema, liveRows(5))], {
    environment: 'prod',
    apiHost: 'api.mypurecloud.com',
  });

  it('reads back to the same plan', () => {
    const back = readPlan(serializePlan(plan), 'plan.json');
    expect(back).toEqual(plan);
    expect(Object.isFrozen(back)).toBe(true);
  });

  it('refuses a plan changed after planning, another format version, or something else', () => {
    const tampered = JSON.parse(serializePlan(plan));
    tampered.tables[0].deletes = [];
    expect(() => readPlan(JSON.stringify(tampered), 'plan.json')).toThrow(
      /plan\.json is not a usable plan: its content does not match its digest/,
    );
    expect(() => readPlan(JSON.stringify({ ...plan, formatVersion: 1 }), 'plan.json')).toThrow(
      /formatVersion is 1, and this tool reads 2/,
    );
    expect(() => readPlan('{"formatVersion":2,"apiHost":"h","tables":"no"}', 'plan.json')).toThrow(
      /must have required property/,
    );
    expect(() => readPlan('not json', 'plan.json')).toThrow(/it is not JSON/);
  });
});

import { describe, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { deploy, planAgainst, rowsOf } from '../helpers/deploy.js';
import { useEmulator } from '../helpers/emulator.js';

/**
 * Edges of the apply: a table at its row limit (5,000 here, as in Genesys), where the service
 * refuses a create that would pass it, so a deploy that swaps rows must delete first and a
 * config that cannot fit is blocked at plan time; and read-backs that fail.
 */
const emulator = useEmulator();
const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const key = (index: number) => `row-${String(index).padStart(4, '0')}`;
const liveRows = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ key: key(index), value: 'v' }));
const config = (keys: string[], extra = '') =>
  `table: full\n${extra}columns:\n  value: { type: string }\nrows:\n${keys.map((name) => `  ${name}: { value: v }\n`).join('')}`;

describe('a table at its row limit', () => {
  it('applies a plan that deletes one row and creates another (deletes go first)', async () => {
    emulator.state.load({ tables: [{ name: 'full', schema: SCHEMA, rows: liveRows(5_000) }] });
    const keys = [...Array.from({ length: 4_999 }, (_, index) => key(index)), 'row-new'];
    const { plan } = await planAgainst(emulator, config(keys));
    expect(plan.verdict).not.toBe('blocked');
    expect(plan.tables[0]).toMatchObject({ liveRowCount: 5_000, rowLimit: 5_000 });
    const { result, journal } = await deploy(emulator, { plan });
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    const rows = rowsOf(emulator, 'full');
    expect(rows.size).toBe(5_000);
    expect(rows.has('row-new')).toBe(true);
    expect(rows.has(key(4_999))).toBe(false);
    const ops = journal.entries.filter((entry) => entry.status === 'done').map((entry) => entry.op);
    expect(ops.indexOf('delete')).toBeLessThan(ops.indexOf('create'));
  });

  it('keeps deletes last when the creates fit', async () => {
    emulator.state.load({ tables: [{ name: 'full', schema: SCHEMA, rows: liveRows(10) }] });
    const { plan } = await planAgainst(
      emulator,
      config([...Array.from({ length: 9 }, (_, index) => key(index)), 'row-new']),
    );
    const { result, journal } = await deploy(emulator, { plan });
    expect(result.outcome).toBe('applied');
    const ops = journal.entries.filter((entry) => entry.status === 'done').map((entry) => entry.op);
    expect(ops.indexOf('create')).toBeLessThan(ops.indexOf('delete'));
  });

  it('blocks a plan whose table would end past the limit, saying by how much and how to fix it', async () => {
    emulator.state.load({ tables: [{ name: 'full', schema: SCHEMA, rows: liveRows(4_999) }] });
    const { plan } = await planAgainst(emulator, config(['extra-1', 'extra-2'], 'prune: false\n'));
    expect(plan.verdict).toBe('blocked');
    expect(plan.tables[0]!.blocked).toEqual([
      expect.objectContaining({
        rule: 'row-limit',
        message:
          'After this deploy the table would hold 5001 rows (4999 now, 2 created, 0 deleted, 4999 of them not in the file); at most 5000 fit.',
      }),
    ]);
  });
});

describe('a read that fails during verify', () => {
  const CONFIG = config(['a', 'b']);
  it('is retried: one 500 on the read-back does not roll a complete deploy back', async () => {
    emulator.state.load({ tables: [{ name: 'full', schema: SCHEMA, rows: [{ key: 'a', value: 'old' }] }] });
    const { plan } = await planAgainst(emulator, CONFIG);
    // The stale-plan guard reads the rows first; the verify read is the second.
    emulator.faults.add({ method: 'GET', path: '/rows$', status: 500, count: 1, after: 1 });
    const { result } = await deploy(emulator, { plan });
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expect(rowsOf(emulator, 'full').get('b')).toEqual({ key: 'b', value: 'v' });
  });

  it('that fails for longer than the client retries is read again within the settle window', async () => {
    emulator.state.load({ tables: [{ name: 'full', schema: SCHEMA, rows: [{ key: 'a', value: 'old' }] }] });
    const { plan } = await planAgainst(emulator, CONFIG);
    emulator.faults.add({ method: 'GET', path: '/rows$', status: 500, count: 6, after: 1 });
    const { result, logger } = await deploy(emulator, { plan, settleMs: 5_000 });
    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expect(logger.lines.join('\n')).toContain('verify: the read failed');
    expect(rowsOf(emulator, 'full').get('b')).toEqual({ key: 'b', value: 'v' });
  });

  it('that keeps failing past the settle window fails the verify phase (not apply), and the restore is proven', async () => {
    emulator.state.load({ tables: [{ name: 'full', schema: SCHEMA, rows: [{ key: 'a', value: 'old' }] }] });
    const { plan } = await planAgainst(emulator, CONFIG);
    emulator.faults.add({ method: 'GET', path: '/rows$', status: 500, count: 6, after: 1 });
    const { result } = await deploy(emulator, { plan, settleMs: 0 });
    expect(result.outcome).toBe('rolled-back');
    expect(result.failure).toMatchObject({ phase: 'verify' });
    expect(result.failure!.message).toContain('The tables could not be read back: 500');
    expect([...rowsOf(emulator, 'full').values()]).toEqual([{ key: 'a', value: 'old' }]);
  });
});

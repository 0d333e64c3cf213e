import { describe, expect, it } from 'vitest';
import { MemoryJournal } from '../../src/deploy/journal.js';
import { buildPlan } from '../../src/plan/build.js';
import { readSnapshot } from '../../src/plan/snapshot.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Row } from '../../src/genesys/types.js';
import { RecordingClock } from '../helpers/clock.js';
import { loadValid } from '../helpers/config.js';
import { deploy, rowsOf } from '../helpers/deploy.js';
import { clientFor, makeRows, SCHEMA, seedTable, useEmulator } from '../helpers/emulator.js';

/**
 * Tables are written concurrently within the one rate budget, and import jobs are polled at an
 * adaptive interval through the Clock. Real emulator over HTTP on 127.0.0.1, raised rate limit.
 */
const emulator = useEmulator({ rateLimitPerMinute: 1_000_000 });

const TWO_COLUMNS = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
});
const live = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({ key: `row-${index}`, value: `v${index}`, count: index }));

/** The table's config: its live rows, the first `changed` of them with another value. */
const config = (table: string, rows: number, changed: number) =>
  loadValid(
    `table: ${table}\ncolumns:\n  value: { type: string }\n  count: { type: integer }\nrows:\n${live(rows)
      .map(
        (row, index) =>
          `  ${row.key}: { value: ${index < changed ? 'changed' : row.value}, count: ${row.count} }`,
      )
      .join('\n')}\n`,
  );

describe('applying several tables', () => {
  it("writes a table's rows while another table's import job runs, not after it", async () => {
    // The job takes a while; the other table's two row writes take milliseconds.
    Object.assign(emulator.config, { jobDelayMs: 400 });
    seedTable(emulator, 'a_imported', live(20), TWO_COLUMNS);
    seedTable(emulator, 'b_rows', live(20), TWO_COLUMNS);
    const configs = [config('a_imported', 20, 10), config('b_rows', 20, 2)];
    const client = clientFor(emulator);
    const snapshot = await readSnapshot(client.tables, configs);
    const plan = buildPlan(configs, snapshot, { apiHost: new URL(emulator.url).host, importMinRows: 10 });
    expect(plan.tables.map((table) => [table.name, table.prediction.strategy])).toEqual([
      ['a_imported', 'import'],
      ['b_rows', 'rows'],
    ]);
    const journal = new MemoryJournal();

    const { result } = await deploy(emulator, { plan, journal });

    expect(result.outcome).toBe('applied');
    const done = journal.entries
      .filter((entry) => entry.phase === 'deploy' && entry.status === 'done')
      .map((entry) => `${entry.table} ${entry.op}`);
    // In table order one after the other, b_rows would wait for a_imported's job to end.
    expect(done.indexOf('b_rows update')).toBeLessThan(done.indexOf('a_imported import'));
    expect(rowsOf(emulator, 'a_imported').get('row-9')?.value).toBe('changed');
    expect(rowsOf(emulator, 'b_rows').get('row-1')?.value).toBe('changed');
  });

  it('polls an import job soon at first, then less and less often, up to the longest interval', async () => {
    Object.assign(emulator.config, { jobDelayMs: 200 });
    const id = seedTable(emulator, 't', makeRows(3));
    const clock = new RecordingClock();
    const client = clientFor(
      emulator,
      {},
      { clock, tables: { jobPollIntervalMs: 5_000, jobTimeoutMs: 1e12 } },
    );

    const result = await client.tables.importRows({ id, name: 't', schema: SCHEMA }, makeRows(5), 'Append');

    expect(result.job.status).toBe('Succeeded');
    // Sleeps return at once on this clock, so the job (200 ms of real time) is polled many times.
    const polls = clock.sleeps;
    expect(polls[0]).toBe(200);
    expect(polls).toContain(5_000);
    for (let index = 1; index < polls.length; index++)
      expect(polls[index]).toBe(Math.min(5_000, polls[index - 1]! * 1.5));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/genesys/types.js';
import { EmulatorState, type StoredTable } from '../../src/emulator/state.js';
import { RowMap } from '../../src/emulator/row-map.js';

/** A clock the test moves, and a lag per write that the test draws. */
function laggingState() {
  const lags: number[] = [];
  const time = { now: 0 };
  const state = new EmulatorState({
    now: () => time.now,
    rowLagMs: () => lags.shift() ?? 0,
    tableLagMs: () => 0,
  });
  const table: StoredTable = {
    id: 't',
    name: 't',
    division: { id: 'd', name: 'd' },
    schema: { type: 'object', properties: {} } as StoredTable['schema'],
    rows: new RowMap(),
  };
  state.addTable(table);
  return { state, table, lags, time };
}

/** The page as the emulator cut it before: all visible rows, sorted by key, then sliced. */
function reference(
  state: EmulatorState,
  table: StoredTable,
  start: number,
  count: number,
  descending: boolean,
) {
  const rows = state.visibleRows(table).sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
  if (descending) rows.reverse();
  return { rows: rows.slice(start, start + count), total: rows.length };
}

const write = fc.record({
  key: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('').map((letter) => `k${letter}`)),
  remove: fc.boolean(),
  lag: fc.constantFrom(0, 0, 50, 200),
  advance: fc.constantFrom(0, 10, 100),
});

describe('row pages', () => {
  it('keeps keys sorted through inserts, replacements and deletes', () => {
    const rows = new RowMap([
      ['b', { key: 'b' }],
      ['a', { key: 'a' }],
    ]);
    rows.set('c', { key: 'c' });
    rows.set('a', { key: 'a', v: 2 } as Row);
    rows.set('B', { key: 'B' });
    rows.delete('b');
    rows.delete('missing');
    expect(rows.sortedKeys).toEqual(['B', 'a', 'c']);
    expect([...rows.keys()]).toEqual(['a', 'c', 'B']);
    rows.clear();
    expect(rows.sortedKeys).toEqual([]);
  });

  it('cuts the same pages as sorting every visible row, inside and after the consistency window', () => {
    fc.assert(
      fc.property(
        fc.array(write, { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (writes, pageSize, descending) => {
          const { state, table, lags, time } = laggingState();
          for (const { key, remove, lag, advance } of writes) {
            lags.push(lag);
            if (remove) {
              if (table.rows.has(key)) state.writeRow(table, key, undefined);
            } else state.writeRow(table, key, { key, at: time.now } as Row);
            time.now += advance;
            const expected = reference(state, table, 0, Number.MAX_SAFE_INTEGER, descending);
            for (let start = 0; start <= expected.total; start += pageSize) {
              expect(state.visibleRowPage(table, start, pageSize, descending)).toEqual(
                reference(state, table, start, pageSize, descending),
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

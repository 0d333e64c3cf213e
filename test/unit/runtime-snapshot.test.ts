import { describe, expect, it } from 'vitest';
import { buildSnapshot, parseTypedValue, snapshotHash } from '../../src/runtime/snapshot.js';
import { configRow } from '../helpers/runtime.js';

const rows = [
  configRow('max_concurrent_calls', '250', 'integer'),
  configRow('dialer_enabled', 'true', 'boolean'),
  configRow('abandon_rate_target', '0.03', 'number'),
  configRow('greeting_prompt', 'Welcome to Example Co.'),
  configRow('fallback_queue', '{"queueId":"6a1f","priority":5}', 'json'),
  { key: 'untyped', config_value: 'as is', environment: 'prod' },
];

describe('runtime snapshots', () => {
  it('types each value by its data_type column (integer, number, boolean, json, string)', () => {
    const { snapshot, unreadable } = buildSnapshot({ table: 't', version: 4, rows, fetchedAt: 10 });
    expect(Object.fromEntries(snapshot.values)).toEqual({
      max_concurrent_calls: 250,
      dialer_enabled: true,
      abandon_rate_target: 0.03,
      greeting_prompt: 'Welcome to Example Co.',
      fallback_queue: { queueId: '6a1f', priority: 5 },
      untyped: 'as is',
    });
    expect(unreadable.size).toBe(0);
    expect(snapshot.version).toBe(4);
    expect(snapshot.fetchedAt).toBe(10);
    expect(snapshot.rows.get('dialer_enabled')?.config_value).toBe('true');
    expect(snapshot.bytes).toBeGreaterThan(0);
  });

  it('reads other value and type columns when the table names them', () => {
    const custom = [{ key: 'a', value: '7', kind: 'integer' }];
    const { snapshot } = buildSnapshot({
      table: 't',
      version: 0,
      rows: custom,
      fetchedAt: 0,
      columns: { valueColumn: 'value', typeColumn: 'kind' },
    });
    expect(snapshot.values.get('a')).toBe(7);
  });

  it('reports text that is not its kind as unreadable instead of throwing', () => {
    const { snapshot, unreadable } = buildSnapshot({
      table: 't',
      version: 1,
      rows: [
        configRow('a', '2.5', 'integer'),
        configRow('b', 'yes', 'boolean'),
        configRow('c', '{oops', 'json'),
        configRow('d', 'x', 'date'),
        configRow('e', '', 'number'),
        { key: 'f', data_type: 'string' },
      ],
      fetchedAt: 0,
    });
    expect([...unreadable.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(snapshot.values.size).toBe(0);
    expect(unreadable.get('d')).toMatch(/not a value kind/);
  });

  it('is immutable, deep down', () => {
    const { snapshot } = buildSnapshot({ table: 't', version: 1, rows, fetchedAt: 0 });
    expect(() => (snapshot.values as Map<string, unknown>).set('x', 1)).toThrow(TypeError);
    expect(() => (snapshot.rows as Map<string, unknown>).delete('untyped')).toThrow(TypeError);
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.rows.get('untyped'))).toBe(true);
    const queue = snapshot.values.get('fallback_queue') as { priority: number };
    expect(() => {
      queue.priority = 1;
    }).toThrow(TypeError);
  });

  it('hashes rows in key order, so the hash does not depend on the order they were read in', () => {
    const reversed = [...rows].reverse();
    expect(snapshotHash(reversed)).toBe(snapshotHash(rows));
    expect(snapshotHash(rows)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(buildSnapshot({ table: 't', version: 1, rows: reversed, fetchedAt: 0 }).snapshot.hash).toBe(
      snapshotHash(rows),
    );
    expect(snapshotHash([configRow('a', '1')])).not.toBe(snapshotHash([configRow('a', '2')]));
  });

  it('parses whole numbers strictly and keeps strings exactly as stored', () => {
    expect(parseTypedValue(' 42 ', 'integer')).toEqual({ ok: true, value: 42 });
    expect(parseTypedValue('9007199254740993', 'integer').ok).toBe(false);
    expect(parseTypedValue('  padded ', 'string')).toEqual({ ok: true, value: '  padded ' });
    expect(parseTypedValue('1e3', 'number')).toEqual({ ok: true, value: 1000 });
    expect(parseTypedValue('null', 'json')).toEqual({ ok: true, value: null });
  });
});

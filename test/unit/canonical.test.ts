import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Of } from '../../src/plan/canonical.js';
import { evaluateThresholds, DEFAULT_THRESHOLDS } from '../../src/plan/thresholds.js';

describe('canonical JSON', () => {
  it('never lets two different key lists share a sorted-keys entry (keys may hold NUL)', () => {
    // "value\0note" alone joins like ["value", "note"] would with a NUL separator.
    expect(canonicalJson({ key: 'a0', 'value\u0000note': 'x' })).toBe('{"key":"a0","value\\u0000note":"x"}');
    expect(canonicalJson({ key: 'a1', value: 'EVIL', note: 'EVIL' })).toBe(
      '{"key":"a1","note":"EVIL","value":"EVIL"}',
    );
    const first = sha256Of([
      { key: 'a0', 'value\u0000note': 'x' },
      { key: 'a1', value: 'benign', note: 'benign' },
    ]);
    const forged = sha256Of([
      { key: 'a0', 'value\u0000note': 'x' },
      { key: 'a1', value: 'EVIL', note: 'EVIL' },
    ]);
    expect(forged).not.toBe(first);
  });

  it('keeps a key named __proto__ as data', () => {
    const row = JSON.parse('{"key":"a","__proto__":"x"}') as Record<string, unknown>;
    expect(canonicalJson(row)).toBe('{"__proto__":"x","key":"a"}');
    expect(sha256Of(row)).not.toBe(sha256Of({ key: 'a' }));
  });
});

describe('the changed-percent threshold', () => {
  const table = (changed: number, liveRowCount: number) => ({
    name: 't',
    creates: [],
    updates: Array.from({ length: changed }, (_, index) => ({ key: `k${index}` })) as never[],
    deletes: [],
    schemaChanges: [],
    liveRowCount,
  });
  const loose = { ...DEFAULT_THRESHOLDS, maxChangedRows: 10_000, maxTotalChangedRows: 10_000 };

  it('compares exactly, and shows the share with the decimals that put it above the limit', () => {
    const [crossing] = evaluateThresholds([table(500, 2495)], loose);
    expect(crossing).toMatchObject({ kind: 'changed-percent', limit: 20, actual: 20.04 });
    expect(evaluateThresholds([table(1, 2100)], { ...loose, maxChangedPercent: 0.04 })[0]!.actual).toBe(0.05);
    expect(evaluateThresholds([table(1, 2100)], { ...loose, maxChangedPercent: 0 })).toHaveLength(1);
    expect(evaluateThresholds([table(499, 2495)], loose)).toEqual([]);
    expect(evaluateThresholds([table(1, 8)], { ...loose, maxChangedPercent: 12.5 })).toEqual([]);
  });
});

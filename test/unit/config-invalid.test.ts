import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ROOT } from '../helpers/processes.js';

const DIR = resolve(ROOT, 'test/fixtures/invalid');
const expected = JSON.parse(readFileSync(resolve(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  { rule: string; line: number; column: number }
>;
const GUARD = /^(secret|pii)-/;

describe('the invalid-config corpus', () => {
  it('has at least 40 files, each with its expectation', () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(expected))('%s → %o', (file, { rule, line, column }) => {
    const bytes = readFileSync(resolve(DIR, file));
    const { findings } = loadConfig(file, bytes);
    expect(findings.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule, line, column },
    ]);
    const [only] = findings;
    expect(only!.file).toBe(file);
    expect(only!.hint).toEqual(expect.any(String));
    if (GUARD.test(rule)) {
      // The guard shows a masked preview, never the value.
      expect(only!.message).toMatch(/…\(\d+ characters\)|suggests/);
      const text = bytes.toString('utf8');
      const secret = /value: ['"]?([^'"}\n]{12,})/.exec(text)?.[1]?.trim();
      if (secret) expect(only!.message).not.toContain(secret);
    }
  });

  it('refuses a 10 MB file before parsing it', () => {
    const big = Buffer.from(`table: t\ncolumns: {}\nrows:\n${'  k: {}\n'.repeat(1_400_000)}`);
    expect(big.length).toBeGreaterThan(10_000_000);
    const { findings } = loadConfig('big.yaml', big);
    expect(findings.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'file-too-large', line: 1, column: 1 },
    ]);
    expect(findings[0]!.message).toMatch(/^The file is \d+ bytes; at most 5242880 are read\.$/);
  });

  it('survives extreme nesting without a stack overflow', () => {
    const depth = 20_000;
    const text = `table: t\ncolumns: {}\nrows:\n  a: { x: ${'['.repeat(depth)}${']'.repeat(depth)} }\n`;
    const { findings } = loadConfig('nested.yaml', Buffer.from(text));
    expect(findings).toHaveLength(1);
    expect(['yaml-too-deep', 'yaml-syntax']).toContain(findings[0]!.rule);
  });
});

import { describe, expect, it } from 'vitest';
import { compareWithLive } from '../../src/config/evolution.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { loadValid } from '../helpers/config.js';

const config = loadValid(`table: t
columns:
  value: { type: string }
  count: { type: integer }
  label: { type: string }
rows: {}
`);

describe('compareWithLive', () => {
  it('accepts added columns and reports them', () => {
    const result = compareWithLive(config, tableSchema({ value: { type: 'string' } }));
    expect(result.findings).toEqual([]);
    expect(result.added.map((column) => column.name)).toEqual(['count', 'label']);
  });

  it('refuses a type change, at the column, with the migration path', () => {
    const result = compareWithLive(
      config,
      tableSchema({ value: { type: 'string' }, count: { type: 'number' }, label: { type: 'string' } }),
    );
    expect(result.findings.map(({ rule, line, column, field }) => ({ rule, line, column, field }))).toEqual([
      { rule: 'schema-column-retyped', line: 4, column: 3, field: 'count' },
    ]);
    expect(result.findings[0]!.hint).toMatch(/add a new column, backfill it/);
  });

  it('calls a removed column plus a new one of the same type a rename', () => {
    const result = compareWithLive(
      config,
      tableSchema({ value: { type: 'string' }, count: { type: 'integer' }, title: { type: 'string' } }),
    );
    expect(result.findings.map(({ rule, field }) => ({ rule, field }))).toEqual([
      { rule: 'schema-column-renamed', field: 'title' },
    ]);
    expect(result.findings[0]!.hint).toMatch(/Keep "title" and change its title/);
    expect(result.findings[0]!.line).toBe(5);
  });

  it('refuses a removed column when nothing new could replace it', () => {
    const result = compareWithLive(
      config,
      tableSchema({
        value: { type: 'string' },
        count: { type: 'integer' },
        label: { type: 'string' },
        enabled: { type: 'boolean' },
      }),
    );
    expect(result.findings.map(({ rule, field, line, column }) => ({ rule, field, line, column }))).toEqual([
      { rule: 'schema-column-removed', field: 'enabled', line: 1, column: 8 },
    ]);
    expect(result.findings[0]!.hint).toContain('enabled: { type: boolean }');
  });
});

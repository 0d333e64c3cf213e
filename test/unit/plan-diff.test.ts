import { describe, expect, it } from 'vitest';
import { desiredTableSchema } from '../../src/config/desired-schema.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { buildPlan } from '../../src/plan/build.js';
import { diffTable } from '../../src/plan/diff.js';
import { loadValid } from '../helpers/config.js';
import { liveTable, ORG } from '../helpers/plan.js';

const CONFIG = `table: cfg
key: { title: config_key }
columns:
  config_value: { type: string, typedBy: data_type }
  data_type: { type: string, enum: [string, integer, number, boolean, json], default: string }
  ratio: { type: number }
  enabled: { type: boolean, default: true }
  version: { type: integer, managed: version }
  updated_by: { type: string, managed: actor }
`;
const config = (rows: string, extra = '') => loadValid(`${CONFIG}${extra}rows:\n${rows}`);
const schema = desiredTableSchema(config('  a: {}\n'));
const live = (rows: Array<Record<string, string | number | boolean>>) =>
  liveTable(
    'cfg',
    schema,
    rows.map(
      (row) =>
        ({
          config_value: '',
          data_type: 'string',
          ratio: 0,
          enabled: true,
          version: 1,
          updated_by: 'ci',
          ...row,
        }) as never,
    ),
  );

describe('the diff', () => {
  it('treats an omitted cell as the default the service fills (schema default, else false / 0 / "")', () => {
    const diff = diffTable(
      config('  a: {}\n  b: { ratio: 0.5 }\n'),
      live([{ key: 'a' }, { key: 'b', ratio: 0.5 }]),
    );
    expect(diff.unchanged).toBe(2);
    expect(diff.updates).toEqual([]);
  });

  it('reverts a live value to the default when the file leaves the cell out, and says so', () => {
    const diff = diffTable(config('  a: {}\n'), live([{ key: 'a', enabled: false, config_value: 'x' }]));
    expect(diff.updates).toHaveLength(1);
    expect(diff.updates[0]!.cells).toEqual([
      { column: 'config_value', before: 'x', after: '' },
      { column: 'enabled', before: false, after: true },
    ]);
  });

  it('compares numbers by value: 1.0 in YAML is the live 1', () => {
    const diff = diffTable(
      config('  a: { ratio: 1.0 }\n  b: { ratio: 2.50 }\n'),
      live([
        { key: 'a', ratio: 1 },
        { key: 'b', ratio: 2.5 },
      ]),
    );
    expect(diff.unchanged).toBe(2);
  });

  it('compares json values by parsed value: spacing and key order are no change', () => {
    const rows = '  q: { data_type: json, config_value: { id: q1, weights: [1, 2] } }\n';
    const same = diffTable(
      config(rows),
      live([{ key: 'q', data_type: 'json', config_value: '{ "weights": [1,2],  "id": "q1" }' }]),
    );
    expect(same.unchanged).toBe(1);
    const changed = diffTable(
      config(rows),
      live([{ key: 'q', data_type: 'json', config_value: '{"id":"q1","weights":[2,1]}' }]),
    );
    expect(changed.updates[0]!.cells).toEqual([
      { column: 'config_value', before: '{"id":"q1","weights":[2,1]}', after: '{"id":"q1","weights":[1,2]}' },
    ]);
    // The same text typed as a string compares as text.
    const asText = diffTable(
      config('  q: { config_value: \'{"a":1}\' }\n'),
      live([{ key: 'q', config_value: '{ "a": 1 }' }]),
    );
    expect(asText.updates).toHaveLength(1);
  });

  it('ignores managed columns, and keeps their live values in the row it writes', () => {
    const diff = diffTable(
      config('  a: { config_value: new }\n  b: {}\n'),
      live([
        { key: 'a', config_value: 'old', version: 7, updated_by: 'ops' },
        { key: 'b', version: 99 },
      ]),
    );
    expect(diff.unchanged).toBe(1);
    expect(diff.updates[0]!.cells.map((cell) => cell.column)).toEqual(['config_value']);
    expect(diff.updates[0]!.after).toEqual({
      key: 'a',
      config_value: 'new',
      data_type: 'string',
      ratio: 0,
      enabled: true,
      version: 7,
      updated_by: 'ops',
    });
    expect(diff.managed).toEqual({ version: 'version', actor: 'updated_by' });
  });

  it('orders creates, updates and deletes by key whatever the file and live order', () => {
    const diff = diffTable(
      config('  zeta: {}\n  b: { ratio: 2 }\n  alpha: {}\n  a: { ratio: 3 }\n'),
      live([{ key: 'y' }, { key: 'b' }, { key: 'x' }, { key: 'a' }]),
    );
    expect(diff.creates.map((item) => item.key)).toEqual(['alpha', 'zeta']);
    expect(diff.updates.map((item) => item.key)).toEqual(['a', 'b']);
    expect(diff.deletes.map((item) => item.key)).toEqual(['x', 'y']);
  });

  it('deletes rows missing from the file only when the file owns the table (prune)', () => {
    const owned = diffTable(config('  a: {}\n'), live([{ key: 'a' }, { key: 'other' }]));
    expect(owned.deletes.map((item) => item.key)).toEqual(['other']);
    const shared = diffTable(config('  a: {}\n', 'prune: false\n'), live([{ key: 'a' }, { key: 'other' }]));
    expect(shared.deletes).toEqual([]);
    expect(shared.unmanagedRows).toBe(1);
  });

  it('plans a new table with its full schema, and creates rows with only their set cells', () => {
    const diff = diffTable(config('  a: { ratio: 2 }\n'), null);
    expect(diff.schemaChanges).toEqual([{ kind: 'create-table', columns: 7 }]);
    expect(diff.schema).toEqual(schema);
    expect(diff.creates).toEqual([{ key: 'a', row: { key: 'a', ratio: 2 } }]);
    expect(diff.liveFingerprint).toBeNull();
  });

  it('adds columns the live table lacks, keeping live definitions of the others', () => {
    const narrow = tableSchema({
      config_value: { type: 'string', title: 'Value (label renamed in the UI)' },
      data_type: { type: 'string', default: 'string' },
      ratio: { type: 'number' },
      version: { type: 'integer' },
      updated_by: { type: 'string' },
    });
    const diff = diffTable(
      config('  a: {}\n'),
      liveTable('cfg', narrow, [
        { key: 'a', config_value: '', data_type: 'string', ratio: 0, version: 1, updated_by: 'x' },
      ]),
    );
    expect(diff.schemaChanges).toEqual([
      {
        kind: 'add-column',
        column: 'enabled',
        type: 'boolean',
        definition: expect.objectContaining({ type: 'boolean', default: true }),
      },
    ]);
    expect(diff.schema.properties.config_value!.title).toBe('Value (label renamed in the UI)');
    expect(diff.blocked).toEqual([]);
    // The row lacks the new column: the service fills its default, equal to what the file wants.
    expect(diff.unchanged).toBe(1);
  });

  it('blocks what the service would refuse: a retyped or removed column, an unknown table id', () => {
    const retyped = tableSchema({ ...schema.properties, ratio: { type: 'string' } });
    expect(
      diffTable(config('  a: {}\n'), liveTable('cfg', retyped, [])).blocked.map((item) => item.rule),
    ).toEqual(['schema-column-retyped']);
    const byId = loadValid('table_id: 6a1f0c2e-3b7d-4a51-9c1e-2f4d8b7a9e10\ncolumns: {}\nrows: {}\n');
    expect(diffTable(byId, null).blocked.map((item) => item.rule)).toEqual(['table-not-found']);
    expect(buildPlan([byId], [null], ORG).verdict).toBe('blocked');
  });
});

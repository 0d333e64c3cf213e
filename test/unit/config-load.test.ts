import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desiredTableSchema } from '../../src/config/desired-schema.js';
import { loadConfig } from '../../src/config/load.js';
import { renderConfig } from '../../src/config/render.js';
import { validateConfigFiles } from '../../src/config/validate.js';
import { brief, load, loadValid, withoutPositions } from '../helpers/config.js';
import { ROOT } from '../helpers/processes.js';

const TYPED = `table: t
columns:
  config_value: { type: string, typedBy: data_type }
  data_type: { type: string, enum: [string, integer, number, boolean, json], default: string }
`;

describe('the example configs', () => {
  it('validate clean', async () => {
    const result = await validateConfigFiles(['examples/config/*.yaml'], { cwd: ROOT });
    expect(result.files).toEqual([
      'examples/config/plugin_config_production.yaml',
      'examples/config/plugin_config_staging.yaml',
    ]);
    expect(result.findings).toEqual([]);
    expect(result.configs.map((config) => config.rows.length)).toEqual([7, 6]);
  });

  it.each(['plugin_config_production.yaml', 'plugin_config_staging.yaml'])(
    '%s round-trips: load → render → load is the same config, and rendering is stable',
    (name) => {
      const first = loadValid(readFileSync(resolve(ROOT, 'examples/config', name), 'utf8'));
      const rendered = renderConfig(first);
      const second = loadValid(rendered);
      expect(withoutPositions(second)).toEqual(withoutPositions(first));
      expect(renderConfig(second)).toBe(rendered);
    },
  );
});

describe('rows', () => {
  it('reads the map form and the list form (key under "key" or the title) to the same rows', () => {
    const head = 'table: t\nkey: { title: config_key }\ncolumns:\n  value: { type: string }\n';
    const map = loadValid(`${head}rows:\n  a: { value: x }\n  b: {}\n  c:\n`);
    const list = loadValid(`${head}rows:\n  - config_key: a\n    value: x\n  - key: b\n  - config_key: c\n`);
    expect(map.rows.map(({ key, cells }) => ({ key, cells }))).toEqual([
      { key: 'a', cells: { value: 'x' } },
      { key: 'b', cells: {} },
      { key: 'c', cells: {} },
    ]);
    expect(list.rows.map(({ key, cells }) => ({ key, cells }))).toEqual(
      map.rows.map(({ key, cells }) => ({ key, cells })),
    );
  });

  it('keeps keys as written: 007 stays "007", 1e3 stays "1e3"', () => {
    const config = loadValid('table: t\ncolumns: {}\nrows:\n  007: {}\n  1e3: {}\n  true: {}\n');
    expect(config.rows.map((row) => row.key)).toEqual(['007', '1e3', 'true']);
  });

  it('refuses a key given twice in the list form', () => {
    const loaded = load('table: t\nkey: { title: name }\ncolumns: {}\nrows:\n  - key: a\n    name: a\n');
    expect(brief(loaded)).toEqual([{ severity: 'error', rule: 'key-duplicate', line: 6, column: 5 }]);
  });

  it('treats an empty cell (null) as not set', () => {
    const config = loadValid(
      'table: t\ncolumns:\n  value: { type: string }\n  count: { type: integer }\nrows:\n  a: { value: ~, count: }\n',
    );
    expect(config.rows[0]!.cells).toEqual({});
  });

  it('resolves aliases within bounds', () => {
    const config = loadValid(
      'table: t\ncolumns:\n  value: { type: string }\nrows:\n  a: &shared { value: same }\n  b: *shared\n',
    );
    expect(config.rows.map((row) => row.cells.value)).toEqual(['same', 'same']);
  });
});

describe('typed values (typedBy)', () => {
  it('stores integer, number, boolean and json values as text, json compact', () => {
    const config = loadValid(`${TYPED}rows:
  limit: { config_value: 250, data_type: integer }
  big: { config_value: "12345678901234", data_type: integer }
  ratio: { config_value: 0.030, data_type: number }
  flag: { config_value: false, data_type: boolean }
  queue: { data_type: json, config_value: { queueId: q1, weights: [1, 2.5], on: true } }
  text: { config_value: '{"a": [1, 2]}', data_type: json }
  greeting: { config_value: Hello }
`);
    expect(Object.fromEntries(config.rows.map((row) => [row.key, row.cells.config_value]))).toEqual({
      limit: '250',
      big: '12345678901234',
      ratio: '0.030',
      flag: 'false',
      queue: '{"queueId":"q1","weights":[1,2.5],"on":true}',
      text: '{"a":[1,2]}',
      greeting: 'Hello',
    });
  });

  it("uses the typing column's default when the row does not say", () => {
    const loaded = load(`${TYPED}rows:\n  a: { config_value: 12 }\n`);
    expect(brief(loaded)).toEqual([{ severity: 'error', rule: 'typed-value', line: 6, column: 22 }]);
    expect(loaded.findings[0]!.hint).toBe('Quote it: "12".');
  });

  it('refuses values that do not parse as their kind', () => {
    const loaded = load(`${TYPED}rows:
  a: { config_value: 1.5, data_type: integer }
  b: { config_value: maybe, data_type: boolean }
  c: { config_value: .nan, data_type: number }
  d: { config_value: [1, 2], data_type: integer }
`);
    expect(brief(loaded).map((item) => item.rule)).toEqual([
      'typed-value',
      'typed-value',
      'typed-value',
      'typed-value',
    ]);
  });
});

describe('environment binding', () => {
  it("fills a missing environment cell with the file's environment", () => {
    const config = loadValid(
      'table: t\nenvironment: prod\ncolumns:\n  environment: { type: string }\nrows:\n  a: {}\n  b: { environment: prod }\n',
    );
    expect(config.rows.map((row) => row.cells.environment)).toEqual(['prod', 'prod']);
    expect(config.rows[0]!.cellPositions.environment).toBeUndefined();
  });
});

describe("the guard's allow lists", () => {
  const head = 'table: t\ncolumns:\n  contact: { type: string }\n';
  it('are off by default', () => {
    expect(brief(load(`${head}rows:\n  support: { contact: help@example.com }\n`))[0]!.rule).toBe(
      'pii-email',
    );
  });
  it('exempt a column', () => {
    loadValid(
      'table: t\ncolumns:\n  contact: { type: string, allow: [pii-email] }\nrows:\n  support: { contact: help@example.com }\n',
    );
  });
  it('exempt a row, optionally one column of it', () => {
    loadValid(
      `${head}allow:\n  - { key: support, rules: [pii-email], reason: shared mailbox }\nrows:\n  support: { contact: help@example.com }\n`,
    );
    loadValid(
      `${head}allow:\n  - { key: support, column: contact, rules: [pii-email] }\nrows:\n  support: { contact: help@example.com }\n`,
    );
    const other = load(
      `${head}allow:\n  - { key: support, rules: [pii-email] }\nrows:\n  sales: { contact: sales@example.com }\n`,
    );
    expect(brief(other)[0]!.rule).toBe('pii-email');
  });
  it('exempt a credential-like row key', () => {
    loadValid(
      `${head}allow:\n  - { key: token_ttl_seconds, rules: [secret-name] }\nrows:\n  token_ttl_seconds: { contact: '3600' }\n`,
    );
  });
});

describe('files', () => {
  it('refuses two files for the same table, case-insensitively', async () => {
    const files: Record<string, string> = {
      'datatables/a.yaml': 'table: Plugin_Config\ncolumns: {}\nrows: {}\n',
      'datatables/b.yml': 'table: plugin_config\ncolumns: {}\nrows: {}\n',
    };
    const fs = {
      glob: async (pattern: string) => (pattern === 'datatables/**/*.{yml,yaml}' ? Object.keys(files) : []),
      kind: async () => undefined,
      readFile: async (path: string) => Buffer.from(files[path]!),
    };
    const result = await validateConfigFiles([], { cwd: '/repo', fs });
    expect(result.findings.map(({ rule, file, line, column }) => ({ rule, file, line, column }))).toEqual([
      { rule: 'table-duplicate', file: 'datatables/b.yml', line: 1, column: 8 },
    ]);
    expect(result.findings[0]!.message).toBe(
      'Table plugin_config is also defined in datatables/a.yaml (line 1).',
    );
  });

  it('reports a glob that matches nothing, and fails when nothing matches at all', async () => {
    const result = await validateConfigFiles(['examples/config/*.yaml', 'nowhere/*.yml'], { cwd: ROOT });
    expect(result.findings.map((item) => item.rule)).toEqual(['no-config-files']);
    await expect(validateConfigFiles(['nowhere/*.yml'], { cwd: ROOT })).rejects.toThrow(
      /No config files match "nowhere\/\*\.yml"/,
    );
  });
});

describe('desiredTableSchema', () => {
  it('builds the Genesys schema: key first, columns in order with their stored attributes', () => {
    const config = loadValid(
      'table: t\ndescription: d\nkey: { title: config_key }\ncolumns:\n  value: { type: string, maxLength: 10, enum: [a], pattern: "^a$" }\n  count: { type: integer, default: 3, minimum: 0 }\nrows: {}\n',
    );
    expect(desiredTableSchema(config)).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      required: ['key'],
      additionalProperties: false,
      description: 'd',
      properties: {
        key: { title: 'config_key', type: 'string', $id: '/properties/key', displayOrder: 0 },
        value: { title: 'value', type: 'string', $id: '/properties/value', displayOrder: 1, maxLength: 10 },
        count: {
          title: 'count',
          type: 'integer',
          $id: '/properties/count',
          displayOrder: 2,
          default: 3,
          minimum: 0,
        },
      },
    });
  });
});

describe('typed kinds outside the kinds', () => {
  const typed = (kind: string, extra = '') =>
    `table: t\ncolumns:\n  config_value: { type: string, typedBy: data_type }\n  data_type: { type: string, enum: [string, integer, number, boolean, json]${extra} }\nrows:\n  a: { config_value: "5", data_type: ${kind} }\n`;

  it.each(['xml', 'int'])('a row typed %s is a located finding naming the kinds, not a crash', (kind) => {
    const { findings } = loadConfig('typed.yaml', Buffer.from(typed(kind)));
    expect(findings.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'typed-value', line: 6, column: 22 },
      { rule: 'value-enum', line: 6, column: 38 },
    ]);
    expect(findings[0]!.message).toContain('use one of string, integer, number, boolean, json');
  });

  it.each(['5', 'nonexistent_kind'])('a default of %s on the typing column is refused', (value) => {
    const text = `table: t\ncolumns:\n  config_value: { type: string, typedBy: data_type }\n  data_type: { type: string, enum: [string, integer], default: ${value} }\nrows:\n  a: { config_value: "5" }\n`;
    const { findings } = loadConfig('typed.yaml', Buffer.from(text));
    expect(findings.map((item) => item.rule)).toContain('typedby-invalid');
    expect(findings.find((item) => item.rule === 'typedby-invalid')!.message).toContain('is not a kind');
  });
});

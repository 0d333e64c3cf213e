import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import configSchema from '../../schema/datatable-config.schema.json' with { type: 'json' };
import { createAjv } from '../../src/config/ajv.js';
import { RULES } from '../../src/config/findings.js';
import { ROOT } from '../helpers/processes.js';

const validate = createAjv({ strict: true, strictRequired: false, allowUnionTypes: true }).compile(
  configSchema,
);
const minimal = { table: 't', columns: {}, rows: {} };

describe('schema/datatable-config.schema.json', () => {
  it('accepts the example configs', () => {
    for (const name of ['plugin_config_production.yaml', 'plugin_config_staging.yaml']) {
      const value = parse(readFileSync(resolve(ROOT, 'examples/config', name), 'utf8'));
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it.each([
    ['a minimal file', minimal],
    [
      'a table id instead of a name',
      { table_id: '6a1f0c2e-3b7d-4a51-9c1e-2f4d8b7a9e10', columns: {}, rows: [] },
    ],
    [
      'every column setting',
      {
        ...minimal,
        columns: {
          c: {
            type: 'string',
            title: 'C',
            description: 'd',
            required: true,
            enum: ['a'],
            minLength: 0,
            maxLength: 5,
            pattern: '^a$',
            default: 'a',
            allow: ['pii-email'],
          },
        },
      },
    ],
    [
      'managed and typed columns',
      {
        ...minimal,
        columns: {
          v: { type: 'integer', managed: 'version' },
          value: { type: 'string', typedBy: 'kind' },
          kind: { type: 'string' },
        },
      },
    ],
    ['rows as a list', { ...minimal, rows: [{ key: 'a' }] }],
    ['empty rows', { ...minimal, rows: { a: null } }],
    [
      'limits, allow, valueSchemas, prune, format',
      {
        ...minimal,
        format: 1,
        prune: false,
        limits: { maxRows: 10_000 },
        allow: [{ key: 'a', rules: ['pii-phone'] }],
        valueSchemas: { a: { type: 'object' } },
      },
    ],
  ])('accepts %s', (_what, value) => {
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['no table identity', { columns: {}, rows: {} }],
    ['both a name and an id', { ...minimal, table_id: '6a1f0c2e-3b7d-4a51-9c1e-2f4d8b7a9e10' }],
    ['an unknown top-level property', { ...minimal, rowz: {} }],
    ['an unknown column setting', { ...minimal, columns: { c: { type: 'string', maxlength: 3 } } }],
    ['a column type Genesys lacks', { ...minimal, columns: { c: { type: 'date' } } }],
    ['a column without a type', { ...minimal, columns: { c: {} } }],
    [
      'a managed kind that does not exist',
      { ...minimal, columns: { c: { type: 'string', managed: 'owner' } } },
    ],
    ['an unknown guard rule in allow', { ...minimal, allow: [{ key: 'a', rules: ['pii-ssn'] }] }],
    ['rows as a string', { ...minimal, rows: 'a,b' }],
    ['a row that is a scalar', { ...minimal, rows: { a: 5 } }],
    ['a table name with a slash', { ...minimal, table: 'a/b' }],
    ['format 2', { ...minimal, format: 2 }],
    ['a non-integer limit', { ...minimal, limits: { maxRows: 1.5 } }],
  ])('refuses %s', (_what, value) => {
    expect(validate(value)).toBe(false);
  });

  it('lists the same guard rules as the code', () => {
    const guardRules = Object.keys(RULES)
      .filter((rule) => /^(secret|pii)-/.test(rule))
      .sort();
    expect([...configSchema.definitions.guardRule.enum].sort()).toEqual(guardRules);
  });

  it('is referenced by the examples through the yaml-language-server comment', () => {
    const text = readFileSync(resolve(ROOT, 'examples/config/plugin_config_production.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../schema/datatable-config.schema.json',
    );
  });
});

describe('the docs', () => {
  it('document every rule id with its fix (docs/config.md; the contract rules in docs/contracts.md)', () => {
    const docs = ['docs/config.md', 'docs/contracts.md'].map((path) =>
      readFileSync(resolve(ROOT, path), 'utf8'),
    );
    for (const [rule, [severity]] of Object.entries(RULES)) {
      expect(docs.join('\n'), rule).toMatch(new RegExp(`\\| \`${rule}\` +\\| ${severity} +\\|`));
    }
  });
});

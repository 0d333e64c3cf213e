import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import contractSchema from '../../schema/datatable-contract.schema.json' with { type: 'json' };
import { createAjv } from '../../src/config/ajv.js';
import { checkContracts } from '../../src/config/contract-checks.js';
import { parseContract, type ConsumerContract } from '../../src/config/contract-file.js';
import { contractFindings, DEFAULT_CONTRACTS_GLOB } from '../../src/config/contracts.js';
import type { Finding } from '../../src/config/findings.js';
import { ConfigurationError } from '../../src/errors.js';
import { contractFromFile } from '../../src/runtime/contract-file.js';
import { loadValid } from '../helpers/config.js';

// Line numbers below count from the first line of each text.
const CONFIG = `table: plugin_config_production
columns:
  config_value: { type: string, typedBy: data_type }
  data_type: { type: string, enum: [string, integer, number, boolean, json], default: string }
rows:
  max_concurrent_calls: { config_value: 250, data_type: integer }
  dialer_enabled: { config_value: 'true', data_type: boolean }
  greeting: { config_value: hello }
  fallback_queue:
    data_type: json
    config_value: { queueId: q-1, priority: 1 }
`;

const CONTRACT = `consumer: dialer
tables:
  plugin_config_production:
    keys:
      max_concurrent_calls: { type: integer, minimum: 1 }
      dialer_enabled: boolean
      greeting: string
      fallback_queue: { type: object, required: [queueId] }
      retry_minutes: integer
    required: [max_concurrent_calls, fallback_queue]
`;

function contractOf(text: string, file = 'dialer.yaml'): ConsumerContract {
  const { contract, findings } = parseContract(file, Buffer.from(text));
  if (!contract) throw new Error(`expected a valid contract: ${JSON.stringify(findings)}`);
  return contract;
}

const findingsOf = (text: string) => parseContract('dialer.yaml', Buffer.from(text)).findings;
const brief = (findings: readonly Finding[]) =>
  findings.map(({ severity, rule, file, line, column }) => ({ severity, rule, file, line, column }));
const check = (config: string, contract: string) =>
  checkContracts([loadValid(config)], [contractOf(contract)]);

describe('the contract format', () => {
  it('compiles its JSON Schema and reads keys, kinds, schemas, required keys and positions', () => {
    expect(() => createAjv().compile(contractSchema)).not.toThrow();
    const contract = contractOf(`${CONTRACT}    valueColumn: value\n`);
    expect(contract.consumer).toBe('dialer');
    expect(contract.position).toEqual({ line: 1, column: 1 });
    const [table] = contract.tables;
    expect(table).toMatchObject({ name: 'plugin_config_production', position: { line: 3, column: 3 } });
    expect(table!.columns).toEqual({ valueColumn: 'value' });
    expect(table!.contract.dialer_enabled).toBe('boolean');
    expect(
      table!.keys.map((key) => [key.name, key.required, key.position.line, key.position.column]),
    ).toEqual([
      ['max_concurrent_calls', true, 5, 7],
      ['dialer_enabled', false, 6, 7],
      ['greeting', false, 7, 7],
      ['fallback_queue', true, 8, 7],
      ['retry_minutes', false, 9, 7],
    ]);
  });

  it('takes a key only under required as "must exist, any value", placed at its list item', () => {
    const contract = contractOf('consumer: c\ntables:\n  t:\n    required: [a, b]\n');
    expect(contract.tables[0]!.keys).toEqual([
      { name: 'a', required: true, position: { line: 4, column: 16 } },
      { name: 'b', required: true, position: { line: 4, column: 19 } },
    ]);
  });

  it.each([
    [
      'a kind that does not exist',
      'consumer: c\ntables:\n  t:\n    keys: { a: int }\n',
      'schema-value',
      4,
      16,
    ],
    ['a key that is a number', 'consumer: c\ntables:\n  t:\n    keys:\n      a: 5\n', 'schema-type', 5, 10],
    [
      'an unknown table setting',
      'consumer: c\ntables:\n  t:\n    key: {}\n',
      'schema-unknown-property',
      4,
      5,
    ],
    ['no consumer', 'tables:\n  t: {}\n', 'schema-required', 1, 1],
    ['a consumer name with a space', 'consumer: my plugin\ntables: { t: {} }\n', 'schema-value', 1, 11],
    ['no tables', 'consumer: c\ntables: {}\n', 'schema-value', 2, 9],
    [
      'a repeated key',
      'consumer: c\ntables:\n  t:\n    keys: { a: string, a: integer }\n',
      'yaml-duplicate-key',
      4,
      24,
    ],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\nconsumer: c\ntables: { t: {} }\n', 'yaml-version', 1, 1],
    ['tab indentation', 'consumer: c\ntables:\n\tt: {}\n', 'yaml-tab-indent', 3, 1],
    [
      'a JSON Schema with a misspelt keyword',
      'consumer: c\ntables:\n  t:\n    keys:\n      a: { type: integer, minimun: 1 }\n',
      'contract-schema-invalid',
      5,
      10,
    ],
  ])('refuses %s at its line and column', (_what, text, rule, line, column) => {
    const findings = findingsOf(text);
    expect(brief(findings)).toContainEqual({ severity: 'error', rule, file: 'dialer.yaml', line, column });
    expect(findings.every((item) => item.message !== '' && item.hint)).toBe(true);
    expect(parseContract('dialer.yaml', Buffer.from(text)).contract).toBeUndefined();
  });

  it('speaks of the contract format, not of config files, in structure fixes', () => {
    const [item] = findingsOf('consumer: c\ntables:\n  t:\n    key: {}\n');
    expect(item!.hint).toContain('docs/contracts.md');
  });
});

describe('checking configs against contracts', () => {
  it('accepts a config that keeps the contract (typed values as the reader serves them)', () => {
    const findings = check(CONFIG, CONTRACT.replace('      retry_minutes: integer\n', ''));
    expect(findings).toEqual([]);
  });

  it('a value of the wrong kind is an error at the config cell, naming the consumer', () => {
    const findings = check(CONFIG, CONTRACT.replace('greeting: string', 'greeting: integer'));
    const value = findings.filter((item) => item.rule === 'contract-value');
    expect(brief(value)).toEqual([
      { severity: 'error', rule: 'contract-value', file: 't.yaml', line: 8, column: 29 },
    ]);
    expect(value[0]).toMatchObject({
      table: 'plugin_config_production',
      key: 'greeting',
      field: 'config_value',
    });
    expect(value[0]!.message).toContain('consumer "dialer" (dialer.yaml:7)');
    expect(value[0]!.message).toContain('expected integer, got string "hello"');
  });

  it('a value that fails the JSON Schema is an error at the config cell', () => {
    const findings = check(CONFIG.replace('config_value: 250', 'config_value: 0'), CONTRACT);
    const value = findings.find((item) => item.rule === 'contract-value');
    expect(value).toMatchObject({ line: 6, column: 41, key: 'max_concurrent_calls' });
    expect(value!.message).toMatch(/must be >= 1/);
    const queue = check(CONFIG.replace('queueId: q-1, ', ''), CONTRACT).find(
      (item) => item.rule === 'contract-value',
    );
    expect(queue).toMatchObject({ line: 11, column: 19, key: 'fallback_queue' });
    expect(queue!.message).toContain("required property 'queueId'");
  });

  it('reads a row without a kind as its typing column default (a string), as validate does', () => {
    const findings = check(CONFIG, CONTRACT.replace('greeting: string', 'greeting: json'));
    expect(findings.find((item) => item.rule === 'contract-value')!.message).toContain(
      'expected json, got string "hello"',
    );
  });

  it('a required key the config lacks is an error at the contract; an optional one a warning', () => {
    const findings = check(CONFIG.replace(/  fallback_queue:\n.*\n.*\n/, ''), CONTRACT);
    expect(brief(findings)).toEqual([
      { severity: 'error', rule: 'contract-required-key-missing', file: 'dialer.yaml', line: 8, column: 7 },
      { severity: 'warning', rule: 'contract-key-missing', file: 'dialer.yaml', line: 9, column: 7 },
    ]);
  });

  it('a table no config defines is a warning at the contract', () => {
    const findings = check(CONFIG, 'consumer: c\ntables:\n  routing_config:\n    keys: { a: string }\n');
    expect(brief(findings)).toEqual([
      { severity: 'warning', rule: 'contract-table-missing', file: 'dialer.yaml', line: 3, column: 3 },
    ]);
  });

  it('a value column the config does not have is an error at the contract table', () => {
    const findings = check(CONFIG, CONTRACT.replace('    keys:', '    valueColumn: value\n    keys:'));
    expect(brief(findings)).toEqual([
      { severity: 'error', rule: 'contract-column-missing', file: 'dialer.yaml', line: 3, column: 3 },
    ]);
  });
});

describe('contract files in the repository', () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
    directory = undefined;
  });
  const repository = async (files: Record<string, string>) => {
    directory = await mkdtemp(join(tmpdir(), 'contracts-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(resolve(directory, path, '..'), { recursive: true });
      await writeFile(resolve(directory, path), text);
    }
    return directory;
  };

  it('reads the default place when it exists, and finds nothing when it does not', async () => {
    const cwd = await repository({ '.github/datatable-deploy/consumers/dialer.yaml': CONTRACT });
    const result = await contractFindings([loadValid(CONFIG)], { cwd });
    expect(DEFAULT_CONTRACTS_GLOB).toBe('.github/datatable-deploy/consumers/*.{yml,yaml}');
    expect(result.files).toEqual(['.github/datatable-deploy/consumers/dialer.yaml']);
    expect(result.findings.map((item) => item.rule)).toEqual(['contract-key-missing']);
    const empty = await contractFindings([loadValid(CONFIG)], { cwd: await repository({}) });
    expect(empty).toEqual({ files: [], contracts: [], findings: [] });
  });

  it('a named glob that matches nothing is an error; two files for one consumer are too', async () => {
    const cwd = await repository({ 'a/dialer.yaml': CONTRACT, 'b/dialer.yml': CONTRACT });
    const result = await contractFindings([loadValid(CONFIG)], {
      cwd,
      patterns: ['a', 'b/*.yml', 'c/*.yaml'],
    });
    expect(brief(result.findings.filter((item) => item.severity === 'error'))).toEqual([
      { severity: 'error', rule: 'contract-duplicate', file: 'b/dialer.yml', line: 1, column: 1 },
      { severity: 'error', rule: 'no-contract-files', file: 'c/*.yaml', line: 1, column: 1 },
    ]);
    expect(result.contracts).toHaveLength(1);
  });
});

describe('contractFromFile (the runtime side)', () => {
  it('turns a contract file into the reader table options, from a path or from text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'contract-'));
    try {
      const path = join(dir, 'dialer.yaml');
      await writeFile(path, `${CONTRACT}    typeColumn: kind\n`);
      const tables = contractFromFile(path, 'dialer');
      expect(tables.plugin_config_production).toEqual({
        contract: {
          max_concurrent_calls: { type: 'integer', minimum: 1 },
          dialer_enabled: 'boolean',
          greeting: 'string',
          fallback_queue: { type: 'object', required: ['queueId'] },
          retry_minutes: 'integer',
        },
        typeColumn: 'kind',
      });
      expect(contractFromFile(CONTRACT, 'dialer')).toEqual({
        plugin_config_production: { contract: tables.plugin_config_production!.contract },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a broken file with its positions, a file of another consumer, and a missing file', () => {
    expect(() => contractFromFile('consumer: c\ntables:\n  t:\n    keys: { a: int }\n', 'c')).toThrow(
      /\(contract\):4:16 .*must be one of/,
    );
    expect(() => contractFromFile(CONTRACT, 'routing')).toThrow(ConfigurationError);
    expect(() => contractFromFile(CONTRACT, 'routing')).toThrow(/consumer "dialer"'s, not "routing"'s/);
    expect(() => contractFromFile('/nonexistent/dialer.yaml', 'dialer')).toThrow(/cannot be read/);
  });
});

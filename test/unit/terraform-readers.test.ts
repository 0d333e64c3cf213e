import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { cellsFrom } from '../../src/terraform/cells.js';
import { columnsFrom } from '../../src/terraform/columns.js';
import { fileNames, stateRmCommands } from '../../src/terraform/handover.js';
import { evaluateJsonencode } from '../../src/terraform/jsonencode.js';
import { readOne } from '../../src/terraform/read-inputs.js';
import { targetOf } from '../../src/terraform/references.js';
import { unflatten } from '../../src/terraform/state-v3.js';
import { addressOf } from '../../src/terraform/types.js';

/** The ConfigurationError a promise rejects with (fails the test when it resolves). */
async function refusal(promise: Promise<unknown>): Promise<ConfigurationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  return error as ConfigurationError;
}

const HCL = `
resource "genesyscloud_architect_datatable" "t" {
  name = "T"
  properties {
    name = "key"
    type = "string"
  }
}

resource genesyscloud_architect_datatable_row r {
  datatable_id    = genesyscloud_architect_datatable.t.id
  key_value       = "a"
  properties_json = jsonencode({ n = 1, "s" = "x\\"y", b = true })
}

resource "genesyscloud_architect_datatable_row" "v" {
  datatable_id    = genesyscloud_architect_datatable.t.id
  key_value       = "b"
  properties_json = jsonencode({ n = var.n })
}
resource "genesyscloud_routing_queue" "ignored" {
  name = "Q"
}
`;

describe('HCL reader', () => {
  it('reads blocks with their lines, evaluates jsonencode of literals, and reports the rest', async () => {
    const result = await readOne('main.tf', HCL);
    expect(result.format).toBe('hcl');
    expect(result.resources.map((item) => [addressOf(item), item.where.line, item.where.column])).toEqual([
      ['genesyscloud_architect_datatable.t', 2, 1],
      ['genesyscloud_architect_datatable_row.r', 10, 1],
      ['genesyscloud_architect_datatable_row.v', 16, 1],
    ]);
    expect(JSON.parse(result.resources[1]!.attributes.properties_json as string)).toEqual({
      n: 1,
      s: 'x"y',
      b: true,
    });
    expect(result.resources[1]!.attributes.datatable_id).toBe('${genesyscloud_architect_datatable.t.id}');
    expect(result.unresolved).toEqual([
      expect.objectContaining({
        where: { file: 'main.tf', line: 16, column: 1 },
        address: 'genesyscloud_architect_datatable_row.v',
        message: expect.stringContaining('holds ${var.n}, which needs Terraform'),
      }),
    ]);
  });

  it('refuses malformed HCL with file:line:column and the fix', async () => {
    const error = await refusal(readOne('dir/broken.tf', 'resource "a" "b" {\n  name = "x" }}\n'));
    expect(error.message).toMatch(/^dir\/broken\.tf:2:14: Missing newline after argument/);
    expect(error.hint).toContain('terraform validate');
    const unclosed = await refusal(readOne('u.tf', 'resource "a" "b" {\n  name = "x"\n'));
    expect(unclosed.message).toMatch(/^u\.tf:1:18: Unclosed configuration block/);
  });

  it('jsonencode: only a single call of literal values is evaluated', async () => {
    expect(await evaluateJsonencode('${jsonencode({ a = [1, "two"], b = null })}')).toEqual({
      json: '{"a":[1,"two"],"b":null}',
    });
    expect(await evaluateJsonencode('{"plain":"json"}')).toEqual({ json: '{"plain":"json"}' });
    expect(await evaluateJsonencode('${local.body}')).toMatchObject({
      problem: expect.stringContaining('is not a jsonencode({...}) call'),
    });
    expect(await evaluateJsonencode('${jsonencode({ a = "x-${each.key}" })}')).toMatchObject({
      problem: expect.stringContaining('needs Terraform'),
    });
  });
});

describe('.tf.json reader', () => {
  const text = JSON.stringify(
    {
      resource: {
        genesyscloud_architect_datatable: { T: { name: 'T', properties: [{ name: 'key', type: 'string' }] } },
        genesyscloud_architect_datatable_row: {
          T_a: {
            datatable_id: '${genesyscloud_architect_datatable.T.id}',
            key_value: 'a',
            properties_json: '{"n":1}',
          },
        },
      },
    },
    null,
    2,
  );

  it('reads resources with the line of their label', async () => {
    const result = await readOne('genesyscloud.tf.json', text);
    expect(result.format).toBe('tf-json');
    expect(result.resources.map((item) => [addressOf(item), item.where.line])).toEqual([
      ['genesyscloud_architect_datatable.T', 4],
      ['genesyscloud_architect_datatable_row.T_a', 15],
    ]);
    expect(result.resources[1]!.attributes.properties_json).toBe('{"n":1}');
  });

  it('refuses malformed JSON with file:line:column', async () => {
    const error = await refusal(readOne('x.tf.json', '{\n  "resource": {\n    "a": ,\n  }\n}'));
    expect(error.message).toMatch(/^x\.tf\.json:3:10: this \.tf\.json file is not valid JSON/);
    await expect(readOne('x.tf.json', '[1]')).rejects.toThrow(
      /^x\.tf\.json:1:1: a \.tf\.json file holds a JSON object/,
    );
  });
});

describe('state readers', () => {
  it('v4: instances with their for_each keys and module', async () => {
    const state = {
      version: 4,
      resources: [
        {
          module: 'module.tables',
          mode: 'managed',
          type: 'genesyscloud_architect_datatable_row',
          name: 'rows',
          instances: [
            { index_key: 'a', attributes: { key_value: 'a' } },
            { index_key: 'b', attributes: { key_value: 'b' } },
          ],
        },
        { mode: 'managed', type: 'genesyscloud_routing_queue', name: 'q', instances: [{ attributes: {} }] },
      ],
    };
    const result = await readOne('terraform.tfstate', JSON.stringify(state, null, 2));
    expect(result.format).toBe('state-v4');
    expect(result.resources.map(addressOf)).toEqual([
      'module.tables.genesyscloud_architect_datatable_row.rows["a"]',
      'module.tables.genesyscloud_architect_datatable_row.rows["b"]',
    ]);
    expect(result.resources[0]!.where.line).toBe(8);
  });

  it('v3: flattened attributes become nested, count indices become instance keys', async () => {
    const state = {
      version: 3,
      modules: [
        {
          path: ['root'],
          resources: {
            'genesyscloud_architect_datatable.T': {
              type: 'genesyscloud_architect_datatable',
              primary: {
                id: 'id-1',
                attributes: {
                  name: 'T',
                  'properties.#': '2',
                  'properties.1.name': 'n',
                  'properties.1.type': 'integer',
                  'properties.0.name': 'key',
                  'properties.0.type': 'string',
                },
              },
            },
            'genesyscloud_architect_datatable_row.r.1': {
              type: 'genesyscloud_architect_datatable_row',
              primary: { id: 'id-1/a', attributes: { key_value: 'a' } },
            },
          },
        },
      ],
    };
    const result = await readOne('exported.tfstate', JSON.stringify(state, null, 2));
    expect(result.format).toBe('state-v3');
    expect(result.resources.map(addressOf)).toEqual([
      'genesyscloud_architect_datatable.T',
      'genesyscloud_architect_datatable_row.r[1]',
    ]);
    expect(result.resources[0]!.attributes.properties).toEqual([
      { name: 'key', type: 'string' },
      { name: 'n', type: 'integer' },
    ]);
    expect(unflatten({ 'a.%': '1', 'a.x': 'y', 'l.#': '0' })).toEqual({ a: { x: 'y' } });
  });

  it('show -json: root and child modules', async () => {
    const shown = {
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            {
              address: 'genesyscloud_architect_datatable.t',
              mode: 'managed',
              type: 'genesyscloud_architect_datatable',
              name: 't',
              values: { name: 'T' },
            },
          ],
          child_modules: [
            {
              address: 'module.m',
              resources: [
                {
                  address: 'module.m.genesyscloud_architect_datatable_row.r[0]',
                  mode: 'managed',
                  type: 'genesyscloud_architect_datatable_row',
                  name: 'r',
                  index: 0,
                  values: {},
                },
              ],
            },
          ],
        },
      },
    };
    const result = await readOne('shown.json', JSON.stringify(shown));
    expect(result.format).toBe('show-json');
    expect(result.resources.map(addressOf)).toEqual([
      'genesyscloud_architect_datatable.t',
      'module.m.genesyscloud_architect_datatable_row.r[0]',
    ]);
  });

  it('refuses other state versions and other JSON, saying what it reads', async () => {
    await expect(readOne('old.tfstate', '{"version": 2}')).rejects.toThrow(
      /version 2; import reads versions 3 and 4/,
    );
    await expect(readOne('package.json', '{"name": "x"}')).rejects.toThrow(/neither Terraform configuration/);
  });
});

describe('resolving parts', () => {
  it('columns: defaults converted from the provider strings; a key is required; expressions are problems', () => {
    const columns = columnsFrom({
      properties: [
        { name: 'key', type: 'string', title: 'Id', default: '' },
        { name: 'on', type: 'boolean', default: 'T' },
        { name: 'n', type: 'integer', default: '30', title: 'n' },
        { name: 'x', type: 'number', default: '1.5', title: '' },
        { name: 's', type: 'string', default: '' },
      ],
    });
    expect(columns).toMatchObject({
      keyTitle: 'Id',
      columns: [
        { name: 'on', type: 'boolean', default: true },
        { name: 'n', type: 'integer', default: 30, title: undefined },
        { name: 'x', type: 'number', default: 1.5 },
        { name: 's', type: 'string', default: undefined },
      ],
    });
    expect(columnsFrom({ properties: [{ name: 'n', type: 'integer' }] })).toMatchObject({
      problem: expect.stringContaining('no "key" property'),
    });
    expect(
      columnsFrom({
        properties: [
          { name: 'key', type: 'string' },
          { name: 'n', type: 'integer', default: 'x' },
        ],
      }),
    ).toMatchObject({
      problem: 'property "n" has default "x", which is not a integer',
    });
    expect(columnsFrom({ properties: [{ name: 'key', type: '${var.t}' }] })).toMatchObject({
      problem: expect.stringContaining('needs Terraform'),
    });
  });

  it('cells: typed by column, defaults left out, unknown fields and wrong types are problems', () => {
    const columns = columnsFrom({
      properties: [
        { name: 'key', type: 'string' },
        { name: 'n', type: 'integer' },
        { name: 'on', type: 'boolean', default: 'true' },
        { name: 's', type: 'string' },
      ],
    });
    if ('problem' in columns) throw new Error(columns.problem);
    expect(cellsFrom('{"key":"a","n":"7","on":true,"s":""}', columns.columns)).toEqual({
      cells: { n: 7 },
      problems: [],
    });
    expect(cellsFrom('{"n":1.5,"zz":1}', columns.columns).problems).toEqual([
      'field "n" holds 1.5, which is not a integer',
      'field "zz" is not a property of the table',
    ]);
  });

  it('references: addresses, raw ids and expressions', () => {
    const types = ['genesyscloud_architect_datatable'];
    expect(targetOf('${genesyscloud_architect_datatable.t.id}', types)).toEqual({
      kind: 'resource',
      address: 'genesyscloud_architect_datatable.t',
    });
    expect(targetOf('${module.m.genesyscloud_architect_datatable.t["k"].id}', types)).toEqual({
      kind: 'resource',
      address: 'module.m.genesyscloud_architect_datatable.t["k"]',
    });
    expect(targetOf('abc-123', types)).toEqual({ kind: 'id', id: 'abc-123' });
    expect(targetOf('${var.table_id}', types)).toEqual({ kind: 'expression', text: '${var.table_id}' });
  });

  it('hand-over commands are shell-quoted; file names are safe and unique', () => {
    expect(stateRmCommands(['a.b["it\'s"]'])).toEqual([`terraform state rm 'a.b["it'\\''s"]'`]);
    expect(fileNames(['Routing Config', 'Routing/Config', '..', 'Café'])).toEqual([
      'Routing_Config.yaml',
      'Routing_Config-2.yaml',
      '_.yaml',
      'Café.yaml',
    ]);
  });
});

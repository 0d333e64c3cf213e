/**
 * Generators of hostile config files and the totality check they are held to, shared by the
 * fuzz test (test/unit/config-fuzz.test.ts) and the fuzz benchmark (bench/fuzz.bench.ts).
 *
 * A generated file starts from a seed (an example config, a file of the invalid corpus, or a
 * table built from a model of the format), then goes through structural edits of its YAML tree,
 * textual edits of its text and byte edits of its bytes. Every edit is plain data (a recipe), so
 * fast-check can shrink a failing file to the few edits that matter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node,
  type Pair,
} from 'yaml';
import { hasErrors, RULES, sortFindings, type Finding } from '../../src/config/findings.js';
import { loadConfig } from '../../src/config/load.js';
import { renderFindingsJson, renderFindingsText } from '../../src/config/report.js';
import { validateConfigFiles } from '../../src/config/validate.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SeedFile {
  name: string;
  bytes: Buffer;
}

/** The examples and every file of the invalid corpus: where mutated files start. */
export function readSeedCorpus(): SeedFile[] {
  const seeds: SeedFile[] = [];
  for (const dir of ['examples/config', 'test/fixtures/invalid']) {
    for (const name of readdirSync(resolve(ROOT, dir)).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      seeds.push({ name: `${dir}/${name}`, bytes: readFileSync(resolve(ROOT, dir, name)) });
    }
  }
  return seeds;
}

/** How large generated files may grow: small for the test suite, large for the benchmark. */
export interface FuzzScale {
  /** Most copies of a row, column or line that one edit makes. */
  maxCopies: number;
  /** Longest text one edit writes. */
  maxLength: number;
  /** Texts grown longer by tree edits are cut here (above the 5 MiB the validator reads). */
  maxFileChars: number;
}

export const TEST_SCALE: FuzzScale = { maxCopies: 120, maxLength: 3_000, maxFileChars: 400_000 };
export const BENCH_SCALE: FuzzScale = { maxCopies: 5_500, maxLength: 20_000, maxFileChars: 6_000_000 };

// ---------------------------------------------------------------------------------------------
// Building blocks: names, texts, scalars, values

const GUARD_RULES = [
  'secret-name',
  'secret-private-key',
  'secret-jwt',
  'secret-cloud-key',
  'secret-high-entropy',
  'pii-card-number',
  'pii-email',
  'pii-phone',
];

/** Texts that have tripped parsers and validators: hazards, look-alikes, lone surrogates. */
const AWKWARD_TEXTS = [
  '',
  ' ',
  'e\u0301', // NFD é
  '\u00e9', // NFC é
  '\u0301',
  '\u202eevil',
  'a\u2066b',
  'zero\u200bwidth',
  '\ufeffbom',
  'nul\u0000',
  'tab\there',
  'line\nbreak',
  'cr\rhere',
  '\u0085next',
  '\u2028sep',
  '\ud800',
  'x\udc00',
  '😀',
  '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'key',
  '<<',
  'a/b',
  'a?b',
  '50%',
  '#hash',
  'back\\slash',
  '007',
  '1e3',
  '0x1F',
  '-0',
  '.inf',
  'yes',
  'off',
  'null',
  '~',
  'true',
  'db_password',
  'api_key',
  'jane.doe@example.com',
  '+44 20 7946 0958',
  '4111 1111 1111 1111',
  'AKIAABCDEFGHIJKLMNOP',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  '-----BEGIN RSA PRIVATE KEY-----',
  'Zx9Qw3Er7Ty1Ui5Op2As6Df0Gh4Jk8Lz3Xc7Vb1Nm5',
  '{"a": [1, 2]}',
  '{not json',
  'string',
  'integer',
  'number',
  'boolean',
  'json',
];

const COLUMN_NAMES = [
  'config_value',
  'data_type',
  'environment',
  'version',
  'updated_by',
  'value',
  'count',
  'enabled',
  'ratio',
  'a b',
  'x-y',
];

const PATTERNS = [
  '^[a-z_]+$',
  '^(a|aa)+$',
  '(?=x)',
  '(a)\\1',
  '(?<n>a)\\k<n>',
  '[',
  '\\',
  'a{2,1}',
  'a{1001}',
  '\\p{L}+',
  '(?i)a',
  '[\\ud800]',
  '',
  '.*'.repeat(40),
  '^\\d{3}-\\d{4}$',
];

/** JSON Schemas for valueSchemas: usable, broken, looping, slow, remote. */
const VALUE_SCHEMAS: unknown[] = [
  {
    type: 'object',
    required: ['queueId', 'priority'],
    properties: { queueId: { type: 'string', minLength: 1 }, priority: { type: 'integer', maximum: 10 } },
    additionalProperties: false,
  },
  { $ref: '#' },
  { anyOf: [{ $ref: '#' }] },
  { not: { $ref: '#' } },
  { items: { $ref: '#' } },
  { properties: { a: { $ref: '#' } } },
  {
    $ref: '#/definitions/a',
    definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } },
  },
  { $ref: '#/definitions/missing' },
  { $ref: 'https://example.com/schema.json' },
  { $id: 'x', $ref: 'x' },
  { type: 'string', pattern: '^(a|aa)+$' },
  { pattern: '(?=a)' },
  { patternProperties: { '[': {} } },
  { propertyNames: { pattern: '\\1' } },
  { type: 'nonsense' },
  { type: 'object', required: 'queueId' },
  { maxLength: -1 },
  { minimum: 'x' },
  { format: 'email' },
  { $async: true, type: 'object' },
  { $data: '1/a' },
  { const: { $data: '0' } },
  { enum: [] },
  { dependencies: { a: 'b' } },
  { if: { $ref: '#' }, then: false },
  { $schema: 'http://example.com/unknown-meta' },
  true,
  false,
  'a string',
  42,
  null,
  [],
];

const TAGS = [
  '!!binary',
  '!!set',
  '!!omap',
  '!!pairs',
  '!!timestamp',
  '!!str',
  '!!int',
  '!!float',
  '!!bool',
  '!!null',
  '!!map',
  '!!seq',
  '!foo',
  '!',
  'tag:yaml.org,2002:str',
  'tag:example.com,2000:thing',
];

const SCALAR_TYPES = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;

function textArbitrary(scale: FuzzScale): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_TEXTS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('k', 'é', '😀', 'e\u0301', 'ab1Z'),
          fc.integer({ min: 1, max: scale.maxLength }),
        )
        .map(([unit, count]) => unit.repeat(count)),
    },
  );
}

function nameArbitrary(scale: FuzzScale): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...COLUMN_NAMES) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/) },
    { weight: 1, arbitrary: textArbitrary(scale) },
  );
}

function scalarArbitrary(scale: FuzzScale): fc.Arbitrary<unknown> {
  return fc.oneof(
    textArbitrary(scale),
    fc.integer(),
    fc.constantFrom(0, -0, 1, 250, 2 ** 53, -(2 ** 53) - 2, 1e21, 0.1, 1e-7),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
}

/** Any YAML value: scalars, lists and maps nested a few levels, and JSON Schemas. */
function valueArbitrary(scale: FuzzScale): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: scalarArbitrary(scale) },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.dictionary(nameArbitrary(scale), tie('value'), { maxKeys: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom(...VALUE_SCHEMAS) },
    ),
  }));
  return value;
}

// ---------------------------------------------------------------------------------------------
// A model of the format, for tables built from scratch

function columnArbitrary(scale: FuzzScale) {
  return fc.record(
    {
      type: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('string', 'integer', 'number', 'boolean') },
        { weight: 1, arbitrary: fc.constantFrom('date', 7, null, ['string']) },
      ),
      title: textArbitrary(scale),
      description: fc.string({ maxLength: 20 }),
      required: fc.boolean(),
      enum: fc.oneof(
        fc.constant(['string', 'integer', 'number', 'boolean', 'json']),
        fc.array(scalarArbitrary(scale), { maxLength: 4 }),
      ),
      minLength: fc.oneof(fc.nat(40), fc.constantFrom(-1, 1.5, Infinity, 2 ** 60)),
      maxLength: fc.oneof(fc.nat(400), fc.constantFrom(-1, 1.5, Infinity, 2 ** 60)),
      minimum: fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double()),
      maximum: fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.double()),
      pattern: fc.constantFrom(...PATTERNS),
      default: scalarArbitrary(scale),
      typedBy: nameArbitrary(scale),
      managed: fc.constantFrom('version', 'actor', 'other'),
      allow: fc.array(fc.constantFrom(...GUARD_RULES, 'bogus-rule'), { maxLength: 3 }),
    },
    { requiredKeys: ['type'] },
  );
}

/** A cell: either a value made to fit its column's type, or any value at all. */
function cellArbitrary(scale: FuzzScale) {
  return fc.oneof(
    fc.record({
      fit: fc.constant(true as const),
      number: fc.integer({ min: -1000, max: 1000 }),
      text: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9 _-]{0,20}$/), textArbitrary(scale)),
      kind: fc.constantFrom('string', 'integer', 'number', 'boolean', 'json', 'xml'),
    }),
    fc.record({ fit: fc.constant(false as const), value: valueArbitrary(scale) }),
  );
}

type Cell = { fit: true; number: number; text: string; kind: string } | { fit: false; value: unknown };
type ColumnModel = Record<string, unknown> & { type: unknown; typedBy?: string; enum?: unknown[] };

function cellValue(cell: Cell, column: ColumnModel | undefined): unknown {
  if (!cell.fit) return cell.value;
  if (column?.typedBy !== undefined) {
    // A typed value: its kind column decides what it must parse as.
    return cell.kind === 'json' ? { queueId: cell.text, priority: cell.number } : cell.number;
  }
  if (Array.isArray(column?.enum) && column.enum.length > 0)
    return column.enum[Math.abs(cell.number) % column.enum.length];
  switch (column?.type) {
    case 'integer':
      return cell.number;
    case 'number':
      return cell.number / 8;
    case 'boolean':
      return cell.number % 2 === 0;
    default:
      return cell.text;
  }
}

/** A whole config file as data, following the format closely enough to reach the row rules. */
export function tableModelArbitrary(scale: FuzzScale): fc.Arbitrary<Record<string, unknown>> {
  const rowKey = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/) },
    { weight: 1, arbitrary: textArbitrary(scale) },
  );
  return fc
    .record({
      identity: fc.oneof(
        fc.record({ table: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), textArbitrary(scale)) }),
        fc.record({ table_id: fc.oneof(fc.uuid(), fc.string()) }),
        fc.record({ table: fc.constant('both'), table_id: fc.uuid() }),
        fc.constant({}),
      ),
      settings: fc.record(
        {
          format: fc.constantFrom(1, 2, '1'),
          description: fc.string({ maxLength: 30 }),
          division: fc.constantFrom('Home', ''),
          environment: fc.constantFrom('prod', 'staging', '', '\u202eprod', 'prod\u0000'),
          key: fc.record({ title: nameArbitrary(scale), description: fc.string() }, { requiredKeys: [] }),
          prune: fc.oneof(fc.boolean(), fc.constant('yes')),
          limits: fc.record(
            {
              maxRows: fc.integer({ min: -1, max: 12 }),
              maxColumns: fc.integer({ min: 0, max: 8 }),
              maxRowBytes: fc.integer({ min: 0, max: 400 }),
              maxKeyLength: fc.integer({ min: 0, max: 12 }),
            },
            { requiredKeys: [] },
          ),
          allow: fc.array(
            fc.record(
              {
                key: rowKey,
                column: nameArbitrary(scale),
                rules: fc.array(fc.constantFrom(...GUARD_RULES), { maxLength: 3 }),
                reason: fc.string({ maxLength: 10 }),
              },
              { requiredKeys: ['key', 'rules'] },
            ),
            { maxLength: 2 },
          ),
          extra: valueArbitrary(scale),
        },
        { requiredKeys: [] },
      ),
      typed: fc.boolean(),
      columns: fc.dictionary(nameArbitrary(scale), columnArbitrary(scale), { maxKeys: 6 }),
      rows: fc.array(
        fc.record({
          key: rowKey,
          keyless: fc.boolean(),
          cells: fc.array(fc.tuple(fc.nat(), cellArbitrary(scale)), { maxLength: 5 }),
        }),
        { maxLength: 8 },
      ),
      listForm: fc.boolean(),
      schemas: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...VALUE_SCHEMAS)), { maxLength: 3 }),
    })
    .map(({ identity, settings, typed, columns, rows, listForm, schemas }) => {
      const { extra, ...rest } = settings;
      const allColumns: Record<string, ColumnModel> = { ...(columns as Record<string, ColumnModel>) };
      if (typed) {
        allColumns.config_value = { type: 'string', typedBy: 'data_type', maxLength: 36000 };
        allColumns.data_type = {
          type: 'string',
          enum: ['string', 'integer', 'number', 'boolean', 'json'],
          default: 'string',
        };
      }
      const names = Object.keys(allColumns);
      const keyTitle = typeof rest.key?.title === 'string' ? rest.key.title : 'key';
      const builtRows = rows.map((row) => {
        const cells: Record<string, unknown> = {};
        for (const [index, cell] of row.cells) {
          const name = names.length > 0 ? names[index % names.length]! : `c${index}`;
          cells[name] = cellValue(cell, allColumns[name]);
          if (typed && name === 'config_value' && cell.fit) cells.data_type = cell.kind;
        }
        return { key: row.key, keyless: row.keyless, cells };
      });
      const rowsValue = listForm
        ? builtRows.map(({ key, keyless, cells }) => (keyless ? cells : { [keyTitle]: key, ...cells }))
        : Object.fromEntries(builtRows.map(({ key, cells }) => [key, cells]));
      const valueSchemas = Object.fromEntries(
        schemas.map(([index, schema]) => [
          builtRows.length > 0 ? builtRows[index % builtRows.length]!.key : 'fallback_queue',
          schema,
        ]),
      );
      return {
        ...identity,
        ...rest,
        ...(extra !== undefined && typeof extra === 'object' && extra !== null && !Array.isArray(extra)
          ? { extra }
          : {}),
        columns: allColumns,
        ...(schemas.length > 0 ? { valueSchemas } : {}),
        rows: rowsValue,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Edits of the YAML tree

export type TreeEdit =
  | { edit: 'replace'; at: number; value: unknown }
  | { edit: 'remove'; at: number }
  | { edit: 'insert'; at: number; name: string; value: unknown }
  | { edit: 'duplicate'; at: number; normalise: 'same' | 'NFD' | 'NFC' | 'upper' }
  | { edit: 'nest'; at: number; depth: number; asMap: boolean }
  | { edit: 'alias'; at: number; target: number }
  | { edit: 'merge'; at: number; target: number }
  | { edit: 'tag'; at: number; tag: string }
  | { edit: 'style'; at: number; scalarType: (typeof SCALAR_TYPES)[number] }
  | { edit: 'rename'; at: number; affix: string; repeat: number }
  | { edit: 'multiply'; at: number; copies: number }
  | { edit: 'lengthen'; at: number; unit: string; length: number };

function treeEditArbitrary(scale: FuzzScale): fc.Arbitrary<TreeEdit> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ edit: fc.constant('replace'), at, value: valueArbitrary(scale) }) },
    { weight: 2, arbitrary: fc.record({ edit: fc.constant('remove'), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        edit: fc.constant('insert'),
        at,
        name: nameArbitrary(scale),
        value: valueArbitrary(scale),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        edit: fc.constant('duplicate'),
        at,
        normalise: fc.constantFrom('same', 'NFD', 'NFC', 'upper'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        edit: fc.constant('nest'),
        at,
        depth: fc.integer({ min: 1, max: 40 }),
        asMap: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('alias'), at, target: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('merge'), at, target: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('tag'), at, tag: fc.constantFrom(...TAGS) }) },
    {
      weight: 1,
      arbitrary: fc.record({ edit: fc.constant('style'), at, scalarType: fc.constantFrom(...SCALAR_TYPES) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        edit: fc.constant('rename'),
        at,
        affix: fc.constantFrom(...AWKWARD_TEXTS),
        repeat: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 400 })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        edit: fc.constant('multiply'),
        at,
        copies: fc.integer({ min: 1, max: scale.maxCopies }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        edit: fc.constant('lengthen'),
        at,
        unit: fc.constantFrom('x', 'é', '😀', 'ab\u0301', ' ', '\\n', 'Zx9Q'),
        length: fc.integer({ min: 1, max: scale.maxLength }),
      }),
    },
  ) as fc.Arbitrary<TreeEdit>;
}

/** A place in the tree that an edit can change: the root, a map key or value, a list item. */
interface Slot {
  node: unknown;
  set(node: unknown): void;
  /** The collection holding it, and where (absent for the root). */
  parent?: YAMLMap | YAMLSeq;
  index?: number;
  isKey?: boolean;
}

function slotsOf(doc: Document): Slot[] {
  const slots: Slot[] = [{ node: doc.contents, set: (node) => (doc.contents = node as Node) }];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isCollection(node)) continue;
    node.items.forEach((item, index) => {
      if (isPair(item)) {
        const pair = item as Pair;
        slots.push({ node: pair.key, set: (key) => (pair.key = key), parent: node, index, isKey: true });
        slots.push({ node: pair.value, set: (value) => (pair.value = value), parent: node, index });
        stack.push(pair.value);
      } else {
        slots.push({ node: item, set: (value) => (node.items[index] = value as Node), parent: node, index });
        stack.push(item);
      }
    });
  }
  return slots;
}

const VARIANTS: Record<'same' | 'NFD' | 'NFC' | 'upper', (text: string) => string> = {
  same: (text) => text,
  NFD: (text) => `${text}\u00e9`.normalize('NFD'),
  NFC: (text) => `${text}e\u0301`.normalize('NFC'),
  upper: (text) => text.toUpperCase(),
};

function applyTreeEdit(doc: Document, edit: TreeEdit, anchors: { count: number }): void {
  const slots = slotsOf(doc);
  const slot = slots[edit.at % slots.length]!;
  const create = (value: unknown) => doc.createNode(value, { aliasDuplicateObjects: false });
  switch (edit.edit) {
    case 'replace':
      slot.set(create(edit.value));
      return;
    case 'remove':
      if (slot.parent && slot.index !== undefined) slot.parent.items.splice(slot.index, 1);
      else slot.set(null);
      return;
    case 'insert':
      if (isMap(slot.node)) slot.node.items.push(doc.createPair(edit.name, edit.value));
      else if (isSeq(slot.node)) slot.node.items.push(create(edit.value));
      else slot.set(create({ [edit.name]: edit.value }));
      return;
    case 'duplicate': {
      if (!slot.parent || slot.index === undefined) return;
      const item = slot.parent.items[slot.index] as Pair | Node;
      const copy = item.clone() as Pair | Node;
      if (isPair(copy) && isScalar(copy.key) && typeof copy.key.value === 'string')
        copy.key.value = VARIANTS[edit.normalise](copy.key.value);
      slot.parent.items.splice(slot.index + 1, 0, copy as never);
      return;
    }
    case 'nest': {
      let node = slot.node;
      for (let level = 0; level < edit.depth; level++) {
        const wrapper: YAMLMap | YAMLSeq = edit.asMap ? new YAMLMap() : new YAMLSeq();
        if (isMap(wrapper)) wrapper.items.push(doc.createPair('n', null));
        if (isMap(wrapper)) (wrapper.items[0] as Pair).value = node;
        else wrapper.items.push(node);
        node = wrapper;
      }
      slot.set(node);
      return;
    }
    case 'alias':
    case 'merge': {
      const target = slots[edit.target % slots.length]!.node;
      if (!isNode(target) || target.constructor.name === 'Alias') return;
      target.anchor ??= `a${anchors.count++}`;
      const alias = doc.createAlias(target as Scalar, target.anchor);
      if (edit.edit === 'alias') slot.set(alias);
      else if (isMap(slot.node)) slot.node.items.push(doc.createPair('<<', alias));
      else slot.set(create({ '<<': null }));
      return;
    }
    case 'tag':
      if (isNode(slot.node) && (isScalar(slot.node) || isCollection(slot.node))) slot.node.tag = edit.tag;
      return;
    case 'style':
      if (isCollection(slot.node)) slot.node.flow = !slot.node.flow;
      else if (isScalar(slot.node)) slot.node.type = edit.scalarType;
      return;
    case 'rename':
      if (isScalar(slot.node))
        slot.node.value = `${String(slot.node.value)}${edit.affix.repeat(edit.repeat)}`;
      return;
    case 'multiply': {
      const collection = isCollection(slot.node) ? slot.node : slot.parent;
      const first = collection?.items[0] as Pair | Node | undefined;
      if (!collection || !first) return;
      for (let copy = 1; copy <= edit.copies; copy++) {
        const clone = first.clone() as Pair | Node;
        // Fresh keys, so that the copies are many rows (or columns), not duplicates.
        const named = isPair(clone)
          ? clone.key
          : isMap(clone)
            ? (clone.items[0] as Pair | undefined)?.value
            : null;
        if (isScalar(named)) named.value = `${String(named.value)}_${copy}`;
        collection.items.push(clone as never);
      }
      return;
    }
    case 'lengthen':
      slot.set(create(edit.unit.repeat(Math.ceil(edit.length / edit.unit.length))));
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Edits of the text and of the bytes

/** Fragments inserted anywhere: YAML syntax, directives, tags, escapes, awkward characters. */
const TEXT_FRAGMENTS = [
  '&a ',
  '*a',
  '<<: *a',
  '<<: [*a, *b]',
  '!!binary aGVsbG8=',
  '!!set {a, b}',
  '!foo ',
  '!<tag:yaml.org,2002:str> ',
  '!!str ',
  '!!int ',
  '!!float ',
  '!!timestamp 2001-12-14',
  '!e!x ',
  '? ',
  ': ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '|',
  '>-',
  '"',
  "'",
  '\\',
  '%',
  '@',
  '`',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\u00a0',
  '\u0301',
  'e\u0301',
  '\u00e9',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u0085',
  '\u2028',
  '😀',
  '"\\ud800"',
  '"\\udc00x"',
  '"\\u0000"',
  '"\\x85\\N\\_\\L\\P"',
  '"\\U0001F600"',
  '"\\uD83D\\uDE00"',
  '1e400',
  '-.inf',
  '.nan',
  '0x7FFFFFFFFFFFFFFFF',
  '0o17',
  '007',
  'yes',
  '~',
  '---',
  '...',
  '\n---\n',
  '\n...\n',
];

/** Whole lines inserted between lines, at the indentation of the line before. */
const LINE_FRAGMENTS = [
  '%YAML 1.1\n---',
  '%YAML 1.2\n---',
  '%YAML 2.0\n---',
  '%TAG !e! tag:example.com,2000:\n---',
  '%FOO bar\n---',
  '---',
  '...',
  '--- !!map',
  'extra: field',
  'table: other_table',
  'table_id: 6a1f0c2e-3b7d-4a51-9c1e-2f4d8b7a9e10',
  'rows: *a',
  'columns: &a {}',
  '<<: *a',
  'x: &a [*a]',
  'a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  '? [complex, key]\n: value',
  'k: |\n  block\n  text',
  'k: >\n folded',
  'e\u0301: 1',
  '\u00e9: 2',
  '"\\ud800": lone',
  'key: value',
  '- key: listed',
  'rows: {}',
  'rows: []',
  'rows:',
  'columns: []',
  '\tindented: with a tab',
  '# comment',
];

export type TextEdit =
  | { edit: 'insert'; at: number; fragment: string }
  | { edit: 'line'; at: number; fragment: string; indent: 'same' | 'none' | 'deeper' }
  | { edit: 'deleteLine'; at: number }
  | { edit: 'repeatLine'; at: number; copies: number }
  | { edit: 'tabIndent'; at: number }
  | { edit: 'truncate'; at: number }
  | { edit: 'crlf' }
  | { edit: 'bom' }
  | { edit: 'secondDocument' };

function textEditArbitrary(scale: FuzzScale): fc.Arbitrary<TextEdit> {
  const at = fc.nat();
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ edit: fc.constant('insert'), at, fragment: fc.constantFrom(...TEXT_FRAGMENTS) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        edit: fc.constant('line'),
        at,
        fragment: fc.constantFrom(...LINE_FRAGMENTS),
        indent: fc.constantFrom('same', 'none', 'deeper'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('deleteLine'), at }) },
    {
      weight: 1,
      arbitrary: fc.record({
        edit: fc.constant('repeatLine'),
        at,
        copies: fc.integer({ min: 1, max: scale.maxCopies }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('tabIndent'), at }) },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('truncate'), at }) },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('crlf') }) },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('bom') }) },
    { weight: 1, arbitrary: fc.record({ edit: fc.constant('secondDocument') }) },
  ) as fc.Arbitrary<TextEdit>;
}

function applyTextEdit(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const line = 'at' in edit ? edit.at % lines.length : 0;
  switch (edit.edit) {
    case 'insert': {
      const offset = edit.at % (text.length + 1);
      return text.slice(0, offset) + edit.fragment + text.slice(offset);
    }
    case 'line': {
      const indent = /^[ \t]*/.exec(lines[line]!)![0];
      const prefix = edit.indent === 'none' ? '' : edit.indent === 'deeper' ? `${indent}  ` : indent;
      const inserted = edit.fragment.split('\n').map((part) => prefix + part);
      lines.splice(line + 1, 0, ...inserted);
      return lines.join('\n');
    }
    case 'deleteLine':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'repeatLine': {
      const copies = Array.from({ length: edit.copies }, (_, index) =>
        lines[line]!.replace(
          /^(\s*-?\s*)([^\s:]+)/,
          (_match, lead: string, name: string) => `${lead}${name}${index}`,
        ),
      );
      lines.splice(line + 1, 0, ...copies);
      return lines.join('\n');
    }
    case 'tabIndent':
      lines[line] = lines[line]!.replace(/^ +/, '\t');
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, edit.at % (text.length + 1));
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\ufeff${text}`;
    case 'secondDocument':
      return `${text}\n---\n${text}`;
  }
}

export type ByteEdit =
  | { edit: 'flip'; at: number; mask: number }
  | { edit: 'insertBytes'; at: number; bytes: number[] }
  | { edit: 'truncate'; at: number };

const AWKWARD_BYTES = [
  [0x00],
  [0x80],
  [0xc0, 0xaf],
  [0xff],
  [0xed, 0xa0, 0x80],
  [0xef, 0xbb, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
];

const byteEditArbitrary: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ edit: fc.constant('flip'), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ edit: fc.constant('insertBytes'), at: fc.nat(), bytes: fc.constantFrom(...AWKWARD_BYTES) }),
  fc.record({ edit: fc.constant('truncate'), at: fc.nat() }),
) as fc.Arbitrary<ByteEdit>;

function applyByteEdit(bytes: Buffer, edit: ByteEdit): Buffer {
  const offset = edit.at % (bytes.length + 1);
  switch (edit.edit) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      const index = offset % bytes.length;
      copy[index] = copy[index]! ^ edit.mask;
      return copy;
    }
    case 'insertBytes':
      return Buffer.concat([bytes.subarray(0, offset), Buffer.from(edit.bytes), bytes.subarray(offset)]);
    case 'truncate':
      return bytes.subarray(0, offset);
  }
}

// ---------------------------------------------------------------------------------------------
// Recipes: a seed and its edits

export type FileSource =
  { from: 'seed'; index: number } | { from: 'model'; table: Record<string, unknown>; flow: boolean };

export interface FileRecipe {
  source: FileSource;
  tree: TreeEdit[];
  text: TextEdit[];
  bytes: ByteEdit[];
}

export interface FuzzFile {
  name: string;
  bytes: Buffer;
}

/** One file's recipe: mostly tree edits (they keep the YAML readable), fewer text and byte edits. */
export function fileRecipeArbitrary(seeds: readonly SeedFile[], scale: FuzzScale): fc.Arbitrary<FileRecipe> {
  const source: fc.Arbitrary<FileSource> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ from: fc.constant('seed' as const), index: fc.nat(seeds.length - 1) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        from: fc.constant('model' as const),
        table: tableModelArbitrary(scale),
        flow: fc.boolean(),
      }),
    },
  );
  return fc.record({
    source,
    tree: fc.array(treeEditArbitrary(scale), { maxLength: 4 }),
    text: fc.oneof(
      { weight: 3, arbitrary: fc.constant<TextEdit[]>([]) },
      { weight: 2, arbitrary: fc.array(textEditArbitrary(scale), { minLength: 1, maxLength: 3 }) },
    ),
    bytes: fc.oneof(
      { weight: 6, arbitrary: fc.constant<ByteEdit[]>([]) },
      { weight: 1, arbitrary: fc.array(byteEditArbitrary, { minLength: 1, maxLength: 2 }) },
    ),
  });
}

const FILE_NAMES = ['datatables/prod.yaml', 'datatables/a b/ünï 😀.yml', 't.yaml', 'datatables/x.yaml'];

/** One to three files, validated together (two files can name the same table). */
export function fileSetArbitrary(seeds: readonly SeedFile[], scale: FuzzScale): fc.Arbitrary<FuzzFile[]> {
  return fc
    .array(fc.tuple(fc.constantFrom(...FILE_NAMES), fileRecipeArbitrary(seeds, scale)), {
      minLength: 1,
      maxLength: 3,
    })
    .map((entries) =>
      entries.map(([name, recipe], index) =>
        describedFile(name.replace(/(\.ya?ml)$/, `-${index}$1`), buildFile(seeds, recipe, scale)),
      ),
    );
}

/** A file that fast-check prints as its text (and its bytes, when they are not UTF-8). */
function describedFile(name: string, bytes: Buffer): FuzzFile {
  return {
    name,
    bytes,
    [fc.toStringMethod]: () => {
      const text = bytes.toString('utf8');
      const exact = Buffer.from(text, 'utf8').equals(bytes);
      return `{ name: ${JSON.stringify(name)}, text: ${JSON.stringify(text)}${exact ? '' : `, base64: ${JSON.stringify(bytes.toString('base64'))}`} }`;
    },
  } as FuzzFile;
}

/** The bytes a recipe makes (deterministic: the same recipe makes the same file). */
export function buildFile(seeds: readonly SeedFile[], recipe: FileRecipe, scale: FuzzScale): Buffer {
  let text: string;
  let original: Buffer | undefined;
  if (recipe.source.from === 'seed') {
    original = seeds[recipe.source.index % seeds.length]!.bytes;
    text = original.toString('utf8');
  } else {
    const doc = new Document(recipe.source.table, { aliasDuplicateObjects: false });
    if (isCollection(doc.contents)) doc.contents.flow = recipe.source.flow;
    text = doc.toString();
    original = undefined;
  }
  if (recipe.tree.length > 0) {
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length === 0) {
      const anchors = { count: 0 };
      for (const edit of recipe.tree) applyTreeEdit(doc, edit, anchors);
      try {
        text = doc.toString({ lineWidth: 0 }).slice(0, scale.maxFileChars);
        original = undefined;
      } catch {
        // An edit left the tree unprintable (an alias whose anchor was removed): keep the text.
      }
    }
  }
  for (const edit of recipe.text) text = applyTextEdit(text, edit).slice(0, scale.maxFileChars);
  let bytes = original !== undefined && recipe.text.length === 0 ? original : Buffer.from(text, 'utf8');
  for (const edit of recipe.bytes) bytes = applyByteEdit(bytes, edit);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// The property: the validator is total

/** A fresh directory holding the files, so validateConfigFiles reads them as the CLI would. */
async function writeFiles(files: readonly FuzzFile[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-fuzz-'));
  for (const file of files) {
    await mkdir(dirname(join(dir, file.name)), { recursive: true });
    await writeFile(join(dir, file.name), file.bytes);
  }
  return dir;
}

/** Line lengths (in UTF-16 code units, as columns are counted) of the file read leniently. */
function lineLengths(bytes: Buffer): number[] {
  return new TextDecoder('utf-8')
    .decode(bytes)
    .split('\n')
    .map((line) => line.length);
}

function findingProblems(item: Finding, file: FuzzFile, lengths: readonly number[]): string[] {
  const problems: string[] = [];
  const where = `${item.rule} at ${item.line}:${item.column} (${JSON.stringify(item.message)})`;
  if (item.file !== file.name) problems.push(`${where}: file ${JSON.stringify(item.file)}, not ${file.name}`);
  if (!Object.hasOwn(RULES, item.rule)) problems.push(`${where}: unknown rule`);
  else if (item.severity !== RULES[item.rule as keyof typeof RULES][0])
    problems.push(`${where}: severity ${item.severity}`);
  if (!Number.isInteger(item.line) || item.line < 1 || item.line > lengths.length + 1)
    problems.push(`${where}: line outside 1..${lengths.length + 1}`);
  const lineLength = lengths[item.line - 1] ?? 0;
  if (!Number.isInteger(item.column) || item.column < 1 || item.column > lineLength + 1)
    problems.push(`${where}: column outside 1..${lineLength + 1}`);
  if (typeof item.message !== 'string' || item.message.trim() === '') problems.push(`${where}: no message`);
  if (typeof item.hint !== 'string' || item.hint.trim() === '') problems.push(`${where}: no hint`);
  return problems;
}

export interface TotalityResult {
  /** Broken promises; empty when the validator behaved. */
  problems: string[];
  findings: number;
  errors: number;
}

/**
 * Runs what `validate` runs on a set of files (each file alone through loadConfig, then all of
 * them through validateConfigFiles and both renderers) and lists every broken promise: a throw,
 * a finding that is unlocated, misfiled, of an unknown rule or without message and fix, a file
 * with no error that yields no config, an exit code that disagrees with the findings.
 */
export async function checkTotality(files: readonly FuzzFile[]): Promise<TotalityResult> {
  // A warning printed by a library (yaml's "Keys with collection values will be stringified")
  // would land in the CLI's output: it means a case the validator let through unexamined.
  const emitWarning = process.emitWarning;
  const warnings: string[] = [];
  process.emitWarning = ((warning: string | Error) =>
    void warnings.push(String(warning))) as typeof emitWarning;
  try {
    const result = await checkFiles(files);
    for (const warning of warnings) result.problems.push(`a warning was printed: ${warning}`);
    return result;
  } finally {
    process.emitWarning = emitWarning;
  }
}

async function checkFiles(files: readonly FuzzFile[]): Promise<TotalityResult> {
  const problems: string[] = [];
  const ownFindings = new Map<string, Finding[]>();
  for (const file of files) {
    const lengths = lineLengths(file.bytes);
    try {
      const loaded = loadConfig(file.name, file.bytes);
      for (const item of loaded.findings) problems.push(...findingProblems(item, file, lengths));
      const errors = hasErrors(loaded.findings);
      if (!errors && !loaded.config) problems.push(`${file.name}: no error finding, yet no config`);
      if (loaded.config && loaded.config.file !== file.name)
        problems.push(`${file.name}: the config says it came from ${loaded.config.file}`);
      ownFindings.set(file.name, loaded.findings);
    } catch (error) {
      problems.push(`${file.name}: loadConfig threw ${(error as Error).stack ?? String(error)}`);
    }
  }
  let findings: Finding[] = [];
  try {
    const cwd = await writeFiles(files);
    const result = await validateConfigFiles(
      files.map((file) => file.name),
      { cwd },
    ).finally(() => rm(cwd, { recursive: true, force: true }));
    findings = result.findings;
    for (const file of files) {
      const lengths = lineLengths(file.bytes);
      const mine = findings.filter((item) => item.file === file.name);
      for (const item of mine) problems.push(...findingProblems(item, file, lengths));
      const alone = ownFindings.get(file.name);
      const fromSet = mine.filter((item) => item.rule !== 'table-duplicate');
      if (alone && JSON.stringify(fromSet) !== JSON.stringify(sortFindings(alone)))
        problems.push(`${file.name}: validating the set found other findings than loading the file alone`);
    }
    const strays = findings.filter((item) => !files.some((file) => file.name === item.file));
    for (const item of strays) problems.push(`finding for a file not given: ${JSON.stringify(item)}`);
    const exitCode = hasErrors(findings) ? 1 : 0;
    const report = JSON.parse(renderFindingsJson(findings, result.files)) as {
      valid: boolean;
      errors: number;
      warnings: number;
      findings: unknown[];
    };
    if ((report.valid ? 0 : 1) !== exitCode) problems.push(`the JSON report says valid: ${report.valid}`);
    if (report.errors + report.warnings !== findings.length || report.findings.length !== findings.length)
      problems.push('the JSON report counts other findings');
    if (exitCode === 0 && result.configs.length !== files.length)
      problems.push('no errors, yet not every file yielded a config');
    const text = renderFindingsText(findings, result.files);
    if (
      !text.endsWith(
        exitCode === 0 && findings.length === 0 ? 'valid.\n' : `file${files.length === 1 ? '' : 's'}.\n`,
      )
    )
      problems.push('the text report has no summary line');
  } catch (error) {
    problems.push(`validateConfigFiles or a renderer threw ${(error as Error).stack ?? String(error)}`);
  }
  return {
    problems,
    findings: findings.length,
    errors: findings.filter((item) => item.severity === 'error').length,
  };
}

/** The seed and run count of the fuzz test: fixed, unless FUZZ_SEED / FUZZ_RUNS say otherwise. */
export function fuzzSettings(defaults: { seed: number; runs: number }): { seed: number; runs: number } {
  const read = (name: string, fallback: number) => {
    const text = process.env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value))
      throw new Error(`${name} must be an integer, not ${JSON.stringify(text)}`);
    return value;
  };
  return { seed: read('FUZZ_SEED', defaults.seed), runs: read('FUZZ_RUNS', defaults.runs) };
}

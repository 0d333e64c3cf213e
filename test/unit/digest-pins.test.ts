import { describe, expect, it } from 'vitest';
import { desiredTableSchema } from '../../src/config/desired-schema.js';
import type { Row, TableSchema } from '../../src/genesys/types.js';
import { buildPlan, planDigest } from '../../src/plan/build.js';
import { canonicalJson, sha256Of } from '../../src/plan/canonical.js';
import { fingerprintTable } from '../../src/plan/snapshot.js';
import { loadValid } from '../helpers/config.js';
import { liveTable, ORG } from '../helpers/plan.js';

/*
 * Digests that plans, backups and signatures already written depend on: the canonical form may
 * be computed differently, never to a different text. The figures were recorded from the
 * canonical form as released; a change here breaks every signed file in the field.
 */
const VALUES: Record<string, unknown> = {
  scalars: [null, true, false, 0, -0, 1.5, 1e21, -3e-7, Number.NaN, Number.POSITIVE_INFINITY, '', 'plain'],
  escapes: [
    'quote " back \\ slash',
    'line\nbreak\ttab\u0000nul\u001f',
    'é ü 漢字 😀',
    'lone \ud800 high',
    'lone \udc00 low',
    '\u2028\u2029',
  ],
  holes: [undefined, 1, undefined],
  flatRow: { value: 'v', key: 'k1', count: 3, on: true, none: null, skipped: undefined },
  otherOrder: { on: true, count: 3, key: 'k1', value: 'v', none: null },
  oddKeys: { 'b"q': 1, 'a\\b': 2, '': 3, Z: 4, a: 5, é: 6, '\u0000': 7, '10': 8, '9': 9 },
  proto: JSON.parse('{"key":"p","__proto__":"x","constructor":"y"}'),
  nested: { z: [{ b: 1, a: [] }, {}], a: { y: { x: null, w: [true, 'x'] } }, m: undefined },
  // Flat maps put index-like keys first in numeric order; maps holding maps sort them all.
  indexKeys: { '10': { '2': 'two', '10': 'ten', b: 1 }, '9': [{ '1': 1, a: 0 }], b: 2, '01': 'zero-one' },
  mixedShapes: [
    { key: 'a', x: 1 },
    { x: 2, key: 'b' },
    { key: 'c', y: { n: 1 } },
    { key: 'd', x: 3 },
  ],
};
const SCHEMA: TableSchema = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['key'],
  properties: {
    key: { title: 'key', type: 'string', displayOrder: 0 },
    name: { title: 'name', type: 'string', displayOrder: 1, default: '' },
    count: { title: 'count', type: 'integer', displayOrder: 2, minimum: 0 },
    ratio: { title: 'ratio', type: 'number', displayOrder: 3 },
    on: { title: 'on', type: 'boolean', displayOrder: 4, default: false },
  },
} as TableSchema;
const ROWS: Row[] = [
  { key: 'b', name: 'second "row"', count: 2, ratio: 0.5, on: true },
  { key: 'a', name: 'first', count: 1, ratio: 1e-9, on: false },
  { on: true, key: 'B', name: 'upper', count: 0, ratio: -1 },
  { key: 'c', name: 'ünïcode 😀' },
];
const PLAN_YAML = `table: pinned
columns:
  name: { type: string }
  count: { type: integer }
  ratio: { type: number }
  on: { type: boolean }
  doc: { type: string, typedBy: kind }
  kind: { type: string, enum: [string, json], default: string }
rows:
  a: { name: first, count: 1, ratio: 0.000000001 }
  b: { name: 'second "row" changed', count: 2, ratio: 0.5, on: true }
  d: { name: created, count: 4 }
  e: { kind: json, doc: { b: 1, a: [1, 2] } }
`;
const LIVE_ROWS: Row[] = [
  { key: 'b', name: 'second "row"', count: 2, ratio: 0.5, on: true, doc: '', kind: 'string' },
  { key: 'a', name: 'first', count: 1, ratio: 1e-9, on: false, doc: '', kind: 'string' },
  { key: 'c', name: 'deleted', count: 3, ratio: 0, on: false, doc: '', kind: 'string' },
  { key: 'e', name: '', count: 0, ratio: 0, on: false, doc: '{"a":[1,2],"b":1}', kind: 'json' },
];

const PINNED: Record<string, [text: string, digest: string]> = {
  scalars: [
    '[null,true,false,0,0,1.5,1e+21,-3e-7,null,null,"","plain"]',
    'sha256:299a9f99b5286769975a42a1242eb59ae5b14e17a0167bcd08ea9edf30a8a561',
  ],
  escapes: [
    '["quote \\" back \\\\ slash","line\\nbreak\\ttab\\u0000nul\\u001f","é ü 漢字 😀","lone \\ud800 high","lone \\udc00 low","\u2028\u2029"]',
    'sha256:56998b15201605a14855f367b705bc06dc07ccd1e8eee2632cc2665b1f9de363',
  ],
  holes: ['[null,1,null]', 'sha256:bc78cf0d28818469fb84cfa63c4cf3bbcd0e75d71efeb080a15347c6c7e6c150'],
  flatRow: [
    '{"count":3,"key":"k1","none":null,"on":true,"value":"v"}',
    'sha256:c98f65375889b36ff27907fc444ad7f6aff4b6f86441a17d5ceb631ddefcd74e',
  ],
  otherOrder: [
    '{"count":3,"key":"k1","none":null,"on":true,"value":"v"}',
    'sha256:c98f65375889b36ff27907fc444ad7f6aff4b6f86441a17d5ceb631ddefcd74e',
  ],
  oddKeys: [
    '{"9":9,"10":8,"":3,"\\u0000":7,"Z":4,"a":5,"a\\\\b":2,"b\\"q":1,"é":6}',
    'sha256:17584c8f006239c5dd70a7448bc2b3fa6c6ad5afb07754301affaf0e5be82bc7',
  ],
  proto: [
    '{"__proto__":"x","constructor":"y","key":"p"}',
    'sha256:b59c547e0b8514b38ca39ba55878bd0487a9fbacf78380fe746920a3a9564d8b',
  ],
  nested: [
    '{"a":{"y":{"w":[true,"x"],"x":null}},"z":[{"a":[],"b":1},{}]}',
    'sha256:a421dd1fd1da389f927244bfb1bc5f4c5b27c6d1ce3587388556058b6dd3f7af',
  ],
  indexKeys: [
    '{"01":"zero-one","10":{"2":"two","10":"ten","b":1},"9":[{"1":1,"a":0}],"b":2}',
    'sha256:d8bba345e62f0103ed8c66a7f5a71461db4509792f99377ab10f2689b532fd05',
  ],
  mixedShapes: [
    '[{"key":"a","x":1},{"key":"b","x":2},{"key":"c","y":{"n":1}},{"key":"d","x":3}]',
    'sha256:44fcfe902524850898c2125db25ab7f66ce865d7407e45f9339ca684e4e68e8c',
  ],
};

describe('pinned digests', () => {
  it.each(Object.entries(PINNED))('of %s are unchanged', (name, [text, digest]) => {
    expect(canonicalJson(VALUES[name])).toBe(text);
    expect(sha256Of(VALUES[name])).toBe(digest);
  });

  it('of a live table are unchanged, whatever order its rows were read in', () => {
    const pinned = 'sha256:b1957f2958a82697c60e1e6adca93c8993eb15db4b401221ee0d1c18c3b941c2';
    expect(fingerprintTable(SCHEMA, ROWS)).toBe(pinned);
    expect(fingerprintTable(SCHEMA, [...ROWS].reverse())).toBe(pinned);
  });

  it('of a plan (creates, updates, deletes, json cells) are unchanged', () => {
    const config = loadValid(PLAN_YAML);
    const live = liveTable('pinned', desiredTableSchema(config), LIVE_ROWS);
    expect(live.fingerprint).toBe('sha256:96e481f6bca5b0fd8a30f1a8b53f27bcb3968295dcab65f916346e6fe70c770e');
    const plan = buildPlan([config], [live], ORG);
    expect(plan.totals).toMatchObject({ creates: 1, updates: 1, deletes: 1, unchanged: 2 });
    const producer = { name: 'datatable-deploy', version: '0.0.0-pinned' } as const;
    expect(planDigest({ ...plan, producer })).toBe(
      'sha256:e6d638aed10c2b7c37e64a44fa65f1b461f249c2e2c4ebfd8724448f36d53abe',
    );
  });
});

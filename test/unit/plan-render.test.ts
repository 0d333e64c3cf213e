import { describe, expect, it } from 'vitest';
import { desiredTableSchema } from '../../src/config/desired-schema.js';
import type { Row } from '../../src/genesys/types.js';
import { buildPlan } from '../../src/plan/build.js';
import { markdownCode } from '../../src/plan/display.js';
import { renderMarkdown, planMarker } from '../../src/plan/render-markdown.js';
import { renderText } from '../../src/plan/render-text.js';
import { loadValid } from '../helpers/config.js';
import { liveTable, ORG } from '../helpers/plan.js';

const HEAD = 'columns:\n  value: { type: string }\n  count: { type: integer }\n';
function tablePlanInput(
  name: string,
  rows: number,
  liveValue: (index: number) => string,
  desiredValue: (index: number) => string,
) {
  const config = loadValid(
    `table: ${name}\n${HEAD}rows:\n${Array.from({ length: rows }, (_, index) => `  k${index}: { value: '${desiredValue(index)}' }\n`).join('')}`,
  );
  const live: Row[] = Array.from({ length: rows }, (_, index) => ({
    key: `k${index}`,
    value: liveValue(index),
    count: 0,
  }));
  return { config, live: liveTable(name, desiredTableSchema(config), live) };
}

describe('the markdown comment', () => {
  it('escapes values so they cannot break the table, inject markup or mention anyone', () => {
    const hostile =
      'a | b <script>alert(1)</script> @octocat #12 `code` **bold** [x](http://e.x)\nnext line \\';
    const config = loadValid(`table: t\n${HEAD}rows:\n  k: { value: 'safe' }\n`);
    const plan = buildPlan(
      [config],
      [liveTable('t', desiredTableSchema(config), [{ key: 'k', value: hostile, count: 0 }])],
      ORG,
    );
    const markdown = renderMarkdown(plan);
    const line = markdown.split('\n').find((text) => text.includes('alert'))!;
    expect(line).toBe(
      '| <code>k</code> | <code>value</code> | <code>a &#124; b &lt;script&gt;alert(1)&lt;/script&gt; &#64;octocat &#35;12 &#96;code&#96; **bold** [x](http://e.x)⏎next line &#92;</code> | <code>safe</code> |',
    );
    expect(line.split(' | ')).toHaveLength(4);
    expect(markdown).not.toContain('@octocat');
    expect(markdown).not.toContain('<script>');
  });

  it('masks values the secret guard flags, from live rows too, and never prints them', () => {
    const secret = 'q8Vd2LmZ7xR4tKp9Wn3Bj6Hc1Ys5Fg0Ea';
    const config = loadValid(`table: t\n${HEAD}rows:\n  k: { value: rotated }\n`);
    const plan = buildPlan(
      [config],
      [
        liveTable('t', desiredTableSchema(config), [
          { key: 'k', value: secret, count: 0 },
          { key: 'gone', value: 'jane@example.com', count: 0 },
        ]),
      ],
      ORG,
    );
    const markdown = renderMarkdown(plan);
    expect(markdown).toContain('<code>(masked: q8Vd…(33 characters))</code>');
    expect(markdown).toContain('(masked: jane…(16 characters))');
    expect(markdown).not.toContain(secret);
    expect(markdown).not.toContain('jane@example.com');
    expect(renderText(plan)).not.toContain(secret);
  });

  it('leads with the verdict and the digest marker, deletes first, and opens tables with deletes', () => {
    const config = loadValid(`table: t\n${HEAD}rows:\n  a: { value: new }\n  c: {}\n`);
    const plan = buildPlan(
      [config],
      [
        liveTable('t', desiredTableSchema(config), [
          { key: 'a', value: 'old', count: 0 },
          { key: 'b', value: '', count: 0 },
        ]),
      ],
      { ...ORG, environment: 'prod' },
    );
    const markdown = renderMarkdown(plan);
    expect(
      markdown.startsWith(
        `${planMarker(plan)}\n### 📋 datatable-deploy plan · <code>prod</code>\n\n⚠️ **Needs approval.**`,
      ),
    ).toBe(true);
    expect(markdown).toContain('- t: 1 row is deleted; the limit is 0.');
    expect(markdown).toContain('| <code>t</code> | 1 | 1 | **1** | 0 | — | ');
    expect(markdown).toContain('<details open><summary><b>t</b> · +1 ~1 −1 · t.yaml</summary>');
    expect(markdown.indexOf('Deleted (1)')).toBeLessThan(markdown.indexOf('Updated (1)'));
    expect(markdown.indexOf('Updated (1)')).toBeLessThan(markdown.indexOf('Created (1)'));
  });

  it('says "no changes" plainly', () => {
    const config = loadValid(`table: t\n${HEAD}rows:\n  a: {}\n`);
    const markdown = renderMarkdown(
      buildPlan(
        [config],
        [liveTable('t', desiredTableSchema(config), [{ key: 'a', value: '', count: 0 }])],
        ORG,
      ),
    );
    expect(markdown).toContain('✅ **No changes.**');
    expect(markdown).not.toContain('<details');
  });

  it('stays under the limit with a 5,000-row table where every row changes, and says what it left out', () => {
    const { config, live } = tablePlanInput(
      'huge',
      5_000,
      (index) => `old value number ${index} ${'x'.repeat(40)}`,
      (index) => `new value ${index}`,
    );
    const plan = buildPlan([config], [live], ORG);
    expect(plan.totals.updates).toBe(5_000);
    const markdown = renderMarkdown(plan);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown.length).toBeGreaterThan(50_000);
    const more = /_…and (\d+) more lines; see the plan file \(`datatable-deploy plan --out FILE`\)\._/.exec(
      markdown,
    );
    expect(Number(more?.[1])).toBeGreaterThan(4_000);
    const shown = markdown.split('\n').filter((line) => line.startsWith('| <code>k')).length;
    expect(shown + Number(more![1])).toBe(5_000);
    expect(markdown.trimEnd().endsWith('</sub>')).toBe(true);
    expect(renderMarkdown(plan, { maxLength: 65_536 }).length).toBeLessThanOrEqual(65_536);
  });

  it('stays under the limit with 200 tables, sharing the room fairly', () => {
    const inputs = Array.from({ length: 200 }, (_, index) =>
      tablePlanInput(
        `table_${String(index).padStart(3, '0')}`,
        30,
        (row) => `before ${row}`,
        (row) => `after ${row}`,
      ),
    );
    const plan = buildPlan(
      inputs.map((input) => input.config),
      inputs.map((input) => input.live),
      ORG,
    );
    const markdown = renderMarkdown(plan);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toContain('| …and 140 more tables | | | | | | |');
    const blocks = markdown.split('<details').length - 1;
    const omitted = Number(/_The detail of (\d+) more tables is in/.exec(markdown)?.[1] ?? 0);
    expect(blocks).toBeGreaterThan(0);
    expect(blocks + omitted).toBe(200);
  });

  it('escapes code with one pass, so no escape is escaped again', () => {
    expect(markdownCode('|#@')).toBe('<code>&#124;&#35;&#64;</code>');
  });
});

describe('the terminal rendering', () => {
  const config = loadValid(`table: t\n${HEAD}rows:\n  a: { value: new, count: 2 }\n  c: {}\n`);
  const plan = buildPlan(
    [config],
    [
      liveTable('t', desiredTableSchema(config), [
        { key: 'a', value: 'old', count: 2 },
        { key: 'b', value: 'x', count: 0 },
      ]),
    ],
    ORG,
  );

  it('shows each change and the totals, without colour unless asked', () => {
    expect(renderText(plan)).toBe(
      [
        't (t.yaml)',
        '  - delete b  value="x" count=0',
        '  ~ update a',
        '      value: "old" → "new"',
        '  + create c  (defaults)',
        '  = 0 unchanged; about 6 API calls (~1 s) with row calls',
        '',
        'Plan: 1 to create, 1 to update, 1 to delete, 0 unchanged, 0 schema changes in 1 table.',
        'Needs approval:',
        '  - t: 150% of its 2 rows change; the limit is 20%.',
        '  - t: 1 row is deleted; the limit is 0.',
        `Digest: ${plan.digest}`,
        '',
      ].join('\n'),
    );
    expect(renderText(plan, { color: true })).toContain('\u001b[31m  - delete b');
  });
});

import { describe, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { buildPlan, planDigest } from '../../src/plan/build.js';
import type { Plan } from '../../src/plan/types.js';
import { readPlan, serializePlan } from '../../src/plan/plan-file.js';
import { renderMarkdown } from '../../src/plan/render-markdown.js';
import { renderText } from '../../src/plan/render-text.js';
import { loadValid } from '../helpers/config.js';
import { liveTable, ORG } from '../helpers/plan.js';

const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const LIVE = liveTable('retired', SCHEMA, [
  { key: 'a', value: 'x' },
  { key: 'b', value: 'y' },
]);
const NO_LIMITS = {
  maxChangedRows: 1e6,
  maxChangedPercent: 100,
  maxDeletedRows: 1e6,
  maxTotalChangedRows: 1e6,
  schemaChangesNeedApproval: false,
};

describe('a tombstone in the plan', () => {
  const tombstone = loadValid('table: retired\ndelete: true\n');

  it('is a loud DELETE TABLE in the text and the markdown, and needs approval', () => {
    const plan = buildPlan([tombstone], [LIVE], { ...ORG, thresholds: NO_LIMITS });
    expect(plan.verdict).toBe('needs-approval');
    const text = renderText(plan);
    expect(text).toContain('retired (t.yaml, tombstone)\n  - DELETE TABLE retired (2 rows)\n');
    expect(text).toContain(
      '  - retired: the table is deleted with its 2 rows; deleting a table always needs approval.',
    );
    const markdown = renderMarkdown(plan);
    expect(markdown).toContain('**🗑️ DELETE TABLE retired (2 rows)**');
    expect(markdown).toContain('| **DELETE TABLE** | 2 rows | |');
  });

  it('says a table already gone is left as it is, and changes nothing', () => {
    const plan = buildPlan([tombstone], [null], ORG);
    expect(plan.verdict).toBe('no-changes');
    expect(renderText(plan)).toContain('  = already gone: no table retired exists, nothing to delete');
    expect(renderMarkdown(plan)).toContain('_already gone: no table retired exists, nothing to delete._');
  });

  it('is covered by the digest and read back from a plan file', () => {
    const deleting = buildPlan([tombstone], [LIVE], ORG);
    const gone = buildPlan([tombstone], [null], ORG);
    expect(deleting.digest).not.toBe(gone.digest);
    for (const plan of [deleting, gone])
      expect(readPlan(serializePlan(plan), 'plan.json').tables[0]).toMatchObject({ tombstone: true });
  });

  it('is refused from a plan file edited to drop its approval, even with the digest recomputed', () => {
    const plan = buildPlan([tombstone], [LIVE], { ...ORG, thresholds: NO_LIMITS });
    for (const verdict of ['within-threshold', 'no-changes'] as const) {
      const { digest: _digest, ...rest } = JSON.parse(serializePlan(plan)) as Plan;
      const edited = { ...rest, thresholds: [], verdict } as unknown as Plan;
      const forged = { ...edited, digest: planDigest(edited) };
      expect(() => readPlan(JSON.stringify(forged), 'plan.json')).toThrow(
        /deletes table retired without the approval a table delete always needs/,
      );
    }
  });
});

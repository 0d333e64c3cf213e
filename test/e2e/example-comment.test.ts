/**
 * The plan comment shown in docs/plans.md is real: the tool renders it from examples/config and
 * examples/live. Run with UPDATE_EXAMPLES=1 to write it again after a deliberate change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { validateConfigFiles } from '../../src/config/validate.js';
import type { StateDump } from '../../src/emulator/state.js';
import { buildPlan } from '../../src/plan/build.js';
import { renderMarkdown } from '../../src/plan/render-markdown.js';
import { readSnapshot } from '../../src/plan/snapshot.js';
import { clientFor, useEmulator } from '../helpers/emulator.js';
import { ROOT } from '../helpers/processes.js';
import { ORG } from '../helpers/plan.js';

const emulator = useEmulator();
const COMMENT = resolve(ROOT, 'examples/plan-comment.md');

it('renders the example plan comment of docs/plans.md from the examples', async () => {
  emulator.state.load(
    JSON.parse(
      readFileSync(resolve(ROOT, 'examples/live/plugin_config_production.json'), 'utf8'),
    ) as StateDump,
  );
  const { configs, findings } = await validateConfigFiles(['examples/config/plugin_config_production.yaml'], {
    cwd: ROOT,
  });
  expect(findings).toEqual([]);
  const snapshot = await readSnapshot(clientFor(emulator).tables, configs);
  const plan = buildPlan(configs, snapshot, {
    ...ORG,
    environment: 'prod',
    now: new Date('2026-11-20T09:30:00.000Z'),
  });
  const markdown = renderMarkdown(plan);
  if (process.env.UPDATE_EXAMPLES === '1') writeFileSync(COMMENT, markdown);
  expect(markdown).toBe(readFileSync(COMMENT, 'utf8'));
  const page = readFileSync(resolve(ROOT, 'docs/plans.md'), 'utf8');
  expect(page).toContain(markdown.trim());
});

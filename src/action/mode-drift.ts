import { renderMarkdown } from '../plan/render-markdown.js';
import type { ModeContext, ModeOutcome } from './context.js';
import { INVALID_CONFIG, planForAction, planOutputs } from './planning.js';
import { policyForAction } from './policy-source.js';
import { unfinishedAdvice, unfinishedDeploys } from './unfinished.js';

const DRIFT_MARKER = (deployment: string) => `<!-- datatable-deploy:drift deployment=${deployment} -->`;

/**
 * Scheduled drift check: plan the default branch against the live tables. Any change means the
 * live tables drifted from git: report it, optionally in one issue kept up to date, and fail
 * the job (or only warn).
 */
export async function runDriftMode(context: ModeContext): Promise<ModeOutcome> {
  const planned = await planForAction(
    context,
    await policyForAction(context, { bases: [], head: context.run.sha }),
  );
  if (!planned) return INVALID_CONFIG;
  const { plan } = planned;
  const unfinished = await unfinishedDeploys(context, [context.run.sha]);
  for (const item of unfinished) {
    context.io.warn(unfinishedAdvice(item, 'drift'));
    await context.io.summary(`> ⚠️ ${unfinishedAdvice(item, 'drift')}\n`);
  }
  const outputs = planOutputs(plan);
  if (plan.verdict === 'no-changes') {
    await context.io.summary('### ✅ No drift\n\nThe live tables match the default branch.');
    return { result: 'no-changes', outputs };
  }
  const report = renderMarkdown(plan, { maxLength: 60_000, title: 'drift' });
  await context.io.summary(
    `### ⚠️ Drift\n\nThe live tables differ from the default branch: a deploy would make these changes.\n\n${renderMarkdown(plan, { maxLength: 900_000 })}`,
  );
  if (context.settings.driftIssue) {
    const title = `Data tables drifted from git${plan.environment ? ` (${plan.environment})` : ''}`;
    const body = `${DRIFT_MARKER(context.settings.deployment)}\nThe scheduled drift check found live changes that are not in git. Deploying the default branch would undo them; to keep them, put them in the config files.\n\n${report}`;
    const number = await context.github.upsertIssue(DRIFT_MARKER(context.settings.deployment), title, body);
    context.io.info(`Drift reported in issue #${number}.`);
  }
  const message = `The live tables drifted from the default branch (${plan.totals.creates + plan.totals.updates + plan.totals.deletes} rows).`;
  if (!context.settings.driftFail) {
    context.io.warn(message);
    return { result: 'planned', outputs };
  }
  return { result: 'planned', outputs, failure: message };
}

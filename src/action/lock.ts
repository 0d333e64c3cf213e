import { describeError } from '../errors.js';
import type { ModeContext } from './context.js';

/**
 * The deploy lock: a deploy or rollback refuses to start while an earlier run of the same
 * workflow is still in progress (two runs writing the same tables at once could each roll back
 * the other's work). The examples' `concurrency` groups make runs wait their turn; this check
 * catches workflows without one. It needs `actions: read`; without it, it warns and goes on.
 * Returns why it refuses, or undefined.
 */
export async function otherDeployInProgress(context: ModeContext): Promise<string | undefined> {
  let others;
  try {
    others = await context.github.otherRunsInProgress(context.run.runId);
  } catch (error) {
    context.io.warn(
      `Could not check for other runs of this workflow (grant "actions: read" to enable the check): ${describeError(error)}`,
    );
    return undefined;
  }
  const earlier = others.filter((other) => other.id < context.run.runId);
  if (earlier.length === 0) return undefined;
  return `Another run of this workflow is still in progress (${earlier.map((other) => `#${other.runNumber} ${other.url}`).join(', ')}); two deploys must not write the same tables at once. Re-run this one when it has finished, and give the workflow a concurrency group (see the examples) so runs wait their turn.`;
}

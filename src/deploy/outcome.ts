import type { DeployResult } from './pipeline.js';

/**
 * How a deploy ended, in words both faces use: the CLI prints the headline as it is, the action
 * puts it in its job summary and the commit status. Face-neutral: no exit codes, options or
 * inputs (each face adds its own advice, see cli/exit-codes.ts and action/mode-deploy.ts).
 */

/** "1 operation", "2 operations". */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The deploy's version when something keeps it (a managed version column, the versions table),
 * else undefined: without either, every deploy would be "version 1".
 */
export const keptVersion = (result: DeployResult): number | undefined =>
  result.versioned ? result.version : undefined;

/** The one-line headline of a deploy's end. */
export function deployHeadline(result: DeployResult): string {
  const phase = result.failure?.phase;
  switch (result.outcome) {
    case 'no-changes':
      return 'No changes: nothing was written.';
    case 'applied': {
      const version = keptVersion(result);
      return `Deployed${version === undefined ? '' : ` version ${version}`}: ${plural(result.operations, 'operation')}.`;
    }
    case 'refused':
      return 'Refused: nothing was written.';
    case 'rolled-back':
      return `Rolled back: the deploy failed (${phase}) and the live tables equal the backup again.`;
    case 'rollback-failed':
      return `FAILED: the deploy failed (${phase}) and the rollback did not finish. Manual action is needed.`;
  }
}

/** A short form for a commit status (at most 140 characters with its prefix). */
export function deployStatusText(result: DeployResult): string {
  switch (result.outcome) {
    case 'no-changes':
      return 'No changes';
    case 'applied': {
      const version = keptVersion(result);
      return version === undefined ? 'Deployed' : `Deployed version ${version}`;
    }
    case 'refused':
      return 'Refused: the plan is stale';
    case 'rolled-back':
      return `Failed (${result.failure?.phase}) and rolled back`;
    case 'rollback-failed':
      return `Failed (${result.failure?.phase}); the rollback did not finish`;
  }
}

/** Why a deploy that did not apply ended as it did, in one sentence; undefined when it applied. */
export function deployFailureText(result: DeployResult): string | undefined {
  const { failure, refusal } = result;
  if (result.outcome === 'refused') return refusal?.message;
  if (!failure) return undefined;
  const cause = `The deploy failed (${failure.phase}: ${failure.message})`;
  return result.outcome === 'rolled-back'
    ? `${cause} and was rolled back: the live tables equal the backup again.`
    : `${cause} and the rollback did not finish: the tables may be part-way between the backup and the plan.`;
}

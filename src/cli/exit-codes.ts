import type { DeployOutcome, DeployResult } from '../deploy/pipeline.js';

/**
 * The CLI's exit codes: the engine's outcomes in the CLI's terms (docs/deploy.md#exit-codes).
 * 1 (an error before any write) and 2 (`plan --detailed-exitcode`) come from elsewhere.
 */
export const EXIT_CODES: Readonly<Record<DeployOutcome, number>> = {
  'no-changes': 0,
  applied: 0,
  refused: 3,
  'rolled-back': 4,
  'rollback-failed': 5,
};

export const exitCodeOf = (outcome: DeployOutcome): number => EXIT_CODES[outcome];

const RUNBOOK = 'docs/runbook.md';

/**
 * What to do next, with the CLI's commands, after a deploy that failed past its backup. (A
 * refusal is printed as an error line with its fix, like every refusal of the CLI.)
 */
export function cliAdvice(result: DeployResult): string[] {
  switch (result.outcome) {
    case 'rolled-back':
      return [
        `next: fix the cause, then plan and apply again (${RUNBOOK}#after-exit-code-4-failed-and-rolled-back).`,
      ];
    case 'rollback-failed':
      return [
        'next: stop further deploys of this environment, remove the cause, then restore the backup again',
        '  (with the connection options of this apply):',
        `  datatable-deploy rollback --backup ${result.backup ?? 'DIR'}`,
        `  (${RUNBOOK}#after-exit-code-5-the-rollback-did-not-finish)`,
      ];
    default:
      return [];
  }
}

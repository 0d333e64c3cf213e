/**
 * How a deploy's end is told: the engine's face-neutral headline, and each face's advice in its
 * own terms (the CLI's commands and exit codes, the action's workflow inputs).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { failureOf, resultOf } from '../../src/action/deploy-record.js';
import { writeDeploySummary } from '../../src/cli/deploy-output.js';
import { deployFailureText, deployHeadline, deployStatusText } from '../../src/deploy/outcome.js';
import type { DeployResult } from '../../src/deploy/pipeline.js';

const failure = { phase: 'verify' as const, message: 'orders differ in 2 places', details: [] };
const rollbackFailed: DeployResult = {
  outcome: 'rollback-failed',
  version: 3,
  versioned: true,
  operations: 12,
  backup: '/backups/backup-1',
  failure,
};

function cliSummary(result: DeployResult): string {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  writeDeploySummary(
    { stdout, stderr: new PassThrough(), env: {} },
    result,
    '/backups/backup-1/journal.jsonl',
  );
  return text;
}

describe('the headline of a deploy', () => {
  it('names the version only when a managed version column or the versions table keeps it', () => {
    const applied: DeployResult = { outcome: 'applied', version: 1, versioned: false, operations: 1 };
    expect(deployHeadline(applied)).toBe('Deployed: 1 operation.');
    expect(deployStatusText(applied)).toBe('Deployed');
    const kept = { ...applied, version: 4, versioned: true, operations: 18 };
    expect(deployHeadline(kept)).toBe('Deployed version 4: 18 operations.');
    expect(deployStatusText(kept)).toBe('Deployed version 4');
  });

  it('names the failed phase, and whether the tables equal the backup', () => {
    expect(deployHeadline({ ...rollbackFailed, outcome: 'rolled-back' })).toBe(
      'Rolled back: the deploy failed (verify) and the live tables equal the backup again.',
    );
    expect(deployHeadline(rollbackFailed)).toMatch(
      /^FAILED: the deploy failed \(verify\) and the rollback did not finish/,
    );
  });
});

describe('the CLI', () => {
  it('gives exit code 5 and the rollback command for the backup directory after a rollback that did not finish', () => {
    const text = cliSummary(rollbackFailed);
    expect(text).toContain('FAILED: the deploy failed (verify)');
    expect(text).toContain('  datatable-deploy rollback --backup /backups/backup-1');
    expect(text).toContain('docs/runbook.md#after-exit-code-5-the-rollback-did-not-finish');
    expect(text.trimEnd().split('\n').at(-1)).toBe('  exit code 5');
  });

  it('gives exit code 4 after a proven rollback, and 0 without a version nobody keeps', () => {
    expect(cliSummary({ ...rollbackFailed, outcome: 'rolled-back' })).toMatch(/exit code 4\n$/);
    const applied = cliSummary({
      outcome: 'applied',
      version: 1,
      versioned: false,
      operations: 3,
      backup: '/b',
    });
    expect(applied).toContain('Deployed: 3 operations.');
    expect(applied).not.toContain('version');
    expect(applied).toMatch(/exit code 0\n$/);
  });
});

describe('the action', () => {
  it('fails the step with the rollback workflow to run, never a CLI command', () => {
    const text = failureOf({ runId: 77 }, { ...rollbackFailed, backup: '5001' })!;
    expect(text).toContain('the rollback did not finish');
    expect(text).toContain('mode "rollback") with backup-run-id 77 and backup-artifact 5001');
    expect(text).not.toContain('datatable-deploy');
    expect(resultOf(rollbackFailed)).toBe('failed');
  });

  it('passes the stale-plan refusal and its fix through', () => {
    const refused: DeployResult = {
      outcome: 'refused',
      operations: 0,
      refusal: { message: 'The plan is stale: orders changed.', fix: 'Plan again.' },
    };
    expect(failureOf({ runId: 77 }, refused)).toBe('The plan is stale: orders changed. Plan again.');
    expect(deployFailureText(refused)).toBe('The plan is stale: orders changed.');
    expect(failureOf({ runId: 77 }, { outcome: 'applied', operations: 2 })).toBeUndefined();
  });
});

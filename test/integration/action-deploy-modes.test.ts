/**
 * The action's deploy and rollback modes, called in process with in-memory ports (GitHub, the
 * runner's log and summary, workflow artifacts) and a real Genesys client against the
 * emulator. The process level (dist/index.js as a runner starts it) is covered by
 * test/e2e/action.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runDeployMode } from '../../src/action/mode-deploy.js';
import { runRollbackMode } from '../../src/action/mode-rollback.js';
import { BackupError } from '../../src/errors.js';
import { POLICY_PATH } from '../../src/policy/policy.js';
import { MemoryArtifacts } from '../fakes/artifact-client.js';
import { MemoryGitHub } from '../fakes/github-port.js';
import { LIVE_EXAMPLE, LOOSE_POLICY, tableWrites, workspace } from '../helpers/action.js';
import { rowsOf } from '../helpers/deploy.js';
import { useEmulator } from '../helpers/emulator.js';
import { BASE, HEAD, modeContext } from '../helpers/mode-context.js';
import { rejection } from '../helpers/rejection.js';

const emulator = useEmulator();
const TABLE = 'plugin_config_production';
const STATUS = 'datatable-deploy/prod/deploy';
const FAILING_HEALTH_CHECK = 'probes:\n  - name: always failing\n    command: { run: "exit 7" }\n';
let github: MemoryGitHub;
let artifacts: MemoryArtifacts;
let dir: string;

beforeEach(async () => {
  emulator.state.load(structuredClone(LIVE_EXAMPLE));
  github = new MemoryGitHub();
  artifacts = new MemoryArtifacts();
  dir = await workspace();
});

/** A push of HEAD onto main (from BASE), run 77. */
const push = (inputs: Record<string, string> = {}) =>
  modeContext({ emulator, github, artifacts, dir, event: 'push', inputs, run: { before: BASE } });

/** A manual run (run 78) of the rollback mode with these inputs. */
const rollback = (inputs: Record<string, string>) =>
  modeContext({
    emulator,
    github,
    artifacts,
    dir,
    event: 'workflow_dispatch',
    inputs: { mode: 'rollback', ...inputs },
    run: { runId: 78 },
  });

/** A policy nothing in the example crosses, on the commit before and on the one deployed. */
function loosePolicy(): void {
  github.setFile(POLICY_PATH, BASE, LOOSE_POLICY);
  github.setFile(POLICY_PATH, HEAD, LOOSE_POLICY);
}

const liveRows = () => rowsOf(emulator, TABLE);

/** Pull request 7, merged into HEAD with no review. */
const mergedWithoutApproval = () =>
  github.pulls.set(7, {
    number: 7,
    headSha: 'c'.repeat(40),
    author: 'alice',
    baseRef: 'main',
    baseSha: BASE,
    mergedAt: '2026-01-05T09:00:00Z',
    mergeCommitSha: HEAD,
  });

/**
 * The live rows in the columns `before` has: a column the deploy added stays after a restore
 * (Genesys cannot remove columns), holding its default.
 */
const restoredRows = (before: Map<string, Record<string, unknown>>) =>
  new Map(
    [...liveRows()].map(([key, row]) => [
      key,
      Object.fromEntries(Object.keys(before.get(key) ?? row).map((column) => [column, row[column]])),
    ]),
  );

describe('deploy mode', () => {
  it('applies, uploads the backup and the journal as artifacts, and marks the commit deployed', async () => {
    loosePolicy();
    const before = liveRows();
    const { context, runner } = push();
    const outcome = await runDeployMode(context);

    expect(outcome.failure).toBeUndefined();
    expect(outcome.result).toBe('applied');
    const ours = artifacts.ofRun(77);
    const backup = ours.get('datatable-backup-prod-77-1')!;
    expect(outcome.outputs).toMatchObject({
      approved: 'true',
      'deploy-version': '4',
      'backup-artifact-id': String(backup.artifact.id),
    });
    expect([...backup.files.keys()]).toContain('manifest.json');
    const audit = JSON.parse(
      ours.get('datatable-journal-prod-77-1')!.files.get('audit.json')!.toString(),
    ) as {
      result: string;
      backupArtifactId: string;
    };
    expect(audit).toMatchObject({ result: 'applied', backupArtifactId: String(backup.artifact.id) });
    expect(liveRows()).not.toEqual(before);
    expect(runner.summary()).toMatch(/### ✅ Deployed version 4: \d+ operations\./);
    expect(github.statuses[0]).toMatchObject({ sha: HEAD, state: 'success', context: STATUS });
    expect(github.statuses[0]!.description).toContain('Deployed version 4');
  });

  it('refuses without the approval the policy asks for: nothing written, no artifact', async () => {
    mergedWithoutApproval();
    emulator.log.reset();
    const { context, runner } = push();
    const outcome = await runDeployMode(context);

    expect(outcome.result).toBe('refused');
    expect(outcome.outputs.approved).toBe('false');
    expect(outcome.failure).toMatch(/crosses a threshold, so it needs an approval\. .*Nothing was written\./);
    expect(runner.summary()).toContain('Deploy refused');
    expect(tableWrites(emulator)).toEqual([]);
    expect(artifacts.stored).toEqual([]);
    expect(github.statuses[0]).toMatchObject({
      state: 'failure',
      description: expect.stringContaining('Refused'),
    });
  });

  it('refuses a tombstone without an approval even under a policy nothing else crosses', async () => {
    loosePolicy();
    mergedWithoutApproval();
    dir = await workspace(`table: ${TABLE}\nenvironment: prod\ndelete: true\n`);
    const before = liveRows();
    emulator.log.reset();
    const { context } = push();
    const outcome = await runDeployMode(context);

    expect(outcome.result).toBe('refused');
    expect(outcome.failure).toMatch(/crosses a threshold, so it needs an approval\. .*Nothing was written\./);
    expect(tableWrites(emulator)).toEqual([]);
    expect(liveRows()).toEqual(before);
  });

  it('rolls back when a health check fails, and says how the run ended in its own terms', async () => {
    loosePolicy();
    const before = liveRows();
    const { context, runner } = push({ 'health-checks': FAILING_HEALTH_CHECK });
    const outcome = await runDeployMode(context);

    expect(outcome.result).toBe('rolled-back');
    expect(outcome.failure).toMatch(/^The deploy failed \(health: .*\) and was rolled back/);
    expect(restoredRows(before)).toEqual(before);
    const summary = runner.summary();
    expect(summary).toContain('### ↩️ Rolled back: the deploy failed (health)');
    expect(summary).toContain('follow-up pull request');
    // The action's advice never names a CLI command.
    expect(summary).not.toContain('datatable-deploy rollback');
    expect(outcome.outputs['backup-artifact-id']).toBe(
      String(artifacts.ofRun(77).get('datatable-backup-prod-77-1')!.artifact.id),
    );
    expect(github.statuses[0]).toMatchObject({
      state: 'failure',
      description: expect.stringContaining('rolled back'),
    });
  });

  it('refuses a health-check input naming a file that is not there, before any write', async () => {
    loosePolicy();
    emulator.log.reset();
    const error = await rejection<Error>(
      runDeployMode(push({ 'health-checks': 'checks/missing.yaml' }).context),
    );
    expect(error.message).toMatch(/^health-checks checks\/missing\.yaml: there is no such file/);
    expect(tableWrites(emulator)).toEqual([]);
  });
});

describe('rollback mode', () => {
  it('restores a named backup artifact of another run and proves it', async () => {
    loosePolicy();
    const before = liveRows();
    const deployed = await runDeployMode(push().context);
    expect(deployed.result).toBe('applied');
    expect(liveRows()).not.toEqual(before);

    const { context, runner } = rollback({
      'backup-run-id': '77',
      'backup-artifact': 'datatable-backup-prod-77-1',
    });
    const outcome = await runRollbackMode(context);

    expect(outcome.failure).toBeUndefined();
    expect(outcome.result).toBe('applied');
    expect(outcome.outputs['backup-artifact-id']).toBe(deployed.outputs['backup-artifact-id']);
    expect(restoredRows(before)).toEqual(before);
    expect(runner.summary()).toContain('✅ The live tables equal the backup again.');
    expect(runner.summary()).toMatch(/\| `plugin_config_production` \| \d+ \| \d+ \| \d+ \|/);
    expect(runner.log.join('\n')).toMatch(/^Backup of .*: checksums verified\. Target: org /m);
  });

  it('refuses a backup of another deployment, and writes nothing', async () => {
    loosePolicy();
    expect((await runDeployMode(push().context)).result).toBe('applied');
    const deployedRows = liveRows();
    emulator.log.reset();

    const { context } = rollback({
      deployment: 'eu',
      'backup-run-id': '77',
      'backup-artifact': 'datatable-backup-prod-77-1',
    });
    const error = await rejection<BackupError>(runRollbackMode(context));
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toMatch(
      /^Refusing to restore the backup at artifact \d+: .*deployment.*Nothing was written\./,
    );
    expect(tableWrites(emulator)).toEqual([]);
    expect(liveRows()).toEqual(deployedRows);
  });
});

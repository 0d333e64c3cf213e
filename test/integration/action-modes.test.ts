/**
 * The action's plan, drift and validate modes, called in process with in-memory ports (GitHub,
 * the runner's log and summary) and a real Genesys client against the emulator. The process
 * level (dist/index.js as a runner starts it) is covered by test/e2e/action.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunInfo } from '../../src/action/context.js';
import { runDriftMode } from '../../src/action/mode-drift.js';
import { runPlanMode } from '../../src/action/mode-plan.js';
import { validateForAction } from '../../src/action/planning.js';
import { POLICY_PATH } from '../../src/policy/policy.js';
import { MemoryGitHub } from '../fakes/github-port.js';
import { LIVE_EXAMPLE, LOOSE_POLICY, tableWrites, workspace } from '../helpers/action.js';
import { useEmulator } from '../helpers/emulator.js';
import { BASE, HEAD, modeContext as contextFor, type ContextOptions } from '../helpers/mode-context.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

const emulator = useEmulator();
let github: MemoryGitHub;

beforeEach(() => {
  emulator.state.load(structuredClone(LIVE_EXAMPLE));
  github = new MemoryGitHub();
});

const modeContext = (
  options: Omit<ContextOptions, 'emulator' | 'github' | 'run'> & { pullRequest?: RunInfo['pullRequest'] },
) => contextFor({ ...options, emulator, github, run: { pullRequest: options.pullRequest } });

const pullRequest = (fromFork = false): RunInfo['pullRequest'] => ({
  number: 7,
  headSha: HEAD,
  baseRef: 'main',
  baseSha: BASE,
  author: 'alice',
  fromFork,
});

describe('plan mode', () => {
  it('posts the sticky comment, announces the digest as a pending status, and writes nothing', async () => {
    const dir = await workspace();
    const { context, runner } = modeContext({ dir, event: 'pull_request', pullRequest: pullRequest() });
    const outcome = await runPlanMode(context);

    expect(outcome.result).toBe('planned');
    expect(outcome.failure).toBeUndefined();
    expect(outcome.outputs).toMatchObject({
      'requires-approval': 'true',
      approved: 'false',
      'changed-rows': '5',
    });
    expect(github.comments).toHaveLength(1);
    const [comment] = github.comments;
    expect(outcome.outputs['comment-id']).toBe(String(comment!.id));
    expect(outcome.outputs['comment-url']).toBe(
      `https://github.example/acme/config/pull/7#issuecomment-${comment!.id}`,
    );
    expect(comment!.body).toContain('<!-- datatable-deploy:comment deployment=prod -->');
    expect(comment!.body).toContain(`digest=${outcome.outputs['plan-digest']}`);
    expect(github.statuses[0]).toMatchObject({
      sha: HEAD,
      state: 'pending',
      context: 'datatable-deploy/prod',
    });
    expect(github.statuses[0]!.description).toContain(outcome.outputs['plan-digest']!.slice(0, 12));
    expect(runner.summary()).toContain('datatable-deploy plan');
    const planFile = JSON.parse(await readFile(outcome.outputs['plan-file']!, 'utf8')) as { digest: string };
    expect(planFile.digest).toBe(outcome.outputs['plan-digest']);
    expect(tableWrites(emulator)).toEqual([]);

    // The next run updates the same comment.
    const again = await runPlanMode(
      modeContext({ dir, event: 'pull_request', pullRequest: pullRequest() }).context,
    );
    expect(again.outputs['comment-id']).toBe(outcome.outputs['comment-id']);
    expect(github.comments).toHaveLength(1);
  });

  it('passes the gate once a writer other than the author approves the announced plan', async () => {
    const dir = await workspace();
    const first = await runPlanMode(
      modeContext({ dir, event: 'pull_request', pullRequest: pullRequest() }).context,
    );
    expect(first.outputs.approved).toBe('false');
    github.permissions.set('bob', 'write');
    github.reviews.set(7, [
      {
        user: 'bob',
        state: 'APPROVED',
        commitId: HEAD,
        submittedAt: new Date(Date.parse(github.statuses[0]!.createdAt) + 5_000).toISOString(),
      },
    ]);
    const reviewed = await runPlanMode(
      modeContext({ dir, event: 'pull_request_review', pullRequest: pullRequest() }).context,
    );
    expect(reviewed.outputs.approved).toBe('true');
    expect(github.statuses[0]).toMatchObject({ state: 'success', context: 'datatable-deploy/prod' });
    expect(github.statuses[0]!.description).toContain('bob');
  });

  it('does not count an approval by the author, or by a reader', async () => {
    const dir = await workspace();
    await runPlanMode(modeContext({ dir, event: 'pull_request', pullRequest: pullRequest() }).context);
    const after = new Date(Date.parse(github.statuses[0]!.createdAt) + 5_000).toISOString();
    github.permissions.set('alice', 'admin');
    github.permissions.set('carol', 'read');
    github.reviews.set(7, [
      { user: 'alice', state: 'APPROVED', commitId: HEAD, submittedAt: after },
      { user: 'carol', state: 'APPROVED', commitId: HEAD, submittedAt: after },
    ]);
    const reviewed = await runPlanMode(
      modeContext({ dir, event: 'pull_request_review', pullRequest: pullRequest() }).context,
    );
    expect(reviewed.outputs.approved).toBe('false');
    expect(github.statuses[0]).toMatchObject({ state: 'pending' });
  });

  it('writes no comment or status for a pull request from a fork, and says where the plan is', async () => {
    const dir = await workspace();
    const { context, runner } = modeContext({ dir, event: 'pull_request', pullRequest: pullRequest(true) });
    const outcome = await runPlanMode(context);
    expect(outcome.outputs.approved).toBe('false');
    expect(outcome.outputs['comment-id']).toBeUndefined();
    expect(github.comments).toEqual([]);
    expect(github.statuses).toEqual([]);
    expect(runner.log.join('\n')).toMatch(/fork.*job summary/s);
  });

  it('judges by the base branch policy: a looser policy on the head does not loosen it', async () => {
    const dir = await workspace();
    github.setFile(POLICY_PATH, HEAD, LOOSE_POLICY);
    const outcome = await runPlanMode(
      modeContext({ dir, event: 'pull_request', pullRequest: pullRequest() }).context,
    );
    expect(outcome.outputs['requires-approval']).toBe('true');
  });

  it('fails on invalid files with the findings in the summary and annotations, before any request', async () => {
    const dir = await workspace(
      'table: plugin_config_production\ncolumns:\n  x: { type: nonsense }\nrows: {}\n',
    );
    emulator.log.reset();
    const { context, runner } = modeContext({ dir, event: 'pull_request', pullRequest: pullRequest() });
    const outcome = await runPlanMode(context);
    expect(outcome.result).toBe('failed');
    expect(outcome.failure).toBeTruthy();
    expect(runner.annotations.length).toBeGreaterThan(0);
    expect(runner.annotations[0]!.line).toBeGreaterThan(0);
    expect(runner.summary()).toContain(runner.annotations[0]!.rule);
    expect(emulator.log.snapshot().total).toBe(0);
    expect(github.comments).toEqual([]);
  });
});

describe('validate mode', () => {
  it('validates offline: no Genesys request and no GitHub call', async () => {
    const dir = await workspace();
    emulator.log.reset();
    const { context } = modeContext({ dir, event: 'push', inputs: { mode: 'validate' } });
    expect(await validateForAction(context)).toBeDefined();
    expect(emulator.log.snapshot().total).toBe(0);
  });
});

describe('drift mode', () => {
  it('reports drift in the summary and one issue kept up to date, and fails the step', async () => {
    const dir = await workspace();
    const run = () =>
      runDriftMode(modeContext({ dir, event: 'schedule', inputs: { 'drift-issue': 'true' } }).context);
    const first = await run();
    expect(first.result).toBe('planned');
    expect(first.failure).toMatch(/drifted.*5 rows/);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]!.title).toContain('prod');
    await run();
    expect(github.issues).toHaveLength(1);
    expect(tableWrites(emulator)).toEqual([]);
  });

  it('only warns with drift-fail false, and says so when nothing drifted', async () => {
    const dir = await workspace();
    const warned = modeContext({ dir, event: 'schedule', inputs: { 'drift-fail': 'false' } });
    const outcome = await runDriftMode(warned.context);
    expect(outcome.failure).toBeUndefined();
    expect(warned.runner.log.join('\n')).toContain('warning: The live tables drifted');
    expect(github.issues).toEqual([]);
  });

  it('says so when the live tables match the files', async () => {
    const dir = await workspace();
    const file = join(dir, 'datatables/plugin_config_production.yaml');
    const exported = await runCliInProcess(
      ['export', '--table', 'plugin_config_production', '--environment', 'prod', '--out', file],
      emulatorEnv(emulator),
    );
    expect(exported.code, exported.stderr).toBe(0);
    const { context, runner } = modeContext({ dir, event: 'schedule', inputs: { 'drift-issue': 'true' } });
    const outcome = await runDriftMode(context);
    expect(outcome.result).toBe('no-changes');
    expect(outcome.failure).toBeUndefined();
    expect(runner.summary()).toContain('No drift');
    expect(github.issues).toEqual([]);
  });
});

/**
 * The gate in ordinary and hostile GitHub histories: a stale pull-request base, a deploy status
 * that cannot be set, a policy change that tightens, two quick merges, pushes off the default
 * branch, re-runs after a rollback, restores without the environment input. The committed
 * dist/index.js against the emulator and the GitHub fake.
 */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github.js';
import {
  BASE_SHA,
  LIVE_EXAMPLE,
  pullRequestPayload,
  REPOSITORY,
  runAction,
  tableWrites,
  workspace,
  LOOSE_POLICY,
  setPolicyAt,
} from '../helpers/action.js';
import { useEmulator } from '../helpers/emulator.js';
import { ROOT } from '../helpers/processes.js';

const emulator = useEmulator();
let github: FakeGitHub;
let dir: string;
const HEAD = 'b'.repeat(40);
const MERGE = 'c'.repeat(40);
const X1 = '1'.repeat(40);
const PR = 7;
const weekday = (offset: number) =>
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + offset) % 7];
const CLOSED_WINDOW = `    windows:\n      - { days: [${weekday(3)}], from: "00:00", to: "24:00" }\n`;

beforeEach(async () => {
  github = await new FakeGitHub().start();
  github.permissions.set('alice', 'write').set('bob', 'write').set('dave', 'admin');
  github.permissions.set('mallory', 'write').set('eve', 'write');
  emulator.state.load(structuredClone(LIVE_EXAMPLE));
  dir = await workspace();
});
afterEach(() => github.close());

const writes = () => tableWrites(emulator);
const setPolicy = (text: string, ...refs: string[]) => setPolicyAt(github, text, ...refs);
const plan = (extra: Partial<Parameters<typeof runAction>[0]> = {}, baseSha = BASE_SHA) =>
  runAction({
    emulator,
    github,
    workspace: dir,
    event: 'pull_request',
    payload: pullRequestPayload(PR, HEAD, 'mallory', baseSha),
    runId: 90,
    ...extra,
  });
const push = (sha: string, before: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({
    emulator,
    github,
    workspace: dir,
    event: 'push',
    payload: { ref: 'refs/heads/main', before, after: sha, repository: REPOSITORY },
    sha,
    runId: 300,
    ...extra,
  });
const dispatch = (sha: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({
    emulator,
    github,
    workspace: dir,
    event: 'workflow_dispatch',
    payload: { ref: 'refs/heads/main', repository: REPOSITORY, inputs: {} },
    sha,
    runId: 320,
    ...extra,
    inputs: { mode: 'deploy', ...extra.inputs },
  });
function merged(number: number, headSha: string, mergeSha: string, baseSha: string, author = 'mallory') {
  github.pulls.set(number, {
    number,
    headSha,
    author,
    mergedAt: github.now(),
    mergeCommitSha: mergeSha,
    baseSha,
  });
  github.commitPulls.set(mergeSha, [...(github.commitPulls.get(mergeSha) ?? []), number]);
}

describe("a pull request's recorded base is stale: approvers come from the branch as it was when it merged", () => {
  // GitHub's base.sha is the base branch's head when the pull request was opened or last
  // updated, not the commit it merged onto.
  it('refuses an override by someone dropped from the emergency approvers since the pull request opened', async () => {
    const old = `version: 1\nenvironments:\n  prod:\n${CLOSED_WINDOW}    emergency: { approvers: [mallory] }\n`;
    const now = `version: 1\nenvironments:\n  prod:\n${CLOSED_WINDOW}    emergency: { approvers: [dave] }\n`;
    // main: BASE (mallory is on call) -> X1 (she is removed) -> MERGE (her PR #7, opened at BASE).
    github.branches.set('main', [BASE_SHA, X1, MERGE]);
    github.parents.set(MERGE, [X1, HEAD]).set(X1, [BASE_SHA]);
    setPolicy(old, BASE_SHA, HEAD);
    setPolicy(now, X1, MERGE);
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merged(PR, HEAD, MERGE, BASE_SHA); // base.sha stale: the PR was never synchronized after X1
    emulator.log.reset();
    // Control: the push deploy is judged by X1 and refused (closed window, no override).
    const pushed = await push(MERGE, X1, { inputs: { 'emergency-reason': 'x' } });
    expect(pushed.outputs.result, pushed.stdout).toBe('refused');
    // The attack: a manual deploy of the same head by mallory with a reason.
    const run = await dispatch(MERGE, { actor: 'mallory', inputs: { 'emergency-reason': 'hotfix' } });
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toContain('none of the emergency approvers (dave)');
    expect(writes()).toEqual([]);
  });

  it("refuses, on a manual deploy too, an approval by someone removed from the policy's approvers", async () => {
    const old = 'version: 1\n'; // anyone with write may approve
    const now = 'version: 1\ndefaults:\n  approvals: { approvers: [alice, bob] }\n';
    github.branches.set('main', [BASE_SHA, X1, MERGE]);
    github.parents.set(MERGE, [X1, HEAD]).set(X1, [BASE_SHA]);
    setPolicy(old, BASE_SHA, HEAD);
    setPolicy(now, X1, MERGE);
    await plan();
    github.tick();
    github.addReview(PR, 'eve', 'APPROVED', HEAD); // eve: write, not in [alice, bob]
    merged(PR, HEAD, MERGE, BASE_SHA);
    emulator.log.reset();
    const pushed = await push(MERGE, X1);
    expect(pushed.outputs.result, pushed.stdout).toBe('refused');
    expect(pushed.stdout).toContain("eve: is not among the policy's approvers");
    const run = await dispatch(MERGE, { actor: 'mallory' });
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toContain("eve: is not among the policy's approvers");
    expect(writes()).toEqual([]);
  });

  it('plans under the base branch as it is now, not as the event recorded it', async () => {
    const loose = LOOSE_POLICY;
    setPolicy(loose, BASE_SHA, HEAD);
    setPolicy('version: 1\n', X1); // main tightened back to the defaults after the PR was opened
    github.branches.set('main', [BASE_SHA, X1]);
    const run = await plan();
    expect(run.outputs.approved).toBe('false');
    expect(github.statuses.at(-1)).toMatchObject({ sha: HEAD, state: 'pending' });
  });
});

describe('a deploy that cannot set its status trusts no announcement', () => {
  // With a GitHub App token, a writer's own workflow (github-actions[bot]) cannot announce.
  // GitHub caps statuses at 1000 per commit and context (422 after that): any writer can fill
  // the cap of the head of main, and the deploy must not then guess its identity.
  it('refuses rather than trust a forged github-actions[bot] announcement when the status cap is full', async () => {
    const APP = 'ghs_app-token';
    github.tokens.set(APP, 'datatable-gate[bot]');
    const original = (github as unknown as { rest: (...args: unknown[]) => void }).rest.bind(github);
    (github as unknown as { rest: (...args: unknown[]) => void }).rest = (
      method: unknown,
      url: unknown,
      input: unknown,
      send: unknown,
      caller: unknown,
    ) => {
      const sha = (url as URL).pathname.match(/\/statuses\/([0-9a-f]{40})$/)?.[1];
      const context = (input as { context?: string }).context;
      if (
        method === 'POST' &&
        sha &&
        github.statuses.filter((status) => status.sha === sha && status.context === context).length >= 1000
      )
        return (send as (status: number, payload: unknown) => void)(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'Status',
              code: 'custom',
              message: 'This SHA and context has reached the maximum number of statuses.',
            },
          ],
        });
      return original(method, url, input, send, caller);
    };
    github.branches.set('main', [BASE_SHA, MERGE]);
    github.parents.set(MERGE, [BASE_SHA, HEAD]);
    const app = { 'INPUT_GITHUB-TOKEN': APP };
    const planned = await plan({ env: app });
    expect(github.statuses.at(-1)!.creator).toBe('datatable-gate[bot]');
    // A live edit after planning: the real plan is now another one, bob never saw it.
    [...emulator.state.tables.values()][0]!.rows.get('dialer_enabled')!.config_value = 'false';
    const fresh = (
      await runAction({
        emulator,
        github,
        workspace: dir,
        event: 'workflow_dispatch',
        payload: { repository: REPOSITORY },
        inputs: { mode: 'plan' },
      })
    ).outputs['plan-digest']!;
    expect(fresh).not.toBe(planned.outputs['plan-digest']);
    // mallory, from a workflow of her branch (workflow token), announces the fresh digest...
    github.tick();
    github.addStatus({
      sha: HEAD,
      state: 'pending',
      context: 'datatable-deploy/prod',
      description: `plan ${fresh} · Waiting for 1 approval(s) of this plan`,
      creator: 'github-actions[bot]',
    });
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD); // bob approved what the comment showed
    merged(PR, HEAD, MERGE, BASE_SHA);
    // Control, before the cap is reached: the app's own announcements bind bob to the old plan.
    const control = await dispatch(MERGE, { env: app, actor: 'mallory', runId: 319 });
    expect(control.outputs.result, control.stdout).toBe('refused');
    // ...and fills the deploy context of the head of main to GitHub's cap.
    for (let index = 0; index < 1000; index++)
      github.statuses.push({
        id: 1_000_000 + index,
        sha: MERGE,
        state: 'pending',
        context: 'datatable-deploy/prod/deploy',
        description: 'x',
        targetUrl: null,
        creator: 'mallory',
        createdAt: github.now(),
      });
    emulator.log.reset();
    const run = await dispatch(MERGE, { env: app, actor: 'mallory' });
    expect(run.stdout).toContain('Could not set the commit status');
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toContain('cannot tell which plan announcements are its own');
    expect(writes()).toEqual([]);
  });
});

describe('a policy change that tightens a threshold', () => {
  // The plan and the deploy both honour the stricter of the base's and the change's limits,
  // so the approved digest is the one the deploy computes.
  it('deploys once approved', async () => {
    setPolicy('version: 1\n', BASE_SHA);
    const tighter = 'version: 1\ndefaults:\n  thresholds: { maxDeletedRows: 0, maxChangedRows: 1 }\n';
    setPolicy(tighter, HEAD, MERGE);
    github.branches.set('main', [BASE_SHA]);
    github.parents.set(MERGE, [BASE_SHA, HEAD]);
    const planned = await plan({}, BASE_SHA);
    expect(planned.outputs['requires-approval']).toBe('true');
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merged(PR, HEAD, MERGE, BASE_SHA);
    github.branches.set('main', [BASE_SHA, MERGE]);
    const run = await push(MERGE, BASE_SHA);
    expect(run.outputs.result, run.stdout).toBe('applied');
    expect(run.outputs['plan-digest']).toBe(planned.outputs['plan-digest']);
  });
});

async function workspaceWith(edit: (text: string) => string): Promise<string> {
  const text = await readFile(resolve(ROOT, 'examples/config/plugin_config_production.yaml'), 'utf8');
  const target = await mkdtemp(join(tmpdir(), 'datatable-deploy-attack2-'));
  await mkdir(join(target, 'datatables'));
  await writeFile(join(target, 'datatables/plugin_config_production.yaml'), edit(text));
  return target;
}

describe('two quick merges with the concurrency group', () => {
  it('refuses the older run as superseded and the newer one as a plan nobody approved, each saying what to do', async () => {
    // Every change needs approval.
    const strict =
      'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 0, maxDeletedRows: 1000, maxChangedPercent: 100, schemaChangesNeedApproval: false }\n';
    const loose = LOOSE_POLICY;
    const R0 = '0'.repeat(39) + '1';
    const M1 = 'd'.repeat(40);
    const M2 = 'f'.repeat(40);
    const H7 = HEAD;
    const H8 = 'a'.repeat(39) + 'b';
    // Bootstrap: the example config deployed, so that live == base tree.
    github.branches.set('main', [R0, BASE_SHA]);
    setPolicy(loose, R0, BASE_SHA);
    const boot = await push(BASE_SHA, R0);
    expect(boot.outputs.result, boot.stdout).toBe('applied');
    setPolicy(strict, BASE_SHA, H7, H8, M1, M2);
    const pr7 = await workspaceWith((text) => text.replace('config_value: 250', 'config_value: 260'));
    const pr8 = await workspaceWith((text) =>
      text.replace('dialer_enabled: { config_value: true', 'dialer_enabled: { config_value: false'),
    );
    const both = await workspaceWith((text) =>
      text
        .replace('config_value: 250', 'config_value: 260')
        .replace('dialer_enabled: { config_value: true', 'dialer_enabled: { config_value: false'),
    );
    const planOf = (number: number, head: string, ws: string) =>
      runAction({
        emulator,
        github,
        workspace: ws,
        event: 'pull_request',
        payload: pullRequestPayload(number, head, 'alice'),
        runId: 90 + number,
      });
    expect((await planOf(7, H7, pr7)).outputs['requires-approval']).toBe('true');
    expect((await planOf(8, H8, pr8)).outputs['requires-approval']).toBe('true');
    github.tick();
    github.addReview(7, 'bob', 'APPROVED', H7);
    github.addReview(8, 'bob', 'APPROVED', H8);
    // Both merged within seconds: main = BASE -> M1 (#7) -> M2 (#8).
    github.branches.set('main', [R0, BASE_SHA, M1, M2]);
    github.parents.set(M1, [BASE_SHA, H7]).set(M2, [M1, H8]);
    merged(7, H7, M1, BASE_SHA, 'alice');
    merged(8, H8, M2, M1, 'alice');
    emulator.log.reset();
    const first = await push(M1, BASE_SHA, { workspace: pr7, runId: 401 });
    expect(first.outputs.result).toBe('refused');
    expect(first.stdout).toContain('a newer commit landed, and its deploy deploys this change too');
    const second = await push(M2, M1, { workspace: both, runId: 402 });
    expect(second.outputs.result, second.stdout).toBe('refused');
    expect(second.stdout).toMatch(/bob: approved plan sha256:\w{12}…, not this plan/);
    expect(second.stdout).toContain('open a follow-up pull request');
    expect(writes()).toEqual([]);
  });
});

describe('where a push deploy comes from', () => {
  it('refuses a push to a branch other than the default one', async () => {
    const loose = LOOSE_POLICY;
    const F = '9'.repeat(40);
    github.branches.set('main', [BASE_SHA]);
    github.branches.set('hotfix', [BASE_SHA, F]);
    setPolicy(loose, BASE_SHA, F);
    github.parents.set(F, [BASE_SHA]);
    emulator.log.reset();
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'push',
      payload: { ref: 'refs/heads/hotfix', before: '0'.repeat(40), after: F, repository: REPOSITORY },
      sha: F,
      ref: 'refs/heads/hotfix',
      runId: 500,
    });
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toContain(
      'A push deploy runs only for the default branch (main), not refs/heads/hotfix.',
    );
    expect(writes()).toEqual([]);
  });
});

describe('re-runs after a rollback, and a first push', () => {
  it('refuses a re-run after a rollback that left an added column, saying how to get a new approval', async () => {
    github.branches.set('main', [BASE_SHA, MERGE]);
    github.parents.set(MERGE, [BASE_SHA, HEAD]);
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merged(PR, HEAD, MERGE, BASE_SHA);
    const failing = await push(MERGE, BASE_SHA, {
      inputs: { 'health-checks': 'probes:\n  - name: always failing\n    command: { run: "exit 7" }\n' },
    });
    expect(failing.outputs.result, failing.stdout).toBe('rolled-back');
    // The restore cannot take the added column away (and fills it with "" in the rows it puts
    // back): the live tables differ, so the re-plan has another digest.
    expect([...emulator.state.tables.values()][0]!.schema.properties).toHaveProperty('updated_by');
    const rerun = await push(MERGE, BASE_SHA, { env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(rerun.outputs.result, rerun.stdout).toBe('refused');
    expect(rerun.stdout).toMatch(
      /bob: approved plan sha256:\w{12}…, not this plan\)\. The plan changed since it was approved/,
    );
  });

  it('a first push to a new repository (before = 0000…, a root commit)', async () => {
    const ROOT_SHA = '7'.repeat(40);
    github.branches.set('main', [ROOT_SHA]);
    github.parents.set(ROOT_SHA, []);
    const run = await push(ROOT_SHA, '0'.repeat(40));
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toContain('no pull request was merged into commit 7777777');
  });
});

describe('a re-run after a rollback that changed nothing', () => {
  it('deploys (the column was already there)', async () => {
    const loose = LOOSE_POLICY;
    const strict = 'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 0 }\n';
    const R0 = '0'.repeat(39) + '1';
    github.branches.set('main', [R0, BASE_SHA]);
    setPolicy(loose, R0, BASE_SHA);
    expect((await push(BASE_SHA, R0, { runId: 299 })).outputs.result).toBe('applied');
    setPolicy(strict, BASE_SHA, HEAD, MERGE);
    const pr = await workspaceWith((text) => text.replace('config_value: 250', 'config_value: 260'));
    github.branches.set('main', [R0, BASE_SHA, MERGE]);
    github.parents.set(MERGE, [BASE_SHA, HEAD]);
    await plan({ workspace: pr });
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merged(PR, HEAD, MERGE, BASE_SHA);
    const failing = await push(MERGE, BASE_SHA, {
      workspace: pr,
      inputs: { 'health-checks': 'probes:\n  - name: always failing\n    command: { run: "exit 7" }\n' },
    });
    expect(failing.outputs.result, failing.stdout).toBe('rolled-back');
    const rerun = await push(MERGE, BASE_SHA, { workspace: pr, env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(rerun.outputs.result, rerun.stdout).toBe('applied');
  });
});

describe("a manual restore keeps to its backup's environment", () => {
  it('refuses during the prod freeze when only "deployment: prod" is given', async () => {
    const loose = LOOSE_POLICY;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const frozen = `${loose}environments:\n  prod:\n    freezes:\n      - { from: "${day(-1)}", to: "${day(1)}", reason: Peak season }\n`;
    github.branches.set('main', [BASE_SHA, MERGE]);
    setPolicy(loose, BASE_SHA, MERGE);
    expect((await push(MERGE, BASE_SHA, { runId: 101 })).outputs.result).toBe('applied');
    setPolicy(frozen, 'main', MERGE);
    const restore = (environment: string) =>
      runAction({
        emulator,
        github,
        workspace: dir,
        event: 'workflow_dispatch',
        payload: { ref: 'refs/heads/main', repository: REPOSITORY, inputs: {} },
        sha: MERGE,
        actor: 'mallory',
        runId: 202,
        inputs: { 'backup-run-id': '101', deployment: 'prod' },
        env: { INPUT_ENVIRONMENT: environment },
      });
    const control = await restore('prod');
    expect(control.outputs.result, control.stdout).toBe('refused');
    emulator.log.reset();
    const run = await restore('');
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toContain('freeze "Peak season"');
    expect(writes()).toEqual([]);
  });
});

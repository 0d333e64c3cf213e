/**
 * Second hostile review of the gate: demonstrations against the committed dist/index.js, the
 * emulator and the GitHub fake. Each test asserts what the code does NOW; the comment above it
 * says what the README's rules say it should do.
 */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POLICY_PATH } from '../../src/policy/policy.js';
import { FakeGitHub } from '../fakes/github.js';
import {
  BASE_SHA,
  LIVE_EXAMPLE,
  pullRequestPayload,
  REPOSITORY,
  runAction,
  tableWrites,
  workspace,
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
const setPolicy = (text: string, ...refs: string[]) => {
  for (const ref of refs) github.files.set(ref, new Map([[POLICY_PATH, text]]));
};
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

describe('F1: a stale pull_request base.sha picks the approvers and emergency approvers of a manual deploy', () => {
  // GitHub's base.sha is the base branch's head when the PR was opened or last synchronized, not
  // the commit it was merged onto (github/docs#431). The README: "who may approve or override
  // always comes from the base"; policyBases() makes pr.baseSha the primary.
  it('mallory, dropped from emergency approvers on main, still grants herself an override', async () => {
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
    // Expected (README): refused, the emergency approvers on main are [dave]. Actual: applied.
    expect(run.outputs.result, run.stdout).toBe('applied');
    expect(run.stdout).toContain('Emergency override of the change window by mallory: hotfix');
    expect(writes().length).toBeGreaterThan(0);
  });

  it("an approver removed from the policy's approvers on main still counts on a manual deploy", async () => {
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
    // Expected: refused like the push. Actual: applied with eve's approval.
    expect(run.outputs.result, run.stdout).toBe('applied');
    expect(writes().length).toBeGreaterThan(0);
  });

  it('plan mode judges by the stale payload base too: the PR shows "No approval needed" under a policy main no longer has', async () => {
    const loose =
      'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 1000, maxChangedPercent: 100, maxDeletedRows: 1000, maxTotalChangedRows: 1000, schemaChangesNeedApproval: false }\n';
    setPolicy(loose, BASE_SHA, HEAD);
    setPolicy('version: 1\n', X1); // main tightened back to the defaults after the PR was opened
    const run = await plan();
    expect(run.outputs.approved).toBe('true');
    expect(github.statuses.at(-1)).toMatchObject({ sha: HEAD, state: 'success' });
    expect(github.statuses.at(-1)!.description).toContain('No approval needed');
  });
});

describe('F2: the deploy status fallback re-trusts github-actions[bot] when the gate runs as an app', () => {
  // The README's hardening: give plan and deploy a GitHub App token, so that a writer's own
  // workflow (github-actions[bot]) cannot announce. setDeployStatus() falls back to trusting
  // github-actions[bot] whenever creating the deploy status fails. GitHub caps statuses at 1000
  // per sha and context (422 after that); any writer can fill the cap of the head of main.
  it("a forged github-actions[bot] announcement binds bob's approval once the deploy status cannot be set", async () => {
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
          errors: [{ resource: 'Status', code: 'custom', message: 'This SHA and context has reached the maximum number of statuses.' }],
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
    // Expected: refused (bob approved another plan). Actual: applied.
    expect(run.stdout).toContain('Could not set the commit status');
    expect(run.outputs.result, run.stdout).toBe('applied');
    expect(writes().length).toBeGreaterThan(0);
  });
});

describe('F3: a policy change that tightens a threshold can never deploy', () => {
  // The plan judges by the base's limits; the deploy by the strictest of base and head. The
  // limits are part of the digest (thresholds[].limit), so the digests never match.
  it('an approved pull request that lowers maxChangedRows is refused as "not this plan"', async () => {
    setPolicy('version: 1\n', BASE_SHA);
    const tighter = 'version: 1\ndefaults:\n  thresholds: { maxDeletedRows: 0, maxChangedRows: 1 }\n';
    setPolicy(tighter, HEAD, MERGE);
    github.branches.set('main', [BASE_SHA, MERGE]);
    github.parents.set(MERGE, [BASE_SHA, HEAD]);
    const planned = await plan({}, BASE_SHA);
    expect(planned.outputs['requires-approval']).toBe('true');
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merged(PR, HEAD, MERGE, BASE_SHA);
    emulator.log.reset();
    const run = await push(MERGE, BASE_SHA);
    // Expected: applied (approved plan, approved policy change). Actual: refused, forever.
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toMatch(/bob: approved plan sha256:\w{12}…, not this plan/);
    expect(run.outputs['plan-digest']).not.toBe(planned.outputs['plan-digest']);
    expect(writes()).toEqual([]);
  });
});

async function workspaceWith(edit: (text: string) => string): Promise<string> {
  const text = await readFile(resolve(ROOT, 'examples/config/plugin_config_production.yaml'), 'utf8');
  const target = await mkdtemp(join(tmpdir(), 'datatable-deploy-attack2-'));
  await mkdir(join(target, 'datatables'));
  await writeFile(join(target, 'datatables/plugin_config_production.yaml'), edit(text));
  return target;
}

describe('F4: two quick merges with the concurrency group', () => {
  it('the first run is refused as "behind" ("a newer commit\'s deploy deploys it too"), the second is refused: neither approved change deploys', async () => {
    // Every change needs approval.
    const strict = 'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 0, maxDeletedRows: 1000, maxChangedPercent: 100, schemaChangesNeedApproval: false }\n';
    const loose =
      'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 1000, maxChangedPercent: 100, maxDeletedRows: 1000, maxTotalChangedRows: 1000, schemaChangesNeedApproval: false }\n';
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
    expect(first.stdout).toContain("a newer commit's deploy deploys it too");
    const second = await push(M2, M1, { workspace: both, runId: 402 });
    // Expected: #7 and #8 (both approved) deployed, or a message that says how to get there.
    // Actual: refused; the message only says bob approved "not this plan".
    expect(second.outputs.result, second.stdout).toBe('refused');
    expect(second.stdout).toMatch(/bob: approved plan sha256:\w{12}…, not this plan/);
    expect(writes()).toEqual([]);
  });
});

describe('F5: where a push deploy comes from', () => {
  it('deploys a push to a branch other than the default one, unreviewed (within thresholds)', async () => {
    const loose =
      'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 1000, maxChangedPercent: 100, maxDeletedRows: 1000, maxTotalChangedRows: 1000, schemaChangesNeedApproval: false }\n';
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
    // README: "A push deploy, or a manual deploy, which runs only from the default branch".
    expect(run.outputs.result, run.stdout).toBe('applied');
  });
});

describe('normal workflows that should go through', () => {
  it('re-running a deploy that failed and rolled back (attempt 2) deploys the same approved plan', async () => {
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
    const rerun = await push(MERGE, BASE_SHA, { env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(rerun.outputs.result, rerun.stdout).toBe('applied');
  });

  it('a first push to a new repository (before = 0000…, a root commit)', async () => {
    const ROOT_SHA = '7'.repeat(40);
    github.branches.set('main', [ROOT_SHA]);
    github.parents.set(ROOT_SHA, []);
    const run = await push(ROOT_SHA, '0'.repeat(40));
    console.log(run.stdout.split('\n').filter((line) => /refused|error|Error|::/.test(line)).join('\n'));
    expect(run.outputs.result, run.stdout).toBe('refused');
    expect(run.stdout).toContain('no pull request was merged into commit 7777777');
  });
});

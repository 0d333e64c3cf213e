/**
 * The gate, attacked: the committed dist/index.js against the emulator and the GitHub fake.
 * Every refusal must write nothing to Genesys (asserted from the emulator's request log).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POLICY_PATH } from '../../src/policy/policy.js';
import { FakeGitHub } from '../fakes/github.js';
import {
  BASE_SHA,
  pullRequestPayload,
  REPOSITORY,
  runAction,
  workspace,
  LIVE_EXAMPLE,
  tableWrites,
} from '../helpers/action.js';
import { useEmulator } from '../helpers/emulator.js';

const emulator = useEmulator();
let github: FakeGitHub;
let dir: string;
const LIVE = LIVE_EXAMPLE;
const HEAD = 'b'.repeat(40);
const MERGE = 'c'.repeat(40);
const PR = 7;

beforeEach(async () => {
  github = await new FakeGitHub().start();
  github.permissions.set('alice', 'write').set('bob', 'write').set('carol', 'read').set('dave', 'admin');
  github.permissions.set('mallory', 'write');
  github.tokens.set('ghp_mallory', 'mallory');
  // Until the pull request merges, main is BASE_SHA; merging it lands MERGE (a merge commit).
  github.branches.set('main', [BASE_SHA]);
  github.parents.set(MERGE, [BASE_SHA, HEAD]);
  emulator.state.load(structuredClone(LIVE));
  dir = await workspace();
});
afterEach(() => github.close());

const writes = () => tableWrites(emulator);
const editLiveTable = () => {
  [...emulator.state.tables.values()][0]!.rows.get('dialer_enabled')!.config_value = 'false';
};
const setPolicy = (ref: string, text: string) => github.files.set(ref, new Map([[POLICY_PATH, text]]));

/** The plan workflow on PR #7 (head HEAD by alice), on a pull_request or a review event. */
const plan = (event = 'pull_request', inputs: Record<string, string> = {}) =>
  runAction({
    emulator,
    github,
    workspace: dir,
    event,
    payload: pullRequestPayload(PR, HEAD, 'alice'),
    runId: 90,
    inputs,
  });

/** The digest of the plan against the live tables now (a plan run outside any pull request). */
async function currentDigest(): Promise<string> {
  const run = await runAction({
    emulator,
    github,
    workspace: dir,
    event: 'workflow_dispatch',
    payload: { repository: REPOSITORY },
    inputs: { mode: 'plan' },
  });
  return run.outputs['plan-digest']!;
}

/** PR #7 merged as MERGE (a merge commit into main). */
function merge(extra: Partial<Parameters<FakeGitHub['pulls']['set']>[1]> = {}) {
  github.branches.set('main', [BASE_SHA, MERGE]);
  github.pulls.set(PR, {
    number: PR,
    headSha: HEAD,
    author: 'alice',
    mergedAt: github.now(),
    mergeCommitSha: MERGE,
    baseSha: BASE_SHA,
    ...extra,
  });
  github.commitPulls.set(MERGE, [PR]);
}

/** The deploy workflow on the push of MERGE to main. */
const push = (inputs: Record<string, string> = {}) =>
  runAction({
    emulator,
    github,
    workspace: dir,
    event: 'push',
    payload: { ref: 'refs/heads/main', before: BASE_SHA, after: MERGE, repository: REPOSITORY },
    sha: MERGE,
    runId: 101,
    inputs,
  });

/** A manual deploy run of `ref` at `sha`, started by `actor`. */
const dispatch = (
  options: { ref?: string; sha?: string; actor?: string; inputs?: Record<string, string> } = {},
) =>
  runAction({
    emulator,
    github,
    workspace: dir,
    event: 'workflow_dispatch',
    payload: { ref: options.ref ?? 'refs/heads/main', repository: REPOSITORY, inputs: {} },
    sha: options.sha ?? MERGE,
    ref: options.ref ?? 'refs/heads/main',
    runId: 120,
    actor: options.actor ?? 'deployer',
    inputs: { mode: 'deploy', ...options.inputs },
  });

/** Plans, applies `reviews`, merges, resets the request log, deploys; returns the deploy run. */
async function reviewAndDeploy(reviews: () => void) {
  const planned = await plan();
  expect(planned.code, planned.stdout).toBe(0);
  github.tick();
  reviews();
  merge();
  emulator.log.reset();
  return push();
}

async function expectRefused(run: Awaited<ReturnType<typeof push>>, message: RegExp | string) {
  expect(run.code, run.stdout).toBe(1);
  expect(run.outputs.result, run.stdout).toBe('refused');
  if (typeof message === 'string') expect(run.stdout).toContain(message);
  else expect(run.stdout).toMatch(message);
  expect(writes()).toEqual([]);
  expect(github.artifacts.filter((artifact) => artifact.name.startsWith('datatable-backup'))).toEqual([]);
}

describe('controls: what the gate lets through', () => {
  it("deploys with a writer's approval of the current digest, and a later COMMENTED review does not withdraw it", async () => {
    const run = await reviewAndDeploy(() => {
      github.addReview(PR, 'bob', 'APPROVED', HEAD);
      github.addReview(PR, 'bob', 'COMMENTED', HEAD);
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.result).toBe('applied');
    expect(writes().length).toBeGreaterThan(0);
    expect(github.statuses.at(-1)).toMatchObject({
      sha: MERGE,
      context: 'datatable-deploy/prod/deploy',
      state: 'success',
      creator: 'github-actions[bot]',
    });
  });

  it('announces the digest in a status the action created, and the comment says what an approval binds to', async () => {
    const run = await plan();
    const digest = run.outputs['plan-digest']!;
    expect(github.statuses.at(-1)).toMatchObject({
      sha: HEAD,
      context: 'datatable-deploy/prod',
      state: 'pending',
      creator: 'github-actions[bot]',
      description: `plan ${digest} · Waiting for 1 approval(s) of this plan`,
    });
    const body = github.comments.get(PR)![0]!.body;
    expect(body).toContain(`**An approval binds to plan \`${digest}\`**`);
    expect(body).toContain('**Change window (prod):** open now');
  });
});

describe('approvals that do not count', () => {
  const cases: Array<[string, () => void, RegExp]> = [
    ['self-approval', () => github.addReview(PR, 'alice', 'APPROVED', HEAD), /alice: authors cannot approve/],
    [
      'a read-only approver',
      () => github.addReview(PR, 'carol', 'APPROVED', HEAD),
      /carol: has read permission/,
    ],
    [
      'an approval of an older head',
      () => github.addReview(PR, 'bob', 'APPROVED', 'f'.repeat(40)),
      /bob: approved an older commit \(fffffff\)/,
    ],
    [
      'a dismissed approval',
      () => (github.addReview(PR, 'bob', 'APPROVED', HEAD), github.dismissReview(PR, 'bob')),
      /bob: the review was dismissed/,
    ],
    [
      'CHANGES_REQUESTED after APPROVED by the same reviewer',
      () => (
        github.addReview(PR, 'bob', 'APPROVED', HEAD),
        github.addReview(PR, 'bob', 'CHANGES_REQUESTED', HEAD)
      ),
      /has changes requested by bob/,
    ],
    [
      'CHANGES_REQUESTED by another eligible reviewer',
      () => (
        github.addReview(PR, 'bob', 'APPROVED', HEAD),
        github.addReview(PR, 'dave', 'CHANGES_REQUESTED', HEAD)
      ),
      /has changes requested by dave/,
    ],
  ];
  for (const [what, reviews, message] of cases)
    it(`refuses ${what}`, async () => {
      await expectRefused(await reviewAndDeploy(reviews), message);
    });
});

describe('a plan that changed after the approval', () => {
  it('re-planned on a review event after a live edit: the approval no longer counts, on the PR or on push', async () => {
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    github.tick();
    editLiveTable();
    github.tick();
    github.addReview(PR, 'carol', 'COMMENTED', HEAD);
    const replanned = await plan('pull_request_review');
    expect(replanned.outputs.approved).toBe('false');
    expect(github.statuses.at(-1)).toMatchObject({ sha: HEAD, state: 'pending' });
    expect(github.comments.get(PR)![0]!.body).toContain('a different plan was announced after the approval');
    merge();
    emulator.log.reset();
    await expectRefused(
      await push(),
      /bob: approved plan sha256:\w{12}…, and a different plan was announced/,
    );
  });

  it("ignores the bot's comment edited by a user to show the new digest", async () => {
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    editLiveTable();
    const fresh = await currentDigest();
    const comment = github.comments.get(PR)![0]!;
    github.editComment(comment.id, comment.body.replace(/sha256:[0-9a-f]{64}/g, fresh), 'mallory');
    merge();
    emulator.log.reset();
    await expectRefused(await push(), /bob: approved plan sha256:\w{12}…, not this plan/);
  });

  it('does not adopt a comment with the marker planted by a user before the first plan', async () => {
    const marker = '<!-- datatable-deploy:comment deployment=prod -->';
    const planted = github.addComment(PR, 'mallory', `${marker}\nplan digest=sha256:${'0'.repeat(64)}`);
    await plan();
    const comments = github.comments.get(PR)!;
    expect(comments).toHaveLength(2);
    expect(comments[0]).toEqual(planted);
    expect(comments[1]!.user).toBe('github-actions[bot]');
    // Her own comment, edited to the digest after a live edit, still deploys nothing.
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    editLiveTable();
    github.editComment(planted.id, `${marker}\nplan digest=${await currentDigest()}`, 'mallory');
    merge();
    emulator.log.reset();
    await expectRefused(await push(), /bob: approved plan sha256:\w{12}…, not this plan/);
  });

  it('ignores a status announcing another digest created by a non-bot identity', async () => {
    await plan();
    editLiveTable();
    const forged = await currentDigest();
    // mallory announces the post-edit digest with her own token, before bob reviews.
    github.tick();
    const response = await fetch(`${github.url}/repos/acme/contact-center-config/statuses/${HEAD}`, {
      method: 'POST',
      headers: { authorization: 'token ghp_mallory', 'content-type': 'application/json' },
      body: JSON.stringify({
        state: 'pending',
        context: 'datatable-deploy/prod',
        description: `plan ${forged} · Waiting for 1 approval(s) of this plan`,
      }),
    });
    expect(response.status).toBe(201);
    expect(github.statuses.at(-1)!.creator).toBe('mallory');
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merge();
    emulator.log.reset();
    await expectRefused(await push(), /bob: approved plan sha256:\w{12}…, not this plan/);
  });
});

describe('where a deploy comes from', () => {
  it('refuses a push whose commit belongs only to an open pull request', async () => {
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    github.pulls.set(PR, { number: PR, headSha: HEAD, author: 'alice', mergedAt: null });
    github.commitPulls.set(MERGE, [PR]);
    github.branches.set('main', [BASE_SHA, MERGE]); // pushed to main some other way
    emulator.log.reset();
    await expectRefused(await push(), /no pull request was merged into commit ccccccc/);
  });

  it('refuses a pull request merged into another branch, or whose merge commit is another one', async () => {
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merge({ baseRef: 'release' });
    emulator.log.reset();
    await expectRefused(await push(), /no pull request was merged into commit/);
    merge({ mergeCommitSha: 'd'.repeat(40) });
    await expectRefused(await push(), /no pull request was merged into commit/);
  });

  it('refuses workflow_dispatch of a branch other than the default, and of a commit not on it', async () => {
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merge();
    emulator.log.reset();
    await expectRefused(
      await dispatch({ ref: 'refs/heads/feature', sha: HEAD }),
      'A manual deploy runs only for the default branch (main), not refs/heads/feature.',
    );
    github.parents.set(HEAD, [BASE_SHA]);
    await expectRefused(await dispatch({ sha: HEAD }), /Commit bbbbbbb is not on main \(diverged\)/);
    // Control: the head of main, merged through the approved pull request, deploys.
    const run = await dispatch();
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.result).toBe('applied');
  });
});

describe('policy from the protected branch', () => {
  it('refuses a pull request that loosens the thresholds in the workflow inputs', async () => {
    const loose = {
      'max-changed-rows': '1000',
      'max-changed-percent': '100',
      'max-deleted-rows': '1000',
      'max-total-changed-rows': '1000',
      'required-approvals': '0',
    };
    const planned = await plan('pull_request', loose);
    expect(planned.outputs['requires-approval']).toBe('true');
    merge();
    emulator.log.reset();
    await expectRefused(await push(loose), /needs an approval\. Pull request #7 has 0 of the 1 approval/);
  });

  it('judges a pull request that loosens the policy file by the base policy, and needs an approval for it', async () => {
    const strict = 'version: 1\ndefaults:\n  approvals: { required: 2 }\n';
    const loose =
      'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 1000, maxChangedPercent: 100, maxDeletedRows: 1000 }\n  approvals: { required: 1 }\n';
    setPolicy(BASE_SHA, strict);
    setPolicy(HEAD, loose);
    setPolicy(MERGE, loose);
    const planned = await plan();
    expect(planned.outputs['requires-approval']).toBe('true');
    expect(github.comments.get(PR)![0]!.body).toContain(
      `It is judged by the policy of the base branch, and it needs an approval whatever the plan.`,
    );
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merge();
    emulator.log.reset();
    // One approval; the base policy asks for two.
    await expectRefused(await push(), /has 1 of the 2 approval\(s\)/);
  });

  it('needs an approval for a policy change even when the plan is within the thresholds', async () => {
    setPolicy(
      BASE_SHA,
      'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 1000, maxChangedPercent: 100, maxDeletedRows: 1000 }\n',
    );
    setPolicy(
      MERGE,
      'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 1000, maxChangedPercent: 100, maxDeletedRows: 1001 }\n',
    );
    merge();
    emulator.log.reset();
    await expectRefused(await push(), /The policy file changes, so it needs an approval/);
  });

  it('refuses a broken policy file on the base with its place and a fix, writing nothing', async () => {
    setPolicy(BASE_SHA, 'version: 1\ndefaults:\n  approvals: { required: many }\n');
    merge();
    emulator.log.reset();
    const run = await push();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${POLICY_PATH} at eeeeeee:3:`);
    expect(writes()).toEqual([]);
  });
});

describe('change windows', () => {
  const day = (offset: number) =>
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + offset) % 7];
  const closedPolicy = `version: 1\nenvironments:\n  prod:\n    windows:\n      - { days: [${day(3)}], from: "00:00", to: "24:00" }\n    emergency: { approvers: [dave] }\n`;

  it('refuses a deploy outside the change windows and says when the next one opens', async () => {
    setPolicy(BASE_SHA, closedPolicy);
    setPolicy(MERGE, closedPolicy);
    const run = await reviewAndDeploy(() => github.addReview(PR, 'bob', 'APPROVED', HEAD));
    await expectRefused(
      run,
      /The change window of environment "prod" is closed: outside the change windows .*the next window opens/,
    );
    expect(github.comments.get(PR)![0]!.body).toMatch(/\*\*Change window \(prod\):\*\* 🚫 closed/);
  });

  it('refuses an emergency override asked by someone who is not an emergency approver', async () => {
    setPolicy(BASE_SHA, closedPolicy);
    setPolicy(MERGE, closedPolicy);
    await plan();
    github.tick();
    github.addReview(PR, 'bob', 'APPROVED', HEAD);
    merge();
    emulator.log.reset();
    await expectRefused(
      await dispatch({ actor: 'mallory', inputs: { 'emergency-reason': 'trust me' } }),
      'none of the emergency approvers (dave) asked for it or approved this exact plan (those who did: mallory, bob)',
    );
    // Control: the listed emergency approver overrides it, and the summary records who and why.
    const run = await dispatch({ actor: 'dave', inputs: { 'emergency-reason': 'incident 42' } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Emergency override of the change window by dave: incident 42');
    expect(run.summary).toContain('Emergency override by dave: incident 42');
  });

  it('refuses a manual restore during a freeze', async () => {
    const frozen = `version: 1\ndefaults:\n  freezes:\n    - { from: "${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}", to: "${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}", reason: Year-end }\n`;
    const deployed = await reviewAndDeploy(() => github.addReview(PR, 'bob', 'APPROVED', HEAD));
    expect(deployed.outputs.result, deployed.stdout).toBe('applied');
    setPolicy(MERGE, frozen); // the head of main
    emulator.log.reset();
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'workflow_dispatch',
      payload: { ref: 'refs/heads/main', repository: REPOSITORY },
      runId: 202,
      inputs: { 'backup-run-id': '101' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('refused');
    expect(run.stdout).toContain('freeze "Year-end"');
    expect(writes()).toEqual([]);
  });
});

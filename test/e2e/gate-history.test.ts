/**
 * The gate against history: re-runs of older runs, rebase merges, an omitted environment
 * input, sharded deployments and an oversized policy file. The committed dist/index.js against
 * the emulator and the GitHub fake; every refusal writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github.js';
import {
  BASE_SHA,
  pullRequestPayload,
  REPOSITORY,
  runAction,
  workspace,
  LIVE_EXAMPLE,
  tableWrites,
  LOOSE_POLICY,
  setPolicyAt,
} from '../helpers/action.js';
import { useEmulator } from '../helpers/emulator.js';

const emulator = useEmulator();
let github: FakeGitHub;
let dir: string;
const LIVE = LIVE_EXAMPLE;
const HEAD = 'b'.repeat(40);
const MERGE = 'c'.repeat(40);
const LOOSE = LOOSE_POLICY;
const date = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const freeze = (reason: string) =>
  `  freezes:\n    - { from: "${date(-1)}", to: "${date(1)}", reason: ${reason} }\n`;
const weekday = (offset: number) =>
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + offset) % 7];
const CLOSED = `${LOOSE}  windows:\n    - { days: [${weekday(3)}], from: "00:00", to: "24:00" }\n  emergency: { approvers: [dave] }\n`;

beforeEach(async () => {
  github = await new FakeGitHub().start();
  github.permissions.set('bob', 'write').set('dave', 'admin').set('mallory', 'write');
  emulator.state.load(structuredClone(LIVE));
  dir = await workspace();
});
afterEach(() => github.close());

const setPolicy = (text: string, ...refs: string[]) => setPolicyAt(github, text, ...refs);
const writes = () => tableWrites(emulator);
const push = (sha: string, before: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({
    emulator,
    github,
    workspace: dir,
    event: 'push',
    payload: { ref: 'refs/heads/main', before, after: sha, repository: REPOSITORY },
    sha,
    actor: 'alice',
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
function expectRefused(run: Awaited<ReturnType<typeof runAction>>, message: string | RegExp) {
  expect(run.outputs.result, run.stdout).toBe('refused');
  if (typeof message === 'string') expect(run.stdout).toContain(message);
  else expect(run.stdout).toMatch(message);
  expect(writes()).toEqual([]);
}

describe('re-runs', () => {
  it('refuses a re-run of an older push: a superseded commit, under a superseded policy', async () => {
    const freezing = 'd'.repeat(40);
    const newer = 'f'.repeat(40);
    github.branches.set('main', [BASE_SHA, MERGE, freezing, newer]);
    setPolicy(LOOSE, BASE_SHA, MERGE);
    setPolicy(`${LOOSE}${freeze('Incident freeze')}`, freezing, newer);
    emulator.log.reset();
    const rerun = await push(MERGE, BASE_SHA, {
      env: { GITHUB_RUN_ATTEMPT: '2', GITHUB_TRIGGERING_ACTOR: 'mallory' },
    });
    expectRefused(rerun, 'Commit ccccccc is no longer the head of main');
    // Control: the head of main is judged by the freeze main carries now.
    const head = await push(newer, freezing);
    expectRefused(head, 'freeze "Incident freeze"');
  });

  it("grants an emergency override to who re-ran a run, not to the first run's actor", async () => {
    github.branches.set('main', [BASE_SHA, MERGE]);
    github.parents.set(MERGE, [BASE_SHA]);
    setPolicy(CLOSED, BASE_SHA, MERGE);
    emulator.log.reset();
    const rerun = await dispatch(MERGE, {
      actor: 'dave',
      env: { GITHUB_TRIGGERING_ACTOR: 'mallory', GITHUB_RUN_ATTEMPT: '2' },
      inputs: { 'emergency-reason': 'incident 42' },
    });
    expectRefused(rerun, '(those who did: mallory)');
    const own = await dispatch(MERGE, { actor: 'dave', inputs: { 'emergency-reason': 'incident 42' } });
    expect(own.outputs.result, own.stdout).toBe('applied');
  });
});

describe('policy bases', () => {
  it('judges a rebase-merged policy change by the base before the pull request, on a manual run too', async () => {
    const c1 = '1'.repeat(40); // rebased commit 1: drops the freeze
    const c2 = '2'.repeat(40); // rebased commit 2: the table change, head of main
    github.branches.set('main', [BASE_SHA, c1, c2]);
    github.parents.set(c2, [c1]).set(c1, [BASE_SHA]);
    setPolicy(`${LOOSE}${freeze('Year-end')}`, BASE_SHA);
    setPolicy(LOOSE, HEAD, c1, c2);
    await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'pull_request',
      payload: pullRequestPayload(7, HEAD, 'alice'),
      runId: 90,
    });
    github.tick();
    github.addReview(7, 'bob', 'APPROVED', HEAD);
    github.pulls.set(7, {
      number: 7,
      headSha: HEAD,
      author: 'alice',
      mergedAt: github.now(),
      mergeCommitSha: c2,
      baseSha: BASE_SHA,
    });
    github.commitPulls.set(c2, [7]);
    emulator.log.reset();
    expectRefused(await push(c2, BASE_SHA), 'freeze "Year-end"');
    expectRefused(await dispatch(c2, { actor: 'mallory' }), 'freeze "Year-end"');
  });

  it("applies the policy section of the files' environment when the environment input is left out", async () => {
    github.branches.set('main', [BASE_SHA, MERGE]);
    setPolicy(`${LOOSE}environments:\n  prod:\n    thresholds: { maxChangedRows: 0 }\n`, BASE_SHA, MERGE);
    emulator.log.reset();
    const run = await push(MERGE, BASE_SHA, { env: { INPUT_ENVIRONMENT: '' } });
    expect(run.outputs['requires-approval'], run.stdout).toBe('true');
    expectRefused(run, /needs an approval/);
  });

  it('refuses a policy file too large for the contents API, saying so', async () => {
    github.branches.set('main', [BASE_SHA, MERGE]);
    setPolicy(`${LOOSE}# ${'x'.repeat(1_100_000)}\n`, BASE_SHA, MERGE);
    emulator.log.reset();
    const run = await push(MERGE, BASE_SHA);
    expect(run.outputs.result).toBe('failed');
    expect(run.stdout).toMatch(
      /policy\.yaml at \w{7} is larger than the 1 MB the contents API serves inline/,
    );
    expect(writes()).toEqual([]);
  });
});

describe('sharded deployments', () => {
  it("restores a shard's own backup, not the newer one of a shard whose name starts the same", async () => {
    github.branches.set('main', [BASE_SHA, MERGE]);
    setPolicy(LOOSE, BASE_SHA, MERGE, 'main');
    const deploy = (deployment: string) => push(MERGE, BASE_SHA, { runId: 101, inputs: { deployment } });
    expect((await deploy('prod')).outputs.result).toBe('applied');
    const after = structuredClone([...emulator.state.tables.values()][0]!.rows);
    emulator.state.load(structuredClone(LIVE));
    expect((await deploy('prod-eu')).outputs.result).toBe('applied');
    const rollback = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'workflow_dispatch',
      payload: { ref: 'refs/heads/main', repository: REPOSITORY, inputs: {} },
      sha: MERGE,
      actor: 'dave',
      runId: 202,
      inputs: { 'backup-run-id': '101', deployment: 'prod' },
    });
    expect(rollback.outputs.result, rollback.stdout).toBe('applied');
    const prod = github.artifacts.find((artifact) => artifact.name === 'datatable-backup-prod-101-1')!;
    expect(rollback.outputs['backup-artifact-id']).toBe(String(prod.id));
    expect(after.size).toBeGreaterThan(0);
  });
});

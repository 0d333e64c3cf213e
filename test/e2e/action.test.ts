import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github.js';
import {
  mergePullRequest,
  BASE_SHA,
  pullRequestPayload,
  REPOSITORY,
  runAction,
  workspace,
  LIVE_EXAMPLE,
  tableWrites,
} from '../helpers/action.js';
import { rowsOf } from '../helpers/deploy.js';
import { clientFor, useEmulator } from '../helpers/emulator.js';
import { snapshotHash } from '../../src/runtime/content-hash.js';
import type { Purge } from '../../src/runtime/types.js';
import { createPurgeHandler } from '../../src/runtime/webhook-receiver.js';
import { CLI, emulatorEnv, ROOT, runNode } from '../helpers/processes.js';

const emulator = useEmulator();
let github: FakeGitHub;
const LIVE = LIVE_EXAMPLE;
const HEAD = 'b'.repeat(40);
const MERGE = 'c'.repeat(40);
const STATUS = 'datatable-deploy/prod';

beforeEach(async () => {
  github = await new FakeGitHub().start();
  emulator.state.load(structuredClone(LIVE));
});
afterEach(() => github.close());

const TABLE = 'plugin_config_production';
const VERSIONS = 'datatable_deploy_versions';
const HOOK_SECRET = 'action-hook-secret';
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A plugin's purge receiver (createPurgeHandler) on 127.0.0.1, and the purges it accepted. */
async function purgeReceiver() {
  const purges: Purge[][] = [];
  const server = createServer(
    createPurgeHandler({ secret: HOOK_SECRET, onPurge: (accepted) => void purges.push(accepted) }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`, purges };
}

const liveRows = () => [...rowsOf(emulator, 'plugin_config_production').values()];
const writes = () => tableWrites(emulator);

/** Runs the plan on PR #7 (head HEAD by alice), as the plan workflow would. */
async function planOnPullRequest(dir: string, event = 'pull_request') {
  return runAction({
    emulator,
    github,
    workspace: dir,
    event,
    payload: pullRequestPayload(7, HEAD, 'alice'),
    runId: 90,
  });
}

describe('the action on pull requests', () => {
  it('(a) posts one sticky plan comment, updates it on the next run, and leaves the status pending', async () => {
    const dir = await workspace();
    const first = await planOnPullRequest(dir);
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({
      result: 'planned',
      'requires-approval': 'true',
      approved: 'false',
      'changed-rows': '5',
    });
    const comments = github.comments.get(7)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- datatable-deploy:comment deployment=prod -->');
    expect(comments[0]!.body).toContain(`digest=${first.outputs['plan-digest']}`);
    expect(comments[0]!.body).toContain('⚠️ **Needs approval.**');
    expect(github.statuses.at(-1)).toMatchObject({ sha: HEAD, state: 'pending', context: STATUS });
    expect(first.summary).toContain('datatable-deploy plan');
    expect(first.outputs['comment-id']).toBe(String(comments[0]!.id));
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/acme/contact-center-config/pull/7#issuecomment-${comments[0]!.id}`,
    );
    expect(JSON.parse(readFileSync(first.outputs['plan-file']!, 'utf8'))).toMatchObject({
      digest: first.outputs['plan-digest'],
    });

    const second = await planOnPullRequest(dir);
    expect(second.code).toBe(0);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    expect(github.comments.get(7)).toHaveLength(1);
    expect(
      github.log.filter((call) => call.method === 'PATCH' && call.path.includes('/issues/comments/')),
    ).toHaveLength(1);
    expect(writes()).toEqual([]);
  });

  it("(b) passes the gate only with a writer's current, standing approval from someone else", async () => {
    const dir = await workspace();
    github.permissions
      .set('alice', 'write')
      .set('bob', 'write')
      .set('carol', 'read')
      .set('dave', 'admin')
      .set('erin', 'maintain');
    const cases: Array<[string, () => void, string]> = [
      ['the author approving', () => github.addReview(7, 'alice', 'APPROVED', HEAD), 'pending'],
      ['a read-only user approving', () => github.addReview(7, 'carol', 'APPROVED', HEAD), 'pending'],
      [
        'an approval of an older head',
        () => github.addReview(7, 'dave', 'APPROVED', 'f'.repeat(40)),
        'pending',
      ],
      [
        'an approval later dismissed',
        () => (github.addReview(7, 'erin', 'APPROVED', HEAD), github.addReview(7, 'erin', 'DISMISSED', HEAD)),
        'pending',
      ],
      ['a writer approving the head', () => github.addReview(7, 'bob', 'APPROVED', HEAD), 'success'],
    ];
    for (const [what, review, state] of cases) {
      github.reviews.clear();
      review();
      const run = await planOnPullRequest(dir, 'pull_request_review');
      expect(run.code, what).toBe(0);
      expect(github.statuses.at(-1), what).toMatchObject({ sha: HEAD, context: STATUS, state });
    }
    expect(github.comments.get(7)![0]!.body).toContain('✅ approved by `bob`');
  });
});

describe('the action on invalid files', () => {
  it('annotates every finding and writes them, with the fix, into the job summary; nothing is written', async () => {
    const dir = await workspace(
      'table: plugin_config_production\ncolumns:\n  queue: { type: string }\nrows:\n',
    );
    const run = await planOnPullRequest(dir);
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('failed');
    expect(run.stdout).toMatch(
      /::error title=rows-invalid,file=datatables\/plugin_config_production\.yaml,line=4,col=6::/,
    );
    expect(run.summary).toContain('## datatable-deploy: the files are not valid');
    expect(run.summary).toContain('1 error and 0 warnings; nothing was planned or written.');
    expect(run.summary).toMatch(
      /\| datatables\/plugin_config_production\.yaml:4:6 \| ❌ rows-invalid \| .+ \| .+ \|/,
    );
    expect(writes()).toEqual([]);
    expect(github.comments.get(7) ?? []).toEqual([]);
  });
});

/** The dialer reads max_concurrent_calls (250 in the example) and allows at most 100. */
async function brokenContract() {
  const dir = await workspace();
  await mkdir(join(dir, '.github/datatable-deploy/consumers'), { recursive: true });
  await writeFile(
    join(dir, '.github/datatable-deploy/consumers/dialer.yaml'),
    'consumer: dialer\ntables:\n  plugin_config_production:\n    keys:\n      max_concurrent_calls: { type: integer, maximum: 100 }\n',
  );
  return dir;
}

describe('the action with consumer contracts', () => {
  it('annotates a config breaking a contract at its cell on the pull request, and plans nothing', async () => {
    const planned = await planOnPullRequest(await brokenContract());
    expect(planned.code).toBe(1);
    expect(planned.stdout).toMatch(
      /::error title=contract-value,file=datatables\/plugin_config_production\.yaml,line=43,col=\d+::Row "max_concurrent_calls": consumer "dialer"/,
    );
    expect(github.comments.get(7) ?? []).toEqual([]);
  });
});

describe('the action on push', () => {
  /** Plan on the PR, bob approves, the PR merges as MERGE. */
  async function approvedPullRequest(dir: string) {
    github.permissions.set('bob', 'write');
    const planned = await planOnPullRequest(dir);
    github.addReview(7, 'bob', 'APPROVED', HEAD);
    mergePullRequest(github, { number: 7, headSha: HEAD, author: 'alice', merge: MERGE });
    return planned;
  }
  const push = (dir: string, inputs: Record<string, string> = {}, runId = 101) =>
    runAction({
      emulator,
      github,
      workspace: dir,
      event: 'push',
      payload: { ref: 'refs/heads/main', before: BASE_SHA, after: MERGE, repository: REPOSITORY },
      sha: MERGE,
      runId,
      inputs,
    });

  it('refuses to deploy a config breaking a consumer contract: failed, nothing written', async () => {
    const dir = await brokenContract();
    await approvedPullRequest(dir);
    const deployed = await push(dir);
    expect(deployed.code).toBe(1);
    expect(deployed.outputs.result).toBe('failed');
    expect(deployed.stdout).toContain('title=contract-value');
    expect(writes()).toEqual([]);
  });

  it('(c) deploys an approved, current plan: backup artifact first, live equals desired, audit artifact', async () => {
    const dir = await workspace();
    const planned = await approvedPullRequest(dir);
    emulator.log.reset();
    const run = await push(dir);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'applied',
      'plan-digest': planned.outputs['plan-digest'],
      approved: 'true',
      'deploy-version': '4',
    });
    const backup = github.artifacts.find((artifact) => artifact.name === 'datatable-backup-prod-101-1')!;
    expect(backup.finalized).toBe(true);
    expect(run.outputs['backup-artifact-id']).toBe(String(backup.id));
    const finalized = github.log.find((call) => call.path.endsWith('/FinalizeArtifact'))!;
    const firstWrite = writes()[0]!;
    expect(finalized.at).toBeLessThanOrEqual(Date.parse(firstWrite.at));
    expect(
      github.artifacts.some(
        (artifact) => artifact.name === 'datatable-journal-prod-101-1' && artifact.finalized,
      ),
    ).toBe(true);
    const rows = new Map(liveRows().map((row) => [row.key, row]));
    expect(rows.has('legacy_api_token')).toBe(false);
    expect(rows.get('max_concurrent_calls')).toMatchObject({
      config_value: '250',
      version: 4,
      updated_by: 'deployer',
    });
    expect(rows.get('callback_retry_minutes')).toMatchObject({
      config_value: '15',
      data_type: 'integer',
      version: 4,
    });
    expect(run.summary).toContain('✅ Deployed version 4');
  });

  it('(d) refuses when the live table changed after the approval, and writes nothing', async () => {
    const dir = await workspace();
    await approvedPullRequest(dir);
    [...emulator.state.tables.values()][0]!.rows.get('dialer_enabled')!.config_value = 'false';
    emulator.log.reset();
    const run = await push(dir);
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('refused');
    expect(run.stdout).toMatch(
      /This plan crosses a threshold, so it needs an approval\. Pull request #7 has 0 of the 1 approval\(s\) of this exact plan it needs \(bob: approved plan sha256:\w{12}…, not this plan\)/,
    );
    expect(writes()).toEqual([]);
    expect(github.artifacts).toEqual([]);
  });

  it('(e) rolls back when a health check fails: live equals the backup, result rolled-back', async () => {
    const dir = await workspace();
    await approvedPullRequest(dir);
    const before = structuredClone(liveRows());
    const run = await push(dir, {
      'health-checks': 'probes:\n  - name: always failing\n    command: { run: "exit 7" }\n',
    });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('rolled-back');
    expect(run.stdout).toContain('health check "always failing" failed');
    const after = liveRows();
    // Rows equal the backup; the column the deploy added stays, holding its default.
    expect(after.map(({ updated_by: _added, ...row }) => row)).toEqual(before);
    expect(after.every((row) => (row.updated_by ?? '') === '')).toBe(true);
  });

  it('refuses to deploy while an earlier run of the same workflow is still in progress', async () => {
    const dir = await workspace();
    await approvedPullRequest(dir);
    github.runs.set(100, { workflowId: 9, runNumber: 41, status: 'in_progress' });
    github.runs.set(101, { workflowId: 9, runNumber: 42, status: 'in_progress' });
    emulator.log.reset();
    const run = await push(dir);
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('refused');
    expect(run.stdout).toContain(
      'Another run of this workflow is still in progress (#41 https://github.com/acme/contact-center-config/actions/runs/100)',
    );
    expect(writes()).toEqual([]);
  });

  it("(f) restores an earlier run's backup on workflow_dispatch", async () => {
    const dir = await workspace();
    await approvedPullRequest(dir);
    const original = structuredClone(liveRows());
    expect((await push(dir)).code).toBe(0);
    expect(liveRows()).not.toEqual(original);
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'workflow_dispatch',
      payload: { inputs: { run: '101' }, ref: 'refs/heads/main', repository: REPOSITORY },
      runId: 202,
      inputs: { 'backup-run-id': '101' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('✅ The live tables equal the backup again.');
    expect(liveRows().map(({ updated_by: _added, ...row }) => row)).toEqual(original);
  });

  it('(f2) with a versions table: the restore marks V+1 and posts it to the webhook', async () => {
    const dir = await workspace();
    await approvedPullRequest(dir);
    const hook = await purgeReceiver();
    const inputs = {
      'versions-table': VERSIONS,
      'invalidation-webhook-url': hook.url,
      'invalidation-webhook-secret': HOOK_SECRET,
    };
    expect((await push(dir, inputs)).code).toBe(0);
    expect(rowsOf(emulator, VERSIONS).get(TABLE)).toMatchObject({ version: 4 });
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'workflow_dispatch',
      payload: { inputs: { run: '101' }, ref: 'refs/heads/main', repository: REPOSITORY },
      runId: 202,
      inputs: { 'backup-run-id': '101', ...inputs },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('✅ The live tables equal the backup again.');
    expect(run.summary).toContain(`- \`${TABLE}\`: version 5 in the versions table`);
    expect(run.summary).toContain(`- webhook ${hook.url}: delivered`);
    // The marker describes the rows as readers read them (through the API).
    const client = clientFor(emulator);
    const live = await client.tables.listRows((await client.tables.findTableByName(TABLE))!.id);
    const marker = rowsOf(emulator, VERSIONS).get(TABLE)!;
    expect(marker).toMatchObject({ version: 5, content_hash: snapshotHash(live) });
    expect(hook.purges.map((purges) => purges.map((purge) => purge.version))).toEqual([[4], [5]]);
    expect(hook.purges[1]![0]).toMatchObject({ table: TABLE, deployId: marker.deploy_id });
  });
});

describe('the action on schedule and on bad input', () => {
  it('(g) reports drift in the summary and one issue, and fails the job', async () => {
    const dir = await workspace();
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'schedule',
      payload: {},
      inputs: { 'drift-issue': 'true' },
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('⚠️ Drift');
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]!.title).toBe('Data tables drifted from git (prod)');
    expect(github.issues[0]!.body).toContain('legacy_api_token');
    await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'schedule',
      payload: {},
      inputs: { 'drift-issue': 'true' },
    });
    expect(github.issues).toHaveLength(1);
    expect(writes()).toEqual([]);
  });

  it('plans outside a pull request: job summary and outputs only', async () => {
    const dir = await workspace();
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'workflow_dispatch',
      payload: {},
      inputs: { mode: 'plan' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'planned',
      'requires-approval': 'true',
      approved: 'false',
      'changed-rows': '5',
    });
    expect(run.summary).toContain('⚠️ **Needs approval.**');
    expect(run.outputs['comment-id']).toBeUndefined();
    expect(github.comments.size).toBe(0);
    expect(github.statuses).toEqual([]);
    expect(writes()).toEqual([]);

    // The plan file is the plan the CLI applies as it is.
    const applied = await runNode(
      CLI,
      ['apply', '--plan', run.outputs['plan-file']!, '--environment', 'prod', '--deployment', 'prod'].concat([
        '--backup-dir',
        join(dir, 'backups'),
        '--yes',
      ]),
      emulatorEnv(emulator),
    );
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(writes().length).toBeGreaterThan(0);
  });

  it('validates without any credentials or token in mode validate', async () => {
    const dir = await workspace();
    emulator.log.reset();
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'push',
      payload: {},
      inputs: { mode: 'validate', 'github-token': '', 'genesys-client-id': '', 'genesys-client-secret': '' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.result).toBe('no-changes');
    expect(emulator.log.snapshot().total).toBe(0);
    expect(github.log).toEqual([]);
  });

  it('(h) annotates an invalid config with file and line, and writes nothing', async () => {
    const text = readFileSync(resolve(ROOT, 'examples/config/plugin_config_production.yaml'), 'utf8').replace(
      'dialer_enabled: { config_value: true, data_type: boolean }',
      'dialer_enabled: { config_value: maybe, data_type: boolean }',
    );
    const dir = await workspace(text);
    const run = await planOnPullRequest(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error title=typed-value,file=datatables/plugin_config_production.yaml,line=44,col=35::Row "dialer_enabled": "config_value" is typed boolean here; maybe is not true or false. Fix: ',
    );
    expect(run.outputs.result).toBe('failed');
    expect(writes()).toEqual([]);
    expect(github.comments.size).toBe(0);
  });
});

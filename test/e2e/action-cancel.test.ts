import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github.js';
import {
  mergePullRequest,
  BASE_SHA,
  prepareRunner,
  LOOSE_POLICY,
  REPOSITORY,
  runAction,
  setPolicyAt,
  tableWrites,
  workspace,
} from '../helpers/action.js';
import { rowsOf } from '../helpers/deploy.js';
import { SCHEMA, useEmulator } from '../helpers/emulator.js';
import { ACTION, ROOT } from '../helpers/processes.js';
import { sleep } from '../helpers/realism.js';

/**
 * Cancelled and killed deploy runs of dist/index.js, as GitHub cancels them: SIGINT, then SIGTERM
 * 7.5 s later, then SIGKILL 2.5 s after that. Live must end as the config or as the backup;
 * a run killed outright leaves its record (the commit's deploy status names the backup, and
 * the summary written so far does too), and the next run names the unfinished deploy.
 */
const emulator = useEmulator();
let github: FakeGitHub;
const MERGE = 'c'.repeat(40);
const NEXT = 'd'.repeat(40);
const ROWS = 60;
const key = (index: number) => `row-${String(index).padStart(3, '0')}`;
const CONFIG = `table: jobs\nenvironment: prod\ncolumns:\n  value: { type: string }\n  count: { type: integer }\n  ratio: { type: number }\n  enabled: { type: boolean }\nrows:\n${Array.from(
  { length: ROWS },
  (_, index) => `  ${key(index)}: { value: new, count: ${index}, ratio: 0.5, enabled: true }\n`,
).join('')}`;
const BEFORE = Array.from({ length: ROWS }, (_, index) => ({
  key: key(index),
  value: 'old',
  count: index,
  ratio: 0.5,
  enabled: true,
}));

beforeEach(async () => {
  github = await new FakeGitHub().start();
  emulator.state.load({ tables: [{ name: 'jobs', schema: SCHEMA, rows: structuredClone(BEFORE) }] });
  // Each write takes 40 ms; with 600 requests a minute the 60 updates take about 6 s.
  emulator.config.processingDelayMs = 40;
  emulator.config.processingDelayMode = 'fixed';
  setPolicyAt(github, LOOSE_POLICY, BASE_SHA, MERGE, NEXT, 'main', '0'.repeat(40));
  mergePullRequest(github, { number: 7, headSha: 'b'.repeat(40), author: 'alice', merge: MERGE });
});
afterEach(() => github.close());

const values = () => [...rowsOf(emulator, 'jobs').values()].map((row) => row.value);
const INPUTS = { 'rate-limit-per-minute': '600', 'settle-seconds': '2' };

/** Starts a push deploy of MERGE like runAction, and sends `signals` once `afterWrites` writes landed. */
async function cancelledPush(dir: string, signals: NodeJS.Signals[], afterWrites: number) {
  const runner = await prepareRunner({
    emulator,
    github,
    workspace: dir,
    event: 'push',
    payload: { ref: 'refs/heads/main', before: BASE_SHA, after: MERGE, repository: REPOSITORY },
    sha: MERGE,
    inputs: INPUTS,
  });
  const env = { PATH: process.env.PATH, ...runner.env };
  const child = spawn(process.execPath, [ACTION], { env, cwd: ROOT });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const rowWrites = () => tableWrites(emulator).filter((entry) => entry.path.includes('/rows/')).length;
  for (let waited = 0; rowWrites() < afterWrites && waited < 15_000; waited += 10) await sleep(10);
  const sentAt = rowWrites();
  // GitHub's schedule: SIGINT, SIGTERM after 7.5 s, SIGKILL 2.5 s later.
  const delays = { SIGINT: 0, SIGTERM: 7_500, SIGKILL: 2_500 } as const;
  let ended = false;
  void exited.then(() => (ended = true));
  for (const signal of signals) {
    const delay = signal === signals[0] ? 0 : delays[signal as keyof typeof delays];
    for (let waited = 0; waited < delay && !ended; waited += 50) await sleep(50);
    if (!ended) child.kill(signal);
  }
  const end = await exited;
  return {
    ...end,
    log,
    sentAt,
    summary: await runner.summary(),
    output: JSON.stringify(await runner.outputs()),
  };
}

describe('a deploy run that is cancelled', () => {
  for (const [signals, afterWrites] of [
    [['SIGINT', 'SIGTERM', 'SIGKILL'], 1],
    [['SIGINT', 'SIGTERM', 'SIGKILL'], 30],
    [['SIGTERM', 'SIGKILL'], 10],
  ] as Array<[NodeJS.Signals[], number]>)
    it(
      `on ${signals[0]} after ${afterWrites} write(s): restored within the grace, or its record left for the next run`,
      { timeout: 60_000 },
      async () => {
        const dir = await workspace(CONFIG);
        const run = await cancelledPush(dir, signals, afterWrites);
        expect(run.sentAt).toBeLessThan(ROWS);
        await sleep(300); // writes in flight at the signal land
        expect(run.log).toContain('the run is being cancelled');
        expect(run.summary).toMatch(/Deploy started[\s\S]*Backup artifact \d+/);
        const artifact = /Backup artifact (\d+)/.exec(run.summary)![1]!;
        const status = github.statuses.filter((item) => item.sha === MERGE).at(-1)!;
        if (run.signal === null) {
          // It finished within the grace: rolled back, and says so.
          expect(run.output).toContain('rolled-back');
          expect(values()).toEqual(BEFORE.map((row) => row.value));
          expect(run.summary).toContain('Rolled back: the deploy failed (interrupted)');
          expect(status).toMatchObject({ state: 'failure' });
        } else {
          // Killed before the end: the record names the backup for the next run.
          expect(run.signal).toBe('SIGKILL');
          expect(status).toMatchObject({ state: 'pending' });
          expect(status.description).toContain(`Deploying; backup artifact ${artifact}`);
        }
      },
    );

  it(
    'killed outright (SIGKILL) leaves its record, and the next run names it and converges',
    { timeout: 60_000 },
    async () => {
      const dir = await workspace(CONFIG);
      const run = await cancelledPush(dir, ['SIGKILL'], 10);
      expect(run.signal).toBe('SIGKILL');
      await sleep(300);
      const applied = values().filter((value) => value === 'new').length;
      expect(applied).toBeGreaterThan(0);
      expect(applied).toBeLessThan(ROWS);
      const artifact = /Backup artifact (\d+)/.exec(run.summary)?.[1];
      expect(artifact).toBeDefined();
      const record = github.statuses.filter((status) => status.sha === MERGE).at(-1)!;
      expect(record).toMatchObject({ state: 'pending' });
      expect(record.description).toContain(`Deploying; backup artifact ${artifact}`);

      // The next push (before = MERGE) finds it, says what to do, and takes the tables to its config.
      github.branches.set('main', [BASE_SHA, MERGE, NEXT]);
      github.commitPulls.set(NEXT, [8]);
      github.pulls.set(8, {
        number: 8,
        headSha: 'e'.repeat(40),
        author: 'alice',
        mergedAt: new Date().toISOString(),
        mergeCommitSha: NEXT,
      });
      const next = await runAction({
        emulator,
        github,
        workspace: dir,
        event: 'push',
        payload: { ref: 'refs/heads/main', before: MERGE, after: NEXT, repository: REPOSITORY },
        sha: NEXT,
        runId: 102,
        inputs: INPUTS,
      });
      expect(next.outputs.result, next.stdout).toBe('applied');
      expect(next.stdout).toContain(`The deploy of commit ${MERGE.slice(0, 7)} did not finish`);
      expect(next.stdout).toContain(`backup-artifact ${artifact}`);
      expect(next.summary).toContain(`The deploy of commit ${MERGE.slice(0, 7)} did not finish`);
      expect(values()).toEqual(Array.from({ length: ROWS }, () => 'new'));
      expect(github.statuses.filter((status) => status.sha === MERGE).at(-1)).toMatchObject({
        state: 'failure',
      });
    },
  );

  it(
    'killed, then re-run (same commit): the re-run names the backup, keeps the record if it fails, converges if it deploys',
    { timeout: 60_000 },
    async () => {
      const dir = await workspace(CONFIG);
      const run = await cancelledPush(dir, ['SIGKILL'], 10);
      expect(run.signal).toBe('SIGKILL');
      await sleep(300);
      const artifact = /Backup artifact (\d+)/.exec(run.summary)![1]!;
      const rerun = (inputs: Record<string, string>) =>
        runAction({
          emulator,
          github,
          workspace: dir,
          event: 'push',
          payload: { ref: 'refs/heads/main', before: BASE_SHA, after: MERGE, repository: REPOSITORY },
          sha: MERGE,
          runId: 101,
          inputs: { ...INPUTS, ...inputs },
          env: { GITHUB_RUN_ATTEMPT: '2' },
        });
      // A re-run the gate refuses (here: a threshold the inputs tighten) keeps the record.
      const refused = await rerun({ 'max-changed-rows': '1' });
      expect(refused.outputs.result, refused.stdout).toBe('refused');
      expect(refused.stdout).toContain(`backup-artifact ${artifact}`);
      const kept = github.statuses.filter((status) => status.sha === MERGE).at(-1)!;
      expect(kept).toMatchObject({ state: 'pending' });
      expect(kept.description).toContain(`Deploying; backup artifact ${artifact}`);
      // A re-run that deploys converges and clears it.
      const deployed = await rerun({});
      expect(deployed.outputs.result, deployed.stdout).toBe('applied');
      expect(values()).toEqual(Array.from({ length: ROWS }, () => 'new'));
      expect(github.statuses.filter((status) => status.sha === MERGE).at(-1)).toMatchObject({
        state: 'success',
      });
    },
  );
});

import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/server.js';
import type { StateDump } from '../../src/emulator/state.js';
import { POLICY_PATH } from '../../src/policy/policy.js';
import { FakeGitHub } from '../fakes/github.js';
import { TEST_RATE_LIMIT_PER_MINUTE } from './emulator.js';
import { ACTION, ROOT, runNode } from './processes.js';

/** The production table as it stands before the example deploy (examples/live/). */
export const LIVE_EXAMPLE = JSON.parse(
  readFileSync(resolve(ROOT, 'examples/live/plugin_config_production.json'), 'utf8'),
) as StateDump;

/** A policy whose limits nothing in the example config crosses: only windows or approvals matter. */
export const LOOSE_POLICY =
  'version: 1\ndefaults:\n  thresholds: { maxChangedRows: 1000, maxChangedPercent: 100, maxDeletedRows: 1000, maxTotalChangedRows: 1000, schemaChangesNeedApproval: false }\n';

/** Puts `text` as the policy file at each of `refs` (commits or branch names) of the fake. */
export function setPolicyAt(github: FakeGitHub, text: string, ...refs: string[]): void {
  for (const ref of refs) github.files.set(ref, new Map([[POLICY_PATH, text]]));
}

/** The data-table writes (POST, PUT, DELETE) in the emulator's recent request log. */
export const tableWrites = (emulator: RunningEmulator) =>
  emulator.log
    .snapshot()
    .recent.filter(
      (entry) => /^(POST|PUT|DELETE)$/.test(entry.method) && entry.path.startsWith('/api/v2/flows'),
    );

export interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** A repository checkout with the production example config under datatables/. */
export async function workspace(configText?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-workspace-'));
  await mkdir(join(dir, 'datatables'));
  if (configText === undefined)
    await copyFile(
      resolve(ROOT, 'examples/config/plugin_config_production.yaml'),
      join(dir, 'datatables/plugin_config_production.yaml'),
    );
  else await writeFile(join(dir, 'datatables/plugin_config_production.yaml'), configText);
  return dir;
}

export interface RunnerOptions {
  emulator: RunningEmulator;
  github: FakeGitHub;
  workspace: string;
  event: string;
  payload: object;
  inputs?: Record<string, string>;
  runId?: number;
  sha?: string;
  actor?: string;
  /** GITHUB_REF (default refs/heads/main). */
  ref?: string;
  /** More runner variables, set last (e.g. GITHUB_RUN_ATTEMPT and GITHUB_TRIGGERING_ACTOR of a re-run). */
  env?: Record<string, string>;
}

/**
 * What a runner gives a step: the environment (INPUT_* variables, service URLs pointed at the
 * fake) and the event, output and summary files, and how to read the latter two afterwards.
 */
export async function prepareRunner(options: RunnerOptions) {
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-runner-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary');
  await writeFile(eventPath, JSON.stringify(options.payload));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const runId = options.runId ?? 101;
  const env: NodeJS.ProcessEnv = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/contact-center-config',
    GITHUB_SHA: options.sha ?? 'a'.repeat(40),
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: options.actor ?? 'deployer',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: options.github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    ACTIONS_RUNTIME_TOKEN: FakeGitHub.runtimeToken(runId),
    ACTIONS_RESULTS_URL: `${options.github.url}/`,
    RUNNER_TEMP: dir,
    NO_PROXY: '127.0.0.1,localhost',
    'INPUT_GENESYS-CLIENT-ID': options.emulator.clientId,
    'INPUT_GENESYS-CLIENT-SECRET': options.emulator.clientSecret,
    'INPUT_GENESYS-API-URL': options.emulator.url,
    'INPUT_GITHUB-TOKEN': 'ghs_fake-token-for-tests',
    INPUT_ENVIRONMENT: 'prod',
    INPUT_MODE: 'auto',
    'INPUT_REQUIRED-APPROVALS': '1',
    // The client's budget as high as the emulator's test limit: runs wait on nothing else.
    'INPUT_RATE-LIMIT-PER-MINUTE': String(TEST_RATE_LIMIT_PER_MINUTE),
  };
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value;
  Object.assign(env, options.env);
  return {
    env,
    outputs: async () => parseOutputs(await readFile(outputPath, 'utf8')),
    summary: () => readFile(summaryPath, 'utf8'),
  };
}

/**
 * Runs dist/index.js the way a runner does (see {@link prepareRunner}). Returns the exit code,
 * the log, the outputs and the summary.
 */
export async function runAction(options: RunnerOptions): Promise<ActionRun> {
  const runner = await prepareRunner(options);
  const run = await runNode(ACTION, [], runner.env);
  return {
    code: run.code,
    stdout: run.stdout + run.stderr,
    outputs: await runner.outputs(),
    summary: await runner.summary(),
  };
}

/** The `name<<delimiter` format @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1]!] = match[3]!;
  return outputs;
}

export const REPOSITORY = {
  full_name: 'acme/contact-center-config',
  name: 'contact-center-config',
  owner: { login: 'acme' },
  default_branch: 'main',
};

/** The payload of a pull_request event from a branch of the same repository. */
export function pullRequestPayload(number: number, headSha: string, author: string, baseSha = BASE_SHA) {
  const repo = { full_name: REPOSITORY.full_name };
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: headSha, ref: 'change', repo },
      base: { ref: 'main', sha: baseSha, repo },
      user: { login: author },
    },
    repository: REPOSITORY,
  };
}

/** The commit main pointed at before the pull request merged. */
export const BASE_SHA = 'e'.repeat(40);

/** Pull request `number` (head `headSha` by `author`) merged onto main as `merge`, after `base`. */
export function mergePullRequest(
  github: FakeGitHub,
  pull: { number: number; headSha: string; author: string; merge: string; base?: string },
): void {
  github.pulls.set(pull.number, {
    number: pull.number,
    headSha: pull.headSha,
    author: pull.author,
    mergedAt: new Date().toISOString(),
    mergeCommitSha: pull.merge,
  });
  github.commitPulls.set(pull.merge, [pull.number]);
  github.branches.set('main', [pull.base ?? BASE_SHA, pull.merge]);
}

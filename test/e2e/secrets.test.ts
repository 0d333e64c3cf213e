import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github.js';
import {
  mergePullRequest,
  BASE_SHA,
  LIVE_EXAMPLE,
  pullRequestPayload,
  REPOSITORY,
  runAction,
  workspace,
} from '../helpers/action.js';
import { useEmulator } from '../helpers/emulator.js';
import { CLI, ROOT, runNode } from '../helpers/processes.js';
import { unzipEntries } from '../helpers/zip.js';

/** Distinctive values: any of them in any output is a leak. */
const SECRETS = {
  genesys: 'gcs-Secret-7Hq2Lm9Xw4Zt',
  webhook: 'whs-Secret-3Kp8Vn1Rc6Yd',
  github: 'ghs_Secret4Tb7Nq2Wm5Xz9Lp',
  signing: 'sig-Secret-9Fj4Gh7Kl2Mn5Pq',
  workflow: 'wfs-Secret-5Dr8Bc3Ae6Uf',
  probe: 'prb-Secret-2Jx5Hw8Qs1Vt',
};

const emulator = useEmulator({ clients: [{ id: 'ci-client', secret: SECRETS.genesys }] });
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
  // Answers 500 with the Authorization header placed so that the secret straddles the
  // 200-character cut of the probe's message: a cut before masking leaves its first 10 characters.
  echo = createServer((req, res) => {
    res
      .writeHead(500, { 'content-type': 'text/plain' })
      .end(`${'x'.repeat(190)}${JSON.stringify(req.headers)}`);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/health`;
});
afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

/**
 * Probes that print the secrets every way a careless or hostile check could: its own
 * environment, the parent process's environment (which holds every input), a value it was
 * given through ${env:…}, and an HTTP endpoint that echoes the Authorization header.
 */
function healthChecks(): string {
  const fromParent = (pattern: string) =>
    `tr '\\\\0' '\\\\n' < /proc/$PPID/environ | grep -E '${pattern}'; exit 3`;
  return [
    'bakeSeconds: 0',
    'probes:',
    '  - name: own environment',
    '    maxFailures: 5',
    '    command: { run: "env; exit 3" }',
    ...['SECRET', 'TOKEN', 'SIGNING', 'WORKFLOW_API'].map((pattern) =>
      [
        `  - name: parent environment ${pattern}`,
        '    maxFailures: 5',
        `    command: { run: "${fromParent(pattern)}" }`,
      ].join('\n'),
    ),
    '  - name: given a secret',
    '    maxFailures: 5',
    '    command: { run: "echo token=${env:PROBE_TOKEN}; exit 3" }',
    '  - name: echoing endpoint',
    '    maxFailures: 5',
    '    http:',
    `      url: ${echoUrl}`,
    '      headers: { Authorization: "Bearer ${env:PROBE_TOKEN}" }',
    // Last and intolerant: its output becomes the failure's message (summary, audit record).
    '  - name: fatal',
    `    command: { run: "${fromParent('SECRET|SIGNING')}" }`,
    '',
  ].join('\n');
}

/** The runner consumes `::add-mask::` commands; they never reach the log a person reads. */
const runnerLog = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

function expectNoSecret(where: string, text: string): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(text.includes(value), `${name} secret in ${where}`).toBe(false);
    // No prefix long enough to identify it either.
    expect(text.includes(value.slice(0, 8)), `${name} secret prefix in ${where}`).toBe(false);
  }
}

describe('secrets never reach an output', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await new FakeGitHub().start();
    github.tokens.set(SECRETS.github, 'github-actions[bot]');
    emulator.state.load(structuredClone(LIVE_EXAMPLE));
  });
  afterEach(() => github.close());

  it('dist/index.js: a health check printing every environment leaks nothing to the log, summary, outputs, comments, statuses or artifacts', async () => {
    const dir = await workspace();
    const HEAD = 'b'.repeat(40);
    const MERGE = 'c'.repeat(40);
    await writeFile(join(dir, 'health.yaml'), healthChecks());
    const inputs = {
      'genesys-client-id': 'ci-client',
      'genesys-client-secret': SECRETS.genesys,
      'github-token': SECRETS.github,
      'signing-key': SECRETS.signing,
      'invalidation-webhook-secret': SECRETS.webhook,
      'health-checks': 'health.yaml',
    };
    const env = { WORKFLOW_API_TOKEN: SECRETS.workflow, PROBE_TOKEN: SECRETS.probe };
    github.permissions.set('bob', 'write');
    const planned = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'pull_request',
      payload: pullRequestPayload(7, HEAD, 'alice'),
      runId: 90,
      inputs,
      env,
    });
    expect(planned.code, planned.stdout).toBe(0);
    github.addReview(7, 'bob', 'APPROVED', HEAD);
    mergePullRequest(github, { number: 7, headSha: HEAD, author: 'alice', merge: MERGE });
    const run = await runAction({
      emulator,
      github,
      workspace: dir,
      event: 'push',
      payload: { ref: 'refs/heads/main', before: BASE_SHA, after: MERGE, repository: REPOSITORY },
      sha: MERGE,
      runId: 101,
      inputs,
      env,
    });
    // The checks ran and failed, and what they printed was shown, masked.
    expect(run.outputs.result, run.stdout).toBe('rolled-back');
    expect(run.stdout).toMatch(
      /health check "parent environment SECRET" failed.*INPUT_GENESYS-CLIENT-SECRET=\*\*\*/,
    );
    expect(run.stdout).toMatch(/health check "given a secret" failed.*token=\*\*\*/);
    expect(run.stdout).toMatch(/health check "echoing endpoint" failed.*answered 500/);

    for (const [where, text] of [
      ['the plan run log', runnerLog(planned.stdout)],
      ['the plan summary', planned.summary],
      ['the deploy log', runnerLog(run.stdout)],
      ['the deploy summary', run.summary],
      ['the outputs', JSON.stringify({ ...planned.outputs, ...run.outputs })],
      ['the comments', JSON.stringify([...github.comments.values()])],
      ['the statuses', JSON.stringify(github.statuses)],
      ['the issues', JSON.stringify(github.issues)],
    ] as const)
      expectNoSecret(where, text);
    expect(github.artifacts.length).toBeGreaterThanOrEqual(2);
    for (const artifact of github.artifacts)
      for (const [file, bytes] of unzipEntries(artifact.blob))
        expectNoSecret(`${artifact.name}/${file}`, bytes.toString('utf8'));
    const audit = github.artifacts.find((artifact) => artifact.name.startsWith('datatable-journal-'))!;
    expect(unzipEntries(audit.blob).get('audit.json')!.toString('utf8')).toContain(
      'INPUT_GENESYS-CLIENT-SECRET=***',
    );
  });

  it('dist/cli.js: the same checks leak nothing to stdout, stderr or the files apply writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-secrets-'));
    await writeFile(join(dir, 'health.yaml'), healthChecks());
    const run = await runNode(
      CLI,
      [
        'apply',
        join(ROOT, 'examples/config/plugin_config_production.yaml'),
        '--environment',
        'prod',
        '--health-checks',
        join(dir, 'health.yaml'),
        '--backup-dir',
        join(dir, 'backups'),
        '--webhook',
        `${echoUrl}?hook`,
        '--yes',
      ],
      {
        GENESYSCLOUD_API_URL: emulator.url,
        GENESYSCLOUD_OAUTHCLIENT_ID: 'ci-client',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRETS.genesys,
        DATATABLE_DEPLOY_WEBHOOK_SECRET: SECRETS.webhook,
        GITHUB_TOKEN: SECRETS.github,
        DATATABLE_DEPLOY_SIGNING_KEY: SECRETS.signing,
        WORKFLOW_API_TOKEN: SECRETS.workflow,
        PROBE_TOKEN: SECRETS.probe,
      },
    );
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toMatch(/INPUT_|GENESYSCLOUD_OAUTHCLIENT_SECRET=\*\*\*/);
    expect(run.stderr).toMatch(/token=\*\*\*/);
    expectNoSecret('stdout', run.stdout);
    expectNoSecret('stderr', run.stderr);
    for (const file of await readdir(join(dir, 'backups'), { recursive: true, withFileTypes: true }))
      if (file.isFile()) expectNoSecret(file.name, await readFile(join(file.parentPath, file.name), 'utf8'));
  });
});

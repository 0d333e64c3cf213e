import type { ArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import { ConfigurationError, describeError } from '../errors.js';
import { maskSecrets, registerSecret, registerSecretsFromEnvironment } from '../secrets.js';
import type { GenesysClient } from '../genesys/client.js';
import type { ModeContext, ModeOutcome, RunnerIo } from './context.js';
import { loadArtifactClient } from './artifact-store.js';
import type { GitHubPort } from './github.js';
import { runInfo, runnerIo } from './runner.js';
import { parseSettings, type ActionSettings, type Mode } from './settings.js';

type ModeRunner = (context: ModeContext) => Promise<ModeOutcome>;

/**
 * Each mode is imported when the event asks for it, so the bundle keeps it in a chunk of its
 * own and a run loads only the mode it runs.
 */
const MODES: Record<Mode, () => Promise<ModeRunner>> = {
  validate: async () => {
    const { INVALID_CONFIG, validateForAction } = await import('./planning.js');
    return async (context) =>
      (await validateForAction(context)) ? { result: 'no-changes', outputs: {} } : INVALID_CONFIG;
  },
  plan: async () => (await import('./mode-plan.js')).runPlanMode,
  deploy: async () => (await import('./mode-deploy.js')).runDeployMode,
  rollback: async () => (await import('./mode-rollback.js')).runRollbackMode,
  drift: async () => (await import('./mode-drift.js')).runDriftMode,
};

/** Validation reads only the workspace: it loads neither the GitHub nor the Genesys client. */
const OFFLINE_MODES: ReadonlySet<Mode> = new Set(['validate']);

/** The GitHub port and the Genesys client factory, loaded only by modes that reach the APIs. */
async function connections(
  settings: ActionSettings,
  repo: { owner: string; repo: string },
  logger: RunnerIo,
): Promise<Pick<ModeContext, 'github' | 'genesys'>> {
  const offline = (): never => {
    throw new Error(`Mode ${settings.mode} does not reach the GitHub or Genesys APIs.`);
  };
  if (OFFLINE_MODES.has(settings.mode)) return { github: withoutGitHub(), genesys: offline };
  const [{ createGitHub }, { createGenesysClient }] = await Promise.all([
    import('./github.js'),
    import('../genesys/client.js'),
  ]);
  let client: GenesysClient | undefined;
  return {
    github: settings.githubToken ? createGitHub(settings.githubToken, repo) : withoutGitHub(),
    genesys: () => (client ??= createGenesysClient(settings.connection, { logger })),
  };
}

/** Stands in when there is no token: any use says which input is missing. */
function withoutGitHub(): GitHubPort {
  return new Proxy({} as GitHubPort, {
    get: () => () =>
      Promise.reject(
        new ConfigurationError(
          'Input "github-token" is empty, and this mode needs the GitHub API.',
          'Leave it at its default (${{ github.token }}) or pass a token.',
        ),
      ),
  });
}

/**
 * Cancelling a job, the runner sends SIGINT, then SIGTERM about 7.5 s later, then SIGKILL about
 * 2.5 s after that. A deploy stops starting writes at the first signal and restores its backup;
 * the other modes write nothing and just end.
 */
function onCancel(mode: Mode): AbortController {
  const controller = new AbortController();
  const cancel = (signal: NodeJS.Signals) => {
    if (mode !== 'deploy' && mode !== 'rollback') process.exit(signal === 'SIGINT' ? 130 : 143);
    if (controller.signal.aborted) return;
    core.warning(
      `${signal}: the run is being cancelled; no new writes start, the ones in flight finish, then the backup is restored.`,
    );
    controller.abort();
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  return controller;
}

/** The action: settings from the inputs, the mode for the event, outputs, and the step's result. */
export async function run(): Promise<void> {
  try {
    for (const secret of [
      'genesys-client-secret',
      'genesys-access-token',
      'invalidation-webhook-secret',
      'github-token',
      'signing-key',
    ]) {
      const value = core.getInput(secret);
      if (value) core.setSecret(value);
      registerSecret(value);
    }
    // The runner's own tokens (ACTIONS_RUNTIME_TOKEN, …) and whatever the workflow put in the
    // step's env under a secret-like name: masked in the summary, comments and artifacts too,
    // which the runner's log masking does not reach.
    registerSecretsFromEnvironment(process.env);
    const eventName = process.env.GITHUB_EVENT_NAME ?? '';
    const settings = parseSettings((name) => core.getInput(name), eventName);
    const run = runInfo(settings.githubToken);
    const io = runnerIo(run.workspace);
    core.info(
      `datatable-deploy: mode ${settings.mode}${settings.environment ? `, environment ${settings.environment}` : ''}`,
    );
    let artifacts: Promise<ArtifactClient> | undefined;
    const cancellation = onCancel(settings.mode);
    const [runMode, apis] = await Promise.all([MODES[settings.mode](), connections(settings, run.repo, io)]);
    const context: ModeContext = {
      signal: cancellation.signal,
      settings,
      run,
      io,
      ...apis,
      artifacts: () => (artifacts ??= loadArtifactClient()),
    };
    const outcome = await runMode(context);
    core.setOutput('result', outcome.result);
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, maskSecrets(value));
    if (outcome.failure) core.setFailed(maskSecrets(outcome.failure));
  } catch (error) {
    core.setOutput('result', 'failed');
    core.setFailed(maskSecrets(describeError(error)));
  }
}

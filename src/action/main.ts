import type { ArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import { ConfigurationError, describeError } from '../errors.js';
import { maskSecrets, registerSecret, registerSecretsFromEnvironment } from '../secrets.js';
import { createGenesysClient, type GenesysClient } from '../genesys/client.js';
import type { ModeContext, ModeOutcome } from './context.js';
import { loadArtifactClient } from './artifact-store.js';
import { createGitHub, type GitHubPort } from './github.js';
import { runDeployMode } from './mode-deploy.js';
import { runDriftMode } from './mode-drift.js';
import { runPlanMode } from './mode-plan.js';
import { runRollbackMode } from './mode-rollback.js';
import { INVALID_CONFIG, validateForAction } from './planning.js';
import { runInfo, runnerIo } from './runner.js';
import { parseSettings, type Mode } from './settings.js';

const MODES: Record<Mode, (context: ModeContext) => Promise<ModeOutcome>> = {
  validate: async (context) =>
    (await validateForAction(context)) ? { result: 'no-changes', outputs: {} } : INVALID_CONFIG,
  plan: runPlanMode,
  deploy: runDeployMode,
  rollback: runRollbackMode,
  drift: runDriftMode,
};

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
    let client: GenesysClient | undefined;
    let artifacts: Promise<ArtifactClient> | undefined;
    const cancellation = onCancel(settings.mode);
    const context: ModeContext = {
      signal: cancellation.signal,
      settings,
      run,
      io,
      github: settings.githubToken ? createGitHub(settings.githubToken, run.repo) : withoutGitHub(),
      genesys: () => (client ??= createGenesysClient(settings.connection, { logger: io })),
      artifacts: () => (artifacts ??= loadArtifactClient()),
    };
    const outcome = await MODES[settings.mode](context);
    core.setOutput('result', outcome.result);
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, maskSecrets(value));
    if (outcome.failure) core.setFailed(maskSecrets(outcome.failure));
  } catch (error) {
    core.setOutput('result', 'failed');
    core.setFailed(maskSecrets(describeError(error)));
  }
}

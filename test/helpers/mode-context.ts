import type { ModeContext, RunInfo, RunnerIo } from '../../src/action/context.js';
import { parseSettings } from '../../src/action/settings.js';
import type { Finding } from '../../src/config/findings.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { createGenesysClient, type GenesysClient } from '../../src/genesys/client.js';
import type { MemoryArtifacts } from '../fakes/artifact-client.js';
import type { MemoryGitHub } from '../fakes/github-port.js';

/**
 * A ModeContext for calling the action's modes in process: in-memory ports (GitHub, the
 * runner's log and summary, workflow artifacts) and a real Genesys client against the emulator.
 */

export const HEAD = 'b'.repeat(40);
export const BASE = 'e'.repeat(40);

/** The runner's log, annotations and job summary, kept in memory. */
export function memoryIo() {
  const log: string[] = [];
  const annotations: Finding[] = [];
  const summaries: string[] = [];
  const io: RunnerIo = {
    debug: () => {},
    info: (message) => void log.push(message),
    warn: (message) => void log.push(`warning: ${message}`),
    annotate: (finding) => void annotations.push(finding),
    summary: async (markdown) => void summaries.push(markdown),
  };
  return { io, log, annotations, summary: () => summaries.join('\n') };
}

export interface ContextOptions {
  emulator: RunningEmulator;
  github: MemoryGitHub;
  dir: string;
  event: string;
  inputs?: Record<string, string>;
  /** The workflow artifacts; without them a mode that uses artifacts fails. */
  artifacts?: MemoryArtifacts;
  /** Fields of the run that differ from the defaults (run 77, commit HEAD on main). */
  run?: Partial<RunInfo>;
}

export function modeContext(options: ContextOptions) {
  const { emulator } = options;
  const inputs: Record<string, string> = {
    environment: 'prod',
    'genesys-client-id': emulator.clientId,
    'genesys-client-secret': emulator.clientSecret,
    'genesys-api-url': emulator.url,
    'github-token': 'ghs_memory',
    'required-approvals': '1',
    ...options.inputs,
  };
  const settings = parseSettings((name) => inputs[name] ?? '', options.event);
  const run: RunInfo = {
    eventName: options.event,
    sha: HEAD,
    runId: 77,
    runAttempt: 1,
    repo: { owner: 'acme', repo: 'config' },
    actor: 'deployer',
    triggeringActor: 'deployer',
    workspace: options.dir,
    token: 'ghs_memory',
    serverUrl: 'https://github.example',
    ref: 'refs/heads/main',
    defaultBranch: 'main',
    ...options.run,
  };
  const runner = memoryIo();
  let client: GenesysClient | undefined;
  const { artifacts } = options;
  const context: ModeContext = {
    settings,
    run,
    io: runner.io,
    github: options.github,
    genesys: () => (client ??= createGenesysClient(settings.connection)),
    artifacts: artifacts
      ? async () => artifacts.forRun(run.runId)
      : () => Promise.reject(new Error('this test gives the mode no artifacts')),
  };
  return { context, runner };
}

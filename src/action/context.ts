import type { ArtifactClient } from '@actions/artifact';
import type { Finding } from '../config/findings.js';
import type { GenesysClient } from '../genesys/client.js';
import type { Logger } from '../logger.js';
import type { GitHubPort } from './github.js';
import type { ActionSettings } from './settings.js';

/** The run the action is part of, from the runner's environment and event payload. */
export interface RunInfo {
  eventName: string;
  sha: string;
  runId: number;
  runAttempt: number;
  repo: { owner: string; repo: string };
  actor: string;
  /** Who started this attempt: a re-run keeps the first run's actor, not the one who re-ran it. */
  triggeringActor: string;
  workspace: string;
  token: string;
  /** The pull request of a pull_request or pull_request_review event. */
  pullRequest?:
    | {
        number: number;
        headSha: string;
        /** The branch it merges into, and that branch's commit when the event was made. */
        baseRef: string;
        baseSha: string;
        author: string;
        fromFork: boolean;
      }
    | undefined;
  serverUrl: string;
  /** The ref the run is for (refs/heads/main), and the repository's default branch. */
  ref: string;
  defaultBranch?: string | undefined;
  /** Push events: the commit the branch pointed at before the push. */
  before?: string | undefined;
}

export type Result = 'no-changes' | 'planned' | 'applied' | 'rolled-back' | 'refused' | 'failed';

/** What modes report back: the outputs, and whether the step fails. */
export interface ModeOutcome {
  result: Result;
  outputs: Record<string, string>;
  /** When set, the step fails with this message. */
  failure?: string | undefined;
}

/** The runner as modes see it: logs, annotations and the job summary. */
export interface RunnerIo extends Logger {
  annotate(finding: Finding): void;
  summary(markdown: string): Promise<void>;
}

export interface ModeContext {
  settings: ActionSettings;
  run: RunInfo;
  io: RunnerIo;
  github: GitHubPort;
  genesys: () => GenesysClient;
  /** The workflow-artifact client, loaded on first use (tests pass an in-memory one). */
  artifacts: () => Promise<ArtifactClient>;
  /** Aborted when the runner cancels the job (SIGINT, then SIGTERM). */
  signal?: AbortSignal | undefined;
}

/** The commit status context of a deployment; branch protection can require it. */
export const statusContext = (deployment: string): string => `datatable-deploy/${deployment}`;

/** The hidden marker of the sticky plan comment, one per deployment. */
export const commentMarker = (deployment: string): string =>
  `<!-- datatable-deploy:comment deployment=${deployment} -->`;

import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { maskSecrets } from '../secrets.js';
import type { RunInfo, RunnerIo } from './context.js';

/**
 * The event payload and repository, read the way @actions/github's context reads them. That
 * package is not imported here: it pulls in Octokit, which a validate run never needs.
 */
function githubEnvironment(env: NodeJS.ProcessEnv): {
  payload: Record<string, unknown>;
  repo: { owner: string; repo: string };
} {
  const path = env.GITHUB_EVENT_PATH;
  const payload =
    path && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (owner && repo) return { payload, repo: { owner, repo } };
  const repository = payload.repository as { name?: string; owner?: { login?: string } } | undefined;
  if (repository?.name && repository.owner?.login)
    return { payload, repo: { owner: repository.owner.login, repo: repository.name } };
  throw new ConfigurationError(
    'GITHUB_REPOSITORY is not set and the event payload names no repository.',
    'Run the action in a GitHub Actions job, or set GITHUB_REPOSITORY=owner/name.',
  );
}

/** The run, read from the runner's environment and event payload. */
export function runInfo(token: string, env: NodeJS.ProcessEnv = process.env): RunInfo {
  const github = githubEnvironment(env);
  const payload = github.payload as {
    pull_request?: {
      number: number;
      head: { sha: string; repo?: { full_name?: string } | null };
      base: { sha?: string; ref?: string; repo: { full_name: string } };
      user: { login: string };
    };
    before?: string;
    repository?: { default_branch?: string };
  };
  const pr = payload.pull_request;
  const actor = env.GITHUB_ACTOR ?? '';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    runId: Number.parseInt(env.GITHUB_RUN_ID ?? '', 10),
    runAttempt: Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10) || 1,
    repo: github.repo,
    actor,
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR || actor,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    token,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    ref: env.GITHUB_REF ?? '',
    defaultBranch: payload.repository?.default_branch,
    // A branch's first push has an all-zero `before`: there is no earlier commit.
    before: payload.before && !/^0+$/.test(payload.before) ? payload.before : undefined,
    pullRequest: pr
      ? {
          number: pr.number,
          headSha: pr.head.sha,
          baseSha: pr.base.sha ?? '',
          baseRef: pr.base.ref ?? '',
          author: pr.user.login,
          fromFork: (pr.head.repo?.full_name ?? '') !== pr.base.repo.full_name,
        }
      : undefined,
  };
}

/** @actions/core as the modes' RunnerIo: logs, annotations on the right file and line, summary. */
export function runnerIo(workspace: string): RunnerIo {
  // Every text is masked here: the runner masks its log, but not the job summary, and a
  // message can carry what a health check printed.
  return {
    debug: (message) => core.debug(maskSecrets(message)),
    info: (message) => core.info(maskSecrets(message)),
    warn: (message) => core.warning(maskSecrets(message)),
    annotate(finding) {
      const properties = {
        title: finding.rule,
        file: relative(
          workspace,
          finding.file.startsWith('/') ? finding.file : `${workspace}/${finding.file}`,
        ),
        startLine: finding.line,
        startColumn: finding.column,
      };
      const text = maskSecrets(finding.hint ? `${finding.message} Fix: ${finding.hint}` : finding.message);
      if (finding.severity === 'error') core.error(text, properties);
      else core.warning(text, properties);
    },
    async summary(markdown) {
      // The runner refuses summaries over 1 MiB; renderings passed here stay far below.
      await core.summary.addRaw(maskSecrets(markdown), true).write();
    },
  };
}

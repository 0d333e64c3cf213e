import * as core from '@actions/core';
import { maskSecrets } from '../secrets.js';
import { context as githubContext } from '@actions/github';
import { relative } from 'node:path';
import type { RunInfo, RunnerIo } from './context.js';

/** The run, read from the runner's environment and event payload. */
export function runInfo(token: string): RunInfo {
  const payload = githubContext.payload as {
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
  const { owner, repo } = githubContext.repo;
  return {
    eventName: githubContext.eventName,
    sha: githubContext.sha,
    runId: githubContext.runId,
    runAttempt: githubContext.runAttempt || 1,
    repo: { owner, repo },
    actor: githubContext.actor,
    triggeringActor: process.env.GITHUB_TRIGGERING_ACTOR || githubContext.actor,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    token,
    serverUrl: githubContext.serverUrl,
    ref: githubContext.ref,
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

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { Review } from './gate.js';

export interface PullRequestRef {
  number: number;
  headSha: string;
  author: string;
}

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

/** What the action needs from GitHub; one adapter over Octokit, one fake in tests. */
export interface GitHubPort {
  /** The comment holding `marker`, looked for on every page. */
  findComment(issue: number, marker: string): Promise<{ id: number; body: string } | undefined>;
  /** Updates the comment holding `marker`, or creates it. */
  upsertComment(issue: number, marker: string, body: string): Promise<{ id: number; created: boolean }>;
  listReviews(pull: number): Promise<Review[]>;
  /** The reviewer's repository permission (admin, write, read, none…). */
  permissionOf(user: string): Promise<string>;
  getPullRequest(pull: number): Promise<PullRequestRef>;
  /** The pull request a pushed commit came from, if GitHub knows one. */
  pullRequestForCommit(sha: string): Promise<PullRequestRef | undefined>;
  setStatus(sha: string, state: CommitState, context: string, description: string): Promise<void>;
  /** Updates the open issue holding `marker`, or opens one. Returns its number. */
  upsertIssue(marker: string, title: string, body: string): Promise<number>;
  /** Other runs of the workflow this run belongs to that are still in progress. */
  otherRunsInProgress(runId: number): Promise<Array<{ id: number; runNumber: number; url: string }>>;
}

/** The GitHub REST API through @actions/github's Octokit, with retries on 5xx and rate limits. */
export function createGitHub(token: string, repo: { owner: string; repo: string }): GitHubPort {
  const octokit = getOctokit(token, {}, retry);
  const pull = (data: {
    number: number;
    head: { sha: string };
    user: { login: string } | null;
  }): PullRequestRef => ({
    number: data.number,
    headSha: data.head.sha,
    author: data.user?.login ?? '',
  });
  return {
    async findComment(issue, marker) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repo,
        issue_number: issue,
        per_page: 100,
      });
      const found = comments.find((comment) => comment.body?.includes(marker));
      return found ? { id: found.id, body: found.body ?? '' } : undefined;
    },
    async upsertComment(issue, marker, body) {
      const existing = await this.findComment(issue, marker);
      if (existing) {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
        return { id: existing.id, created: false };
      }
      const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
      return { id: data.id, created: true };
    },
    async listReviews(number) {
      const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
        ...repo,
        pull_number: number,
        per_page: 100,
      });
      return reviews.map((review) => ({
        user: review.user?.login ?? '',
        state: review.state,
        commitId: review.commit_id ?? '',
      }));
    },
    async permissionOf(user) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: user });
        return data.role_name === 'maintain' ? 'maintain' : data.permission;
      } catch (error) {
        if ((error as { status?: number }).status === 404) return 'none';
        throw error;
      }
    },
    async getPullRequest(number) {
      const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
      return pull(data);
    },
    async pullRequestForCommit(sha) {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...repo,
        commit_sha: sha,
      });
      const merged = data.find((candidate) => candidate.merged_at) ?? data[0];
      return merged ? pull(merged) : undefined;
    },
    async setStatus(sha, state, context, description) {
      await octokit.rest.repos.createCommitStatus({
        ...repo,
        sha,
        state,
        context,
        description: description.slice(0, 140),
      });
    },
    async upsertIssue(marker, title, body) {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
        ...repo,
        state: 'open',
        per_page: 100,
      });
      const existing = issues.find((issue) => issue.body?.includes(marker));
      if (existing) {
        await octokit.rest.issues.update({ ...repo, issue_number: existing.number, title, body });
        return existing.number;
      }
      const { data } = await octokit.rest.issues.create({ ...repo, title, body });
      return data.number;
    },
    async otherRunsInProgress(runId) {
      const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
      const { data } = await octokit.rest.actions.listWorkflowRuns({
        ...repo,
        workflow_id: run.workflow_id,
        status: 'in_progress',
        per_page: 100,
      });
      return data.workflow_runs
        .filter((other) => other.id !== runId)
        .map((other) => ({ id: other.id, runNumber: other.run_number, url: other.html_url }));
    },
  };
}

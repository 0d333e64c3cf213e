import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { Review } from './gate.js';
import { maskSecrets } from '../secrets.js';

export interface PullRequestRef {
  number: number;
  headSha: string;
  author: string;
  /** The branch it merges into, and that branch's commit GitHub compares against. */
  baseRef: string;
  baseSha: string;
  mergedAt: string | null;
  /** The merge, squash or last rebased commit, once merged. */
  mergeCommitSha: string | null;
}

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

/** A commit status as GitHub lists it: who created it and when cannot be changed afterwards. */
export interface CommitStatus {
  context: string;
  state: string;
  description: string;
  creator: string;
  createdAt: string;
}

/** What the action needs from GitHub; one adapter over Octokit, one fake in tests. */
export interface GitHubPort {
  /** The comment holding `marker` written by `author`, looked for on every page. */
  findComment(
    issue: number,
    marker: string,
    author: string,
  ): Promise<{ id: number; body: string } | undefined>;
  /** Updates the comment holding `marker` written by `author`, or creates one. */
  upsertComment(
    issue: number,
    marker: string,
    author: string,
    body: string,
  ): Promise<{ id: number; created: boolean }>;
  listReviews(pull: number): Promise<Review[]>;
  /** The reviewer's repository permission (admin, maintain, write, triage, read, none). */
  permissionOf(user: string): Promise<string>;
  getPullRequest(pull: number): Promise<PullRequestRef>;
  /** Pull requests GitHub associates with a commit (merged ones, and open ones off the default branch). */
  pullRequestsForCommit(sha: string): Promise<PullRequestRef[]>;
  /** Creates a commit status; returns it as GitHub recorded it (its creator is this token's identity). */
  createStatus(
    sha: string,
    state: CommitState,
    context: string,
    description: string,
    targetUrl?: string,
  ): Promise<CommitStatus>;
  /** Every status of a commit, newest first. */
  listStatuses(sha: string): Promise<CommitStatus[]>;
  /** A file's bytes at a commit, undefined when it does not exist there, 'too-large' over 1 MB. */
  fileAt(path: string, ref: string): Promise<Buffer | 'too-large' | undefined>;
  /** The parents of a commit. */
  parentsOf(sha: string): Promise<string[]>;
  /** How `head` relates to `base`: identical, behind (contained in base), ahead or diverged. */
  compareCommits(base: string, head: string): Promise<string>;
  /** Updates the open issue holding `marker`, or opens one. Returns its number. */
  upsertIssue(marker: string, title: string, body: string): Promise<number>;
  /** Other runs of the workflow this run belongs to that are still in progress. */
  otherRunsInProgress(runId: number): Promise<Array<{ id: number; runNumber: number; url: string }>>;
}

interface PullData {
  number: number;
  head: { sha: string };
  base: { ref: string; sha: string };
  user: { login: string } | null;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
}

const pullRef = (data: PullData): PullRequestRef => ({
  number: data.number,
  headSha: data.head.sha,
  author: data.user?.login ?? '',
  baseRef: data.base.ref,
  baseSha: data.base.sha,
  mergedAt: data.merged_at ?? null,
  mergeCommitSha: data.merge_commit_sha ?? null,
});

/** The GitHub REST API through @actions/github's Octokit, with retries on 5xx and rate limits. */
export function createGitHub(token: string, repo: { owner: string; repo: string }): GitHubPort {
  const octokit = getOctokit(token, {}, retry);
  const notFound = (error: unknown) => (error as { status?: number }).status === 404;
  return {
    async findComment(issue, marker, author) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repo,
        issue_number: issue,
        per_page: 100,
      });
      // Only our own comment: anybody can post a comment holding the marker.
      const found = comments.find(
        (comment) => comment.user?.login === author && comment.body?.includes(marker),
      );
      return found ? { id: found.id, body: found.body ?? '' } : undefined;
    },
    async upsertComment(issue, marker, author, text) {
      const body = maskSecrets(text);
      const existing = await this.findComment(issue, marker, author);
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
        submittedAt: review.submitted_at ?? '',
      }));
    },
    async permissionOf(user) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: user });
        return data.role_name === 'maintain' ? 'maintain' : data.permission;
      } catch (error) {
        if (notFound(error)) return 'none';
        throw error;
      }
    },
    async getPullRequest(number) {
      const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
      return pullRef(data);
    },
    async pullRequestsForCommit(sha) {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...repo,
        commit_sha: sha,
      });
      return data.map(pullRef);
    },
    async createStatus(sha, state, context, description, targetUrl) {
      const { data } = await octokit.rest.repos.createCommitStatus({
        ...repo,
        sha,
        state,
        context,
        description: maskSecrets(description).slice(0, 140),
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
      return {
        context: data.context,
        state: data.state,
        description: data.description ?? '',
        creator: data.creator?.login ?? '',
        createdAt: data.created_at,
      };
    },
    async listStatuses(sha) {
      const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, {
        ...repo,
        ref: sha,
        per_page: 100,
      });
      return statuses.map((status) => ({
        context: status.context,
        state: status.state,
        description: status.description ?? '',
        creator: status.creator?.login ?? '',
        createdAt: status.created_at,
      }));
    },
    async fileAt(path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref });
        if (Array.isArray(data) || data.type !== 'file')
          throw new Error(`${path} at ${ref.slice(0, 7)} is not a file`);
        // The contents API inlines files up to 1 MB; past that it answers encoding "none" and no
        // content, which must not read as an empty file.
        if ((data as { encoding?: string }).encoding === 'none') return 'too-large';
        return Buffer.from(data.content, 'base64');
      } catch (error) {
        if (notFound(error)) return undefined;
        // Some API versions refuse files over 1 MB with 403 too_large rather than encoding none.
        const errors = (error as { response?: { data?: { errors?: Array<{ code?: string }> } } }).response
          ?.data?.errors;
        if (
          (error as { status?: number }).status === 403 &&
          errors?.some((item) => item.code === 'too_large')
        )
          return 'too-large';
        throw error;
      }
    },
    async parentsOf(sha) {
      const { data } = await octokit.rest.repos.getCommit({ ...repo, ref: sha });
      return data.parents.map((parent) => parent.sha);
    },
    async compareCommits(base, head) {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${base}...${head}`,
        per_page: 1,
      });
      return data.status;
    },
    async upsertIssue(marker, heading, text) {
      const [title, body] = [maskSecrets(heading), maskSecrets(text)];
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

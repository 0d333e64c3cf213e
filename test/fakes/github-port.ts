import type { CommitState, CommitStatus, GitHubPort, PullRequestRef } from '../../src/action/github.js';
import type { Review } from '../../src/action/gate.js';

/**
 * The GitHub port in memory, for unit tests of the action's modes: what the modes wrote
 * (statuses, comments, issues) is kept in plain arrays; what they read (files at refs,
 * reviews, permissions, pull requests) is set by the test.
 */
export class MemoryGitHub implements GitHubPort {
  readonly identity = 'github-actions[bot]';
  readonly statuses: Array<CommitStatus & { sha: string }> = [];
  readonly comments: Array<{ id: number; issue: number; author: string; body: string }> = [];
  readonly issues: Array<{ number: number; marker: string; title: string; body: string }> = [];
  /** `path@ref` → bytes. */
  readonly files = new Map<string, Buffer>();
  readonly reviews = new Map<number, Review[]>();
  readonly permissions = new Map<string, string>();
  readonly pulls = new Map<number, PullRequestRef>();
  private nextId = 1000;
  private now = Date.parse('2026-01-05T10:00:00Z');

  setFile(path: string, ref: string, text: string): void {
    this.files.set(`${path}@${ref}`, Buffer.from(text));
  }

  async findComment(issue: number, marker: string, author: string) {
    const found = this.comments.find(
      (comment) => comment.issue === issue && comment.author === author && comment.body.includes(marker),
    );
    return found ? { id: found.id, body: found.body } : undefined;
  }

  async upsertComment(issue: number, marker: string, author: string, body: string) {
    const existing = this.comments.find(
      (comment) => comment.issue === issue && comment.author === author && comment.body.includes(marker),
    );
    if (existing) {
      existing.body = body;
      return { id: existing.id, created: false };
    }
    const id = this.nextId++;
    this.comments.push({ id, issue, author: this.identity, body });
    return { id, created: true };
  }

  async listReviews(pull: number): Promise<Review[]> {
    return this.reviews.get(pull) ?? [];
  }

  async permissionOf(user: string): Promise<string> {
    return this.permissions.get(user) ?? 'none';
  }

  async getPullRequest(pull: number): Promise<PullRequestRef> {
    const found = this.pulls.get(pull);
    if (!found) throw new Error(`no pull request #${pull}`);
    return found;
  }

  async pullRequestsForCommit(sha: string): Promise<PullRequestRef[]> {
    return [...this.pulls.values()].filter((pull) => pull.mergeCommitSha === sha || pull.headSha === sha);
  }

  async createStatus(sha: string, state: CommitState, context: string, description: string) {
    // One second apart, so that "announced before the review" is well defined.
    this.now += 1000;
    const status = {
      sha,
      state,
      context,
      description,
      creator: this.identity,
      createdAt: new Date(this.now).toISOString(),
    };
    this.statuses.unshift(status);
    return status;
  }

  async listStatuses(sha: string): Promise<CommitStatus[]> {
    return this.statuses.filter((status) => status.sha === sha);
  }

  async fileAt(path: string, ref: string) {
    return this.files.get(`${path}@${ref}`);
  }

  async parentsOf(): Promise<string[]> {
    return [];
  }

  /** How the deployed commit relates to the default branch's head (the test's commit is the head). */
  relation: 'identical' | 'behind' | 'ahead' | 'diverged' = 'identical';

  async compareCommits(): Promise<string> {
    return this.relation;
  }

  async upsertIssue(marker: string, title: string, body: string): Promise<number> {
    const existing = this.issues.find((issue) => issue.marker === marker);
    if (existing) {
      Object.assign(existing, { title, body });
      return existing.number;
    }
    const number = this.issues.length + 1;
    this.issues.push({ number, marker, title, body });
    return number;
  }

  async otherRunsInProgress(): Promise<Array<{ id: number; runNumber: number; url: string }>> {
    return [];
  }
}

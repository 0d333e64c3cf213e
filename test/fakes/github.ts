/**
 * A stateful fake of the GitHub REST endpoints the action uses and of the Actions artifact
 * service (Twirp JSON + Azure-style blob upload), on one loopback origin, so that the real
 * @actions/github and @actions/artifact clients run against it unchanged. Shapes follow
 * GitHub's REST API; every answer is JSON (the artifact client retries anything else).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  /** Who last edited it (GitHub shows it in the UI and GraphQL; REST does not return it). */
  lastEditor?: string | undefined;
}
export interface FakeReview {
  id: number;
  user: string;
  state: string;
  commit_id: string;
  submitted_at: string;
}
export interface FakeStatus {
  id: number;
  sha: string;
  state: string;
  context: string;
  description: string;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
}
export interface FakePull {
  number: number;
  headSha: string;
  author: string;
  mergedAt?: string | null;
  /** The merge, squash or last rebased commit, once merged. */
  mergeCommitSha?: string | null;
  baseRef?: string;
  baseSha?: string;
}
export interface FakeArtifact {
  id: number;
  name: string;
  runId: number;
  size: number;
  digest: string;
  createdAt: string;
  blob: Buffer;
  finalized: boolean;
}
export interface LoggedCall {
  at: number;
  method: string;
  path: string;
  status: number;
}

export class FakeGitHub {
  readonly comments = new Map<number, FakeComment[]>();
  readonly reviews = new Map<number, FakeReview[]>();
  readonly permissions = new Map<string, string>();
  readonly pulls = new Map<number, FakePull>();
  readonly commitPulls = new Map<string, number[]>();
  readonly statuses: FakeStatus[] = [];
  /** Tokens and the identity each acts as; any other token gets 401 Bad credentials. */
  readonly tokens = new Map<string, string>([['ghs_fake-token-for-tests', 'github-actions[bot]']]);
  /** Files per commit (or branch name): ref → path → text. The contents API serves them. */
  readonly files = new Map<string, Map<string, string>>();
  /** Commit → its parents. */
  readonly parents = new Map<string, string[]>();
  /** Branch → its commits, oldest first (the last is its head). */
  readonly branches = new Map<string, string[]>();
  /** Seconds added to the fake's clock: GitHub's times have whole seconds. */
  private clockOffset = 0;
  readonly issues: Array<{ number: number; title: string; body: string; state: string }> = [];
  readonly artifacts: FakeArtifact[] = [];
  /** Workflow runs: id → workflow id, run number and status. */
  readonly runs = new Map<number, { workflowId: number; runNumber: number; status: string }>();
  readonly log: LoggedCall[] = [];
  private readonly blocks = new Map<number, Map<string, Buffer>>();
  private nextId = 1000;
  url = '';
  private server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A runtime token the artifact client accepts: only its `scp` claim is read. */
  static runtimeToken(runId: number): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ scp: `Actions.Results:run-${runId}:job-1` })}.signature`;
  }

  /** GitHub's clock as the fake keeps it: ISO time with whole seconds. */
  now(): string {
    return new Date(Date.now() + this.clockOffset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Moves the fake's clock on, so that what follows happens in a later second. */
  tick(seconds = 1): void {
    this.clockOffset += seconds;
  }

  addReview(pull: number, user: string, state: string, commitId: string): FakeReview {
    const list = this.reviews.get(pull) ?? [];
    const review = { id: this.nextId++, user, state, commit_id: commitId, submitted_at: this.now() };
    list.push(review);
    this.reviews.set(pull, list);
    return review;
  }

  /** Dismisses a reviewer's latest approval or change request, as GitHub does: that review's state becomes DISMISSED. */
  dismissReview(pull: number, user: string): void {
    // Only approvals and change requests can be dismissed.
    const review = (this.reviews.get(pull) ?? [])
      .filter(
        (item) => item.user === user && (item.state === 'APPROVED' || item.state === 'CHANGES_REQUESTED'),
      )
      .at(-1);
    if (!review) throw new Error(`${user} has no review on #${pull} that can be dismissed`);
    review.state = 'DISMISSED';
  }

  /** Edits a comment as `editor` would in the UI (anyone with write access may edit any comment). */
  editComment(id: number, body: string, editor: string): void {
    const comment = [...this.comments.values()].flat().find((candidate) => candidate.id === id);
    if (!comment) throw new Error(`no comment ${id}`);
    Object.assign(comment, { body, updatedAt: this.now(), lastEditor: editor });
  }

  /** Posts a comment as `user`. */
  addComment(issue: number, user: string, body: string): FakeComment {
    const at = this.now();
    const comment = { id: this.nextId++, body, user, createdAt: at, updatedAt: at };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment]);
    return comment;
  }

  /** Creates a commit status as `creator` (e.g. a user with a personal token). */
  addStatus(status: Omit<FakeStatus, 'id' | 'createdAt' | 'targetUrl'>): FakeStatus {
    const created = { ...status, id: this.nextId++, targetUrl: null, createdAt: this.now() };
    this.statuses.push(created);
    return created;
  }

  /** A branch name stands for its head commit. */
  private resolve(ref: string): string {
    return this.branches.get(ref)?.at(-1) ?? ref;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      this.log.push({ at: Date.now(), method: req.method ?? 'GET', path: url.pathname, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    try {
      if (url.pathname.startsWith('/twirp/'))
        return this.twirp(url.pathname.split('/').at(-1)!, JSON.parse(body.toString() || '{}'), send);
      if (url.pathname.startsWith('/blob/')) return this.blob(req, url, body, res);
      const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const caller = this.tokens.get(token);
      if (!caller)
        return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      return this.rest(
        req.method ?? 'GET',
        url,
        body.length ? JSON.parse(body.toString()) : {},
        send,
        caller,
      );
    } catch (error) {
      send(500, { message: String(error) });
    }
  }

  private rest(
    method: string,
    url: URL,
    input: Record<string, unknown>,
    send: (status: number, payload?: unknown, headers?: Record<string, string>) => void,
    caller: string,
  ): void {
    const path = url.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, '');
    const user = (login: string) => ({
      login,
      id: login.length,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
    });
    const page = <T>(items: T[]) => {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const number = Number(url.searchParams.get('page') ?? 1);
      const slice = items.slice((number - 1) * perPage, number * perPage);
      const headers: Record<string, string> = {};
      if (number * perPage < items.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(number + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      send(200, slice, headers);
    };
    let match: RegExpMatchArray | null;
    if ((match = path.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = Number(match[1]);
      const list = this.comments.get(issue) ?? [];
      const json = (comment: FakeComment) => ({
        id: comment.id,
        body: comment.body,
        user: user(comment.user),
        created_at: comment.createdAt,
        updated_at: comment.updatedAt,
      });
      if (method === 'GET') return page(list.map(json));
      const at = this.now();
      const comment = {
        id: this.nextId++,
        body: String(input.body),
        user: caller,
        createdAt: at,
        updatedAt: at,
      };
      if (comment.body.length > 65_536)
        return send(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'unprocessable',
              field: 'data',
              message: 'Body is too long (maximum is 65536 characters)',
            },
          ],
        });
      this.comments.set(issue, [...list, comment]);
      return send(201, json(comment));
    }
    if ((match = path.match(/^\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      const comment = [...this.comments.values()]
        .flat()
        .find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return send(404, { message: 'Not Found' });
      Object.assign(comment, { body: String(input.body), updatedAt: this.now(), lastEditor: caller });
      return send(200, {
        id: comment.id,
        body: comment.body,
        user: user(comment.user),
        created_at: comment.createdAt,
        updated_at: comment.updatedAt,
      });
    }
    if ((match = path.match(/^\/pulls\/(\d+)\/reviews$/))) {
      return page(
        (this.reviews.get(Number(match[1])) ?? []).map((review) => ({
          id: review.id,
          user: user(review.user),
          state: review.state,
          commit_id: review.commit_id,
          submitted_at: review.submitted_at,
          body: '',
        })),
      );
    }
    if ((match = path.match(/^\/pulls\/(\d+)$/))) {
      const pull = this.pulls.get(Number(match[1]));
      return pull ? send(200, pullJson(pull)) : send(404, { message: 'Not Found' });
    }
    if ((match = path.match(/^\/collaborators\/([^/]+)\/permission$/))) {
      const permission = this.permissions.get(decodeURIComponent(match[1]!).toLowerCase());
      if (!permission) return send(404, { message: 'Not Found' });
      const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
      return send(200, { permission: legacy, role_name: permission, user: user(match[1]!) });
    }
    if ((match = path.match(/^\/commits\/([0-9a-f]+)\/pulls$/))) {
      return send(
        200,
        (this.commitPulls.get(match[1]!) ?? []).map((number) => pullJson(this.pulls.get(number)!)),
      );
    }
    if ((match = path.match(/^\/statuses\/([0-9a-f]+)$/)) && method === 'POST') {
      const status = this.addStatus({
        sha: match[1]!,
        state: String(input.state),
        context: String(input.context ?? 'default'),
        description: String(input.description ?? ''),
        creator: caller,
      });
      status.targetUrl = input.target_url ? String(input.target_url) : null;
      return send(201, statusJson(status, user));
    }
    if ((match = path.match(/^\/commits\/([^/]+)\/statuses$/))) {
      const sha = this.resolve(decodeURIComponent(match[1]!));
      // Newest first, as GitHub lists them.
      return page(
        this.statuses
          .filter((status) => status.sha === sha)
          .reverse()
          .map((status) => statusJson(status, user)),
      );
    }
    if ((match = path.match(/^\/contents\/(.+)$/))) {
      const file = decodeURIComponent(match[1]!);
      const ref = this.resolve(url.searchParams.get('ref') ?? 'main');
      const text = this.files.get(ref)?.get(file);
      if (text === undefined) return send(404, { message: 'Not Found' });
      // Over 1 MB GitHub answers encoding "none" and no content.
      const large = Buffer.byteLength(text) > 1024 * 1024;
      return send(200, {
        type: 'file',
        encoding: large ? 'none' : 'base64',
        path: file,
        name: file.split('/').at(-1),
        size: Buffer.byteLength(text),
        content: large ? '' : Buffer.from(text).toString('base64'),
      });
    }
    if ((match = path.match(/^\/compare\/(.+)\.\.\.(.+)$/))) {
      const base = decodeURIComponent(match[1]!);
      const head = this.resolve(decodeURIComponent(match[2]!));
      const commits = this.branches.get(base) ?? [];
      const known = this.parents.has(head) || [...this.branches.values()].some((list) => list.includes(head));
      if (!known) return send(404, { message: 'Not Found' });
      const status = commits.at(-1) === head ? 'identical' : commits.includes(head) ? 'behind' : 'diverged';
      return send(200, { status, ahead_by: status === 'diverged' ? 1 : 0, commits: [], files: [] });
    }
    if ((match = path.match(/^\/commits\/([0-9a-f]{40})$/))) {
      const parents = this.parents.get(match[1]!);
      if (!parents) return send(404, { message: 'No commit found for SHA' });
      return send(200, { sha: match[1], parents: parents.map((sha) => ({ sha })) });
    }
    if (path === '/issues' && method === 'GET')
      return page(this.issues.filter((issue) => issue.state === (url.searchParams.get('state') ?? 'open')));
    if (path === '/issues' && method === 'POST') {
      const issue = {
        number: this.nextId++,
        title: String(input.title),
        body: String(input.body ?? ''),
        state: 'open',
      };
      this.issues.push(issue);
      return send(201, issue);
    }
    if ((match = path.match(/^\/issues\/(\d+)$/)) && method === 'PATCH') {
      const issue = this.issues.find((candidate) => candidate.number === Number(match![1]));
      if (!issue) return send(404, { message: 'Not Found' });
      Object.assign(issue, { title: input.title ?? issue.title, body: input.body ?? issue.body });
      return send(200, issue);
    }
    if ((match = path.match(/^\/actions\/runs\/(\d+)$/))) {
      const run = this.runs.get(Number(match[1]));
      return run
        ? send(200, {
            id: Number(match[1]),
            workflow_id: run.workflowId,
            run_number: run.runNumber,
            status: run.status,
          })
        : send(404, { message: 'Not Found' });
    }
    if ((match = path.match(/^\/actions\/workflows\/(\d+)\/runs$/))) {
      const status = url.searchParams.get('status');
      const list = [...this.runs.entries()].filter(
        ([, run]) => run.workflowId === Number(match![1]) && (!status || run.status === status),
      );
      return send(200, {
        total_count: list.length,
        workflow_runs: list.map(([id, run]) => ({
          id,
          run_number: run.runNumber,
          status: run.status,
          workflow_id: run.workflowId,
          html_url: `https://github.com/acme/contact-center-config/actions/runs/${id}`,
        })),
      });
    }
    if ((match = path.match(/^\/actions\/runs\/(\d+)\/artifacts$/))) {
      const name = url.searchParams.get('name');
      const list = this.artifacts.filter(
        (artifact) =>
          artifact.finalized && artifact.runId === Number(match![1]) && (!name || artifact.name === name),
      );
      return send(200, {
        total_count: list.length,
        artifacts: list.map((artifact) => ({
          id: artifact.id,
          name: artifact.name,
          size_in_bytes: artifact.size,
          created_at: artifact.createdAt,
          digest: artifact.digest,
          expired: false,
          workflow_run: { id: artifact.runId },
        })),
      });
    }
    if ((match = path.match(/^\/actions\/artifacts\/(\d+)\/zip$/))) {
      const artifact = this.artifacts.find((candidate) => candidate.id === Number(match![1]));
      if (!artifact) return send(404, { message: 'Not Found' });
      return send(302, undefined, { location: `${this.url}/blob/${artifact.id}.zip?sig=download` });
    }
    send(404, {
      message: `Not Found: ${method} ${url.pathname}`,
      documentation_url: 'https://docs.github.com/rest',
    });
  }

  private twirp(
    method: string,
    input: Record<string, string>,
    send: (status: number, payload?: unknown) => void,
  ): void {
    const runId = Number(String(input.workflow_run_backend_id ?? '').replace('run-', ''));
    const ids = {
      workflow_run_backend_id: input.workflow_run_backend_id,
      workflow_job_run_backend_id: input.workflow_job_run_backend_id,
    };
    const inRun = this.artifacts.filter((artifact) => artifact.runId === runId);
    const json = (artifact: FakeArtifact) => ({
      ...ids,
      database_id: String(artifact.id),
      name: artifact.name,
      size: String(artifact.size),
      created_at: artifact.createdAt,
      digest: artifact.digest,
    });
    switch (method) {
      case 'CreateArtifact': {
        if (inRun.some((artifact) => artifact.name === input.name))
          return send(409, {
            code: 'already_exists',
            msg: `an artifact named ${input.name} already exists in this run`,
          });
        const artifact: FakeArtifact = {
          id: this.nextId++,
          name: input.name!,
          runId,
          size: 0,
          digest: '',
          createdAt: new Date().toISOString(),
          blob: Buffer.alloc(0),
          finalized: false,
        };
        this.artifacts.push(artifact);
        return send(200, { ok: true, signed_upload_url: `${this.url}/blob/${artifact.id}.zip?sig=upload` });
      }
      case 'FinalizeArtifact': {
        const artifact = inRun.find((candidate) => candidate.name === input.name && !candidate.finalized);
        if (!artifact) return send(404, { code: 'not_found', msg: 'no such artifact' });
        Object.assign(artifact, { finalized: true, size: Number(input.size), digest: String(input.hash) });
        return send(200, { ok: true, artifact_id: String(artifact.id) });
      }
      case 'ListArtifacts': {
        const list = inRun.filter(
          (artifact) =>
            artifact.finalized &&
            (!input.name_filter || artifact.name === input.name_filter) &&
            (!input.id_filter || String(artifact.id) === String(input.id_filter)),
        );
        return send(200, { artifacts: list.map(json) });
      }
      case 'GetSignedArtifactURL': {
        const artifact = inRun.find((candidate) => candidate.name === input.name && candidate.finalized);
        return artifact
          ? send(200, { signed_url: `${this.url}/blob/${artifact.id}.zip?sig=download` })
          : send(404, { code: 'not_found', msg: 'no such artifact' });
      }
      default:
        return send(404, { code: 'bad_route', msg: `no method ${method}` });
    }
  }

  /** Block uploads are put together in blocklist order, as Azure does. */
  private blob(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): void {
    const id = Number(url.pathname.match(/\/blob\/(\d+)\.zip/)?.[1]);
    const artifact = this.artifacts.find((candidate) => candidate.id === id);
    this.log.push({
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      status: artifact ? 201 : 404,
    });
    if (!artifact)
      return void res
        .writeHead(404, { 'content-type': 'application/xml' })
        .end('<Error><Code>BlobNotFound</Code><Message>no blob</Message></Error>');
    if (req.method === 'PUT' && url.searchParams.get('comp') === 'block') {
      const blocks = this.blocks.get(id) ?? new Map<string, Buffer>();
      blocks.set(url.searchParams.get('blockid')!, body);
      this.blocks.set(id, blocks);
      return void res.writeHead(201).end();
    }
    if (req.method === 'PUT' && url.searchParams.get('comp') === 'blocklist') {
      const order = [...body.toString().matchAll(/<Latest>([^<]+)<\/Latest>/g)].map((match) => match[1]!);
      artifact.blob = Buffer.concat(
        order.map((blockId) => this.blocks.get(id)?.get(blockId) ?? Buffer.alloc(0)),
      );
      return void res.writeHead(201).end();
    }
    res
      .writeHead(200, { 'content-type': 'application/zip', 'content-length': artifact.blob.length })
      .end(artifact.blob);
  }
}

function pullJson(pull: FakePull) {
  return {
    number: pull.number,
    head: { sha: pull.headSha, ref: 'feature' },
    base: { ref: pull.baseRef ?? 'main', sha: pull.baseSha ?? '0'.repeat(40) },
    user: { login: pull.author },
    merged_at: pull.mergedAt ?? null,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    state: pull.mergedAt ? 'closed' : 'open',
  };
}

function statusJson(status: FakeStatus, user: (login: string) => object) {
  return {
    id: status.id,
    state: status.state,
    context: status.context,
    description: status.description,
    target_url: status.targetUrl,
    creator: user(status.creator),
    created_at: status.createdAt,
    updated_at: status.createdAt,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

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
}
export interface FakeReview {
  id: number;
  user: string;
  state: string;
  commit_id: string;
}
export interface FakePull {
  number: number;
  headSha: string;
  author: string;
  mergedAt?: string | null;
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
  readonly statuses: Array<{ sha: string; state: string; context: string; description: string }> = [];
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

  addReview(pull: number, user: string, state: string, commitId: string): void {
    const list = this.reviews.get(pull) ?? [];
    list.push({ id: this.nextId++, user, state, commit_id: commitId });
    this.reviews.set(pull, list);
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
      return this.rest(req.method ?? 'GET', url, body.length ? JSON.parse(body.toString()) : {}, send);
    } catch (error) {
      send(500, { message: String(error) });
    }
  }

  private rest(
    method: string,
    url: URL,
    input: Record<string, unknown>,
    send: (status: number, payload?: unknown, headers?: Record<string, string>) => void,
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
      if (method === 'GET')
        return page(
          list.map((comment) => ({ id: comment.id, body: comment.body, user: user(comment.user) })),
        );
      const comment = { id: this.nextId++, body: String(input.body), user: 'github-actions[bot]' };
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
      return send(201, { id: comment.id, body: comment.body, user: user(comment.user) });
    }
    if ((match = path.match(/^\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      const comment = [...this.comments.values()]
        .flat()
        .find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = String(input.body);
      return send(200, { id: comment.id, body: comment.body, user: user(comment.user) });
    }
    if ((match = path.match(/^\/pulls\/(\d+)\/reviews$/))) {
      return page(
        (this.reviews.get(Number(match[1])) ?? []).map((review) => ({
          id: review.id,
          user: user(review.user),
          state: review.state,
          commit_id: review.commit_id,
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
      this.statuses.push({
        sha: match[1]!,
        state: String(input.state),
        context: String(input.context),
        description: String(input.description ?? ''),
      });
      return send(201, { id: this.nextId++, state: input.state, context: input.context });
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
    base: { ref: 'main' },
    user: { login: pull.author },
    merged_at: pull.mergedAt ?? null,
    state: pull.mergedAt ? 'closed' : 'open',
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

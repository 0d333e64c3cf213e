import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { AuthenticationError, GenesysApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { hintFor } from './hints.js';
import { formatSeconds, networkCause, networkCode, unreachableHint, type TokenSource } from './oauth.js';
import { proxyAwareFetch } from './proxy.js';
import type { RateBudget } from './rate-budget.js';
import type { AttemptOutcome, RetryPolicy } from './retry.js';
import { decideRetry } from './retry.js';

export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under the API origin, e.g. `/api/v2/flows/datatables`; or an absolute URL. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `headers` (uploads). */
  body?: string;
  headers?: Record<string, string>;
  /** Send the bearer token (default true; false for presigned upload URLs). */
  authenticate?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  attempts: number;
}

/** What a caller may want to record about a call that succeeded (the deploy journal does). */
export interface CallMeta {
  attempts: number;
  correlationId?: string | undefined;
}

export type CallObserver = (meta: CallMeta) => void;

export interface HttpStats {
  /** Requests sent, retries included. */
  requests: number;
  retries: number;
  rateLimited: number;
}

/**
 * Writes whose outcome this process does not know: no answer came (timeout, reset) or a
 * gateway answered 502/504. The service may have applied them, or may still apply them later
 * (it does not know the client gave up): nothing may be restored over them until they can no
 * longer land.
 */
export interface WritesInDoubt {
  count: number;
  /** When the last one was given up on (Clock time). */
  lastAt?: number | undefined;
}

export interface GenesysHttpOptions {
  apiBase: string;
  tokens: TokenSource;
  budget: RateBudget;
  retry: RetryPolicy;
  timeoutMs: number;
  /** Default: Node's fetch, through the proxy HTTPS_PROXY / HTTP_PROXY name (see proxy.ts). */
  fetch?: typeof fetch;
  clock?: Clock;
  logger?: Logger;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

/**
 * Sends API requests: rate budget, bearer token, timeout, retries, typed errors.
 * Every request of the process goes through one instance so that they share one budget.
 */
export class GenesysHttp {
  private readonly fetchFn: typeof fetch;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly counters: HttpStats = { requests: 0, retries: 0, rateLimited: 0 };
  private readonly doubt: WritesInDoubt = { count: 0 };
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: GenesysHttpOptions) {
    this.fetchFn = options.fetch ?? proxyAwareFetch();
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
  }

  get apiBase(): string {
    return this.options.apiBase;
  }

  stats(): HttpStats {
    return { ...this.counters };
  }

  writesInDoubt(): WritesInDoubt {
    return { ...this.doubt };
  }

  /** Resolves once no request of this client is in flight (the ones in flight have ended). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private noteDoubt(method: string): void {
    if (method === 'GET') return;
    this.doubt.count += 1;
    this.doubt.lastAt = this.clock.now();
  }

  /** Sends the request and parses the JSON answer; an empty body gives `undefined`. */
  async json<T>(request: ApiRequest, observe?: CallObserver): Promise<T> {
    const response = await this.send(request);
    observe?.({
      attempts: response.attempts,
      correlationId: response.headers.get('inin-correlation-id') ?? undefined,
    });
    return (response.text === '' ? undefined : JSON.parse(response.text)) as T;
  }

  /** Sends the request with retries; resolves with any 2xx, throws {@link GenesysApiError} otherwise. */
  async send(request: ApiRequest): Promise<ApiResponse> {
    this.inFlight += 1;
    try {
      return await this.sendWithRetries(request);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async sendWithRetries(request: ApiRequest): Promise<ApiResponse> {
    const url = this.url(request);
    const idempotent = IDEMPOTENT.has(request.method);
    const pathOnly = new URL(url).pathname;
    let renewedToken = false;
    // Time spent waiting to retry: what the retry budget bounds (the same under a test's timeScale).
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const release = await this.options.budget.acquire();
      let outcome: AttemptOutcome;
      let response: Response | undefined;
      let text = '';
      let token: string | undefined;
      try {
        token = request.authenticate === false ? undefined : await this.options.tokens.token();
        this.counters.requests += 1;
        response = await this.fetchFn(url, {
          method: request.method,
          headers: this.headers(request, token),
          body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        text = await response.text();
        outcome = {
          kind: 'response',
          status: response.status,
          retryAfterHeader: response.headers.get('retry-after'),
        };
      } catch (error) {
        if (error instanceof GenesysApiError) throw error; // from the token source
        const timeout = error instanceof Error && error.name === 'TimeoutError';
        outcome = { kind: 'network', timeout, unresolved: networkCode(error) === 'ENOTFOUND' };
        this.noteDoubt(request.method);
        const decision = decideRetry(
          outcome,
          attempt,
          idempotent,
          this.options.retry,
          request.method === 'GET',
          waited,
        );
        if (!decision.retry) {
          throw new GenesysApiError(
            {
              status: 0,
              code: timeout ? 'client.timeout' : 'network.error',
              serviceMessage: `${timeout ? `no answer within ${this.options.timeoutMs} ms` : networkCause(error)} (${decision.reason})`,
              method: request.method,
              path: pathOnly,
              attempts: attempt,
            },
            unreachableHint(
              url,
              'Check connectivity to Genesys Cloud; the request is safe to run again once it is reachable.',
            ),
          );
        }
        waited += decision.delayMs;
        await this.wait(request, pathOnly, decision.reason, decision.delayMs, attempt);
        continue;
      } finally {
        release();
      }

      if (response.ok) {
        this.options.budget.reward();
        return { status: response.status, headers: response.headers, text, attempts: attempt };
      }
      const body = parseErrorBody(text);
      if (response.status === 502 || response.status === 504) this.noteDoubt(request.method);
      const fixedToken = this.options.tokens.refusedHint !== undefined;
      if (response.status === 401 && token !== undefined && !renewedToken && !fixedToken) {
        // The token expired or was revoked early: renew once, then repeat the request.
        renewedToken = true;
        this.options.tokens.invalidate(token);
        this.logger.info(`${request.method} ${pathOnly}: token refused (401); renewing it once`);
        continue;
      }
      const decision = decideRetry(
        { ...outcome, code: body.code },
        attempt,
        idempotent,
        this.options.retry,
        request.method === 'GET',
        waited,
      );
      if (decision.retry) {
        if (decision.rateLimited) {
          this.counters.rateLimited += 1;
          this.options.budget.penalise(decision.delayMs);
        }
        waited += decision.delayMs;
        await this.wait(request, pathOnly, decision.reason, decision.delayMs, attempt);
        continue;
      }
      const failure = {
        status: response.status,
        code: body.code ?? `http.${response.status}`,
        serviceMessage: body.message ?? (response.statusText || 'request failed'),
        method: request.method,
        path: pathOnly,
        correlationId: response.headers.get('inin-correlation-id') ?? body.contextId,
        attempts: attempt,
        body: body.raw,
      };
      if (response.status === 401 && token !== undefined && fixedToken)
        throw new AuthenticationError(failure, this.options.tokens.refusedHint);
      throw new GenesysApiError(failure, hintFor(failure));
    }
  }

  private async wait(
    request: ApiRequest,
    path: string,
    reason: string,
    delayMs: number,
    attempt: number,
  ): Promise<void> {
    this.counters.retries += 1;
    this.logger.info(
      `${request.method} ${path}: ${reason}; retrying in ${formatSeconds(delayMs)} (attempt ${attempt + 1})`,
    );
    await this.clock.sleep(delayMs);
  }

  private url(request: ApiRequest): string {
    const url = /^https?:\/\//.test(request.path)
      ? new URL(request.path)
      : new URL(this.options.apiBase + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private headers(request: ApiRequest, token: string | undefined): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    return headers;
  }
}

interface ParsedErrorBody {
  code?: string;
  message?: string;
  contextId?: string;
  raw?: unknown;
}

function parseErrorBody(text: string): ParsedErrorBody {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    return {
      code: typeof raw.code === 'string' ? raw.code : undefined,
      message: typeof raw.message === 'string' ? raw.message : undefined,
      contextId: typeof raw.contextId === 'string' ? raw.contextId : undefined,
      raw,
    };
  } catch {
    return text ? { message: text.slice(0, 200) } : {};
  }
}

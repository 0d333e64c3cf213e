import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorConfig } from './config.js';
import { matchRoute, type HandlerResult, type RequestContext, type Route } from './context.js';
import type { DurationSource } from './durations.js';
import type { FaultAction, FaultInjector } from './faults.js';
import {
  errorBody,
  newCorrelationId,
  readBody,
  sendJson,
  ServiceError,
  standardHeaders,
} from './http-kit.js';
import type { TokenRateLimiter } from './rate-limiter.js';
import type { RequestLog } from './request-log.js';
import type { EmulatorState } from './state.js';
import type { TokenRegistry } from './tokens.js';

/** What the request pipeline works with: the running emulator's parts. */
export interface PipelineParts {
  routes: readonly Route[];
  state: EmulatorState;
  config: EmulatorConfig;
  faults: FaultInjector;
  log: RequestLog;
  tokens: TokenRegistry;
  limiter: TokenRateLimiter;
  durations: DurationSource;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  origin(): string;
  /** Schedules work after a delay; cancelled when the emulator stops. */
  later(delayMs: number, work: () => void): void;
}

/** Bodies of admin and upload requests may be far larger than API requests. */
const LARGE_BODY_BYTES = 256 * 1024 * 1024;

/** One request on its way through the pipeline. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  started: number;
  correlationId: string;
  url: URL;
  method: string;
  routeName: string;
  route: Route | undefined;
  params: Record<string, string>;
  /** Methods the path allows, when the route did not match this one. */
  allowed: string[];
  clientId?: string;
  fault: boolean;
  /** Set when the connection closed before the answer was sent. */
  clientGone: boolean;
}

/**
 * The emulator's request handler. For API traffic it runs as the real service does: the body is
 * read first, then an injected fault may delay, refuse or drop the request, then the token is
 * checked, a write waits its processing delay, and the handler runs, whether or not the client
 * is still there to hear the answer.
 */
export function createRequestHandler(parts: PipelineParts) {
  const pause = (ms: number): Promise<void> | undefined =>
    ms > 0 ? new Promise<void>((resolve) => parts.later(ms, resolve)) : undefined;

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const exchange = open(parts, req, res);
    let action: FaultAction | undefined;
    try {
      const route = exchange.route;
      if (!route) throw unmatched(exchange);
      if (route.access === 'admin') {
        if (!isLoopback(req.socket.remoteAddress))
          throw new ServiceError(403, 'not.authorized', 'The admin API is loopback only');
        return answer(parts, exchange, await route.handler(contextFor(parts, exchange, lazyBody(req))));
      }
      // Read in full before any delay: a client that leaves later does not stop the request.
      const limit = route.access === 'upload' ? LARGE_BODY_BYTES : parts.config.maxBodyBytes;
      const body = readBody(req, limit);
      await body.catch(() => undefined);
      action = parts.faults.match(exchange.method, exchange.url.pathname, route.template);
      if (action) {
        await pause(action.delayMs);
        if (action.reset) return drop(parts, exchange);
        if (action.status !== undefined) {
          exchange.fault = true;
          throw faultError(action.status, action.code!, action.retryAfterSeconds);
        }
      }
      if (route.access === 'api') exchange.clientId = authorise(parts, req);
      if (route.access === 'api' && exchange.method !== 'GET') {
        await pause(parts.durations.draw(parts.config.processingDelayMs, parts.config.processingDelayMode));
      }
      const result = await route.handler(contextFor(parts, exchange, () => body));
      if (action?.resetAfterApply) return drop(parts, exchange);
      answer(parts, exchange, result);
    } catch (error) {
      if (action?.resetAfterApply) return drop(parts, exchange);
      answerError(parts, exchange, error);
    }
  };
}

function open(parts: PipelineParts, req: IncomingMessage, res: ServerResponse): Exchange {
  const url = new URL(req.url ?? '/', parts.origin());
  const method = (req.method ?? 'GET').toUpperCase();
  const found = matchRoute(parts.routes, method, url.pathname);
  const exchange: Exchange = {
    req,
    res,
    started: Date.now(),
    correlationId: newCorrelationId(),
    url,
    method,
    routeName: found.route ? `${method} ${found.route.template}` : `${method} (unmatched)`,
    route: found.route,
    params: found.route ? found.params : {},
    allowed: found.route ? [] : found.allowed,
    fault: false,
    clientGone: false,
  };
  res.on('close', () => {
    if (!res.writableFinished) exchange.clientGone = true;
  });
  return exchange;
}

function unmatched(exchange: Exchange): ServiceError {
  if (exchange.allowed.length > 0)
    return new ServiceError(405, 'method.not.allowed', `${exchange.method} is not allowed here`);
  return new ServiceError(404, 'not.found', `No resource at ${exchange.url.pathname}`);
}

function lazyBody(req: IncomingMessage): () => Promise<Buffer> {
  return () => readBody(req, LARGE_BODY_BYTES);
}

function contextFor(parts: PipelineParts, exchange: Exchange, body: () => Promise<Buffer>): RequestContext {
  return {
    req: exchange.req,
    res: exchange.res,
    method: exchange.method,
    path: exchange.url.pathname,
    query: exchange.url.searchParams,
    params: exchange.params,
    origin: parts.origin(),
    state: parts.state,
    config: parts.config,
    correlationId: exchange.correlationId,
    ...(exchange.clientId ? { clientId: exchange.clientId } : {}),
    body,
    later: parts.later,
  };
}

/** Sends the handler's answer, unless the client has gone (the request was served all the same). */
function answer(parts: PipelineParts, exchange: Exchange, result: HandlerResult): void {
  const headers = { ...standardHeaders(exchange.correlationId), ...result.headers };
  if (!exchange.clientGone) {
    if (result.text !== undefined) exchange.res.writeHead(result.status, headers).end(result.text);
    else sendJson(exchange.res, result.status, result.body, headers);
  }
  record(parts, exchange, result.status);
}

function answerError(parts: PipelineParts, exchange: Exchange, error: unknown): void {
  const serviceError =
    error instanceof ServiceError
      ? error
      : new ServiceError(500, 'internal.server.error', 'The emulator failed: ' + String(error));
  if (!exchange.clientGone) {
    sendJson(exchange.res, serviceError.status, errorBody(serviceError, exchange.correlationId), {
      ...standardHeaders(exchange.correlationId),
      ...serviceError.headers,
    });
  }
  record(parts, exchange, serviceError.status);
}

/** Drops the connection without an answer (status 0 in the log). */
function drop(parts: PipelineParts, exchange: Exchange): void {
  exchange.fault = true;
  exchange.req.socket.destroy();
  record(parts, exchange, 0);
}

/** Admin calls are not API traffic: they stay out of the counters. */
function record(parts: PipelineParts, exchange: Exchange, status: number): void {
  if (exchange.route?.access === 'admin') return;
  parts.log.record({
    at: new Date(exchange.started).toISOString(),
    method: exchange.method,
    path: exchange.url.pathname,
    route: exchange.routeName,
    status,
    clientId: exchange.clientId,
    correlationId: exchange.correlationId,
    durationMs: Date.now() - exchange.started,
    ...(exchange.fault ? { fault: true } : {}),
    ...(exchange.clientGone && status !== 0 ? { clientGone: true } : {}),
  });
}

/** Bearer token check, then the per-token rate limit. Returns the token's client. */
function authorise(parts: PipelineParts, req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  if (!/^bearer /i.test(header)) {
    throw new ServiceError(
      401,
      'authentication.required',
      'No authentication bearer token specified in authorization header.',
    );
  }
  const token = header.slice(7).trim();
  const checked = parts.tokens.check(token);
  if ('refused' in checked) {
    throw new ServiceError(
      401,
      'bad.credentials',
      checked.refused === 'expired' ? 'The access token has expired.' : 'Invalid login credentials.',
    );
  }
  const taken = parts.limiter.take(token);
  if (!taken.allowed) throw faultError(429, 'too.many.requests.retry.after', taken.retryAfterSeconds);
  return checked.clientId;
}

/** The normalised error the service sends for 429 (since 2021) and plain ones for 5xx faults. */
function faultError(status: number, code: string, retryAfterSeconds?: number): ServiceError {
  if (status === 429) {
    const seconds = retryAfterSeconds ?? 1;
    return new ServiceError(
      429,
      code,
      `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`,
      {},
      { 'retry-after': String(seconds) },
    );
  }
  return new ServiceError(status, code, `The service answered ${status} (injected fault)`);
}

function isLoopback(address: string | undefined): boolean {
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1' ||
    (address?.startsWith('127.') ?? false)
  );
}

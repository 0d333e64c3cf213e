import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultConfig, mergeConfig, type EmulatorConfig } from './config.js';
import { matchRoute, type HandlerResult, type RequestContext, type Route } from './context.js';
import { FaultInjector } from './faults.js';
import {
  errorBody,
  newCorrelationId,
  readBody,
  sendJson,
  ServiceError,
  standardHeaders,
} from './http-kit.js';
import { TokenRateLimiter } from './rate-limiter.js';
import { RequestLog } from './request-log.js';
import { adminRoutes } from './routes/admin.js';
import { divisionRoutes } from './routes/divisions.js';
import { jobRoutes } from './routes/jobs.js';
import { oauthRoutes } from './routes/oauth.js';
import { rowRoutes } from './routes/rows.js';
import { tableRoutes } from './routes/tables.js';
import { EmulatorState, type StateDump } from './state.js';
import { TokenRegistry } from './tokens.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only by design; the default is 127.0.0.1. */
  host?: string;
  config?: Partial<EmulatorConfig>;
  state?: StateDump;
}

export interface RunningEmulator extends AsyncDisposable {
  /** Origin serving the API, OAuth and the admin API, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  readonly port: number;
  /** The first configured OAuth client. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Live objects: changes take effect at once (tests may use them instead of the admin API). */
  readonly config: EmulatorConfig;
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly tokens: TokenRegistry;
  close(): Promise<void>;
}

/** Bodies of admin and upload requests may be far larger than API requests. */
const LARGE_BODY_BYTES = 256 * 1024 * 1024;

/** Starts the Genesys Cloud data-tables emulator on loopback. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = mergeConfig(defaultConfig(), options.config ?? {});
  const state = new EmulatorState();
  if (options.state) state.load(options.state);
  const faults = new FaultInjector(config.seed);
  const log = new RequestLog();
  const tokens = new TokenRegistry();
  const limiter = new TokenRateLimiter(() => config.rateLimitPerMinute);
  const timers = new Set<NodeJS.Timeout>();
  const routes: Route[] = [
    ...oauthRoutes(tokens),
    ...tableRoutes,
    ...rowRoutes,
    ...jobRoutes,
    ...divisionRoutes,
    ...adminRoutes({ config, faults, log, tokens }),
  ];
  let origin = '';

  const later = (delayMs: number, work: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, delayMs);
    timers.add(timer);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const correlationId = newCorrelationId();
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const found = matchRoute(routes, method, path);
    const routeName = found.route ? `${method} ${found.route.template}` : `${method} (unmatched)`;
    let clientId: string | undefined;
    let fault = false;
    // Admin calls are not API traffic: they stay out of the counters.
    const finish = (status: number): void => {
      if (found.route?.access === 'admin') return;
      log.record({
        at: new Date(started).toISOString(),
        method,
        path,
        route: routeName,
        status,
        clientId,
        correlationId,
        durationMs: Date.now() - started,
        ...(fault ? { fault } : {}),
      });
    };
    const headers = standardHeaders(correlationId);
    try {
      if (!found.route) {
        if (found.allowed.length > 0)
          throw new ServiceError(405, 'method.not.allowed', `${method} is not allowed here`);
        throw new ServiceError(404, 'not.found', `No resource at ${path}`);
      }
      const route = found.route;
      if (route.access === 'admin') {
        if (!isLoopback(req.socket.remoteAddress))
          throw new ServiceError(403, 'not.authorized', 'The admin API is loopback only');
      } else {
        const action = faults.match(method, path, route.template);
        if (action) {
          fault = true;
          if (action.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, action.delayMs));
          if (action.reset) {
            req.socket.destroy();
            finish(0);
            return;
          }
          if (action.status !== undefined)
            throw faultError(action.status, action.code!, action.retryAfterSeconds);
          fault = false; // a pure delay: the request is then served normally
        }
      }
      if (route.access === 'api') clientId = authorise(req, correlationId);
      const context: RequestContext = {
        req,
        res,
        method,
        path,
        query: url.searchParams,
        params: found.params,
        origin,
        state,
        config,
        correlationId,
        ...(clientId ? { clientId } : {}),
        body: () =>
          readBody(
            req,
            route.access === 'api' || route.access === 'public' ? config.maxBodyBytes : LARGE_BODY_BYTES,
          ),
        later,
      };
      const result: HandlerResult = await route.handler(context);
      if (result.text !== undefined) {
        res.writeHead(result.status, { ...headers, ...result.headers }).end(result.text);
      } else {
        sendJson(res, result.status, result.body, { ...headers, ...result.headers });
      }
      finish(result.status);
    } catch (error) {
      const serviceError =
        error instanceof ServiceError
          ? error
          : new ServiceError(500, 'internal.server.error', 'The emulator failed: ' + String(error));
      sendJson(res, serviceError.status, errorBody(serviceError, correlationId), {
        ...headers,
        ...serviceError.headers,
      });
      finish(serviceError.status);
    }
  }

  /** Bearer token check, then the per-token rate limit. Returns the token's client. */
  function authorise(req: IncomingMessage, _correlationId: string): string {
    const header = req.headers.authorization ?? '';
    if (!/^bearer /i.test(header)) {
      throw new ServiceError(
        401,
        'authentication.required',
        'No authentication bearer token specified in authorization header.',
      );
    }
    const token = header.slice(7).trim();
    const checked = tokens.check(token);
    if ('refused' in checked) {
      throw new ServiceError(
        401,
        'bad.credentials',
        checked.refused === 'expired' ? 'The access token has expired.' : 'Invalid login credentials.',
      );
    }
    const taken = limiter.take(token);
    if (!taken.allowed) throw faultError(429, 'too.many.requests.retry.after', taken.retryAfterSeconds);
    return checked.clientId;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent)
        sendJson(res, 500, { message: String(error), code: 'internal.server.error', status: 500 });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  const firstClient = config.clients[0] ?? { id: '', secret: '' };

  const close = async (): Promise<void> => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: origin,
    port: address.port,
    clientId: firstClient.id,
    clientSecret: firstClient.secret,
    config,
    state,
    faults,
    log,
    tokens,
    close,
    [Symbol.asyncDispose]: close,
  };
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

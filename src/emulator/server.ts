import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  defaultConfig,
  mergeConfig,
  profileConfig,
  type EmulatorConfig,
  type EmulatorProfile,
} from './config.js';
import type { Route } from './context.js';
import { DurationSource } from './durations.js';
import { FaultInjector } from './faults.js';
import { sendJson } from './http-kit.js';
import { createRequestHandler } from './pipeline.js';
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
  /**
   * `instant` (default): consistent reads, no processing time. `realistic`: reads lag writes,
   * writes and jobs take time, as the real service does (see realisticConfig).
   */
  profile?: EmulatorProfile;
  /** Multiplies every duration of the profile (e.g. 0.05 in tests). Default 1. */
  profileScale?: number;
  /** Explicit settings; they win over the profile's. */
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
  /**
   * Resolves once no request is being handled. Requests outlive their clients, so a write whose
   * client timed out or was killed may still land: await this before reading the state.
   */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The emulator's settings and live objects, before it serves anything. */
function emulatorParts(options: EmulatorOptions) {
  const profile = profileConfig(options.profile ?? 'instant', options.profileScale ?? 1);
  const config = mergeConfig(mergeConfig(defaultConfig(), profile), options.config ?? {});
  const durations = new DurationSource(config.seed);
  const state = new EmulatorState({
    now: () => Date.now(),
    // Both lags follow one mode; the config is read per write, so changes apply at once.
    rowLagMs: () => durations.draw(config.consistencyLagMs, config.consistencyLagMode),
    tableLagMs: () => durations.draw(config.tableLagMs, config.consistencyLagMode),
  });
  if (options.state) state.load(options.state);
  return {
    config,
    durations,
    state,
    faults: new FaultInjector(config.seed),
    log: new RequestLog(),
    tokens: new TokenRegistry(),
  };
}

/** Work for later (delayed answers, jobs), dropped all at once when the emulator closes. */
function delayedWork() {
  const timers = new Set<NodeJS.Timeout>();
  return {
    later(delayMs: number, work: () => void): void {
      const timer = setTimeout(() => {
        timers.delete(timer);
        work();
      }, delayMs);
      timers.add(timer);
    },
    dropAll(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** An HTTP server over the handler that knows when no request is in flight. */
function countingServer(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  let inFlight = 0;
  const idleWaiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    inFlight += 1;
    handle(req, res)
      .catch((error) => {
        if (!res.headersSent)
          sendJson(res, 500, { message: String(error), code: 'internal.server.error', status: 500 });
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight > 0) return;
        for (const resolve of idleWaiters.splice(0)) resolve();
      });
  });
  const idle = (): Promise<void> =>
    inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
  return { server, idle };
}

/** Starts the Genesys Cloud data-tables emulator on loopback. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const parts = emulatorParts(options);
  const { config, durations, faults, log, tokens } = parts;
  const work = delayedWork();
  const routes: Route[] = [
    ...oauthRoutes(tokens),
    ...tableRoutes,
    ...rowRoutes,
    ...jobRoutes,
    ...divisionRoutes,
    ...adminRoutes({ config, faults, durations, log, tokens }),
  ];
  let origin = '';
  const handle = createRequestHandler({
    ...parts,
    routes,
    limiter: new TokenRateLimiter(() => config.rateLimitPerMinute),
    origin: () => origin,
    later: work.later,
  });
  const { server, idle } = countingServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  const firstClient = config.clients[0] ?? { id: '', secret: '' };

  // Pending delays and jobs are dropped: requests still waiting are never answered.
  const close = async (): Promise<void> => {
    work.dropAll();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    ...parts,
    url: origin,
    port: address.port,
    clientId: firstClient.id,
    clientSecret: firstClient.secret,
    idle,
    close,
    [Symbol.asyncDispose]: close,
  };
}

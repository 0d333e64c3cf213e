import type { RequestContext, Route } from '../context.js';
import { mergeConfig, profileConfig, type EmulatorConfig } from '../config.js';
import type { DurationSource } from '../durations.js';
import type { FaultInjector, FaultRule } from '../faults.js';
import { badRequest, parseJson } from '../http-kit.js';
import type { RequestLog } from '../request-log.js';
import type { StateDump } from '../state.js';
import type { TokenRegistry } from '../tokens.js';

export const ADMIN_PATH = '/__emulator';

/** The parts of a running emulator the admin API may inspect and change. */
export interface AdminTargets {
  config: EmulatorConfig;
  faults: FaultInjector;
  durations: DurationSource;
  log: RequestLog;
  tokens: TokenRegistry;
}

/**
 * The admin API (no OAuth, loopback only): health, request counters and log, state dump and
 * load, fault rules, configuration and profiles, token expiry. Not part of Genesys Cloud.
 */
export function adminRoutes(targets: AdminTargets): Route[] {
  const json = async (context: RequestContext): Promise<unknown> => {
    try {
      return parseJson(await context.body());
    } catch {
      throw badRequest('The admin request body is not valid JSON');
    }
  };
  const guard = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof TypeError || error instanceof SyntaxError)
        throw badRequest(error.message, 'invalid.value');
      throw error;
    }
  };
  const route = (method: string, path: string, handler: Route['handler']): Route => ({
    method,
    template: `${ADMIN_PATH}${path}`,
    handler,
    access: 'admin',
  });

  const updateConfig = async (context: RequestContext) => {
    const patch = (await json(context)) ?? {};
    return applyConfig(
      targets,
      guard(() => mergeConfig(targets.config, patch)),
    );
  };

  /** `{"name": "realistic" | "instant", "scale"?: number}`: sets the profile's keys, keeps the rest. */
  const applyProfile = async (context: RequestContext) => {
    const body = ((await json(context)) ?? {}) as { name?: unknown; scale?: unknown };
    const scale = body.scale ?? 1;
    if (typeof scale !== 'number')
      throw badRequest('scale must be a number above 0, e.g. 0.05', 'invalid.value');
    return applyConfig(
      targets,
      guard(() => mergeConfig(targets.config, profileConfig(body.name, scale))),
    );
  };

  return [
    route('GET', '/health', (context) => ({
      status: 200,
      body: { status: 'ok', tables: context.state.tables.size },
    })),
    route('GET', '/requests', () => ({ status: 200, body: targets.log.snapshot() })),
    route('DELETE', '/requests', () => {
      targets.log.reset();
      return { status: 204 };
    }),
    route('GET', '/state', (context) => ({ status: 200, body: context.state.dump() })),
    route('PUT', '/state', async (context) => {
      const dump = (await json(context)) as StateDump;
      guard(() => context.state.load(dump));
      return { status: 200, body: { tables: context.state.tables.size } };
    }),
    route('GET', '/faults', () => ({ status: 200, body: { faults: targets.faults.list() } })),
    route('POST', '/faults', async (context) => {
      const body = (await json(context)) as { seed?: number; faults?: FaultRule[] } | FaultRule;
      const rules = 'faults' in body && Array.isArray(body.faults) ? body.faults : [body as FaultRule];
      if ('seed' in body && typeof body.seed === 'number') targets.faults.reseed(body.seed);
      const added = guard(() => rules.map((rule) => targets.faults.add(rule)));
      return { status: 201, body: { faults: added } };
    }),
    route('DELETE', '/faults', () => {
      targets.faults.clear();
      return { status: 204 };
    }),
    route('GET', '/config', () => ({ status: 200, body: targets.config })),
    // PUT and PATCH both merge: keys left out keep their values.
    route('PUT', '/config', updateConfig),
    route('PATCH', '/config', updateConfig),
    route('PUT', '/profile', applyProfile),
    route('POST', '/tokens/expire', () => ({ status: 200, body: { expired: targets.tokens.expireAll() } })),
  ];
}

function applyConfig(targets: AdminTargets, next: EmulatorConfig) {
  // Mutated in place: handlers, the rate limiter and pending jobs hold this object.
  Object.assign(targets.config, next);
  targets.faults.reseed(next.seed);
  targets.durations.reseed(next.seed);
  return { status: 200, body: targets.config };
}

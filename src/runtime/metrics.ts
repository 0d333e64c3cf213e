import type { Logger } from '../logger.js';
import type { MetricsOption } from './options.js';
import type { LatencyWindow, ReaderStats } from './stats.js';
import { FALLBACK_REASONS } from './types.js';

/**
 * Optional OpenTelemetry metrics. `@opentelemetry/api` is an optional peer dependency, loaded
 * only here and only at start-up; when it is absent, or the host registered no MeterProvider
 * (the API then hands out a no-op meter), nothing is recorded.
 *
 * The hot path pays nothing: `get` only bumps the plain counters it always bumps, and the
 * counters and gauges below are observable ones that read `stats()` when the host's metric
 * reader collects. The one instrument recorded as it happens is the refresh-latency histogram
 * (a refresh is an API call, not a lookup).
 */

export const DEFAULT_METER_NAME = 'datatable-deploy';

type OtelApi = typeof import('@opentelemetry/api');
type Meter = ReturnType<OtelApi['metrics']['getMeter']>;
type Observable = Parameters<Meter['addBatchObservableCallback']>[1][number];
type BatchCallback = Parameters<Meter['addBatchObservableCallback']>[0];

/**
 * How the API is loaded: from the host's node_modules at run time (the magic comment keeps the
 * bundler from resolving it, as for node-redis). Tests replace it to act as if it were missing.
 */
let loadApi: () => Promise<OtelApi> = () =>
  import(/* webpackIgnore: true */ '@opentelemetry/api') as Promise<OtelApi>;

/** @internal For tests: how `@opentelemetry/api` is loaded. Returns the previous loader. */
export function useOtelApi(load: () => Promise<OtelApi>): () => Promise<OtelApi> {
  const previous = loadApi;
  loadApi = load;
  return previous;
}

export interface MetricsSource {
  /** The reader's stats, read once per collection. */
  stats(): ReaderStats;
  /** Where refresh latencies are sampled; the histogram listens to it. */
  readonly refreshLatency: LatencyWindow;
  readonly logger: Logger;
}

/** Stops reporting (the reader is closed). */
export type StopMetrics = () => void;

const noMetrics: StopMetrics = () => {};

/** Registers the reader's instruments with the host's meter; a no-op when metrics are off or unavailable. */
export async function startMetrics(
  option: MetricsOption | undefined,
  source: MetricsSource,
): Promise<StopMetrics> {
  if (option === false) return noMetrics;
  let api: OtelApi;
  try {
    api = await loadApi();
  } catch (error) {
    // Asked for explicitly: say why there are none. By default: the host simply does not use OpenTelemetry.
    const say = option === undefined ? source.logger.debug : source.logger.warn;
    say.call(
      source.logger,
      `OpenTelemetry metrics are off: @opentelemetry/api could not be loaded (${(error as Error).message}). Install it next to datatable-deploy to have them.`,
    );
    return noMetrics;
  }
  const meterName =
    typeof option === 'object' ? (option.meterName ?? DEFAULT_METER_NAME) : DEFAULT_METER_NAME;
  return instrument(api.metrics.getMeter(meterName), source);
}

function instrument(meter: Meter, source: MetricsSource): StopMetrics {
  const histogram = meter.createHistogram('datatable_deploy.reader.refresh.duration', {
    description: 'Time a table refresh took, from its start to the install of its snapshot.',
    unit: 's',
  });
  source.refreshLatency.listener = (ms) => histogram.record(ms / 1000);
  const { instruments, callback } = observables(meter, source);
  meter.addBatchObservableCallback(callback, instruments);
  return () => {
    source.refreshLatency.listener = undefined;
    meter.removeBatchObservableCallback(callback, instruments);
  };
}

/** The counters and gauges read from `stats()`, all observed by one callback (one stats() per collection). */
function observables(
  meter: Meter,
  source: MetricsSource,
): { instruments: Observable[]; callback: BatchCallback } {
  const counter = (name: string, description: string, unit = '1') =>
    meter.createObservableCounter(`datatable_deploy.reader.${name}`, { description, unit });
  const hits = counter('hits', 'Lookups served from a snapshot in memory.');
  const misses = counter(
    'misses',
    'Lookups of keys absent from the snapshot (served their safe default, if any).',
  );
  const stale = counter(
    'stale_served',
    'Hits served from a snapshot past its TTL or behind an announced version.',
  );
  const defaults = counter('safe_defaults', 'Safe defaults served instead of the live value, by reason.');
  const refreshes = counter('refreshes', 'Snapshots read and accepted (installed, or confirmed unchanged).');
  const failures = counter('refresh_failures', 'Refreshes that failed (the table keeps what it held).');
  const apiCalls = counter('api_calls', 'Requests to Genesys Cloud made by this reader.');
  const rateLimited = counter('rate_limited', 'Answers 429 (rate limited) from Genesys Cloud.');
  const age = meter.createObservableGauge('datatable_deploy.reader.snapshot.age', {
    description: 'Seconds since the served snapshot of each table was read from its source.',
    unit: 's',
  });
  const version = meter.createObservableGauge('datatable_deploy.reader.snapshot.version', {
    description: 'The config version of the served snapshot of each table.',
  });
  const callback: BatchCallback = (result) => {
    const stats = source.stats();
    result.observe(hits, stats.hits);
    result.observe(misses, stats.misses);
    result.observe(stale, stats.staleServed);
    for (const reason of FALLBACK_REASONS) result.observe(defaults, stats.safeDefaults[reason], { reason });
    result.observe(refreshes, stats.refreshes);
    result.observe(failures, stats.refreshFailures);
    result.observe(apiCalls, stats.apiCalls);
    result.observe(rateLimited, stats.rateLimited);
    for (const [table, held] of Object.entries(stats.tables)) {
      if (held.ageSeconds !== undefined) result.observe(age, held.ageSeconds, { table });
      if (held.version !== undefined) result.observe(version, held.version, { table });
    }
  };
  return {
    instruments: [hits, misses, stale, defaults, refreshes, failures, apiCalls, rateLimited, age, version],
    callback,
  };
}

import type { Logger } from '../logger.js';
import type { MetricsOption } from './options.js';
import type { LatencyWindow, ReaderStats } from './stats.js';
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
export declare const DEFAULT_METER_NAME = "datatable-deploy";
export interface MetricsSource {
    /** The reader's stats, read once per collection. */
    stats(): ReaderStats;
    /** Where refresh latencies are sampled; the histogram listens to it. */
    readonly refreshLatency: LatencyWindow;
    readonly logger: Logger;
}
/** Stops reporting (the reader is closed). */
export type StopMetrics = () => void;
/** Registers the reader's instruments with the host's meter; a no-op when metrics are off or unavailable. */
export declare function startMetrics(option: MetricsOption | undefined, source: MetricsSource): Promise<StopMetrics>;

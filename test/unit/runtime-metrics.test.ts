import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { useOtelApi } from '../../src/runtime/metrics.js';
import { captureLogger } from '../helpers/emulator.js';
import { closeReadersAfterEach, configRow, startReader, versionedRows } from '../helpers/runtime.js';

const TABLE = 'plugin_config_production';
const { ready } = closeReadersAfterEach();

/** A MeterProvider registered globally, as a host does, with an exporter the test reads. */
function hostMeterProvider() {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // A long interval: the test collects by hand (forceFlush).
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(provider);
  const collect = async (): Promise<MetricData[]> => {
    exporter.reset();
    await reader.forceFlush();
    return exporter
      .getMetrics()
      .flatMap((resource) => resource.scopeMetrics)
      .flatMap((scope) => scope.metrics);
  };
  const scopes = (): string[] =>
    exporter
      .getMetrics()
      .flatMap((resource) => resource.scopeMetrics)
      .map((scope) => scope.scope.name);
  return { provider, collect, scopes };
}

/** The value of a sum or gauge metric's point with these attributes. */
function point(all: MetricData[], name: string, attributes: Record<string, string> = {}): unknown {
  const metric = all.find((candidate) => candidate.descriptor.name === `datatable_deploy.reader.${name}`);
  const found = metric?.dataPoints.find((candidate) =>
    Object.entries(attributes).every(([key, value]) => candidate.attributes[key] === value),
  );
  return found?.value;
}

afterEach(() => {
  // The global provider can be set once; disable() lets the next test register its own.
  metrics.disable();
});

describe('runtime reader: OpenTelemetry metrics', () => {
  it('records hits, misses, safe defaults by reason, refreshes, their latency, API calls and snapshot age', async () => {
    const host = hostMeterProvider();
    const { reader, time } = await ready(
      await startReader(
        {
          tables: { [TABLE]: { ttlSeconds: 60, safeDefaults: { absent: 'fallback', other_env: 'safe' } } },
          versionPollSeconds: 0,
        },
        (fake) => fake.deploy(TABLE, 3, versionedRows(3, [configRow('other_env', 'x', 'string', 'staging')])),
      ),
    );
    expect(reader.get(TABLE, 'setting')).toBe('v3');
    expect(reader.get(TABLE, 'limit')).toBe(30);
    expect(reader.get(TABLE, 'absent')).toBe('fallback');
    expect(reader.get(TABLE, 'other_env')).toBe('safe');
    await time.advance(20_000);

    const recorded = await host.collect();
    expect(point(recorded, 'hits')).toBe(2);
    expect(point(recorded, 'misses')).toBe(1);
    expect(point(recorded, 'safe_defaults', { reason: 'environment-mismatch' })).toBe(1);
    expect(point(recorded, 'safe_defaults', { reason: 'too-stale' })).toBe(0);
    expect(point(recorded, 'refreshes')).toBe(1);
    // The fake source's versions read and rows read.
    expect(point(recorded, 'api_calls')).toBe(2);
    expect(point(recorded, 'rate_limited')).toBe(0);
    expect(point(recorded, 'snapshot.age', { table: TABLE })).toBe(20);
    expect(point(recorded, 'snapshot.version', { table: TABLE })).toBe(3);
    const latency = recorded.find((metric) => metric.descriptor.name.endsWith('refresh.duration'));
    expect(latency?.dataPointType).toBe(DataPointType.HISTOGRAM);
    expect(latency?.descriptor.unit).toBe('s');
    expect(latency?.dataPoints[0]?.value).toMatchObject({ count: 1 });
    expect(reader.stats().hits).toBe(2);
    await host.provider.shutdown();
  });

  it('uses the meter name given, and stops observing once the reader is closed', async () => {
    const host = hostMeterProvider();
    const harness = await startReader(
      { tables: { [TABLE]: {} }, versionPollSeconds: 0, metrics: { meterName: 'my-plugin' } },
      (fake) => fake.deploy(TABLE, 1, versionedRows(1)),
    );
    await harness.reader.ready();
    harness.reader.get(TABLE, 'setting');
    expect(point(await host.collect(), 'hits')).toBe(1);
    expect(host.scopes()).toContain('my-plugin');
    await harness.reader.close();
    harness.reader.get(TABLE, 'setting');
    // The cumulative sum keeps its last value; the read after close() is not observed.
    expect(point(await host.collect(), 'hits')).toBe(1);
    await host.provider.shutdown();
  });

  it('is off with metrics: false (nothing registered)', async () => {
    const host = hostMeterProvider();
    await ready(
      await startReader({ tables: { [TABLE]: {} }, versionPollSeconds: 0, metrics: false }, (fake) =>
        fake.deploy(TABLE, 1, versionedRows(1)),
      ),
    );
    expect(await host.collect()).toEqual([]);
    await host.provider.shutdown();
  });

  it('works without @opentelemetry/api: the reader serves as usual, and says why when metrics were asked for', async () => {
    const previous = useOtelApi(() => Promise.reject(new Error("Cannot find package '@opentelemetry/api'")));
    try {
      const logger = captureLogger();
      const { reader } = await ready(
        await startReader({ tables: { [TABLE]: {} }, versionPollSeconds: 0, metrics: true, logger }, (fake) =>
          fake.deploy(TABLE, 1, versionedRows(1)),
        ),
      );
      expect(reader.get(TABLE, 'setting')).toBe('v1');
      expect(reader.stats().hits).toBe(1);
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          /^warn: OpenTelemetry metrics are off: @opentelemetry\/api could not be loaded/,
        ),
      );
    } finally {
      useOtelApi(previous);
    }
  });
});

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { defaultConfig, mergeConfig, type EmulatorConfig } from '../../src/emulator/config.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import {
  createGenesysClient,
  type ClientOptions,
  type ConnectionSettings,
  type GenesysClient,
} from '../../src/genesys/client.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Row, TableSchema } from '../../src/genesys/types.js';
import type { Logger } from '../../src/logger.js';

export const SCHEMA: TableSchema = tableSchema({
  key: { title: 'config_key', type: 'string' },
  value: { type: 'string' },
  count: { type: 'integer' },
  ratio: { type: 'number', default: 0.5 },
  enabled: { type: 'boolean' },
});

/**
 * The emulator's request limit in tests: far above production's 300/min, so that tests wait on
 * nothing but what they test. A test of the limit itself sets `rateLimitPerMinute`.
 */
export const TEST_RATE_LIMIT_PER_MINUTE = 60_000;

/** Rows `row-00000` … with every column set. */
export function makeRows(count: number, prefix = 'row'): Row[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `${prefix}-${String(index).padStart(5, '0')}`,
    value: `value ${index}`,
    count: index,
    ratio: index / 10,
    enabled: index % 2 === 0,
  }));
}

/** Loads a table straight into the emulator's state (no API calls, no counters). */
export function seedTable(
  emulator: RunningEmulator,
  name: string,
  rows: Row[],
  schema: TableSchema = SCHEMA,
): string {
  const id = `00000000-0000-4000-8000-${String(emulator.state.tables.size + 1).padStart(12, '0')}`;
  const dump = emulator.state.dump();
  dump.tables.push({ id, name, schema, rows });
  emulator.state.load(dump);
  return id;
}

export interface CapturedLog extends Logger {
  lines: string[];
}

export function captureLogger(): CapturedLog {
  const lines: string[] = [];
  return {
    lines,
    debug: (message) => lines.push(`debug: ${message}`),
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
  };
}

/** A client of the emulator whose waits are shrunk a thousandfold. */
export function clientFor(
  emulator: RunningEmulator,
  settings: Partial<ConnectionSettings> = {},
  options: ClientOptions = {},
): GenesysClient {
  return createGenesysClient(
    {
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      apiUrl: emulator.url,
      rateLimitPerMinute: TEST_RATE_LIMIT_PER_MINUTE,
      ...settings,
    },
    {
      ...options,
      retry: { timeScale: 0.001, ...options.retry },
      tables: { jobPollIntervalMs: 10, ...options.tables },
    },
  );
}

/** The settings tests run the emulator with, before their own. */
const testConfig = (config: Partial<EmulatorConfig>): Partial<EmulatorConfig> => ({
  jobDelayMs: 5,
  rateLimitPerMinute: TEST_RATE_LIMIT_PER_MINUTE,
  ...config,
});

export async function emulatorWith(config: Partial<EmulatorConfig> = {}): Promise<RunningEmulator> {
  return startEmulator({ config: testConfig(config) });
}

/** Requests the emulator answered on routes matching `pattern` (e.g. "GET .*\/rows$"). */
export function countRequests(emulator: RunningEmulator, pattern: RegExp): number {
  return Object.entries(emulator.log.snapshot().byRoute)
    .filter(([route]) => pattern.test(route))
    .reduce((sum, [, count]) => sum + count, 0);
}

/**
 * One emulator per test file (started before the first test, stopped after the last), reset to
 * an empty org with the given settings before each test. The returned object forwards to it.
 */
export function useEmulator(config: Partial<EmulatorConfig> = {}): RunningEmulator {
  let current: RunningEmulator | undefined;
  beforeAll(async () => {
    current = await emulatorWith(config);
  });
  afterAll(() => current?.close());
  beforeEach(async () => {
    const emulator = current!;
    // Requests of the last test whose clients gave up are still served (as by the real
    // service): let them end before the reset, so that they land in no later test's log or state.
    await emulator.idle();
    Object.assign(emulator.config, mergeConfig(defaultConfig(), testConfig(config)));
    emulator.state.load({ tables: [] });
    emulator.faults.clear();
    emulator.faults.reseed(emulator.config.seed);
    emulator.log.reset();
  });
  return new Proxy({} as RunningEmulator, { get: (_target, property) => Reflect.get(current!, property) });
}

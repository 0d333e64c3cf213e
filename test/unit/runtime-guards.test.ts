import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { createConfigReader } from '../../src/runtime/reader.js';
import { FakeSource, configRow, startReader, closeReadersAfterEach } from '../helpers/runtime.js';

const TABLE = 'plugin_config_production';

const { ready, keep } = closeReadersAfterEach();

describe('runtime reader: environment guard', () => {
  it('serves the safe default for a row of another environment, and audits it with the client and environment', async () => {
    const { reader, auditLines } = await ready(
      await startReader({ tables: { [TABLE]: { safeDefaults: { debug_tracing: false } } } }, (source) =>
        source.deploy(TABLE, 1, [
          configRow('max_concurrent_calls', '250', 'integer'),
          configRow('debug_tracing', 'true', 'boolean', 'staging'),
          { key: 'no_environment', config_value: 'x', data_type: 'string' },
        ]),
      ),
    );
    expect(reader.get(TABLE, 'max_concurrent_calls')).toBe(250);
    expect(reader.get(TABLE, 'debug_tracing')).toBe(false);
    expect(reader.get(TABLE, 'no_environment')).toBeUndefined();
    expect(reader.stats().safeDefaults['environment-mismatch']).toBe(2);
    const guard = auditLines.filter((line) => line.kind === 'guard');
    expect(guard.map((line) => line.key).sort()).toEqual(['debug_tracing', 'no_environment']);
    const fallback = auditLines.find((line) => line.kind === 'fallback' && line.key === 'debug_tracing');
    expect(fallback).toMatchObject({
      table: TABLE,
      version: 1,
      reason: 'environment-mismatch',
      clientId: 'plugin-client',
      environment: 'prod',
    });
    expect(typeof fallback?.at).toBe('string');
    expect(reader.table(TABLE)?.values.get('debug_tracing')).toBe(false);
    expect(reader.table(TABLE)?.refused.get('debug_tracing')?.reason).toBe('environment-mismatch');
  });

  it('can be turned off for a table without an environment column', async () => {
    const { reader } = await ready(
      await startReader({ tables: { t: { environmentColumn: false } } }, (source) =>
        source.deploy('t', 1, [{ key: 'a', config_value: '1', data_type: 'integer' }]),
      ),
    );
    expect(reader.get('t', 'a')).toBe(1);
  });
});

describe('runtime reader: version range', () => {
  it('serves safe defaults for every key while the table is outside the supported versions, live values inside', async () => {
    const harness = await ready(
      await startReader(
        {
          tables: { [TABLE]: { versionRange: { min: 2, max: 3 }, safeDefaults: { limit: 5 } } },
          versionPollSeconds: 1,
        },
        (source) => source.deploy(TABLE, 1, [configRow('limit', '100', 'integer'), configRow('other', 'x')]),
      ),
    );
    const { reader, source, time, auditLines } = harness;
    expect(reader.get(TABLE, 'limit')).toBe(5);
    expect(reader.get(TABLE, 'other')).toBeUndefined();
    expect(reader.stats().safeDefaults['version-out-of-range']).toBe(2);
    expect(auditLines).toContainEqual(
      expect.objectContaining({ kind: 'guard', table: TABLE, version: 1, reason: 'version-out-of-range' }),
    );
    source.deploy(TABLE, 2, [configRow('limit', '100', 'integer')]);
    await time.advance(2_000);
    expect(reader.get(TABLE, 'limit')).toBe(100);
    source.deploy(TABLE, 4, [configRow('limit', '200', 'integer')]);
    await time.advance(2_000);
    expect(reader.get(TABLE, 'limit')).toBe(5);
    expect(reader.table(TABLE)?.versionInRange).toBe(false);
  });
});

describe('runtime reader: safe defaults and misses', () => {
  it('an absent key is a definitive miss: its safe default or undefined, and no API call', async () => {
    const { reader, source } = await ready(
      await startReader({ tables: { [TABLE]: { safeDefaults: { absent_with_default: 7 } } } }, (fake) =>
        fake.deploy(TABLE, 1, [configRow('present', 'yes')]),
      ),
    );
    const calls = source.calls.length;
    expect(reader.get(TABLE, 'absent_with_default')).toBe(7);
    expect(reader.get(TABLE, 'absent')).toBeUndefined();
    expect(source.calls.length).toBe(calls);
    expect(reader.stats()).toMatchObject({ hits: 0, misses: 2 });
  });

  it('a table that cannot be loaded serves its safe defaults with reason unreadable, and ready() says so', async () => {
    const harness = await startReader({ tables: { missing: { safeDefaults: { a: 1 } } } });
    keep(harness.reader);
    const report = await harness.reader.ready();
    expect(report.tables.missing).toMatchObject({ loaded: false, reason: 'unreadable' });
    expect(report.tables.missing?.error).toMatch(/no table missing/);
    expect(harness.reader.get('missing', 'a')).toBe(1);
    expect(harness.reader.stats().safeDefaults.unreadable).toBe(1);
    expect(harness.auditLines).toContainEqual(
      expect.objectContaining({ kind: 'refresh-failed', table: 'missing' }),
    );
  });

  it('an unparsable value serves its safe default with reason unreadable', async () => {
    const { reader } = await ready(
      await startReader({ tables: { [TABLE]: { safeDefaults: { limit: 10 } } } }, (source) =>
        source.deploy(TABLE, 1, [configRow('limit', 'lots', 'integer')]),
      ),
    );
    expect(reader.get(TABLE, 'limit')).toBe(10);
    expect(reader.stats().safeDefaults.unreadable).toBe(1);
  });
});

describe('runtime reader: consumer contract', () => {
  it('serves the safe default for a value that breaks its declared kind or JSON Schema, audited', async () => {
    const { reader, auditLines } = await ready(
      await startReader(
        {
          tables: {
            [TABLE]: {
              contract: {
                max_concurrent_calls: 'integer',
                greeting_prompt: 'string',
                fallback_queue: {
                  type: 'object',
                  required: ['queueId', 'priority'],
                  properties: { priority: { type: 'integer', maximum: 10 } },
                },
              },
              safeDefaults: { max_concurrent_calls: 1, fallback_queue: { queueId: 'default', priority: 1 } },
            },
          },
        },
        (source) =>
          source.deploy(TABLE, 3, [
            configRow('max_concurrent_calls', '250'), // a string, the contract says integer
            configRow('greeting_prompt', 'Hello'),
            configRow('fallback_queue', '{"queueId":"q","priority":50}', 'json'),
          ]),
      ),
    );
    expect(reader.get(TABLE, 'max_concurrent_calls')).toBe(1);
    expect(reader.get(TABLE, 'greeting_prompt')).toBe('Hello');
    expect(reader.get(TABLE, 'fallback_queue')).toEqual({ queueId: 'default', priority: 1 });
    expect(reader.stats().safeDefaults['contract-violation']).toBe(2);
    expect(reader.table(TABLE)?.refused.get('fallback_queue')?.detail).toMatch(/priority/);
    expect(
      auditLines.filter((line) => line.kind === 'guard' && line.reason === 'contract-violation'),
    ).toHaveLength(2);
  });

  it('refuses a contract schema that cannot be compiled, at start-up, with the fix', async () => {
    await expect(
      createConfigReader({
        tables: { t: { contract: { a: { type: 'no-such-type' } } } },
        environment: 'prod',
        source: new FakeSource(),
      }),
    ).rejects.toThrow(/not a usable JSON Schema/);
  });
});

describe('runtime reader: options', () => {
  const source = new FakeSource();

  it.each([10, 29, 3_601, Number.NaN])(
    'refuses ttlSeconds %s with the bounds and the fix',
    async (ttlSeconds) => {
      const attempt = createConfigReader({ tables: { t: { ttlSeconds } }, environment: 'prod', source });
      await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
      await expect(attempt).rejects.toMatchObject({
        message: expect.stringMatching(/between 30 and 3600 seconds/),
        hint: expect.stringMatching(/Set ttlSeconds/),
      });
    },
  );

  it('refuses a reader without environment, tables or source, each with its fix', async () => {
    await expect(createConfigReader({ tables: { t: {} }, environment: '', source })).rejects.toMatchObject({
      hint: expect.stringMatching(/environment/),
    });
    await expect(createConfigReader({ tables: {}, environment: 'prod', source })).rejects.toThrow(
      /no tables/,
    );
    await expect(createConfigReader({ tables: { t: {} }, environment: 'prod' })).rejects.toMatchObject({
      hint: expect.stringMatching(/connection/),
    });
    await expect(
      createConfigReader({
        tables: { t: { ttlSeconds: 600 } },
        environment: 'prod',
        source,
        maxStaleSeconds: 60,
      }),
    ).rejects.toThrow(/shorter than/);
  });

  it('get() of a table it was not given is a ConfigurationError naming the tables it has', async () => {
    const { reader } = await ready(
      await startReader({ tables: { t: {} } }, (fake) => fake.deploy('t', 1, [])),
    );
    expect(() => reader.get('other', 'a')).toThrow(ConfigurationError);
    expect(() => reader.get('other', 'a')).toThrow(/\(t\)/);
  });
});

import { describe, expect, it } from 'vitest';
import { checkContracts } from '../../src/config/contract-checks.js';
import { parseContract } from '../../src/config/contract-file.js';
import { contractFromFile } from '../../src/runtime/index.js';
import { loadValid } from '../helpers/config.js';
import { closeReadersAfterEach, configRow, startReader } from '../helpers/runtime.js';

const TABLE = 'plugin_config_production';

// One file for both sides: validate refuses these values, and the reader does not serve them.
const CONTRACT = `consumer: dialer
tables:
  ${TABLE}:
    keys:
      max_concurrent_calls: { type: integer, minimum: 1, maximum: 500 }
      dialer_enabled: boolean
      fallback_queue: { type: object, required: [queueId] }
    required: [max_concurrent_calls]
`;

const { ready } = closeReadersAfterEach();

describe('runtime reader: a contract from a contract file', () => {
  it('serves the safe default for a value breaking the contract, the value for one keeping it', async () => {
    const { reader, auditLines } = await ready(
      await startReader(
        {
          tables: {
            [TABLE]: {
              ...contractFromFile(CONTRACT, 'dialer')[TABLE],
              safeDefaults: { max_concurrent_calls: 50, fallback_queue: { queueId: 'default' } },
            },
          },
        },
        (source) =>
          source.deploy(TABLE, 2, [
            configRow('max_concurrent_calls', '900', 'integer'), // above the schema's maximum
            configRow('dialer_enabled', 'true', 'boolean'),
            configRow('fallback_queue', '{"priority":1}', 'json'), // no queueId
          ]),
      ),
    );
    expect(reader.get(TABLE, 'max_concurrent_calls')).toBe(50);
    expect(reader.get(TABLE, 'dialer_enabled')).toBe(true);
    expect(reader.get(TABLE, 'fallback_queue')).toEqual({ queueId: 'default' });
    expect(reader.stats().safeDefaults['contract-violation']).toBe(2);
    expect(reader.table(TABLE)?.refused.get('max_concurrent_calls')?.detail).toMatch(/<= 500/);
    expect(
      auditLines.filter((line) => line.kind === 'guard' && line.reason === 'contract-violation'),
    ).toHaveLength(2);
  });

  it('validate refuses the same values with the same file', () => {
    const config = loadValid(`table: ${TABLE}
columns:
  config_value: { type: string, typedBy: data_type }
  data_type: { type: string, enum: [string, integer, number, boolean, json] }
rows:
  max_concurrent_calls: { config_value: 900, data_type: integer }
  dialer_enabled: { config_value: true, data_type: boolean }
  fallback_queue: { config_value: { priority: 1 }, data_type: json }
`);
    const { contract } = parseContract('dialer.yaml', Buffer.from(CONTRACT));
    const findings = checkContracts([config], [contract!]);
    expect(findings.map((item) => [item.rule, item.key])).toEqual([
      ['contract-value', 'max_concurrent_calls'],
      ['contract-value', 'fallback_queue'],
    ]);
  });
});

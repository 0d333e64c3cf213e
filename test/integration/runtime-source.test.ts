import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { snapshotHash } from '../../src/runtime/content-hash.js';
import { createGenesysTableSource, TableNotFoundError } from '../../src/runtime/genesys-source.js';
import { VERSIONS_SCHEMA } from '../../src/runtime/versions-format.js';
import { deploy, planAgainst } from '../helpers/deploy.js';
import { countRequests, makeRows, seedTable, useEmulator } from '../helpers/emulator.js';
import { rejection } from '../helpers/rejection.js';

const emulator = useEmulator();
const VERSIONS = 'datatable_deploy_versions';

function sourceFor(options: { clock?: Clock; lookupTtlMs?: number } = {}) {
  return createGenesysTableSource(
    {
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      apiUrl: emulator.url,
      rateLimitPerMinute: 60_000,
    },
    { retry: { timeScale: 0.001 }, ...options },
  );
}

const apiRequests = () => countRequests(emulator, /^(GET|POST|PUT|DELETE) \/api\/v2\//);

describe('createGenesysTableSource against the emulator', () => {
  it('reads what a deploy marked: one call per versions poll once the id is known', async () => {
    const { plan } = await planAgainst(
      emulator,
      'table: plugin_config\ncolumns:\n  value: { type: string }\n  limit: { type: integer, default: 5 }\nrows:\n  a: { value: x }\n  b: { value: y, limit: 9 }\n',
    );
    const { result } = await deploy(emulator, { plan, versionsTable: VERSIONS, gitSha: 'f00d' });
    emulator.log.reset();
    const source = sourceFor();

    const versions = await source.readVersions();
    // A lookup by name, then the rows.
    expect(apiRequests()).toBe(2);
    expect([...versions.keys()]).toEqual(['plugin_config']);
    const record = versions.get('plugin_config')!;
    expect(record).toEqual({
      table: 'plugin_config',
      version: 1,
      hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      deployedAt: expect.any(String),
      sha: 'f00d',
      deployId: result.deployId,
    });

    const rows = await source.readRows('plugin_config');
    expect(rows).toContainEqual({ key: 'a', value: 'x', limit: 5 });
    // The reader's torn-read check: the hash of the rows read equals the marker's.
    expect(snapshotHash(rows)).toBe(record.hash);
    expect(apiRequests()).toBe(4);

    await source.readVersions();
    await source.readRows('plugin_config');
    expect(apiRequests()).toBe(6);
    expect(source.stats()).toEqual({ apiCalls: 6, rateLimited: 0 });
  });

  it('gives an empty map when there is no versions table (not an error)', async () => {
    const source = sourceFor();
    expect((await source.readVersions()).size).toBe(0);
    expect(source.stats().apiCalls).toBe(1);
  });

  it('pages through a large table and skips versions rows that are not markers', async () => {
    seedTable(emulator, 'big', makeRows(1_200));
    seedTable(
      emulator,
      VERSIONS,
      [
        { key: 'big', version: 3, content_hash: 'sha256:ab', deployed_at: '', git_sha: '', deploy_id: 'd' },
        {
          key: 'hand-made',
          version: 0,
          content_hash: 'not a hash',
          deployed_at: '',
          git_sha: '',
          deploy_id: '',
        },
      ],
      VERSIONS_SCHEMA,
    );
    const source = sourceFor();
    expect([...(await source.readVersions()).keys()]).toEqual(['big']);
    expect(await source.readRows('big')).toHaveLength(1_200);
  });

  it('says clearly when a table was deleted, and notices a rename once the lookup expires', async () => {
    let now = 1_000_000;
    const clock: Clock = { now: () => now, sleep: async () => {} };
    const id = seedTable(emulator, 'gone', makeRows(3));
    seedTable(emulator, 'renamed', makeRows(2));
    const source = sourceFor({ clock, lookupTtlMs: 60_000 });
    expect(await source.readRows('gone')).toHaveLength(3);
    expect(await source.readRows('renamed')).toHaveLength(2);

    emulator.state.tables.delete(id);
    const error = await rejection<TableNotFoundError>(source.readRows('gone'));
    expect(error).toBeInstanceOf(TableNotFoundError);
    expect(error.message).toBe('The data table "gone" does not exist in this org (deleted, or renamed).');
    expect(error.hint).toMatch(/Check the table name/);

    [...emulator.state.tables.values()].find((table) => table.name === 'renamed')!.name = 'renamed_2';
    expect(await source.readRows('renamed')).toHaveLength(2);
    now += 60_000;
    await expect(source.readRows('renamed')).rejects.toBeInstanceOf(TableNotFoundError);
    await expect(source.readRows('renamed_2')).resolves.toHaveLength(2);
  });

  it('counts 429 answers and retries through them', async () => {
    seedTable(emulator, 'busy', makeRows(5));
    const source = sourceFor();
    emulator.faults.add({ path: '/rows', status: 429, retryAfterSeconds: 1, count: 2 });
    expect(await source.readRows('busy')).toHaveLength(5);
    expect(source.stats()).toEqual({ apiCalls: 4, rateLimited: 2 });
    expect(source.rateLimitedCount()).toBe(2);
  });
});

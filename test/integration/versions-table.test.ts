import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Row } from '../../src/genesys/types.js';
import { snapshotHash } from '../../src/runtime/content-hash.js';
import { VERSIONS_SCHEMA } from '../../src/runtime/versions-format.js';
import { deploy, planAgainst, rowsOf, writeRequests } from '../helpers/deploy.js';
import { clientFor, seedTable, useEmulator } from '../helpers/emulator.js';
import { rejection } from '../helpers/rejection.js';

const emulator = useEmulator();
const VERSIONS = 'datatable_deploy_versions';

const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  ratio: { type: 'number', default: 0.5, displayOrder: 2 },
  version: { type: 'integer', displayOrder: 3 },
});
const CONFIG = (value: string) => `table: settings
columns:
  value: { type: string }
  ratio: { type: number, default: 0.5 }
  version: { type: integer, managed: version }
rows:
  a: { value: ${value} }
  b: { value: other, ratio: 2 }
`;

/** `settings` live at version 3. */
function seed(): Row[] {
  const rows = [
    { key: 'a', value: 'old', ratio: 0.5, version: 3 },
    { key: 'b', value: 'other', ratio: 2, version: 3 },
  ];
  seedTable(emulator, 'settings', rows, SCHEMA);
  return rows;
}

/** The live rows as a reader reads them (through the API, defaults filled by the service). */
async function liveRows(name: string): Promise<Row[]> {
  const client = clientFor(emulator);
  const table = await client.tables.findTableByName(name);
  return client.tables.listRows(table!.id);
}

async function versionsRow(table: string): Promise<Row | undefined> {
  return (await liveRows(VERSIONS)).find((row) => row.key === table);
}

/** A health-check endpoint that always fails, for deploys that must roll back after verify. */
async function failingHealth(): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => res.writeHead(503).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    close: () => server.close(),
  };
}

describe('the versions table', () => {
  it('is created and gets each table its row (version, hash of the live rows) after the rows', async () => {
    seed();
    const { plan } = await planAgainst(emulator, CONFIG('new'));
    const { result, journal } = await deploy(emulator, {
      plan,
      versionsTable: VERSIONS,
      gitSha: 'abc123',
    });
    expect(result).toMatchObject({ outcome: 'applied', version: 4 });
    expect(result.deployId).toMatch(/^[0-9a-f-]{36}$/);

    const table = [...emulator.state.tables.values()].find((item) => item.name === VERSIONS)!;
    expect(table.schema.properties).toMatchObject(VERSIONS_SCHEMA.properties);
    const live = await liveRows('settings');
    expect(live.find((row) => row.key === 'a')).toEqual({ key: 'a', value: 'new', ratio: 0.5, version: 4 });
    expect(await versionsRow('settings')).toEqual({
      key: 'settings',
      version: 4,
      content_hash: snapshotHash(live),
      deployed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      git_sha: 'abc123',
      deploy_id: result.deployId,
    });

    // Journaled as deploy writes, after every write of the table's rows.
    const entries = journal.entries.map(
      (entry) => `${entry.phase} ${entry.table} ${entry.op} ${entry.status}`,
    );
    const lastRowWrite = entries.lastIndexOf('deploy settings update done');
    expect(entries.indexOf(`deploy ${VERSIONS} create-table started`)).toBeGreaterThan(lastRowWrite);
    expect(entries).toContain(`deploy ${VERSIONS} create done`);
    expect(journal.entries.find((entry) => entry.table === VERSIONS && entry.op === 'create')).toMatchObject({
      key: 'settings',
      before: null,
      after: { key: 'settings', version: 4 },
    });
  });

  it('takes the next version above the versions table too (a table without a managed version column)', async () => {
    const plain = (value: string) =>
      `table: plain\ncolumns:\n  value: { type: string }\nrows:\n  x: { value: ${value} }\n`;
    const first = await deploy(emulator, {
      plan: (await planAgainst(emulator, plain('one'))).plan,
      versionsTable: VERSIONS,
    });
    expect(first.result.version).toBe(1);
    const second = await deploy(emulator, {
      plan: (await planAgainst(emulator, plain('two'))).plan,
      versionsTable: VERSIONS,
    });
    expect(second.result.version).toBe(2);
    expect(await versionsRow('plain')).toMatchObject({
      version: 2,
      content_hash: snapshotHash(await liveRows('plain')),
    });
    expect(second.result.deployId).not.toBe(first.result.deployId);
  });

  it('after a rollback (failed health check) describes what is live again, at a newer version', async () => {
    const original = seed();
    // A first deploy marks version 4.
    await deploy(emulator, {
      plan: (await planAgainst(emulator, CONFIG('v4'))).plan,
      versionsTable: VERSIONS,
    });
    const before = await liveRows('settings');
    const health = await failingHealth();
    try {
      const { plan } = await planAgainst(emulator, CONFIG('v5'));
      const { result, journal } = await deploy(emulator, {
        plan,
        versionsTable: VERSIONS,
        health: { probes: [{ name: 'plugin', http: { url: health.url, timeoutSeconds: 2 } }] },
      });
      expect(result).toMatchObject({ outcome: 'rolled-back', version: 5 });
      // The deploy had marked version 5 before the health checks failed ...
      expect(
        journal.entries.some(
          (entry) => entry.phase === 'deploy' && entry.table === VERSIONS && entry.status === 'done',
        ),
      ).toBe(true);
      // ... and the rollback marked the restored rows at 6: readers that took 5 leave it.
      const restored = await liveRows('settings');
      expect(restored).toEqual(before);
      expect(await versionsRow('settings')).toMatchObject({
        version: 6,
        content_hash: snapshotHash(restored),
        deploy_id: result.deployId,
      });
      expect(journal.entries.some((entry) => entry.phase === 'restore' && entry.table === VERSIONS)).toBe(
        true,
      );
    } finally {
      health.close();
    }
    // The next deploy goes above the rollback's marker.
    const next = await deploy(emulator, {
      plan: (await planAgainst(emulator, CONFIG('v7'))).plan,
      versionsTable: VERSIONS,
    });
    expect(next.result.version).toBe(7);
    expect(original).toHaveLength(2);
  });

  it('after a rollback of a failed apply holds rows consistent with the restored tables', async () => {
    const original = seed();
    emulator.faults.add({
      method: 'PUT',
      path: '/rows/a$',
      status: 400,
      code: 'flows.datatables.syntax.error',
    });
    const { result } = await deploy(emulator, {
      plan: (await planAgainst(emulator, CONFIG('broken'))).plan,
      versionsTable: VERSIONS,
    });
    expect(result).toMatchObject({ outcome: 'rolled-back', version: 4 });
    const restored = await liveRows('settings');
    expect(new Map(restored.map((row) => [row.key, row]))).toEqual(
      new Map(original.map((row) => [row.key, row])),
    );
    expect(await versionsRow('settings')).toMatchObject({ version: 5, content_hash: snapshotHash(restored) });
  });

  it('is never planned: a config file naming it is refused before any write', async () => {
    seed();
    seedTable(emulator, VERSIONS, [], VERSIONS_SCHEMA);
    const { plan } = await planAgainst(
      emulator,
      `table: ${VERSIONS}\ncolumns:\n  version: { type: integer }\nrows: {}\nprune: true\n`,
    );
    emulator.log.reset();
    const error = await rejection<ConfigurationError>(deploy(emulator, { plan, versionsTable: VERSIONS }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(
      /configures datatable_deploy_versions, the versions table this deploy writes/,
    );
    expect(error.hint).toMatch(/Remove that file/);
    expect(writeRequests(emulator)).toBe(0);
  });

  it('is never pruned: rows of tables outside the deploy stay, and unchanged ones are not rewritten', async () => {
    seed();
    const other = {
      key: 'routing',
      version: 9,
      content_hash: 'sha256:00',
      deployed_at: '2025-01-01T00:00:00.000Z',
      git_sha: 'old',
      deploy_id: 'd-1',
    };
    seedTable(emulator, VERSIONS, [other], VERSIONS_SCHEMA);
    const { result } = await deploy(emulator, {
      plan: (await planAgainst(emulator, CONFIG('new'))).plan,
      versionsTable: VERSIONS,
    });
    // Version 10: above every version in the versions table.
    expect(result.version).toBe(10);
    expect(rowsOf(emulator, VERSIONS).get('routing')).toEqual(other);
    expect(rowsOf(emulator, VERSIONS).get('settings')).toMatchObject({ version: 10 });
  });

  it('refuses a versions table without the expected columns, before any write', async () => {
    seed();
    seedTable(emulator, VERSIONS, [], tableSchema({ version: { type: 'string' } }));
    const { plan } = await planAgainst(emulator, CONFIG('new'));
    emulator.log.reset();
    const error = await rejection<ConfigurationError>(deploy(emulator, { plan, versionsTable: VERSIONS }));
    expect(error.message).toMatch(/"version" is string, not integer; "content_hash" \(string\) is missing/);
    expect(error.hint).toMatch(/Delete that table/);
    expect(writeRequests(emulator)).toBe(0);
  });

  it('is left alone when not enabled', async () => {
    seed();
    await deploy(emulator, { plan: (await planAgainst(emulator, CONFIG('new'))).plan });
    expect([...emulator.state.tables.values()].map((table) => table.name)).toEqual(['settings']);
  });
});

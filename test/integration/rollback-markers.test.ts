import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupFiles, LocalBackupStore } from '../../src/deploy/backup.js';
import type { DeployOptions } from '../../src/deploy/pipeline.js';
import type { InvalidationEvent } from '../../src/deploy/webhook.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Row } from '../../src/genesys/types.js';
import { snapshotHash } from '../../src/runtime/content-hash.js';
import type { Purge } from '../../src/runtime/types.js';
import { VERSIONS_SCHEMA } from '../../src/runtime/versions-format.js';
import { createPurgeHandler } from '../../src/runtime/webhook-receiver.js';
import { deploy, planAgainst } from '../helpers/deploy.js';
import { clientFor, seedTable, useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

/**
 * A restore keeps the versions table true and tells readers: the failed deploy's own rollback,
 * and `datatable-deploy rollback` (the action's rollback mode: test/e2e/action.test.ts). Real
 * emulator and real receivers (createPurgeHandler) over sockets on 127.0.0.1.
 */
const emulator = useEmulator();
const VERSIONS = 'datatable_deploy_versions';
const SECRET = 'rollback-hook-secret';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-rollback-markers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  vi.restoreAllMocks();
});

const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  version: { type: 'integer', displayOrder: 2 },
});
const CONFIG = (value: string) =>
  `table: settings\nenvironment: prod\ncolumns:\n  value: { type: string }\n  version: { type: integer, managed: version }\nrows:\n  a: { value: ${value} }\n  b: { value: other }\n`;
const ORIGINAL: Row[] = [
  { key: 'a', value: 'old', version: 3 },
  { key: 'b', value: 'other', version: 3 },
];

/** `settings` at version 3; returns its id. */
const seed = () => seedTable(emulator, 'settings', structuredClone(ORIGINAL), SCHEMA);

/**
 * A receiver as plugins run it (createPurgeHandler, real clock) on 127.0.0.1: the purges it
 * accepted and the events it was sent (the raw body is handed on as `rawBody`).
 */
async function receiver() {
  const purges: Purge[][] = [];
  const events: InvalidationEvent[] = [];
  const handler = createPurgeHandler({ secret: SECRET, onPurge: (accepted) => void purges.push(accepted) });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      events.push(JSON.parse(body.toString('utf8')) as InvalidationEvent);
      handler(Object.assign(req, { rawBody: body }) as IncomingMessage, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`, purges, events };
}

/** A URL nothing listens on. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/purge`;
}

/** The rows as readers read them (through the API). */
async function liveRows(name: string): Promise<Row[]> {
  const client = clientFor(emulator);
  const table = await client.tables.findTableByName(name);
  return client.tables.listRows(table!.id);
}
const versionsRow = async (table: string) => (await liveRows(VERSIONS)).find((row) => row.key === table);
const tableId = (name: string) =>
  [...emulator.state.tables.values()].find((table) => table.name === name)?.id;
/** Write requests (POST, PUT, DELETE) to the versions table, or creating a table, in the request log. */
const versionsWrites = () => {
  const id = tableId(VERSIONS);
  return emulator.log
    .snapshot()
    .recent.filter(
      (entry) =>
        /^(POST|PUT|DELETE)$/.test(entry.method) &&
        ((id !== undefined && entry.path.includes(id)) || /\/datatables$/.test(entry.path)),
    );
};

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCliInProcess(
    [...args, '--rate-limit', '60000', '--settle-seconds', '5'],
    { ...emulatorEnv(emulator), ...env },
    dir,
  );
let counter = 0;

/** `apply` of CONFIG(value) with these options; returns the backup directory it wrote. */
async function apply(value: string, options: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const root = join(dir, `backups-${++counter}`);
  await writeFile(join(dir, 'settings.yaml'), CONFIG(value));
  const run = await cli(
    ['apply', 'settings.yaml', '--environment', 'prod', '--yes', '--backup-dir', root, ...options],
    env,
  );
  expect(run.code, run.stderr).toBe(0);
  const [name] = (await readdir(root)).filter((entry) => !entry.startsWith('.'));
  return join(root, name!);
}

/** A deploy of CONFIG(value) that fails at its apply (row a cannot be written) and rolls back. */
async function failedDeploy(value: string, options: Partial<DeployOptions>) {
  emulator.faults.add({
    method: 'PUT',
    path: '/rows/a$',
    status: 400,
    code: 'flows.datatables.syntax.error',
  });
  return deploy(emulator, { plan: (await planAgainst(emulator, CONFIG(value))).plan, ...options });
}

describe("a failed deploy's rollback", () => {
  it('marks the restored rows at V+1 and posts them; createPurgeHandler turns the event into purges', async () => {
    seed();
    const hook = await receiver();
    const webhooks = { urls: [hook.url], secret: SECRET };
    const first = await deploy(emulator, {
      plan: (await planAgainst(emulator, CONFIG('v4'))).plan,
      versionsTable: VERSIONS,
      webhooks,
    });
    expect(first.result).toMatchObject({ outcome: 'applied', version: 4 });
    const before = await liveRows('settings');
    const { result, logger } = await failedDeploy('v5', { versionsTable: VERSIONS, webhooks });
    expect(result).toMatchObject({ outcome: 'rolled-back', version: 5 });
    const restored = await liveRows('settings');
    expect(restored).toEqual(before);
    expect(await versionsRow('settings')).toMatchObject({
      version: 6,
      content_hash: snapshotHash(restored),
      deploy_id: result.deployId,
    });

    expect(result.webhooks).toEqual([{ url: hook.url, ok: true, status: 204, attempts: 1 }]);
    expect(hook.events.map((event) => [event.reason, event.version])).toEqual([
      ['deploy', 4],
      ['rollback', 6],
    ]);
    expect(hook.events[1]).toMatchObject({
      event: 'datatables.deployed',
      tables: ['settings'],
      versions: { settings: 6 },
      deployId: result.deployId,
      actor: 'ci-bot',
    });
    expect(hook.purges[1]).toEqual([
      { table: 'settings', version: 6, deployId: result.deployId, at: hook.events[1]!.deployedAt },
    ]);
    expect(logger.lines).toContain(`info: webhook ${hook.url}: delivered (204)`);
  });

  it('without a versions table: no marker, no event (no version could order it), 0 writes to the versions table', async () => {
    seed();
    const hook = await receiver();
    const { result, logger } = await failedDeploy('v4', { webhooks: { urls: [hook.url], secret: SECRET } });
    expect(result.outcome).toBe('rolled-back');
    expect(result.webhooks).toBeUndefined();
    expect(hook.events).toEqual([]);
    expect(tableId(VERSIONS)).toBeUndefined();
    expect(
      logger.lines.some((line) => line.includes('not sent after a restore without a versions table')),
    ).toBe(true);
  });
});

describe('datatable-deploy rollback with --versions-table', () => {
  const options = (url: string) => ['--versions-table', VERSIONS, '--webhook', url];
  const secret = { DATATABLE_DEPLOY_WEBHOOK_SECRET: SECRET };

  it('restores an earlier backup, marks it at V+1 (hash of the live rows) and posts the new versions', async () => {
    seed();
    const hook = await receiver();
    const earlier = await apply('v4', options(hook.url), secret);
    await apply('v5', options(hook.url), secret);
    expect(await versionsRow('settings')).toMatchObject({ version: 5 });

    const run = await cli(['rollback', '--backup', earlier, '--yes', ...options(hook.url)], secret);
    expect(run.code, run.stderr).toBe(0);
    const live = await liveRows('settings');
    expect(live).toEqual(ORIGINAL);
    const marker = await versionsRow('settings');
    expect(marker).toMatchObject({ version: 6, content_hash: snapshotHash(live) });
    expect(marker!.deploy_id).toMatch(UUID);
    expect(run.stdout).toContain(`  ${VERSIONS}: settings at version 6`);
    expect(run.stdout).toContain(`  webhook ${hook.url}: delivered`);
    expect(run.stdout).toContain('Restored: the live tables equal the backup.');

    const event = hook.events.at(-1)!;
    expect(event).toMatchObject({
      event: 'datatables.deployed',
      reason: 'rollback',
      tables: ['settings'],
      version: 6,
      versions: { settings: 6 },
      deployId: marker!.deploy_id,
      environment: 'prod',
    });
    expect(hook.purges.at(-1)).toEqual([
      { table: 'settings', version: 6, deployId: marker!.deploy_id, at: event.deployedAt },
    ]);

    // Again: nothing to restore, the versions table is true already: no write, no event.
    emulator.log.reset();
    const again = await cli(['rollback', '--backup', earlier, '--yes', ...options(hook.url)], secret);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`  ${VERSIONS}: already describes the restored tables`);
    expect(versionsWrites()).toEqual([]);
    expect(hook.events).toHaveLength(3);
  });

  it("never restores the backup's copy of the versions table, and leaves other tables' rows in it", async () => {
    const settingsId = seed();
    const other = {
      key: 'routing',
      version: 9,
      content_hash: 'sha256:00',
      deployed_at: '',
      git_sha: '',
      deploy_id: 'd-9',
    };
    const stale = {
      key: 'settings',
      version: 1,
      content_hash: 'sha256:11',
      deployed_at: '',
      git_sha: '',
      deploy_id: 'd-1',
    };
    const versionsId = seedTable(
      emulator,
      VERSIONS,
      [other, { ...stale, version: 7, content_hash: 'sha256:77' }],
      VERSIONS_SCHEMA,
    );
    // A backup holding settings as first seeded and an old copy of the versions table.
    const files = backupFiles({
      manifest: {
        createdAt: new Date().toISOString(),
        apiHost: new URL(emulator.url).host,
        environment: 'prod',
        deployment: 'prod',
        planDigest: `sha256:${'0'.repeat(64)}`,
      },
      tables: [
        { id: settingsId, name: 'settings', schema: SCHEMA, rows: structuredClone(ORIGINAL) },
        { id: versionsId, name: VERSIONS, schema: VERSIONS_SCHEMA, rows: [stale] },
      ],
    });
    const backup = await new LocalBackupStore(dir).save(`forged-${++counter}`, files);
    emulator.state.tables.get(settingsId)!.rows.get('a')!.value = 'changed';

    const run = await cli(['rollback', '--backup', backup, '--yes', '--versions-table', VERSIONS]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `note: ${VERSIONS} is the versions table: it is not restored from the backup`,
    );
    expect(await liveRows('settings')).toEqual(ORIGINAL);
    const versions = new Map((await liveRows(VERSIONS)).map((row) => [row.key, row]));
    expect(versions.get('routing')).toEqual(other);
    expect(versions.get('settings')).toMatchObject({ version: 8, content_hash: snapshotHash(ORIGINAL) });
  });

  it('a receiver that is down: a warning, exit 0, the restore and the markers stand', async () => {
    seed();
    const earlier = await apply('v4', ['--versions-table', VERSIONS]);
    const url = await deadUrl();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const run = await cli(['rollback', '--backup', earlier, '--yes', ...options(url)], secret);
    const warnings = stderr.mock.calls
      .map(([chunk]) => String(chunk))
      .filter((line) => line.startsWith('warning:'));
    stderr.mockRestore();
    expect(run.code, run.stderr).toBe(0);
    expect(warnings.join('')).toMatch(
      /warning: webhook http:\/\/127\.0\.0\.1:\d+\/purge failed after 4 attempt\(s\): .*the restore itself stands/,
    );
    expect(run.stdout).toMatch(
      / {2}webhook http:\/\/127\.0\.0\.1:\d+\/purge: failed \(.+\); the restore stands/,
    );
    expect(await liveRows('settings')).toEqual(ORIGINAL);
    expect(await versionsRow('settings')).toMatchObject({ version: 5, content_hash: snapshotHash(ORIGINAL) });
  });
});

describe('datatable-deploy rollback without --versions-table', () => {
  it('restores as before: 0 writes to the versions table, no event', async () => {
    seed();
    const marker = {
      key: 'settings',
      version: 4,
      content_hash: 'sha256:44',
      deployed_at: '',
      git_sha: '',
      deploy_id: 'd-4',
    };
    seedTable(emulator, VERSIONS, [marker], VERSIONS_SCHEMA);
    const earlier = await apply('v4');
    emulator.log.reset();
    const run = await cli(['rollback', '--backup', earlier, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(await liveRows('settings')).toEqual(ORIGINAL);
    expect(versionsWrites()).toEqual([]);
    expect(await liveRows(VERSIONS)).toEqual([marker]);
    expect(run.stdout).not.toContain(VERSIONS);
  });

  it("refuses --webhook before any write: the event carries the versions table's new versions", async () => {
    seed();
    const earlier = await apply('v4');
    emulator.log.reset();
    const hook = await receiver();
    const run = await cli(['rollback', '--backup', earlier, '--yes', '--webhook', hook.url], {
      DATATABLE_DEPLOY_WEBHOOK_SECRET: SECRET,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('rollback --webhook needs --versions-table');
    expect(run.stderr).toContain('fix: Give the versions table apply keeps (--versions-table NAME)');
    const writes = emulator.log
      .snapshot()
      .recent.filter((entry) => entry.method !== 'GET' && entry.path.startsWith('/api/v2/flows'));
    expect(writes).toEqual([]);
    expect(hook.events).toEqual([]);
  });
});

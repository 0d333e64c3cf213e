import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LocalBackupStore, parseBackup } from '../../src/deploy/backup.js';
import { BackupError } from '../../src/errors.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Row } from '../../src/genesys/types.js';
import { useEmulator } from '../helpers/emulator.js';
import { deploy, planAgainst, rowsOf, writeRequests } from '../helpers/deploy.js';
import { SIGNATURE_HEADER } from '../../src/deploy/webhook.js';

const emulator = useEmulator();

const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
  version: { type: 'integer', displayOrder: 3 },
  updated_by: { type: 'string', displayOrder: 4 },
});
const HEAD = `table: settings
columns:
  value: { type: string }
  count: { type: integer }
  version: { type: integer, managed: version }
  updated_by: { type: string, managed: actor }
`;

/** 40 live rows (version 3); the config keeps 37, changes 10, adds 5. */
function seed(): Row[] {
  const rows = Array.from({ length: 40 }, (_, index) => ({
    key: `row-${String(index).padStart(2, '0')}`,
    value: `v${index}`,
    count: index,
    version: 3,
    updated_by: 'someone',
  }));
  emulator.state.load({
    tables: [{ id: '11111111-2222-4333-8444-555555555555', name: 'settings', schema: SCHEMA, rows }],
  });
  return rows;
}
function desiredText(extra = ''): string {
  const rows = Array.from(
    { length: 37 },
    (_, index) =>
      `  row-${String(index).padStart(2, '0')}: { value: ${index < 10 ? `changed${index}` : `v${index}`}, count: ${index} }\n`,
  );
  const created = Array.from(
    { length: 5 },
    (_, index) => `  new-${index}: { value: fresh${index}, count: ${100 + index} }\n`,
  );
  return `${HEAD}${extra}rows:\n${rows.join('')}${created.join('')}`;
}
const THRESHOLDS = {
  thresholds: {
    maxChangedRows: 1000,
    maxChangedPercent: 100,
    maxDeletedRows: 100,
    maxTotalChangedRows: 1000,
    schemaChangesNeedApproval: false,
  },
};

/** What the table must hold after a successful deploy of desiredText() at `version`. */
function expectDesired(version: number): void {
  const rows = rowsOf(emulator, 'settings');
  expect(rows.size).toBe(42);
  for (let index = 0; index < 37; index++) {
    const key = `row-${String(index).padStart(2, '0')}`;
    const changed = index < 10;
    expect(rows.get(key)).toEqual({
      key,
      value: changed ? `changed${index}` : `v${index}`,
      count: index,
      version: changed ? version : 3,
      updated_by: changed ? 'ci-bot' : 'someone',
    });
  }
  for (let index = 0; index < 5; index++) {
    expect(rows.get(`new-${index}`)).toEqual({
      key: `new-${index}`,
      value: `fresh${index}`,
      count: 100 + index,
      version,
      updated_by: 'ci-bot',
    });
  }
}

/** Live equals the backup: the same rows, every cell. */
function expectBackup(original: Row[]): void {
  const rows = rowsOf(emulator, 'settings');
  expect(rows).toEqual(new Map(original.map((row) => [row.key as string, row])));
}

describe('the deploy pipeline', () => {
  it('backs up, applies, verifies and journals a change (success path)', async () => {
    const original = seed();
    const { plan } = await planAgainst(emulator, desiredText(), THRESHOLDS);
    expect(plan.totals).toMatchObject({ creates: 5, updates: 10, deletes: 3 });
    const { result, journal, root } = await deploy(emulator, { plan });
    expect(result).toMatchObject({ outcome: 'applied', version: 4, operations: 18 });
    expectDesired(4);

    const backup = parseBackup(await new LocalBackupStore(root).load(result.backup!), result.backup!);
    expect(backup.manifest).toMatchObject({
      kind: 'datatable-deploy-backup',
      planDigest: plan.digest,
      tables: [{ name: 'settings', existed: true, rowCount: 40 }],
    });
    expect(backup.tables[0]!.rows).toEqual(original);

    const done = journal.entries.filter((entry) => entry.status === 'done');
    const started = journal.entries.filter((entry) => entry.status === 'started');
    expect(done).toHaveLength(18);
    expect(started.map((entry) => `${entry.op} ${entry.key}`).sort()).toEqual(
      done.map((entry) => `${entry.op} ${entry.key}`).sort(),
    );
    expect(journal.entries.some((entry) => entry.status === 'failed')).toBe(false);
    expect(done.every((entry) => entry.correlationId && entry.attempts === 1)).toBe(true);
    const update = started.find((entry) => entry.op === 'update' && entry.key === 'row-00');
    expect(update).toMatchObject({
      before: { value: 'v0' },
      after: { value: 'changed0', version: 4, updated_by: 'ci-bot' },
    });
    // Deletes last.
    const ops = done.map((entry) => entry.op);
    expect(ops.lastIndexOf('create')).toBeLessThan(ops.indexOf('delete'));
    expect(ops.lastIndexOf('update')).toBeLessThan(ops.indexOf('delete'));
  });

  it('creates a table that does not exist and adds a column to one that does', async () => {
    seed();
    const { plan } = await planAgainst(
      emulator,
      `${desiredText().replace('  updated_by: { type: string, managed: actor }\n', '  updated_by: { type: string, managed: actor }\n  note: { type: string }\n')}`,
      THRESHOLDS,
    );
    const { result } = await deploy(emulator, { plan });
    expect(result.outcome).toBe('applied');
    expect(Object.keys([...emulator.state.tables.values()][0]!.schema.properties)).toContain('note');
    const fresh = await planAgainst(
      emulator,
      'table: brand_new\ndivision: Home\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: x }\n',
    );
    expect((await deploy(emulator, { plan: fresh.plan })).result.outcome).toBe('applied');
    expect(rowsOf(emulator, 'brand_new').get('a')).toEqual({ key: 'a', value: 'x' });
  });

  it('rides out a 429 storm and 503s during apply with no failed operation', async () => {
    seed();
    const { plan } = await planAgainst(emulator, desiredText(), THRESHOLDS);
    emulator.faults.reseed(11);
    emulator.faults.add({ method: 'PUT', path: '/rows/', status: 503, count: 4 });
    emulator.faults.add({ path: '/rows', status: 429, retryAfterSeconds: 1, probability: 0.3 });
    const { result, journal } = await deploy(emulator, { plan }, { retry: { maxAttempts: 30 } });
    expect(result.outcome).toBe('applied');
    expect(journal.entries.filter((entry) => entry.status === 'failed')).toEqual([]);
    expect(journal.entries.some((entry) => (entry.attempts ?? 1) > 1)).toBe(true);
    expect(emulator.log.snapshot().byStatus['429']).toBeGreaterThan(3);
    expectDesired(4);
  });

  it('rolls back when an operation fails for good (a 400), and live equals the backup exactly', async () => {
    const original = seed();
    const { plan } = await planAgainst(emulator, desiredText(), THRESHOLDS);
    emulator.faults.add({
      method: 'PUT',
      path: '/rows/row-07$',
      status: 400,
      code: 'flows.datatables.syntax.error',
    });
    const { result, journal } = await deploy(emulator, { plan });
    expect(result).toMatchObject({ outcome: 'rolled-back', failure: { phase: 'apply' } });
    expect(result.failure!.message).toContain('400 flows.datatables.syntax.error');
    expect(result.restore!.restored).toBe(true);
    expectBackup(original);
    expect(
      journal.entries
        .filter((entry) => entry.phase === 'deploy' && entry.status === 'failed')
        .map((entry) => entry.key),
    ).toEqual(['row-07']);
    expect(journal.entries.some((entry) => entry.phase === 'restore' && entry.status === 'done')).toBe(true);
  });

  it('rolls back when a health check fails after a clean apply', async () => {
    const original = seed();
    const server = createServer((_req, res) => res.writeHead(503).end('{"status":"degraded"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
      const { plan } = await planAgainst(emulator, desiredText(), THRESHOLDS);
      const { result } = await deploy(emulator, {
        plan,
        health: { probes: [{ name: 'plugin', http: { url, timeoutSeconds: 2 } }] },
      });
      expect(result).toMatchObject({ outcome: 'rolled-back', failure: { phase: 'health' } });
      expect(result.failure!.message).toMatch(
        /health check "plugin" failed: GET http:\/\/127\.0\.0\.1:\d+\/health answered 503, expected 200/,
      );
      expectBackup(original);
    } finally {
      server.close();
    }
  });

  it('rolls back when interrupted mid-apply', async () => {
    const original = seed();
    const { plan } = await planAgainst(emulator, desiredText(), THRESHOLDS);
    const interruption = new AbortController();
    // Eight calls go out at once and take 100 ms; the abort comes while they are in flight.
    emulator.faults.add({ method: 'PUT', path: '/rows/', delayMs: 100 });
    const running = deploy(emulator, { plan, signal: interruption.signal });
    setTimeout(() => interruption.abort(), 50);
    const { result } = await running;
    expect(result).toMatchObject({ outcome: 'rolled-back', failure: { phase: 'interrupted' } });
    emulator.faults.clear();
    expectBackup(original);
  });

  it('refuses a stale plan (a live edit since planning) and writes nothing', async () => {
    seed();
    const { plan } = await planAgainst(emulator, desiredText(), THRESHOLDS);
    [...emulator.state.tables.values()][0]!.rows.get('row-20')!.value = 'edited in the UI';
    emulator.log.reset();
    const { result } = await deploy(emulator, { plan });
    expect(result.outcome).toBe('refused');
    expect(result.backup).toBeUndefined();
    expect(result.refusal!.message).toMatch(/^The plan is stale: settings changed since it was computed/);
    expect(result.refusal!.fix).toMatch(/Plan again/);
    expect(writeRequests(emulator)).toBe(0);
  });

  it('delivers a correctly signed invalidation event, and a failing webhook does not fail the deploy', async () => {
    seed();
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(req.url === '/broken' ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      const { plan } = await planAgainst(emulator, desiredText(), { ...THRESHOLDS, environment: 'prod' });
      const { result } = await deploy(emulator, {
        plan,
        webhooks: { urls: [`${base}/hook`, `${base}/broken`], secret: 's3cret' },
        webhookRetry: { timeScale: 0.001 },
      });
      expect(result.outcome).toBe('applied');
      expect(result.webhooks).toEqual([
        { url: `${base}/hook`, ok: true, status: 204, attempts: 1 },
        { url: `${base}/broken`, ok: false, status: 500, attempts: 4, error: 'answered 500' },
      ]);
      const good = received.find((request) => request.headers[SIGNATURE_HEADER] && JSON.parse(request.body))!;
      const expected = `sha256=${createHmac('sha256', 's3cret').update(good.body).digest('hex')}`;
      expect(good.headers[SIGNATURE_HEADER]).toBe(expected);
      expect(JSON.parse(good.body)).toEqual({
        event: 'datatables.deployed',
        reason: 'deploy',
        tables: ['settings'],
        version: 4,
        versions: { settings: 4 },
        deployId: result.deployId,
        digest: plan.digest,
        environment: 'prod',
        actor: 'ci-bot',
        deployedAt: expect.any(String),
      });
      expect(
        received.filter(
          (request) =>
            request.headers['x-datatable-deploy-delivery'] === good.headers['x-datatable-deploy-delivery'],
        ),
      ).toHaveLength(5);
    } finally {
      receiver.close();
    }
  });

  it('does nothing for a plan without changes', async () => {
    seed();
    const unchanged = `${HEAD}rows:\n${Array.from({ length: 40 }, (_, index) => `  row-${String(index).padStart(2, '0')}: { value: v${index}, count: ${index} }\n`).join('')}`;
    const { plan } = await planAgainst(emulator, unchanged);
    emulator.log.reset();
    expect((await deploy(emulator, { plan })).result).toEqual({
      outcome: 'no-changes',
      operations: 0,
    });
    expect(emulator.log.snapshot().total).toBe(0);
  });
});

describe('backups', () => {
  it('refuses a corrupted or truncated backup with a clear message', async () => {
    seed();
    const { plan } = await planAgainst(emulator, desiredText(), THRESHOLDS);
    const { result, root } = await deploy(emulator, { plan });
    const store = new LocalBackupStore(root);
    const files = await store.load(result.backup!);
    const tableFile = [...files.keys()].find((name) => name.startsWith('tables/'))!;
    const tampered = new Map(files);
    tampered.set(tableFile, Buffer.from(files.get(tableFile)!.toString().replace('"v20"', '"v2O"')));
    expect(() => parseBackup(tampered, result.backup!)).toThrow(BackupError);
    expect(() => parseBackup(tampered, result.backup!)).toThrow(
      `the checksum of ${tableFile} (table settings) does not match the manifest`,
    );
    const truncated = new Map(files);
    truncated.delete(tableFile);
    expect(() => parseBackup(truncated, 'b')).toThrow(`the file ${tableFile} of table settings is missing`);
    const noManifest = new Map(files);
    noManifest.delete('manifest.json');
    expect(() => parseBackup(noManifest, 'b')).toThrow('it has no manifest.json');
    await expect(store.load('/nowhere/at/all')).rejects.toThrow(
      /There is no backup at \/nowhere\/at\/all \(ENOENT\)/,
    );
  });
});

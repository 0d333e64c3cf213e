import { describe, expect, it } from 'vitest';
import { backupFiles, parseBackup } from '../../src/deploy/backup.js';
import { Progress } from '../../src/deploy/progress.js';
import { VERSION } from '../../src/version.js';
import { verifyTables } from '../../src/deploy/verify.js';
import { signBody } from '../../src/deploy/webhook.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { buildPlan } from '../../src/plan/build.js';
import { captureLogger } from '../helpers/emulator.js';
import { FakeClock } from '../helpers/clock.js';
import { loadValid } from '../helpers/config.js';
import { liveTable, ORG } from '../helpers/plan.js';

describe('backup files', () => {
  const schema = tableSchema({ value: { type: 'string' } });
  const files = backupFiles({
    manifest: {
      createdAt: '2026-11-22T00:00:00.000Z',
      apiHost: 'api.mypurecloud.com',
      environment: 'prod',
      deployment: 'prod',
      planDigest: `sha256:${'a'.repeat(64)}`,
    },
    tables: [
      { id: 'id-1', name: 'cfg/one', schema, rows: [{ key: 'a', value: 'x' }] },
      { name: 'new_table', existed: false },
    ],
  });

  it('hold a manifest with a checksum per table file and read back whole', () => {
    expect([...files.keys()]).toEqual(['tables/000-cfg_one.json', 'manifest.json']);
    const backup = parseBackup(files, 'mem');
    expect(backup.manifest).toMatchObject({
      formatVersion: 2,
      kind: 'datatable-deploy-backup',
      producer: { name: 'datatable-deploy', version: VERSION },
      apiHost: 'api.mypurecloud.com',
      environment: 'prod',
      deployment: 'prod',
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(backup.manifest.signature).toBeUndefined();
    expect(backup.manifest.tables).toEqual([
      {
        name: 'cfg/one',
        existed: true,
        id: 'id-1',
        rowCount: 1,
        file: 'tables/000-cfg_one.json',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      { name: 'new_table', existed: false },
    ]);
    expect(backup.tables).toEqual([
      { id: 'id-1', name: 'cfg/one', schema, rows: [{ key: 'a', value: 'x' }] },
    ]);
  });

  it('are refused when the manifest is not ours', () => {
    const other = new Map(files);
    other.set('manifest.json', Buffer.from('{"kind":"something-else","tables":[]}'));
    expect(() => parseBackup(other, 'mem')).toThrow('is not a datatable-deploy backup manifest of format 2');
    other.set('manifest.json', Buffer.from('{'));
    expect(() => parseBackup(other, 'mem')).toThrow('manifest.json is not valid JSON');
  });
});

describe('verification', () => {
  const config = loadValid(
    'table: t\ncolumns:\n  value: { type: string }\n  n: { type: number }\n  version: { type: integer, managed: version }\nrows:\n  a: { value: new, n: 1.0 }\n  b: {}\n',
  );
  const schema = tableSchema({
    value: { type: 'string' },
    n: { type: 'number' },
    version: { type: 'integer' },
  });
  const plan = buildPlan(
    [config],
    [
      liveTable('t', schema, [
        { key: 'a', value: 'old', n: 1, version: 1 },
        { key: 'gone', value: '', n: 0, version: 1 },
      ]),
    ],
    ORG,
  );
  const stamp = { version: 2, actor: 'ci' };

  it('accepts tables that read back as planned, stamps included', () => {
    const after = liveTable('t', schema, [
      { key: 'a', value: 'new', n: 1, version: 2 },
      { key: 'b', value: '', n: 0, version: 2 },
    ]);
    expect(verifyTables(plan.tables, [after], stamp)).toEqual([]);
  });

  it('names every difference: a wrong cell, a missing row, a row that should be gone, the count', () => {
    const after = liveTable('t', schema, [
      { key: 'a', value: 'newer', n: 1, version: 2 },
      { key: 'gone', value: '', n: 0, version: 1 },
    ]);
    expect(verifyTables(plan.tables, [after], stamp).map((item) => item.message)).toEqual([
      't: row "b" is missing.',
      't: row "a", column "value" is newer; expected new.',
      't: row "gone" should be deleted but is still there.',
    ]);
  });
});

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of the exact body, GitHub-style', () => {
    expect(signBody('{"a":1}', 'secret')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signBody('{"a":1}', 'secret')).not.toBe(signBody('{"a":2}', 'secret'));
    expect(signBody('{"a":1}', 'secret')).not.toBe(signBody('{"a":1}', 'other'));
  });
});

describe('progress', () => {
  it('reports at most once per interval, then a closing line', async () => {
    const clock = new FakeClock();
    const logger = captureLogger();
    const progress = new Progress('rows written', 100, logger, clock, 10_000);
    for (let index = 0; index < 100; index++) {
      progress.tick();
      await clock.sleep(500);
    }
    progress.finish();
    expect(logger.lines).toEqual([
      // 21 rows in 10 s: 2.1/s, 79 left → 38 s.
      'info: rows written: 21 of 100 (21%), 2.1/s, about 38 s left',
      'info: rows written: 41 of 100 (41%), 2.0/s, about 29 s left',
      'info: rows written: 61 of 100 (61%), 2.0/s, about 20 s left',
      'info: rows written: 81 of 100 (81%), 2.0/s, about 10 s left',
      'info: rows written: 100 of 100 done in 50.0 s (2.0/s)',
    ]);
  });
});

import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestChecksum } from '../../src/deploy/backup-checks.js';
import type { BackupManifest, BackupTable } from '../../src/deploy/backup.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { SIGNING_KEY_VARIABLE } from '../../src/plan/signing.js';
import { rowsOf } from '../helpers/deploy.js';
import { countRequests, emulatorWith, seedTable, useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

/**
 * `rollback` restores only a backup that is whole, consistent and of this org, environment and
 * deployment, and deletes only the tables its deploy's journal shows it created. Every refusal
 * exits 1 with the reason and the fix, and writes nothing.
 */
const emulator = useEmulator();
let otherOrg: RunningEmulator;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-backup-binding-'));
  otherOrg = await emulatorWith();
});
afterAll(async () => {
  await otherOrg.close();
  await rm(dir, { recursive: true, force: true });
});

const KEY = 'another-signing-key-long-enough-0123456789';
const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const CONFIG = (table: string, value: string) =>
  `table: ${table}\nenvironment: prod\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: ${value} }\n`;
const host = (org: RunningEmulator) => new URL(org.url).host;
const writes = (org: RunningEmulator) => countRequests(org, /^(POST|PUT|DELETE) \/api\/v2\/flows/);
/** The CLI in this process, at a rate budget that does not slow the test down. */
const cli = (args: string[], env: NodeJS.ProcessEnv = {}, org: RunningEmulator = emulator) =>
  runCliInProcess([...args, '--rate-limit', '60000'], { ...emulatorEnv(org), ...env }, dir);
let innocentId: string;
let counter = 0;

/**
 * The org before the deploy: `jobs` (a: old) and an unrelated `innocent_table`. The deploy
 * changes jobs and creates new_table; returns its backup directory (manifest, tables, journal).
 */
async function deployedBackup(env: NodeJS.ProcessEnv = {}): Promise<string> {
  emulator.state.load({ tables: [{ name: 'jobs', schema: SCHEMA, rows: [{ key: 'a', value: 'old' }] }] });
  innocentId = seedTable(emulator, 'innocent_table', [{ key: 'keep', value: 'me' }], SCHEMA);
  await writeFile(join(dir, 'jobs.yaml'), CONFIG('jobs', 'new'));
  await writeFile(join(dir, 'new.yaml'), CONFIG('new_table', 'x'));
  const root = `backups-${++counter}`;
  const args = ['apply', 'jobs.yaml', 'new.yaml', '--environment', 'prod', '--yes', '--backup-dir', root];
  const applied = await cli(args, env);
  expect(applied.code).toBe(0);
  const [name] = (await readdir(join(dir, root))).filter((entry) => !entry.startsWith('.'));
  emulator.log.reset();
  return join(dir, root, name!);
}

type Forgery = (parts: { manifest: BackupManifest; table: BackupTable }) => void;

/**
 * Edits a backup as a forger would: the table file rewritten with its sha256 recomputed in the
 * manifest, and the manifest's checksum recomputed (unless told not to).
 */
async function forge(backup: string, edit: Forgery, { checksum = true } = {}): Promise<void> {
  const manifest = JSON.parse(await readFile(join(backup, 'manifest.json'), 'utf8')) as BackupManifest;
  const entry = manifest.tables.find((item) => item.existed)!;
  const table = JSON.parse(await readFile(join(backup, entry.file!), 'utf8')) as BackupTable;
  edit({ manifest, table });
  const bytes = Buffer.from(JSON.stringify(table));
  await writeFile(join(backup, entry.file!), bytes);
  if (manifest.tables.includes(entry)) entry.sha256 = createHash('sha256').update(bytes).digest('hex');
  if (checksum) manifest.checksum = manifestChecksum(manifest);
  await writeFile(join(backup, 'manifest.json'), JSON.stringify(manifest));
}

function expectRefused(run: { code: number; stderr: string }, message: string, fix: string): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(message);
  expect(run.stderr).toContain(`fix: ${fix}`);
  expect(writes(emulator)).toBe(0);
  expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'new' });
  expect(rowsOf(emulator, 'innocent_table').get('keep')).toEqual({ key: 'keep', value: 'me' });
}
const UNUSABLE = 'Use another backup; this one is incomplete, was changed after it was written';

describe('rollback restores a genuine backup', () => {
  it('rows back, and deletes by id the table the journal shows the deploy created', async () => {
    const backup = await deployedBackup();
    const manifest = JSON.parse(await readFile(join(backup, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({
      formatVersion: 2,
      producer: { name: 'datatable-deploy' },
      apiHost: host(emulator),
      environment: 'prod',
      deployment: 'prod',
      planDigest: expect.stringMatching(/^sha256:/),
      checksum: manifestChecksum(manifest),
      tables: [
        { name: 'jobs', existed: true, rowCount: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { name: 'new_table', existed: false },
      ],
    });
    const journal = await readFile(join(backup, 'journal.jsonl'), 'utf8');
    const createdId = [...emulator.state.tables.values()].find((table) => table.name === 'new_table')!.id;
    expect(journal).toContain(`"op":"create-table","status":"done","tableId":"${createdId}"`);

    const run = await cli([
      'rollback',
      '--backup',
      backup,
      '--environment',
      'prod',
      '--deployment',
      'prod',
      '--yes',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Target: org ${host(emulator)}, environment prod, deployment prod.`);
    expect(run.stdout).toContain(
      `  new_table: created by the deploy (id ${createdId}); the table is deleted`,
    );
    expect(run.stdout).toContain('Restored: the live tables equal the backup.');
    expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'old' });
    expect([...emulator.state.tables.values()].map((table) => table.name).sort()).toEqual([
      'innocent_table',
      'jobs',
    ]);
  });

  it('shows the binding before it asks, and writes nothing without --yes off a terminal', async () => {
    const backup = await deployedBackup();
    const run = await cli(['rollback', '--backup', backup]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Target: org ${host(emulator)}, environment prod, deployment prod.`);
    expect(run.stderr).toContain('Refusing to restore without --yes: there is no terminal to ask on.');
    expect(writes(emulator)).toBe(0);
  });

  it('leaves a created table in place when there is no journal, and says so', async () => {
    const backup = await deployedBackup();
    await unlink(join(backup, 'journal.jsonl'));
    const run = await cli(['rollback', '--backup', backup, '--yes']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('note: there is no journal.jsonl in');
    expect(run.stdout).toContain('  new_table: left in place: no journal of this deploy shows it created it');
    expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'old' });
    expect(rowsOf(emulator, 'new_table').size).toBe(1);
  });

  it('signed, with the key', async () => {
    const backup = await deployedBackup({ [SIGNING_KEY_VARIABLE]: KEY });
    const manifest = JSON.parse(await readFile(join(backup, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest.signature).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const run = await cli(['rollback', '--backup', backup, '--yes'], { [SIGNING_KEY_VARIABLE]: KEY });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('signature and checksums verified.');
    expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'old' });
  });
});

describe('rollback refuses a backup bound elsewhere', () => {
  it('of another org', async () => {
    const backup = await deployedBackup();
    otherOrg.log.reset();
    const run = await cli(['rollback', '--backup', backup, '--yes'], {}, otherOrg);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `it was made against the org at ${host(emulator)}, not ${host(otherOrg)}. Nothing was written.`,
    );
    expect(run.stderr).toContain('fix: Restore a backup made for this org, environment and deployment');
    expect(otherOrg.log.snapshot().total).toBe(0);
  });

  it('of another environment or deployment', async () => {
    const backup = await deployedBackup();
    const staging = await cli(['rollback', '--backup', backup, '--environment', 'staging', '--yes']);
    expectRefused(
      staging,
      'it is for environment "prod", not "staging"',
      'Restore a backup made for this org',
    );
    const blue = await cli(['rollback', '--backup', backup, '--deployment', 'blue', '--yes']);
    expectRefused(blue, 'it is for deployment "prod", not "blue"', 'Restore a backup made for this org');
  });
});

describe('rollback refuses a forged or damaged backup', () => {
  const cases: Array<{ name: string; forgery: Forgery; message: () => string; checksum?: boolean }> = [
    {
      name: 'tables: [] with the checksum recomputed',
      forgery: ({ manifest }) => (manifest.tables = []),
      message: () => 'its manifest lists no tables, so there is nothing it could restore',
    },
    {
      name: 'a manifest without checksum',
      forgery: ({ manifest }) => delete (manifest as Partial<BackupManifest>).checksum,
      message: () => 'manifest.json carries no checksum',
      checksum: false,
    },
    {
      name: 'a manifest edited, checksum not recomputed',
      forgery: ({ manifest }) => (manifest.environment = 'staging'),
      message: () => 'manifest.json does not match its checksum',
      checksum: false,
    },
    {
      name: 'a table file with its rows wiped, sha256 recomputed',
      forgery: ({ table }) => (table.rows = []),
      message: () => 'does not hold the 1 rows the manifest lists',
    },
    {
      name: 'a table file whose id points at another table, sha256 recomputed',
      forgery: ({ table }) => (table.id = innocentId),
      message: () =>
        `tables/000-jobs.json holds table "jobs" (id "${innocentId}"), but the manifest lists jobs (id`,
    },
    {
      name: 'a keyless row, sha256 recomputed',
      forgery: ({ manifest, table }) => {
        table.rows.push({ value: 'no key' });
        manifest.tables[0]!.rowCount = 2;
      },
      message: () => 'row 2 of tables/000-jobs.json (table jobs) has no key (a non-empty string)',
    },
    {
      name: 'a duplicate key, sha256 recomputed',
      forgery: ({ manifest, table }) => {
        table.rows.push({ key: 'a', value: 'again' });
        manifest.tables[0]!.rowCount = 2;
      },
      message: () => 'tables/000-jobs.json (table jobs) holds the row "a" twice',
    },
    {
      name: 'a schema without the key column, sha256 recomputed',
      forgery: ({ table }) => delete table.schema.properties.key,
      message: () => 'the schema in tables/000-jobs.json (table jobs) has no key column',
    },
  ];

  it.each(cases)('$name', async ({ forgery, message, checksum }) => {
    const backup = await deployedBackup();
    await forge(backup, forgery, { checksum });
    const run = await cli(['rollback', '--backup', backup, '--yes']);
    expectRefused(run, message(), UNUSABLE);
  });

  it('an id pointed at another table in both the manifest and the file: the live name differs', async () => {
    const backup = await deployedBackup();
    await forge(backup, ({ manifest, table }) => {
      table.id = innocentId;
      manifest.tables[0]!.id = innocentId;
    });
    const run = await cli(['rollback', '--backup', backup, '--yes']);
    expectRefused(
      run,
      `holds table jobs (id ${innocentId}), but that id is now table innocent_table. Nothing was written.`,
      'Check that this backup belongs to this org',
    );
  });

  it('innocent_table added as created by the deploy, checksum recomputed: left in place', async () => {
    const backup = await deployedBackup();
    await cli(['rollback', '--backup', backup, '--yes']); // back to the state before the deploy
    emulator.log.reset();
    await forge(backup, ({ manifest }) => manifest.tables.push({ name: 'innocent_table', existed: false }));
    const run = await cli(['rollback', '--backup', backup, '--yes']);
    expect(run.stdout).toContain(
      '  innocent_table: left in place: no journal of this deploy shows it created it',
    );
    expect(run.code).toBe(0);
    expect(writes(emulator)).toBe(0);
    expect(rowsOf(emulator, 'innocent_table').get('keep')).toEqual({ key: 'keep', value: 'me' });
  });

  it('with a key: any forgery whose checksums were all recomputed, and an unsigned backup', async () => {
    const signed = await deployedBackup({ [SIGNING_KEY_VARIABLE]: KEY });
    const copy = `${signed}-copy`;
    await cp(signed, copy, { recursive: true });
    await forge(signed, ({ manifest, table }) => {
      table.rows = [];
      manifest.tables[0]!.rowCount = 0;
      manifest.tables.push({ name: 'innocent_table', existed: false });
    });
    const forged = await cli(['rollback', '--backup', signed, '--yes'], { [SIGNING_KEY_VARIABLE]: KEY });
    expectRefused(
      forged,
      'cannot be used: its signature does not match its content with the configured signing key',
      'Use a backup written with this signing key',
    );
    await forge(copy, ({ manifest }) => delete manifest.signature);
    const unsigned = await cli(['rollback', '--backup', copy, '--yes'], { [SIGNING_KEY_VARIABLE]: KEY });
    expectRefused(
      unsigned,
      'cannot be used: it is not signed, and a signing key is configured',
      'Use a backup written with the same signing key (DATATABLE_DEPLOY_SIGNING_KEY)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { manifestChecksum } from '../../src/deploy/backup-checks.js';
import { backupFiles, MANIFEST, parseBackup } from '../../src/deploy/backup.js';
import {
  createdTablesOf,
  CreatedTablesRecorder,
  MemoryJournal,
  parseJournal,
} from '../../src/deploy/journal.js';
import { BackupError, ConfigurationError } from '../../src/errors.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { buildPlan, planDigest } from '../../src/plan/build.js';
import { checkPlanBinding, readPlan, serializePlan } from '../../src/plan/plan-file.js';
import {
  signatureOf,
  signingKeyFrom,
  UNCHECKED_SIGNATURE_WARNING,
  verifySignature,
} from '../../src/plan/signing.js';
import { loadValid } from '../helpers/config.js';
import { liveTable, ORG } from '../helpers/plan.js';

const KEY = 'unit-test-signing-key-0123456789';
const OTHER_KEY = 'another-unit-test-key-0123456789';

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('signatures', () => {
  it('are HMAC-SHA256 per kind and key, over the canonical value', () => {
    const signature = signatureOf('plan', { b: 1, a: [1, 2] }, KEY);
    expect(signature).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(signatureOf('plan', { a: [1, 2], b: 1 }, KEY)).toBe(signature);
    expect(signatureOf('backup-manifest', { b: 1, a: [1, 2] }, KEY)).not.toBe(signature);
    expect(signatureOf('plan', { b: 1, a: [1, 2] }, OTHER_KEY)).not.toBe(signature);
  });

  it('are checked only with a key; without one a signed value passes, unchecked', () => {
    const value = { a: 1 };
    const signature = signatureOf('plan', value, KEY);
    expect(verifySignature('plan', value, signature, KEY)).toEqual({ ok: true, unchecked: false });
    expect(verifySignature('plan', value, signature, undefined)).toEqual({ ok: true, unchecked: true });
    expect(verifySignature('plan', value, undefined, undefined)).toEqual({ ok: true, unchecked: false });
    expect(verifySignature('plan', value, undefined, KEY)).toMatchObject({ ok: false, why: /not signed/ });
    expect(verifySignature('plan', { a: 2 }, signature, KEY)).toMatchObject({
      ok: false,
      why: /does not match/,
    });
    expect(verifySignature('plan', value, signature, OTHER_KEY)).toMatchObject({ ok: false });
    expect(verifySignature('plan', value, 'hmac-sha256:00', KEY)).toMatchObject({ ok: false });
    expect(verifySignature('plan', value, 42, KEY)).toMatchObject({ ok: false });
  });

  it('need a key that is not empty or short', () => {
    expect(signingKeyFrom(undefined, 'X')).toBeUndefined();
    expect(signingKeyFrom(KEY, 'X')).toBe(KEY);
    expect(() => signingKeyFrom('', 'X')).toThrow('X is set but empty; a signing key needs at least 16.');
    expect(() => signingKeyFrom('short', 'X')).toThrow(ConfigurationError);
  });
});

describe('plan files', () => {
  const config = loadValid('table: t\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: x }\n');
  const schema = tableSchema({ value: { type: 'string' } });
  const plan = buildPlan([config], [liveTable('t', schema, [])], { ...ORG, environment: 'prod' });

  it('are signed with a key, and read back with it', () => {
    const text = serializePlan(plan, KEY);
    expect(JSON.parse(text).signature).toMatch(/^hmac-sha256:/);
    expect(readPlan(text, 'p.json', { signingKey: KEY })).toEqual({
      ...plan,
      signature: JSON.parse(text).signature,
    });
  });

  it('signed, are accepted without a key on their digest alone, with one warning', () => {
    const warnings: string[] = [];
    readPlan(serializePlan(plan, KEY), 'p.json', { warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([UNCHECKED_SIGNATURE_WARNING]);
    readPlan(serializePlan(plan), 'p.json', { warn: (message) => warnings.push(message) });
    expect(warnings).toHaveLength(1);
  });

  it('are refused with a key when unsigned, signed with another key, or re-signed content changed', () => {
    expect(() => readPlan(serializePlan(plan), 'p.json', { signingKey: KEY })).toThrow(
      'p.json is not a usable plan: it is not signed, and a signing key is configured.',
    );
    expect(() => readPlan(serializePlan(plan, OTHER_KEY), 'p.json', { signingKey: KEY })).toThrow(
      /its signature does not match its content with the configured signing key/,
    );
    const edited = JSON.parse(serializePlan(plan, KEY));
    edited.environment = 'staging';
    expect(() => readPlan(JSON.stringify(edited), 'p.json', { signingKey: KEY })).toThrow(
      /signature does not match/,
    );
  });

  it('are refused when a table to change has no id', () => {
    const forged = JSON.parse(serializePlan(plan));
    delete forged.tables[0].id;
    const { digest: _digest, ...body } = forged;
    const text = JSON.stringify({ ...body, digest: planDigest(body) });
    expect(() => readPlan(text, 'p.json')).toThrow('table t has no id, and the plan does not create it');
  });

  it('are bound: another org, environment or deployment is refused, each named', () => {
    expect(() =>
      checkPlanBinding(plan, { apiHost: ORG.apiHost, environment: 'prod', deployment: 'prod' }),
    ).not.toThrow();
    const error = thrown(() =>
      checkPlanBinding(
        plan,
        { apiHost: 'api.usw2.pure.cloud', environment: 'staging', deployment: 'blue' },
        'p.json',
      ),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      'Refusing to apply p.json: it was made against the org at api.mypurecloud.com, not api.usw2.pure.cloud; ' +
        'it is for environment "prod", not "staging"; it is for deployment "prod", not "blue". Nothing was written.',
    );
  });
});

describe('backup manifests', () => {
  const schema = tableSchema({ value: { type: 'string' } });
  const backup = {
    manifest: {
      createdAt: '2026-11-22T00:00:00.000Z',
      apiHost: ORG.apiHost,
      deployment: 'default',
      planDigest: `sha256:${'b'.repeat(64)}`,
    },
    tables: [{ id: 'id-1', name: 't', schema, rows: [{ key: 'a', value: 'x' }] }],
  };

  it('are signed with a key; with one, unsigned or wrongly signed ones are refused', () => {
    const signed = backupFiles(backup, KEY);
    expect(parseBackup(signed, 'b', { signingKey: KEY }).manifest.signature).toMatch(/^hmac-sha256:/);
    const unsigned = thrown(() => parseBackup(backupFiles(backup), 'b', { signingKey: KEY }));
    expect(unsigned).toBeInstanceOf(BackupError);
    expect(unsigned.message).toBe(
      'The backup at b cannot be used: it is not signed, and a signing key is configured.',
    );
    expect(() => parseBackup(backupFiles(backup, OTHER_KEY), 'b', { signingKey: KEY })).toThrow(
      /its signature does not match/,
    );
    const warnings: string[] = [];
    parseBackup(signed, 'b', { warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([UNCHECKED_SIGNATURE_WARNING]);
  });

  it('are refused when an entry points outside tables/', () => {
    const files = backupFiles(backup);
    const manifest = JSON.parse(files.get(MANIFEST)!.toString());
    manifest.tables[0].file = '../../etc/passwd';
    const { checksum: _checksum, ...body } = manifest;
    files.set(MANIFEST, Buffer.from(JSON.stringify({ ...body, checksum: manifestChecksum(body) })));
    expect(() => parseBackup(files, 'b')).toThrow(/its manifest\/tables\/0\/file must match pattern/);
  });
});

describe('the journal', () => {
  const created = {
    phase: 'deploy',
    op: 'create-table',
    status: 'done',
    table: 'new',
    tableId: 'id-9',
  } as const;

  it('shows the tables a deploy created, done and with an id, and survives a torn last line', () => {
    const text = [
      JSON.stringify({ at: 't', ...created, status: 'started', tableId: undefined }),
      JSON.stringify({ at: 't', ...created }),
      JSON.stringify({ at: 't', ...created, phase: 'restore', table: 'other' }),
      '{"at":"t","phase":"deploy","op":"create-table","sta',
    ].join('\n');
    expect(createdTablesOf(parseJournal(text))).toEqual(new Map([['new', 'id-9']]));
  });

  it('is observed by the recorder as entries are appended', () => {
    const inner = new MemoryJournal();
    const recorder = new CreatedTablesRecorder(inner);
    recorder.append({ ...created, status: 'started' });
    expect(recorder.created.size).toBe(0);
    recorder.append(created);
    expect(recorder.created).toEqual(new Map([['new', 'id-9']]));
    expect(inner.entries).toHaveLength(2);
  });
});

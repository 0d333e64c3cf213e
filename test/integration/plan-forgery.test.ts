import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { SIGNING_KEY_VARIABLE } from '../../src/plan/signing.js';
import { countRequests, useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

/**
 * A signed plan edited after signing is refused, even when its rows are shaped to confuse the
 * canonical form (a column whose name holds NUL once made two key lists share one cache entry,
 * leaving a row's values out of the digest and the signature).
 */
const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-plan-forgery-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const KEY = 'a-signing-key-of-enough-length-0123456789';

it('refuses a signed plan whose row values were edited after signing', async () => {
  emulator.state.load({
    tables: [
      {
        name: 'jobs',
        schema: tableSchema({
          value: { type: 'string', displayOrder: 1 },
          note: { type: 'string', displayOrder: 2 },
          value_note: { type: 'string', displayOrder: 3 },
        }),
        rows: [],
      },
    ],
  });
  await writeFile(
    join(dir, 'jobs.yaml'),
    'table: jobs\nenvironment: prod\nprune: false\ncolumns:\n  value: { type: string }\n  note: { type: string }\n  value_note: { type: string }\nrows:\n  a0: { value_note: x }\n  a1: { value: benign, note: benign }\n',
  );
  const env = { ...emulatorEnv(emulator), [SIGNING_KEY_VARIABLE]: KEY };
  const planned = await runCliInProcess(['plan', 'jobs.yaml', '--out', 'plan.json'], env, dir);
  expect(planned.code, planned.stderr).toBe(0);
  const text = await readFile(join(dir, 'plan.json'), 'utf8');
  const forged = text
    .replace(/"value": "benign"/, '"value": "EVIL"')
    .replace(/"note": "benign"/, '"note": "EVIL"');
  expect(forged).not.toBe(text);
  await writeFile(join(dir, 'plan.json'), forged);
  emulator.log.reset();
  const applied = await runCliInProcess(['apply', '--plan', 'plan.json', '--yes'], env, dir);
  expect(applied.code).toBe(1);
  expect(applied.stderr).toMatch(/does not match/);
  expect(countRequests(emulator, /^(POST|PUT|DELETE) \/api\/v2\/flows/)).toBe(0);
});

import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, type RuleId } from '../../src/config/findings.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { writeRequests } from '../helpers/deploy.js';
import { useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, ROOT, runCliInProcess } from '../helpers/processes.js';

const DIR = resolve(ROOT, 'test/fixtures/invalid');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  { rule: RuleId }
>;
// Files whose one finding is an error (a warning alone does not stop a deploy).
const FILES = readdirSync(DIR).filter(
  (name) => name.endsWith('.yaml') && RULES[EXPECTED[name]!.rule][0] === 'error',
);

const emulator = useEmulator();
let backups: string;
beforeAll(async () => {
  backups = await mkdtemp(join(tmpdir(), 'datatable-deploy-hostile-'));
});
afterAll(() => rm(backups, { recursive: true, force: true }));

/** The table a fixture names, when its text names one plainly. */
function tableOf(file: string): string | undefined {
  return /^table:\s*['"]?([^'"\n#]+?)['"]?\s*$/m.exec(readFileSync(join(DIR, file), 'latin1'))?.[1];
}

describe('apply of every invalid config file', () => {
  it.each(FILES)('%s: exit 1, located findings, nothing written, the live table untouched', async (file) => {
    const table = tableOf(file) ?? 't';
    // A live table the file would own: with prune, a file read as "no rows" would wipe it.
    emulator.state.load({
      tables: [
        {
          name: table,
          schema: tableSchema({ key: { type: 'string' }, queue: { type: 'string', displayOrder: 1 } }),
          rows: [
            { key: 'a', queue: 'q1' },
            { key: 'b', queue: 'q2' },
          ],
        },
      ],
    });
    const before = JSON.stringify(emulator.state.dump());
    const run = await runCliInProcess(
      ['apply', join(DIR, file), '--yes', '--backup-dir', backups],
      emulatorEnv(emulator),
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+:\\d+ error `));
    expect(run.stderr).toContain('nothing was planned');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    expect(writeRequests(emulator)).toBe(0);
    expect(JSON.stringify(emulator.state.dump())).toBe(before);
  });
});

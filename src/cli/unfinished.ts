import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeployResult } from '../deploy/pipeline.js';
import { JOURNAL_FILE, parseJournal } from '../deploy/journal.js';
import { exitCodeOf } from './exit-codes.js';
import { writeLine, type CliIo } from './io.js';

/** Written into the backup directory when an apply ends: a directory without it never ended. */
export const RESULT_FILE = 'result.json';

/** Records how the apply whose backup is in `directory` ended. */
export async function recordResult(directory: string, result: DeployResult): Promise<void> {
  const record = {
    outcome: result.outcome,
    exitCode: exitCodeOf(result.outcome),
    version: result.version ?? null,
    operations: result.operations,
    restored: result.restore?.restored ?? null,
  };
  await writeFile(join(directory, RESULT_FILE), `${JSON.stringify(record, null, 2)}\n`, { flush: true });
}

/**
 * Backups under `root` whose apply started writing (a journal) and never ended (no result):
 * killed, or the machine went away. Newest first.
 */
export async function unfinishedApplies(root: string): Promise<Array<{ directory: string; done: number }>> {
  let names: string[];
  try {
    names = (await readdir(root)).filter((name) => name.startsWith('backup-'));
  } catch {
    return [];
  }
  const found: Array<{ directory: string; done: number; at: number }> = [];
  for (const name of names) {
    const directory = join(root, name);
    const journal = await readFile(join(directory, JOURNAL_FILE), 'utf8').catch(() => undefined);
    if (journal === undefined) continue;
    if (
      await stat(join(directory, RESULT_FILE)).then(
        () => true,
        () => false,
      )
    )
      continue;
    const entries = parseJournal(journal);
    const done = entries.filter((entry) => entry.phase === 'deploy' && entry.status === 'done').length;
    found.push({ directory, done, at: (await stat(join(directory, JOURNAL_FILE))).mtimeMs });
  }
  return found.sort((a, b) => b.at - a.at).map(({ directory, done }) => ({ directory, done }));
}

/** Says, before anything is written, that an earlier apply never ended, and what to do about it. */
export async function warnUnfinished(root: string, io: CliIo, command: 'apply' | 'rollback'): Promise<void> {
  for (const { directory, done } of await unfinishedApplies(root)) {
    writeLine(
      io.stderr,
      `warning: an earlier apply did not finish (it was killed after ${done} write(s); backup and journal in ${directory}), so the live tables may hold part of it. ${
        command === 'apply'
          ? 'This apply plans against the tables as they are and takes them to the config.'
          : 'Restoring its backup puts the tables back as they were before it.'
      } To go back to before that apply instead: datatable-deploy rollback --backup ${directory}`,
    );
  }
}

/** After a rollback of that backup, the unfinished apply is dealt with. */
export async function markRestored(directory: string): Promise<void> {
  if (
    !(await stat(join(directory, JOURNAL_FILE)).then(
      () => true,
      () => false,
    ))
  )
    return;
  if (
    await stat(join(directory, RESULT_FILE)).then(
      () => true,
      () => false,
    )
  )
    return;
  await writeFile(
    join(directory, RESULT_FILE),
    `${JSON.stringify({ outcome: 'unfinished', restoredAt: new Date().toISOString() }, null, 2)}\n`,
    { flush: true },
  );
}

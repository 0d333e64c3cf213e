import { resolve } from 'node:path';
import { systemClock } from '../clock.js';
import { LocalBackupStore, parseBackup } from '../deploy/backup.js';
import { FileJournal } from '../deploy/journal.js';
import { restoreBackup, restorePlans } from '../deploy/restore.js';
import { ConfigurationError } from '../errors.js';
import { stderrLogger } from '../logger.js';
import { readTables } from '../plan/snapshot.js';
import { confirm } from './confirm.js';
import { clientFromOptions, CONNECTION_HELP, CONNECTION_OPTIONS } from './connection.js';
import { restoreLines } from './deploy-output.js';
import { writeLine, type CliIo } from './io.js';
import { parseOptions } from './options.js';

const HELP = `Usage: datatable-deploy rollback --backup DIR [--yes] [connection options]

Restores a backup made by apply: verifies its checksums, shows what the restore would change,
applies it, and reads the tables back to prove they equal the backup.

  --backup DIR     the backup directory (it holds manifest.json)
  --yes            do not ask; required when not on a terminal
${CONNECTION_HELP}

Exit codes: 0 restored, 1 unusable backup or error, 5 the restore did not finish.`;

export async function runRollbackCommand(args: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { values } = parseOptions('rollback', args, {
    backup: { type: 'string' },
    yes: { type: 'boolean' },
    ...CONNECTION_OPTIONS,
  });
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  if (!values.backup)
    throw new ConfigurationError(
      'rollback needs --backup DIR.',
      'Give the backup directory that apply printed.',
    );
  const location = resolve(cwd, values.backup);
  const backup = parseBackup(await new LocalBackupStore(cwd).load(location), location);
  writeLine(
    io.stdout,
    `Backup of ${backup.manifest.createdAt}${backup.manifest.environment ? ` (${backup.manifest.environment})` : ''}, plan ${backup.manifest.planDigest ?? 'unknown'}: checksums verified.`,
  );

  const client = clientFromOptions(io, values);
  const live = await readTables(
    client.tables,
    backup.tables.map((table) => ({ id: table.id })),
  );
  const preview = restorePlans(backup.tables, live, client.budget.stats().currentRatePerMinute);
  let changes = 0;
  for (const plan of preview) {
    changes += plan.creates.length + plan.updates.length + plan.deletes.length;
    writeLine(
      io.stdout,
      `  ${plan.name}: ${plan.creates.length} rows to put back, ${plan.updates.length} to revert, ${plan.deletes.length} to remove`,
    );
  }
  for (const entry of backup.manifest.tables.filter((table) => !table.existed))
    writeLine(io.stdout, `  ${entry.name}: did not exist before; it is deleted if it exists now`);
  if (changes === 0 && backup.manifest.tables.every((table) => table.existed)) {
    writeLine(io.stdout, 'The live tables already equal the backup.');
    return 0;
  }
  if (
    !values.yes &&
    !(await confirm(io, { verb: 'restore', question: 'Restore this backup?', reviewed: 'the preview' }))
  )
    return 1;
  const journal = new FileJournal(resolve(location, `restore-${Date.now()}.journal.jsonl`));
  try {
    const report = await restoreBackup(
      backup,
      { tables: client.tables, journal, logger: stderrLogger(), clock: systemClock },
      client.budget.stats().currentRatePerMinute,
    );
    for (const line of restoreLines(report)) writeLine(io.stdout, line);
    writeLine(
      io.stdout,
      report.restored
        ? 'Restored: the live tables equal the backup.'
        : `The restore did not finish; the backup is at ${location}.`,
    );
    return report.restored ? 0 : 5;
  } finally {
    journal.close();
  }
}

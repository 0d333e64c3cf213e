import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { guardExport } from '../config/export-guard.js';
import type { Finding } from '../config/findings.js';
import { configFromLive } from '../config/from-live.js';
import { renderConfig } from '../config/render.js';
import { ConfigurationError } from '../errors.js';
import { clientFromOptions, CONNECTION_HELP, CONNECTION_OPTIONS } from './connection.js';
import { writeLine, type CliIo } from './io.js';
import { parseOptions } from './options.js';
import { checkOutputFile } from './paths.js';

const HELP = `Usage: datatable-deploy export --table NAME [--out FILE] [--environment E] [--include-flagged]
                              [connection options]

Writes a live data table as a config file: its columns (in display order, with their stored
settings) and every row. The on-ramp for existing tables: planning the file right after shows
no changes. Cells that hold the column's default are left out (the service fills them).

  --table NAME      the table's exact name
  --out FILE        where to write (default: standard output)
  --environment E   bind the file to an environment
  --include-flagged write values the secret and personal-data guard flags, each with an
                    allow annotation (default: such rows are withheld, the file gets
                    prune: false so that they stay as they are live, and stderr lists them)
${CONNECTION_HELP}`;

export async function runExportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('export', args, {
    table: { type: 'string' },
    out: { type: 'string' },
    environment: { type: 'string' },
    'include-flagged': { type: 'boolean' },
    ...CONNECTION_OPTIONS,
  });
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  if (!values.table)
    throw new ConfigurationError(
      'export needs --table NAME.',
      'Run "datatable-deploy tables" to list the names.',
    );
  const cwd = io.cwd ?? process.cwd();
  // Checked before the table is read: a path that cannot be written must not cost the reads.
  const out = values.out === undefined ? undefined : resolve(cwd, values.out);
  if (values.out) await checkOutputFile('--out', values.out, cwd);
  const client = clientFromOptions(io, values);
  const { table, rows } = await readLiveTable(client, values.table);
  const live = configFromLive({ ...table, schema: table.schema }, rows, {
    ...(values.environment ? { environment: values.environment } : {}),
  });
  const { config, withheld, allowed, findings } = guardExport(live, {
    includeFlagged: values['include-flagged'] === true,
  });
  const header = exportHeader(new URL(client.endpoints.apiBase).host, rows.length, withheld);
  const text = renderConfig(config, { header });
  if (values.out) {
    await writeFile(out!, text);
    writeLine(
      io.stderr,
      `Wrote ${table.name} (${config.columns.length + 1} columns, ${config.rows.length} rows) to ${values.out}.`,
    );
  } else {
    io.stdout.write(text);
  }
  reportFlagged(io, withheld, allowed);
  // Live tables can hold what config files may not (unsafe keys, over-long values): say so now.
  if (findings.length > 0) {
    writeLine(
      io.stderr,
      `warning: the exported file has ${findings.length} finding${findings.length === 1 ? '' : 's'}; run "datatable-deploy validate" on it before planning.`,
    );
  }
  return 0;
}

/** The table by its exact name, with its rows; refused when there is none. */
async function readLiveTable(client: ReturnType<typeof clientFromOptions>, name: string) {
  const table = await client.tables.findTableByName(name);
  if (!table?.schema) {
    throw new ConfigurationError(
      `There is no data table named "${name}" at ${client.endpoints.apiBase}.`,
      'Names are exact; run "datatable-deploy tables" to list them.',
    );
  }
  return { table: { ...table, schema: table.schema }, rows: await client.tables.listRows(table.id) };
}

/** The exported file's opening comments: its schema, its origin, and the rows withheld. */
function exportHeader(host: string, rowCount: number, withheld: Finding[]): string {
  return [
    '# yaml-language-server: $schema=https://datatable-deploy.dev/schema/datatable-config.schema.json',
    `# Exported by datatable-deploy from ${host} (${rowCount} rows).`,
    ...(withheld.length > 0
      ? [
          `# ${withheldRows(withheld)} withheld: they hold values the secret guard flags (see the export's`,
          '# messages). prune: false keeps them as they are live; "export --include-flagged" writes them.',
        ]
      : []),
  ].join('\n');
}

const withheldRows = (withheld: Finding[]) => {
  const count = new Set(withheld.map((item) => item.key)).size;
  return `${count} row${count === 1 ? '' : 's'}`;
};

/** What the guard flagged, in messages that show masked previews only, and what to do. */
function reportFlagged(io: CliIo, withheld: Finding[], allowed: Finding[]): void {
  if (withheld.length > 0) {
    writeLine(
      io.stderr,
      `warning: ${withheldRows(withheld)} withheld from the file, because the secret and personal-data guard flags them:`,
    );
    for (const item of withheld) writeLine(io.stderr, `  ${item.rule}: ${item.message}`);
    writeLine(
      io.stderr,
      '  fix: move credentials and personal data out of the table; if a value is harmless, run export again with --include-flagged (it writes allow annotations for review). The file has prune: false, so planning it leaves these rows as they are.',
    );
  }
  if (allowed.length > 0) {
    writeLine(
      io.stderr,
      `warning: ${allowed.length} flagged value${allowed.length === 1 ? '' : 's'} written with an allow annotation (--include-flagged); review them before committing the file:`,
    );
    for (const item of allowed) writeLine(io.stderr, `  ${item.rule}: ${item.message}`);
  }
}

import { writeFile } from 'node:fs/promises';
import { configFromLive } from '../config/from-live.js';
import { loadConfig } from '../config/load.js';
import { renderConfig } from '../config/render.js';
import { ConfigurationError } from '../errors.js';
import { clientFromOptions, CONNECTION_HELP, CONNECTION_OPTIONS } from './connection.js';
import { writeLine, type CliIo } from './io.js';
import { parseOptions } from './options.js';

const HELP = `Usage: datatable-deploy export --table NAME [--out FILE] [--environment E] [connection options]

Writes a live data table as a config file: its columns (in display order, with their stored
settings) and every row. The on-ramp for existing tables: planning the file right after shows
no changes. Cells that hold the column's default are left out (the service fills them).

  --table NAME      the table's exact name
  --out FILE        where to write (default: standard output)
  --environment E   bind the file to an environment
${CONNECTION_HELP}`;

export async function runExportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('export', args, {
    table: { type: 'string' },
    out: { type: 'string' },
    environment: { type: 'string' },
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
  const client = clientFromOptions(io, values);
  const table = await client.tables.findTableByName(values.table);
  if (!table?.schema) {
    throw new ConfigurationError(
      `There is no data table named "${values.table}" at ${client.endpoints.apiBase}.`,
      'Names are exact; run "datatable-deploy tables" to list them.',
    );
  }
  const rows = await client.tables.listRows(table.id);
  const config = configFromLive({ ...table, schema: table.schema }, rows, {
    ...(values.environment ? { environment: values.environment } : {}),
  });
  const header = [
    '# yaml-language-server: $schema=https://datatable-deploy.dev/schema/datatable-config.schema.json',
    `# Exported by datatable-deploy from ${new URL(client.endpoints.apiBase).host} (${rows.length} rows).`,
  ].join('\n');
  const text = renderConfig(config, { header });
  if (values.out) {
    await writeFile(values.out, text);
    writeLine(
      io.stderr,
      `Wrote ${table.name} (${config.columns.length + 1} columns, ${rows.length} rows) to ${values.out}.`,
    );
  } else {
    io.stdout.write(text);
  }
  // Live tables can hold what config files may not (secrets, personal data, unsafe keys): say so now.
  const findings = loadConfig(values.out ?? 'export', Buffer.from(text)).findings;
  if (findings.length > 0) {
    writeLine(
      io.stderr,
      `warning: the exported file has ${findings.length} finding${findings.length === 1 ? '' : 's'}; run "datatable-deploy validate" on it before planning.`,
    );
  }
  return 0;
}

import { clientFromOptions, CONNECTION_HELP, CONNECTION_OPTIONS } from './connection.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { parseOptions } from './options.js';

const HELP = `Usage: datatable-deploy tables [--name FILTER] [--json] [connection options]

Lists the org's data tables: name, number of columns, division and id.
A quick check that the OAuth client, region and permissions work.

  --name FILTER    the service's name filter (case-insensitive, * wildcards)
  --json           print JSON instead of a table
${CONNECTION_HELP}`;

export async function runTablesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('tables', args, {
    ...CONNECTION_OPTIONS,
    name: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const client = clientFromOptions(io, values);
  const tables = await client.tables.listTables({
    name: values.name as string | undefined,
    expandSchema: true,
  });
  if (values.json) {
    writeLine(io.stdout, JSON.stringify(tables, null, 2));
    return 0;
  }
  if (tables.length === 0) {
    writeLine(io.stdout, 'No data tables.');
    return 0;
  }
  const nameWidth = Math.max(4, ...tables.map((table) => table.name.length));
  writeLine(io.stdout, `${'NAME'.padEnd(nameWidth)}  ${'COLUMNS'.padStart(7)}  DIVISION  ID`);
  for (const table of tables) {
    const columns = String(Object.keys(table.schema?.properties ?? {}).length).padStart(7);
    writeLine(
      io.stdout,
      `${table.name.padEnd(nameWidth)}  ${columns}  ${table.division?.name ?? '-'}  ${table.id}`,
    );
  }
  return 0;
}

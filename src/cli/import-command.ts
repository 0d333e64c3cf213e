import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { guardExport } from '../config/export-guard.js';
import type { Finding } from '../config/findings.js';
import { loadConfig } from '../config/load.js';
import { renderConfig } from '../config/render.js';
import { ConfigurationError } from '../errors.js';
import { fileNames, stateRmCommands } from '../terraform/handover.js';
import { readInputs } from '../terraform/read-inputs.js';
import { resolveImport, type ImportedTable } from '../terraform/resolve.js';
import { describeWhere, type ReadResult, type Unresolved } from '../terraform/types.js';
import { writeLine, type CliIo } from './io.js';
import { parseOptions } from './options.js';

const HELP = `Usage: datatable-deploy import terraform PATH... [--out-dir DIR] [--force] [--environment E]
                                                [--include-flagged]

Moves data tables managed by the Genesys Cloud Terraform provider to config files: one file per
genesyscloud_architect_datatable, with its columns (properties blocks: type, title, default) and
its genesyscloud_architect_datatable_row resources (key_value, properties_json). Offline: no
connection is made. Then prints the "terraform state rm" commands that hand the resources over.

PATH is a file or a directory (read one level deep) of:
  .tf               HCL configuration (jsonencode({...}) of literal values is evaluated)
  .tf.json          JSON configuration, the provider exporter's default (genesyscloud.tf.json)
  .tfstate / .json  state v4, state v3 (the exporter's include_state_file), or the output of
                    "terraform show -json"; state resolves rows made by for_each / csvdecode

  --out-dir DIR     where to write the files (default: datatables/)
  --force           overwrite files that exist (default: refuse, and write nothing)
  --environment E   bind the files to an environment
  --include-flagged write values the secret and personal-data guard flags, each with an allow
                    annotation (default: such rows are withheld and listed, and stay in Terraform)

Whatever cannot be resolved without Terraform (variables, for_each without state, tables outside
the input) is listed with its file and line, and left out. Files are written with prune: false:
as with Terraform, rows the file does not list are left alone.`;

const OPTIONS = {
  'out-dir': { type: 'string' },
  force: { type: 'boolean' },
  environment: { type: 'string' },
  'include-flagged': { type: 'boolean' },
} as const;

interface Written {
  table: ImportedTable;
  path: string;
  rows: number;
  withheld: Finding[];
  allowed: Finding[];
  findings: number;
}

export async function runImportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions('import', args, OPTIONS, { allowPositionals: true });
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const [source, ...paths] = positionals;
  if (source !== 'terraform')
    throw new ConfigurationError(
      source === undefined
        ? 'import needs a source: "import terraform PATH...".'
        : `import cannot read from "${source}"; it reads from terraform.`,
      'Run "datatable-deploy import terraform PATH..." with the .tf, .tf.json or state files (or their directory).',
    );
  if (paths.length === 0)
    throw new ConfigurationError(
      'import terraform needs at least one PATH.',
      'Give the Terraform files or their directory, e.g. "datatable-deploy import terraform ./genesyscloud".',
    );
  const cwd = io.cwd ?? process.cwd();
  const results = await readInputs(paths, cwd);
  const { tables, unresolved } = resolveImport(results, {
    ...(values.environment ? { environment: values.environment } : {}),
  });
  if (tables.length === 0) {
    reportUnresolved(io, unresolved);
    throw new ConfigurationError(
      `import terraform: no genesyscloud_architect_datatable could be imported from ${describeInputs(results)}.`,
      unresolved.length > 0
        ? 'Fix the items listed above, or import the state too.'
        : 'Give the files that declare the data tables (the exporter writes them with genesyscloud_architect_datatable in the resource types).',
    );
  }
  const outDir = resolve(cwd, values['out-dir'] ?? 'datatables');
  const paths_ = fileNames(tables.map((table) => table.config.table.name!)).map((name) => join(outDir, name));
  if (!values.force) await refuseExisting(paths_, cwd);
  await mkdir(outDir, { recursive: true });
  const written: Written[] = [];
  for (const [index, table] of tables.entries())
    written.push(await writeTable(table, relative(cwd, paths_[index]!) || paths_[index]!, cwd, values));
  reportWritten(io, results, written);
  reportUnresolved(io, unresolved);
  reportHandover(io, written, relative(cwd, outDir) || '.');
  return 0;
}

async function refuseExisting(paths: readonly string[], cwd: string): Promise<void> {
  const existing: string[] = [];
  for (const path of paths)
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      existing.push(relative(cwd, path) || path);
  if (existing.length > 0)
    throw new ConfigurationError(
      `import terraform would overwrite ${existing.join(', ')}; nothing was written.`,
      'Give --out-dir another directory, move the files away, or add --force to overwrite them.',
    );
}

async function writeTable(
  table: ImportedTable,
  path: string,
  cwd: string,
  values: { force?: boolean | undefined; 'include-flagged'?: boolean | undefined },
): Promise<Written> {
  const { config, withheld, allowed } = guardExport(
    { ...table.config, file: path },
    { includeFlagged: values['include-flagged'] === true },
  );
  const header = [
    '# yaml-language-server: $schema=https://datatable-deploy.dev/schema/datatable-config.schema.json',
    `# Imported by datatable-deploy from Terraform: ${table.address} (${describeWhere(table.where)}).`,
    '# prune: false, as with Terraform: rows this file does not list are left as they are.',
    ...(withheld.length > 0
      ? [
          '# Rows holding values the secret guard flags were withheld; "import --include-flagged" writes them.',
        ]
      : []),
  ].join('\n');
  const text = renderConfig(config, { header });
  // "wx" refuses a file that appeared since the check: never overwrite without --force.
  await writeFile(resolve(cwd, path), text, { flag: values.force ? 'w' : 'wx' });
  const findings = loadConfig(path, Buffer.from(text)).findings.length;
  return { table, path, rows: config.rows.length, withheld, allowed, findings };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function describeInputs(results: readonly ReadResult[]): string {
  const formats = [...new Set(results.map((result) => result.format))].join(', ');
  return `${plural(results.length, 'file')} (${formats})`;
}

function reportWritten(io: CliIo, results: readonly ReadResult[], written: readonly Written[]): void {
  writeLine(
    io.stdout,
    `Imported ${written.length} table${written.length === 1 ? '' : 's'} from ${describeInputs(results)}:`,
  );
  for (const item of written) {
    const { config } = item.table;
    writeLine(
      io.stdout,
      `  ${item.path}: "${config.table.name}", ${config.columns.length + 1} columns, ${plural(item.rows, 'row')}${config.division ? `, division ${config.division}` : ''}`,
    );
  }
  for (const item of written) {
    for (const finding of item.withheld)
      writeLine(
        io.stderr,
        `warning: ${item.path}: row "${finding.key}" withheld: ${finding.rule}: ${finding.message}`,
      );
    for (const finding of item.allowed)
      writeLine(
        io.stderr,
        `warning: ${item.path}: row "${finding.key}" written with an allow annotation: ${finding.rule}: ${finding.message}`,
      );
    if (item.findings > 0)
      writeLine(
        io.stderr,
        `warning: ${item.path} has ${item.findings} finding${item.findings === 1 ? '' : 's'}; run "datatable-deploy validate ${item.path}" and fix them before planning.`,
      );
  }
  if (written.some((item) => item.withheld.length > 0))
    writeLine(
      io.stderr,
      '  fix: move credentials and personal data out of the table; if a value is harmless, import again with --include-flagged --force (it writes allow annotations for review). Withheld rows stay with Terraform.',
    );
}

function reportUnresolved(io: CliIo, unresolved: readonly Unresolved[]): void {
  if (unresolved.length === 0) return;
  writeLine(
    io.stdout,
    `\nNot resolved (${unresolved.length}), left out of the files and left with Terraform:`,
  );
  for (const item of unresolved) {
    writeLine(io.stdout, `  ${describeWhere(item.where)}: ${item.address}: ${item.message}`);
    writeLine(io.stdout, `    fix: ${item.hint}`);
  }
}

/** The state rm commands for what was written: each table, and its rows the file holds. */
function reportHandover(io: CliIo, written: readonly Written[], outDir: string): void {
  const addresses: string[] = [];
  for (const item of written) {
    const withheld = new Set(item.withheld.map((finding) => finding.key));
    addresses.push(item.table.address);
    for (const [key, address] of Object.entries(item.table.rowAddresses))
      if (!withheld.has(key)) addresses.push(address);
  }
  writeLine(io.stdout, '\nHand the imported resources over (Terraform forgets them; nothing is destroyed):');
  for (const command of stateRmCommands(addresses)) writeLine(io.stdout, `  ${command}`);
  writeLine(
    io.stdout,
    `Then delete those blocks from the Terraform configuration (or, with Terraform 1.7+, replace them with "removed" blocks with destroy = false), so that Terraform does not create them again; and check with "datatable-deploy plan ${outDir}/*.yaml": it shows no changes.`,
  );
}

import { ConfigurationError, fileProblem } from '../errors.js';
import {
  DEFAULT_CONFIG_GLOB,
  discoverConfigFiles,
  nodeFileSystem,
  type ConfigFileSystem,
} from './discover.js';
import { finding, sortFindings, type Finding } from './findings.js';
import { loadConfig } from './load.js';
import { tableLabel, type TableConfig } from './types.js';
import { DEFAULT_LOAD_OPTIONS, type LoadOptions } from './yaml-source.js';

export interface ValidationResult {
  files: string[];
  /** Configs that could be read (they may have findings). */
  configs: TableConfig[];
  findings: Finding[];
}

export interface ValidateOptions {
  cwd: string;
  fs?: ConfigFileSystem;
  load?: LoadOptions;
}

/**
 * Finds the config files, loads each, and checks what spans files: two files for one table.
 * Makes no API call.
 */
export async function validateConfigFiles(
  patterns: readonly string[],
  options: ValidateOptions,
): Promise<ValidationResult> {
  const fs = options.fs ?? nodeFileSystem;
  const wanted = patterns.length > 0 ? patterns : [DEFAULT_CONFIG_GLOB];
  const { files, unmatched, emptyDirectories } = await discoverConfigFiles(wanted, options.cwd, fs);
  const findings: Finding[] = [];
  const start = { line: 1, column: 1 };
  if (files.length === 0 && emptyDirectories.length > 0 && unmatched.length === 0) {
    throw new ConfigurationError(
      `${emptyDirectories.map((pattern) => `"${pattern}"`).join(', ')} ${emptyDirectories.length > 1 ? 'are directories' : 'is a directory'} with no .yml or .yaml file under it (in ${options.cwd}).`,
      'Give the directory that holds the config files, or a glob such as "datatables/**/*.yaml".',
    );
  }
  if (files.length === 0) {
    throw new ConfigurationError(
      `No config files match ${wanted.map((pattern) => `"${pattern}"`).join(', ')} (in ${options.cwd}).`,
      `Check the --config globs, or put files under ${DEFAULT_CONFIG_GLOB}.`,
    );
  }
  for (const pattern of unmatched) {
    findings.push(finding('no-config-files', pattern, start, `"${pattern}" matches no file.`));
  }
  for (const pattern of emptyDirectories) {
    findings.push(
      finding(
        'no-config-files',
        pattern,
        start,
        `"${pattern}" is a directory with no .yml or .yaml file under it.`,
      ),
    );
  }
  const configs: TableConfig[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file, options.cwd);
    } catch (error) {
      findings.push(
        finding('file-unreadable', file, start, `The file cannot be read: ${fileProblem(error).reason}.`),
      );
      continue;
    }
    const loaded = loadConfig(file, bytes, options.load ?? DEFAULT_LOAD_OPTIONS);
    // Not push(...findings): a file can have more findings than a call can take arguments.
    for (const item of loaded.findings) findings.push(item);
    if (loaded.config) configs.push(loaded.config);
  }
  findings.push(...duplicateTables(configs));
  return { files, configs, findings: sortFindings(findings) };
}

/** Table names are unique in an org regardless of case, so two files must not share one. */
function duplicateTables(configs: TableConfig[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, TableConfig[]>();
  for (const config of configs) {
    const identity =
      config.table.id !== undefined
        ? `id:${config.table.id.toLowerCase()}`
        : `name:${config.table.name!.toLowerCase()}`;
    // Files bound to different environments (often different orgs) may name the same table;
    // a file bound to none deploys to every environment, so it clashes with any.
    const first = (seen.get(identity) ?? []).find(
      (other) =>
        other.environment === undefined ||
        config.environment === undefined ||
        other.environment === config.environment,
    );
    if (first) {
      findings.push(
        finding(
          'table-duplicate',
          config.file,
          config.position,
          `Table ${tableLabel(config)} is also defined in ${first.file} (line ${first.position.line}).`,
          {
            table: tableLabel(config),
          },
        ),
      );
    } else {
      seen.set(identity, [...(seen.get(identity) ?? []), config]);
    }
  }
  return findings;
}

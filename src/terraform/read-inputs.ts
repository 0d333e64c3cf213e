import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { readHcl } from './hcl-reader.js';
import { parseJsonFile } from './locate.js';
import { readState } from './state-reader.js';
import { readTfJson } from './tf-json-reader.js';
import { isObject, type ReadResult } from './types.js';

/** Files a directory contributes: configuration and state, as Terraform itself would see them. */
const READABLE = /(\.tf|\.tf\.json|\.tfstate)$/;

/**
 * Expands the PATHs (files, or directories read one level deep like Terraform reads a module)
 * and reads each file in its format. Files given by name are read whatever they are called
 * (`terraform show -json > shown.json`); the format is told by extension, then by content.
 */
export async function readInputs(paths: readonly string[], cwd: string): Promise<ReadResult[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new ConfigurationError(
        `import terraform: cannot read ${path}: ${error.code === 'ENOENT' ? 'there is no such file or directory' : error.message}.`,
        'Give the .tf / .tf.json / state files, or the directory that holds them.',
      );
    });
    if (!info.isDirectory()) {
      files.push(absolute);
      continue;
    }
    const names = (await readdir(absolute)).filter((name) => READABLE.test(name)).sort();
    if (names.length === 0)
      throw new ConfigurationError(
        `import terraform: ${path} holds no .tf, .tf.json or .tfstate file.`,
        'Give the directory of the Terraform configuration (or the exporter\'s output), or the files themselves; the output of "terraform show -json" is read when given by its file name.',
      );
    files.push(...names.map((name) => join(absolute, name)));
  }
  const results: ReadResult[] = [];
  for (const file of [...new Set(files)]) {
    const shown = relative(cwd, file) || file;
    results.push(await readOne(shown, await readFile(file, 'utf8')));
  }
  return results;
}

/** Reads one file in the format its name or content says. */
export async function readOne(file: string, text: string): Promise<ReadResult> {
  if (file.endsWith('.tf')) return readHcl(file, text);
  const parsed = parseJsonFile(file, text, file.endsWith('.tf.json') ? 'this .tf.json file' : 'this file');
  if (file.endsWith('.tf.json')) return readTfJson(file, text, parsed);
  if (isObject(parsed) && (parsed.version !== undefined || parsed.format_version !== undefined))
    return readState(file, text, parsed);
  if (isObject(parsed) && (parsed.resource !== undefined || parsed.data !== undefined))
    return readTfJson(file, text, parsed);
  throw new ConfigurationError(
    `${file}:1:1: this is neither Terraform configuration (.tf, .tf.json) nor state (a "version" 3 or 4 file, or "terraform show -json" output).`,
    'Give the Terraform files that declare genesyscloud_architect_datatable resources, or their state.',
  );
}

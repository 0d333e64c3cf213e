import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KeyContract } from '../config/contract-checker.js';
import { parseContract } from '../config/contract-file.js';
import { ConfigurationError, fileProblem } from '../errors.js';

/** One table's part of a contract file, in the shape of the reader's table options. */
export interface ContractTableOptions {
  readonly contract: Readonly<Record<string, KeyContract>>;
  readonly valueColumn?: string;
  readonly typeColumn?: string;
}

/**
 * Reads a consumer contract file (docs/contracts.md) with the parser validate uses, so that one
 * file serves both: per table, the reader's `contract` option (with the file's value and type
 * columns, when it names them). Spread it into the table's options:
 * `tables: { t: { ...contracts.t, ttlSeconds: 60 } }`.
 *
 * `source` is a path or file URL, or the file's content (bytes, or text with a line break).
 * Throws a ConfigurationError, with every finding's line and column, for a broken file or a
 * file of another consumer.
 */
export function contractFromFile(
  source: string | URL | Uint8Array,
  consumer: string,
): Readonly<Record<string, ContractTableOptions>> {
  const { label, bytes } = contentOf(source);
  const { contract, findings } = parseContract(label, bytes);
  if (!contract) {
    throw new ConfigurationError(
      `The contract file ${label} is not valid:\n${findings.map((item) => `  ${item.file}:${item.line}:${item.column} ${item.message}`).join('\n')}`,
      'Correct it against schema/datatable-contract.schema.json (see docs/contracts.md); `datatable-deploy validate --contracts FILE` shows the same findings.',
    );
  }
  if (contract.consumer !== consumer) {
    throw new ConfigurationError(
      `The contract file ${label} is consumer "${contract.consumer}"'s, not "${consumer}"'s.`,
      `Load this consumer's own contract file, or pass "${contract.consumer}" if it is.`,
    );
  }
  const tables: Record<string, ContractTableOptions> = {};
  for (const table of contract.tables) tables[table.name] = { contract: table.contract, ...table.columns };
  return Object.freeze(tables);
}

function contentOf(source: string | URL | Uint8Array): { label: string; bytes: Buffer } {
  if (source instanceof Uint8Array) return { label: '(contract)', bytes: Buffer.from(source) };
  // A path has no line break; a contract's text almost always has several.
  if (typeof source === 'string' && /[\r\n]/.test(source))
    return { label: '(contract)', bytes: Buffer.from(source, 'utf8') };
  const path = source instanceof URL ? fileURLToPath(source) : source;
  try {
    return { label: path, bytes: readFileSync(path) };
  } catch (error) {
    throw new ConfigurationError(
      `The contract file ${path} cannot be read (${fileProblem(error).reason}).`,
      'Check the path (relative paths start at the working directory), or pass the file content.',
    );
  }
}

import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ConfigurationError } from '../errors.js';

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * `parseArgs` (strict; positionals only where a command takes them) plus `--help`, with errors
 * that name the command and say how to get its usage.
 */
export function parseOptions<T extends ParseArgsOptionsConfig>(
  command: string,
  args: string[],
  options: T,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
) {
  try {
    return parseArgs({ args, options: { ...options, ...HELP_OPTION }, allowPositionals, strict: true });
  } catch (error) {
    throw new ConfigurationError(
      `${command}: ${(error as Error).message}`,
      `Run "datatable-deploy ${command} --help".`,
    );
  }
}

/** Parses a whole-number option (0 or more), naming it in the error. */
export function wholeNumber(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
    throw new ConfigurationError(`--${name} must be a whole number; got "${String(value)}".`);
  }
  return parsed;
}

/** Parses an option that takes one of a few words, naming them all in the error. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    const list =
      allowed.length > 2 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed.join(' or ');
    throw new ConfigurationError(`--${name} must be ${list}; got "${value}".`);
  }
  return value as T;
}

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
    // parseArgs reads "--rate-limit -5" as an option missing its value: say what was given.
    const ambiguous = /Option '(--[\w-]+)' argument is ambiguous/.exec((error as Error).message);
    if (ambiguous) {
      const given = args[args.indexOf(ambiguous[1]!) + 1] ?? '';
      throw new ConfigurationError(
        `${command}: ${ambiguous[1]} got ${JSON.stringify(given)}, which is not a value it takes (a value cannot start with "-").`,
        `Give ${ambiguous[1]} a valid value; run "datatable-deploy ${command} --help" for what it takes.`,
      );
    }
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message);
    if (unknown) {
      const near = closest(unknown[1]!.replace(/^-+/, ''), Object.keys({ ...options, ...HELP_OPTION }));
      throw new ConfigurationError(
        `${command}: there is no option ${unknown[1]}${near ? `; did you mean --${near}?` : '.'}`,
        `Run "datatable-deploy ${command} --help" for its options.`,
      );
    }
    throw new ConfigurationError(
      `${command}: ${(error as Error).message.split('\n')[0]}`,
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

/** The known name within three edits of `name` (a typo), if any. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

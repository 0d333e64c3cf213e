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
  const config = { args, options: { ...options, ...HELP_OPTION }, allowPositionals, strict: true } as const;
  let parsed;
  try {
    parsed = parseArgs({ ...config, tokens: true });
  } catch (error) {
    throw argumentError(command, args, Object.keys(config.options), (error as Error).message);
  }
  checkTokens(command, parsed.tokens, options);
  return parseArgs(config);
}

type Token =
  | { kind: 'option'; name: string; rawName: string; value?: string | undefined }
  | { kind: 'positional'; value: string }
  | { kind: 'option-terminator' };

/** Refuses what parseArgs takes silently: an empty value, and a single-valued option given twice. */
function checkTokens(command: string, tokens: readonly Token[], options: ParseArgsOptionsConfig): void {
  const given = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind === 'positional' && token.value.trim() === '')
      throw new ConfigurationError(
        `${command}: an empty argument was given where a file or glob goes.`,
        'Remove the empty argument (an unset shell variable?), or give a path.',
      );
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.value.trim() === '')
      throw new ConfigurationError(
        `${command}: ${token.rawName} needs a value; got an empty one.`,
        `Give ${token.rawName} a value, or leave it out (an unset shell variable?).`,
      );
    const earlier = given.get(token.name);
    if (earlier !== undefined && !options[token.name]?.multiple)
      throw new ConfigurationError(
        `${command}: --${token.name} is given twice (${JSON.stringify(earlier)} and ${JSON.stringify(token.value)}); it takes one value.`,
        `Give --${token.name} once.`,
      );
    given.set(token.name, token.value);
  }
}

/** parseArgs's refusal, in words that name the option and the fix. */
function argumentError(
  command: string,
  args: string[],
  known: string[],
  message: string,
): ConfigurationError {
  // parseArgs reads "--rate-limit -5" as an option missing its value: say what was given.
  const ambiguous = /Option '(--[\w-]+)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const option = ambiguous[1]!;
    const at = args.findIndex((arg, index) => arg === option && args[index + 1]?.startsWith('-'));
    return new ConfigurationError(
      `${command}: ${option} got ${JSON.stringify(args[at + 1] ?? '')}, which is not a value it takes (a value cannot start with "-").`,
      `Give ${option} a valid value; run "datatable-deploy ${command} --help" for what it takes.`,
    );
  }
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
  if (unknown) {
    const near = closest(unknown[1]!.replace(/^-+/, ''), known);
    return new ConfigurationError(
      `${command}: there is no option ${unknown[1]}${near ? `; did you mean --${near}?` : '.'}`,
      `Run "datatable-deploy ${command} --help" for its options.`,
    );
  }
  const missing = /Option '(-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing)
    return new ConfigurationError(
      `${command}: ${missing[2]} needs a value.`,
      `Give ${missing[2]} VALUE, or leave it out; run "datatable-deploy ${command} --help" for what it takes.`,
    );
  const unexpected = /Unexpected argument '([^']*)'/.exec(message);
  if (unexpected)
    return new ConfigurationError(
      `${command}: it takes no arguments besides options; got ${JSON.stringify(unexpected[1])}.`,
      `Remove it, or put the option it belongs to before it; run "datatable-deploy ${command} --help".`,
    );
  const boolean = /Option '(-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (boolean)
    return new ConfigurationError(
      `${command}: ${boolean[2]} is a switch and takes no value.`,
      `Give ${boolean[2]} alone (without =VALUE).`,
    );
  return new ConfigurationError(
    `${command}: ${message.split('\n')[0]}`,
    `Run "datatable-deploy ${command} --help".`,
  );
}

/** Parses a whole-number option (0 or more), naming it in the error. */
export function wholeNumber(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
    throw new ConfigurationError(
      `--${name} must be a whole number; got "${String(value)}".`,
      `Give --${name} digits only, such as 0 or 300.`,
    );
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
    throw new ConfigurationError(
      `--${name} must be ${list}; got "${value}".`,
      `Give one of them, e.g. --${name} ${allowed[0]}.`,
    );
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

/** --port: 0 (any free port) to 65535; `prefix` names the command where its messages do. */
export function portNumber(value: string | undefined, prefix = ''): number {
  const port = wholeNumber('port', value, 0);
  if (port > 65_535)
    throw new ConfigurationError(
      `${prefix}--port must be from 0 to 65535; got ${port}.`,
      'Give a free port such as 8080, or 0 (the default) for any free port.',
    );
  return port;
}

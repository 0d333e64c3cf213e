import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigurationError, fileProblem } from '../../errors.js';
import { parseHealthSpec, type HealthSpec } from './spec.js';

/** Where the health-check format is documented. */
export const HEALTH_CHECKS_DOCS = 'docs/deploy.md#health-checks';

/**
 * The health checks a deploy runs, as both faces take them: a file (the CLI's --health-checks,
 * the action's input health-checks as a path in the repository) or, where allowed, the YAML
 * itself (the action's input). A missing or unreadable file is refused with the option's name
 * and the path looked for, before anything is planned or written.
 */
export interface HealthSource {
  /** The path (relative to `baseDir`), or the YAML itself when `inline` is allowed. */
  input: string;
  baseDir: string;
  /** How the user named it, for messages: `--health-checks`, `health-checks`. */
  option: string;
  /** The input may be the YAML itself: taken so when it spans lines or is a flow mapping. */
  inline?: boolean;
  /** Overrides the file's bakeSeconds (the action's input bake-seconds). */
  bakeSeconds?: number | undefined;
}

export async function loadHealthChecks(source: HealthSource, env: NodeJS.ProcessEnv): Promise<HealthSpec> {
  const { input, option } = source;
  const isYaml = source.inline === true && (input.includes('\n') || input.trimStart().startsWith('{'));
  const spec = isYaml
    ? parseHealthSpec(`${option} input`, Buffer.from(input), env)
    : parseHealthSpec(input, await readHealthFile(source), env);
  return source.bakeSeconds !== undefined ? { ...spec, bakeSeconds: source.bakeSeconds } : spec;
}

async function readHealthFile({ input, option, baseDir }: HealthSource): Promise<Buffer> {
  const path = resolve(baseDir, input);
  const fix = `Give the health-check file (see ${HEALTH_CHECKS_DOCS}), or leave ${option} out.`;
  const where = input === path ? '' : ` (looked for ${path})`;
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error && (found.code === 'ENOENT' || found.code === 'ENOTDIR'))
    throw new ConfigurationError(`${option} ${input}: there is no such file${where}.`, fix);
  if (!(found instanceof Error) && found.isDirectory())
    throw new ConfigurationError(`${option} ${input} is a directory, not a file.`, fix);
  try {
    if (found instanceof Error) throw found;
    return await readFile(path);
  } catch (error) {
    throw new ConfigurationError(
      `${option} ${input} cannot be read (${fileProblem(error).reason}).`,
      `Check the file's permissions. ${fix}`,
    );
  }
}

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { parsePolicy, policyFor, POLICY_PATH, type EnvironmentPolicy } from './policy.js';

/** The policy of each environment. */
export type PolicyOf = (environment: string | undefined) => EnvironmentPolicy;

/**
 * The policy for the CLI: the file named (which must exist), else the repository's policy file
 * under the working directory when there is one, else the built-in defaults.
 */
export async function readLocalPolicy(cwd: string, named: string | undefined): Promise<PolicyOf> {
  const path = resolve(cwd, named ?? POLICY_PATH);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (named === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return (environment) => policyFor(undefined, environment, 'built-in defaults');
    throw new ConfigurationError(
      `The policy file ${named ?? POLICY_PATH} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
      'Check the --policy path.',
    );
  }
  const label = named ?? POLICY_PATH;
  const file = parsePolicy(label, bytes);
  return (environment) => policyFor(file, environment, label);
}

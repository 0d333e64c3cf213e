import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigurationError, fileProblem } from '../errors.js';
import { finding, type Finding } from '../config/findings.js';
import { parsePolicy, policyFindings, policyFor, POLICY_PATH, type EnvironmentPolicy } from './policy.js';

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
      `The policy file ${named ?? POLICY_PATH} cannot be read (${fileProblem(error).reason}).`,
      'Check the --policy path.',
    );
  }
  const label = named ?? POLICY_PATH;
  const file = parsePolicy(label, bytes);
  return (environment) => policyFor(file, environment, label);
}

/**
 * The findings of the policy file named, or of the repository's when there is one (validate):
 * reported like a config file's, each at its line and column.
 */
export async function localPolicyFindings(
  cwd: string,
  named: string | undefined,
): Promise<{ findings: Finding[]; files: string[] }> {
  const file = named ?? POLICY_PATH;
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (error) {
    if (named === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return { findings: [], files: [] };
    const unreadable = finding(
      'file-unreadable',
      file,
      { line: 1, column: 1 },
      `The policy file cannot be read (${fileProblem(error).reason}).`,
    );
    return { findings: [unreadable], files: [file] };
  }
  return { findings: policyFindings(file, bytes).findings, files: [file] };
}

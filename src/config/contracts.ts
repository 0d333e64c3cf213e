import { fileProblem } from '../errors.js';
import { checkContracts } from './contract-checks.js';
import { parseContract, type ConsumerContract } from './contract-file.js';
import { discoverConfigFiles, nodeFileSystem, type ConfigFileSystem } from './discover.js';
import { finding, sortFindings, type Finding } from './findings.js';
import type { TableConfig } from './types.js';
import { DEFAULT_LOAD_OPTIONS, type LoadOptions } from './yaml-source.js';

/** Where consumer contracts live by default: next to the policy file, one file per consumer. */
export const DEFAULT_CONTRACTS_GLOB = '.github/datatable-deploy/consumers/*.{yml,yaml}';

export interface ContractOptions {
  cwd: string;
  /** Globs named by --contracts or the contracts input; none: the default place, if it exists. */
  patterns?: readonly string[] | undefined;
  fs?: ConfigFileSystem;
  load?: LoadOptions;
}

export interface ContractResult {
  files: string[];
  /** Contract files that could be read without errors. */
  contracts: ConsumerContract[];
  findings: Finding[];
}

/**
 * Reads the consumer contracts and checks the configs against them (validate, plan, the
 * action). Named globs must match; the default place may be absent (no contracts, no findings).
 * Makes no API call.
 */
export async function contractFindings(
  configs: readonly TableConfig[],
  options: ContractOptions,
): Promise<ContractResult> {
  const fs = options.fs ?? nodeFileSystem;
  const named = options.patterns !== undefined && options.patterns.length > 0;
  const patterns = named ? options.patterns! : [DEFAULT_CONTRACTS_GLOB];
  const { files, unmatched, emptyDirectories } = await discoverConfigFiles(patterns, options.cwd, fs);
  const findings: Finding[] = [];
  if (named) {
    for (const pattern of [...unmatched, ...emptyDirectories])
      findings.push(
        finding(
          'no-contract-files',
          pattern,
          { line: 1, column: 1 },
          `"${pattern}" matches no contract file.`,
        ),
      );
  }
  const contracts: ConsumerContract[] = [];
  for (const file of files) {
    const read = await readContract(file, options, fs);
    for (const item of read.findings) findings.push(item);
    if (read.contract) contracts.push(read.contract);
  }
  const distinct = withoutDuplicates(contracts, findings);
  for (const item of checkContracts(configs, distinct)) findings.push(item);
  return { files, contracts: distinct, findings: sortFindings(findings) };
}

async function readContract(
  file: string,
  options: ContractOptions,
  fs: ConfigFileSystem,
): Promise<{ contract?: ConsumerContract; findings: Finding[] }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file, options.cwd);
  } catch (error) {
    const reason = `The contract file cannot be read: ${fileProblem(error).reason}.`;
    return { findings: [finding('file-unreadable', file, { line: 1, column: 1 }, reason)] };
  }
  return parseContract(file, bytes, options.load ?? DEFAULT_LOAD_OPTIONS);
}

/** One contract per consumer: a second file for one would make which one holds ambiguous. */
function withoutDuplicates(contracts: ConsumerContract[], findings: Finding[]): ConsumerContract[] {
  const seen = new Map<string, ConsumerContract>();
  for (const contract of contracts) {
    const first = seen.get(contract.consumer);
    if (!first) {
      seen.set(contract.consumer, contract);
      continue;
    }
    findings.push(
      finding(
        'contract-duplicate',
        contract.file,
        contract.position,
        `Consumer "${contract.consumer}" also has a contract in ${first.file} (line ${first.position.line}).`,
      ),
    );
  }
  return [...seen.values()];
}

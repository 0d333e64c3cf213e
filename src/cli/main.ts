import { DatatableDeployError, describeError, RefusedError } from '../errors.js';
import { describeFileSystemError } from './paths.js';
import { runDemoCommand } from './demo-command.js';
import { runEmulatorCommand } from './emulator-command.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { runTablesCommand } from './tables-command.js';
import { runValidateCommand } from './validate-command.js';
import { runPlanCommand } from './plan-command.js';
import { runExportCommand } from './export-command.js';
import { runImportCommand } from './import-command.js';
import { runRelayCommand } from './relay-command.js';
import { runApplyCommand } from './apply-command.js';
import { runRollbackCommand } from './rollback-command.js';
import { VERSION } from '../version.js';

const USAGE = `datatable-deploy ${VERSION}: deploy Genesys Cloud Architect data tables from YAML, safely.

Usage: datatable-deploy <command> [options]

Commands:
  validate            check config files (offline; --against-live also checks live schemas)
  plan                show what a deploy would change, and whether it needs approval
  export              write a live table as a config file
  import              write config files from Terraform (.tf, .tf.json, state): import terraform PATH...
  apply               deploy: guard, backup, apply, verify, health checks, rollback on failure
  rollback            restore a backup made by apply
  tables              list the org's data tables (a connection check)
  relay               relay the deploy's signed webhook to readers through Redis pub/sub
  emulator            run the local Genesys Cloud data-tables emulator
  demo                run the guided demo against an in-process emulator

Connection: GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (or
GENESYSCLOUD_ACCESS_TOKEN), and GENESYSCLOUD_REGION (e.g. us-east-1 or mypurecloud.ie) or
GENESYSCLOUD_API_URL; or --region / --api-url. HTTPS_PROXY / NO_PROXY are honoured.

Run "datatable-deploy <command> --help" for the options of a command.
Exit codes: 0 success, 1 error or findings (an unusable plan or backup, or one of another org,
environment or deployment, included), 2 plan has changes (plan --detailed-exitcode),
3 refused (stale plan), 4 deploy failed and rolled back, 5 deploy failed and rollback failed.`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: runValidateCommand,
  plan: runPlanCommand,
  export: runExportCommand,
  import: runImportCommand,
  apply: runApplyCommand,
  rollback: runRollbackCommand,
  tables: runTablesCommand,
  relay: runRelayCommand,
  emulator: runEmulatorCommand,
  demo: runDemoCommand,
};

/** Runs one CLI invocation and returns its exit code. Never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    writeLine(io.stdout, USAGE);
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    writeLine(io.stdout, VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    writeLine(io.stderr, `error: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return 1;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    writeLine(
      io.stderr,
      `${error instanceof RefusedError ? 'refused' : 'error'}: ${describeCliError(error)}`,
    );
    return error instanceof RefusedError ? 3 : 1;
  }
}

/** Typed errors carry their fix; a file-system error is put in words; anything else gets one. */
function describeCliError(error: unknown): string {
  const fileSystem = error instanceof Error ? describeFileSystemError(error) : undefined;
  if (fileSystem) return fileSystem.describe();
  if (error instanceof DatatableDeployError) return describeError(error);
  return `${describeError(error)}\n  fix: This is not an error the command expected; run it again, and report it if it repeats.`;
}

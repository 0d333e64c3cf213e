import { join, resolve } from 'node:path';
import { systemClock } from '../clock.js';
import { LocalBackupStore } from '../deploy/backup.js';
import { versionsTableName } from '../deploy/versions-table.js';
import { loadHealthChecks } from '../deploy/health/load.js';
import type { PlanRead } from '../deploy/guard.js';
import { FileJournal } from '../deploy/journal.js';
import { runDeploy, type DeployResult } from '../deploy/pipeline.js';
import { ConfigurationError } from '../errors.js';
import { stderrLogger } from '../logger.js';
import type { GenesysClient } from '../genesys/client.js';
import { apiHostOf } from '../plan/plan-configs.js';
import { checkPlanBinding, describeBinding, readPlan } from '../plan/plan-file.js';
import { renderText } from '../plan/render-text.js';
import type { Plan } from '../plan/types.js';
import { confirm } from './confirm.js';
import {
  checkConnectionOptions,
  clientFromOptions,
  SETTLE_HELP,
  SETTLE_OPTION,
  settleMsOf,
} from './connection.js';
import { checkOutputDirectory, readOptionFile } from './paths.js';
import { exitCodeOf } from './exit-codes.js';
import { WEBHOOK_OPTION, webhookTargetOf } from './webhook-options.js';
import { writeDeploySummary } from './deploy-output.js';
import { recordResult, warnUnfinished } from './unfinished.js';
import { isTty, writeLine, type CliIo } from './io.js';
import { parseOptions } from './options.js';
import { PLANNING_HELP, PLANNING_OPTIONS, planFromConfigFiles } from './planning.js';
import {
  actorOf,
  EMERGENCY_HELP,
  EMERGENCY_OPTION,
  policyFromOptions,
  requireOpenWindow,
} from './policy-options.js';
import { SIGNING_HELP, signingKeyOf, warnOnce } from './signing-key.js';
import type { EnvironmentPolicy } from '../policy/policy.js';

const HELP = `Usage: datatable-deploy apply [--config GLOB]... [FILE]... | --plan FILE
                              [--environment E] [--deployment NAME]
                              [--backup-dir DIR] [--health-checks FILE] [--webhook URL]...
                              [--actor NAME] [--yes] [planning options]

Deploys: plans (or reads --plan), refuses if the live tables changed since the plan, backs the
tables up, applies the changes within the rate budget (journaled), reads them back, runs the
health checks, and restores the backup when anything fails. Ctrl-C rolls back too. The org,
environment and deployment are shown before it asks; the backup records them.

  --plan FILE            apply exactly this plan (from "plan --out FILE"); refused when it
                         was made against another org (API host), or for another
                         environment or deployment than --environment / --deployment
  --backup-dir DIR       where backups and journals go (default .datatable-deploy/backups)
  --health-checks FILE   probes to run after apply (see docs/deploy.md#health-checks)
  --webhook URL          POST a signed event here after a healthy deploy, and after its
                         rollback with --versions-table (repeatable; the HMAC secret
                         comes from DATATABLE_DEPLOY_WEBHOOK_SECRET)
  --versions-table NAME  keep this data table (e.g. datatable_deploy_versions) with each
                         deployed table's version and content hash, for runtime readers
  --actor NAME           who deploys (default: GITHUB_ACTOR or the user name)
${EMERGENCY_HELP}
  --yes                  do not ask; required when not on a terminal
${SETTLE_HELP}
${PLANNING_HELP}

${SIGNING_HELP}

Exit codes: 0 deployed or no changes, 1 invalid input, an unusable plan file (damaged,
forged, unsigned or wrongly signed with a key set) or a plan of another org, environment
or deployment, or an error before any write, 3 refused (stale plan, or outside the
policy's change windows), 4 failed and rolled
back (live equals the backup), 5 failed and the rollback did not finish (the summary says
what is left and where the backup is).`;

const DEFAULT_BACKUP_DIR = '.datatable-deploy/backups';

const APPLY_OPTIONS = {
  ...PLANNING_OPTIONS,
  plan: { type: 'string' },
  'backup-dir': { type: 'string' },
  'health-checks': { type: 'string' },
  ...WEBHOOK_OPTION,
  'versions-table': { type: 'string' },
  actor: { type: 'string' },
  yes: { type: 'boolean' },
  ...EMERGENCY_OPTION,
  ...SETTLE_OPTION,
} as const;

type ApplyValues = ReturnType<typeof parseApplyArgs>['values'];

const parseApplyArgs = (args: string[]) =>
  parseOptions('apply', args, APPLY_OPTIONS, { allowPositionals: true });

export async function runApplyCommand(args: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { values, positionals } = parseApplyArgs(args);
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const checked = await checkApplyOptions(values, positionals, io, cwd);
  const planned = await planToApply(values, positionals, io, cwd);
  if (planned === 'invalid') return 1;
  const { plan } = planned;
  // Before the plan and any question: an earlier apply that never ended may have left the live
  // tables half-written (or, killed mid-delete, make this plan look like there is nothing to do).
  await warnUnfinished(resolve(cwd, checked.backupDir), io, 'apply');
  io.stdout.write(renderText(plan, { color: isTty(io.stdout) }));
  writeLine(io.stdout, `Target: ${describeBinding(plan)}.`);
  if (plan.verdict === 'blocked') return 1;
  if (plan.verdict === 'no-changes') return exitCodeOf('no-changes');
  const actor = actorOf(values, io);
  requireOpenWindow(planned.policy, values, actor, io);
  if (
    !values.yes &&
    !(await confirm(io, { verb: 'apply', question: 'Apply these changes?', reviewed: 'the plan' }))
  )
    return 1;
  const result = await deployPlanned(io, { values, checked, planned, actor, cwd });
  return exitCodeOf(result.outcome);
}

/**
 * The deploy of a plan the user confirmed: journaled next to its backup under --backup-dir,
 * Ctrl-C rolling back; then its result recorded there and the summary printed.
 */
async function deployPlanned(
  io: CliIo,
  how: {
    values: ApplyValues;
    checked: Awaited<ReturnType<typeof checkApplyOptions>>;
    planned: Exclude<Awaited<ReturnType<typeof planToApply>>, 'invalid'>;
    actor: string;
    cwd: string;
  },
): Promise<DeployResult> {
  const { checked, planned } = how;
  const { plan, client } = planned;
  const backupRoot = resolve(how.cwd, checked.backupDir);
  const backupName = `backup-${new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${plan.digest.slice(7, 15)}`;
  const journal = new FileJournal(join(backupRoot, backupName, 'journal.jsonl'));
  try {
    const result = await untilInterrupted(io, (signal) =>
      runDeploy({
        plan,
        tables: client.tables,
        backups: new LocalBackupStore(backupRoot),
        backupName,
        journal,
        logger: stderrLogger(),
        clock: systemClock,
        actor: how.actor,
        signal,
        health: checked.health,
        env: io.env,
        webhooks: checked.webhooks,
        gitSha: io.env.GITHUB_SHA,
        versionsTable: versionsTableName(how.values['versions-table'], '--versions-table'),
        signingKey: checked.signingKey,
        ratePerMinute: client.budget.stats().currentRatePerMinute,
        progressIntervalMs: isTty(io.stderr) ? 2_000 : 10_000,
        settleMs: checked.settleMs,
        planRead: planned.planRead,
      }),
    );
    const { refusal } = result;
    if (refusal)
      writeLine(io.stderr, `refused: ${refusal.message}${refusal.fix ? `\n  fix: ${refusal.fix}` : ''}`);
    if (result.backup) await recordResult(result.backup, result);
    writeDeploySummary(io, result, journal.path);
    return result;
  } finally {
    journal.close();
  }
}

/**
 * The options checked before anything is read or written: a typo in a file an option names
 * must stop the deploy before it plans.
 */
async function checkApplyOptions(values: ApplyValues, positionals: string[], io: CliIo, cwd: string) {
  if (values.plan && (values.config?.length || positionals.length)) {
    throw new ConfigurationError(
      'Give either --plan FILE or config files, not both.',
      'Apply a saved plan with --plan alone, or plan and apply the config files without --plan.',
    );
  }
  const webhooks = webhookTargetOf(values.webhook, io);
  const settleMs = settleMsOf(values);
  checkConnectionOptions(io, values);
  const health = values['health-checks']
    ? await loadHealthChecks(
        { input: values['health-checks'], baseDir: cwd, option: '--health-checks' },
        io.env,
      )
    : undefined;
  const backupDir = values['backup-dir'] ?? DEFAULT_BACKUP_DIR;
  await checkOutputDirectory('--backup-dir', backupDir, cwd);
  return { webhooks, settleMs, health, backupDir, signingKey: signingKeyOf(io) };
}

/** The plan to apply, from --plan FILE or from the config files, with the policy that judges it. */
async function planToApply(
  values: ApplyValues,
  positionals: string[],
  io: CliIo,
  cwd: string,
): Promise<
  | { plan: Plan; client: GenesysClient; policy: EnvironmentPolicy; planRead?: PlanRead | undefined }
  | 'invalid'
> {
  if (values.plan) {
    const policyOf = await policyFromOptions(values, cwd, (message) =>
      writeLine(io.stderr, `warning: ${message}`),
    );
    const { plan, client } = await readPlanFile(values.plan, values, io, signingKeyOf(io));
    return { plan, client, policy: policyOf(plan.environment) };
  }
  const planned = await planFromConfigFiles(values, positionals, io, cwd);
  return 'invalid' in planned ? 'invalid' : planned;
}

/**
 * Runs `work` with Ctrl-C (and SIGTERM) turned into an abort: the deploy stops after the calls
 * in flight and rolls back. A second Ctrl-C exits at once.
 */
async function untilInterrupted<T>(io: CliIo, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const interruption = new AbortController();
  const interrupt = () => {
    writeLine(
      io.stderr,
      'interrupted: stopping after the calls in flight, then rolling back (press again to exit at once)',
    );
    interruption.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await work(interruption.signal);
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  }
}

/**
 * Reads --plan FILE: its integrity (digest, and the signature when a key is set), then its
 * binding: the org the client would write to, and --environment / --deployment when given.
 */
async function readPlanFile(
  file: string,
  values: {
    environment?: string;
    deployment?: string;
    region?: string;
    'api-url'?: string;
    'rate-limit'?: string;
  },
  io: CliIo,
  signingKey: string | undefined,
): Promise<{ plan: Plan; client: GenesysClient }> {
  const bytes = await readOptionFile(
    '--plan',
    file,
    io.cwd ?? process.cwd(),
    'Give the file "datatable-deploy plan --out FILE" wrote.',
  );
  const plan = readPlan(bytes.toString('utf8'), file, { signingKey, warn: warnOnce(io) });
  const client = clientFromOptions(io, values);
  checkPlanBinding(
    plan,
    {
      apiHost: apiHostOf(client),
      environment: values.environment,
      deployment: values.deployment,
    },
    file,
  );
  return { plan, client };
}

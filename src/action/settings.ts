import { versionsTableName } from '../deploy/versions-table.js';
import { ConfigurationError } from '../errors.js';
import { signingKeyFrom } from '../plan/signing.js';
import { parseLimit, parseThresholdLimits, type NumericThresholds } from '../policy/limits.js';

export type Mode = 'validate' | 'plan' | 'deploy' | 'rollback' | 'drift';
const MODES = ['auto', 'validate', 'plan', 'deploy', 'rollback', 'drift'] as const;

/** Every input of the action, parsed once. Names match action.yml. */
export interface ActionSettings {
  mode: Mode;
  config: string[];
  /** Consumer contract globs; empty: the default place (docs/contracts.md). */
  contracts: string[];
  environment?: string | undefined;
  /** Names the plan comment, the commit status and the artifacts: the environment unless set. */
  deployment: string;
  connection: {
    clientId: string;
    clientSecret: string;
    /** Instead of the OAuth client: a token used as is (never renewed). */
    accessToken?: string | undefined;
    region?: string | undefined;
    apiUrl?: string | undefined;
    rateLimitPerMinute: number;
    maxConcurrency: number;
  };
  githubToken: string;
  /** Threshold limits given as inputs: they only tighten the policy file's. */
  thresholdLimits: Partial<NumericThresholds>;
  /** Narrows who may approve (lower case); it never widens the policy's approvers. */
  approvers: string[];
  /** At least this many approvals (the policy's number when higher). */
  requiredApprovals?: number | undefined;
  /** Asks for the emergency override of change windows and freezes, with this reason. */
  emergencyReason?: string | undefined;
  /** HMAC key that signs backups (and checks them on rollback). */
  signingKey?: string | undefined;
  healthChecks?: string | undefined;
  /** How long read-backs may lag writes, in ms (see deploy/settle.ts). */
  settleMs?: number | undefined;
  bakeSeconds?: number | undefined;
  backupRetentionDays?: number | undefined;
  backupRunId?: number | undefined;
  backupArtifact?: string | undefined;
  webhookUrls: string[];
  webhookSecret?: string | undefined;
  /** The versions table the deploy maintains; none when unset. */
  versionsTable?: string | undefined;
  driftFail: boolean;
  driftIssue: boolean;
}

/** Reads one input: what @actions/core's getInput returns (trimmed text, '' when unset). */
export type InputReader = (name: string) => string;

/**
 * Parses the inputs. `eventName` decides the mode when `mode` is `auto`. Every refusal names
 * the input and says what it accepts.
 */
export function parseSettings(read: InputReader, eventName: string): ActionSettings {
  const mode = read('mode') || 'auto';
  if (!(MODES as readonly string[]).includes(mode))
    throw new ConfigurationError(`Input "mode" must be one of ${MODES.join(', ')}; got "${mode}".`);
  const backupRunId = optionalNumber(read, 'backup-run-id', { integer: true });
  const backupArtifact = read('backup-artifact') || undefined;
  const clientId = read('genesys-client-id');
  const clientSecret = read('genesys-client-secret');
  const accessToken = read('genesys-access-token') || undefined;
  const settings: ActionSettings = {
    mode:
      mode === 'auto'
        ? modeFor(eventName, backupRunId !== undefined || backupArtifact !== undefined)
        : (mode as Mode),
    config: lines(read('config')),
    contracts: lines(read('contracts')),
    environment: read('environment') || undefined,
    deployment: read('deployment') || read('environment') || 'default',
    connection: {
      clientId,
      clientSecret,
      accessToken,
      region: read('genesys-region') || undefined,
      apiUrl: read('genesys-api-url') || undefined,
      rateLimitPerMinute: optionalNumber(read, 'rate-limit-per-minute') ?? 300,
      maxConcurrency: optionalNumber(read, 'max-concurrency', { integer: true }) ?? 8,
    },
    githubToken: read('github-token'),
    thresholdLimits: parseThresholdLimits(read, (name) => `Input "${name}"`),
    approvers: lines(read('approvers'))
      .flatMap((line) => line.split(/[\s,]+/))
      .filter(Boolean)
      .map((login) => login.replace(/^@/, '').toLowerCase()),
    requiredApprovals: read('required-approvals')
      ? parseLimit('Input "required-approvals"', read('required-approvals'), { integer: true })
      : undefined,
    emergencyReason: read('emergency-reason') || undefined,
    signingKey: signingKeyFrom(read('signing-key') || undefined, 'Input "signing-key"'),
    healthChecks: read('health-checks') || undefined,
    bakeSeconds: optionalNumber(read, 'bake-seconds', { zero: true }),
    settleMs: settleMsInput(read),
    backupRetentionDays: optionalNumber(read, 'backup-retention-days', { integer: true }),
    backupRunId,
    backupArtifact,
    webhookUrls: lines(read('invalidation-webhook-url')),
    webhookSecret: read('invalidation-webhook-secret') || undefined,
    versionsTable: versionsTableName(read('versions-table'), 'Input "versions-table"'),
    driftFail: booleanInput(read, 'drift-fail', true),
    driftIssue: booleanInput(read, 'drift-issue', false),
  };
  // Names the commit statuses and artifacts; "prod/deploy" would collide with prod's deploy status.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(settings.deployment))
    throw new ConfigurationError(
      `The deployment name "${settings.deployment}" (from the "deployment" or "environment" input) must be letters, digits, ".", "_" or "-", at most 64.`,
      'Give the deployment input a plain name, such as prod or prod-routing.',
    );
  // A pull request's code is not reviewed yet (and may come from a fork): it never writes.
  if ((settings.mode === 'deploy' || settings.mode === 'rollback') && eventName.startsWith('pull_request')) {
    throw new ConfigurationError(
      `Mode "${settings.mode}" never runs on ${eventName} events: unreviewed code must not write to Genesys.`,
      'Use mode plan on pull requests, and deploy on push to the default branch.',
    );
  }
  if (accessToken && (clientId || clientSecret)) {
    throw new ConfigurationError(
      'Input "genesys-access-token" was given together with "genesys-client-id" or "genesys-client-secret"; the action will not guess which identity to act as.',
      'Give either the OAuth client (genesys-client-id and genesys-client-secret) or the access token, not both.',
    );
  }
  if (settings.mode !== 'validate' && !accessToken && (!clientId || !clientSecret)) {
    throw new ConfigurationError(
      'Inputs "genesys-client-id" and "genesys-client-secret" (or "genesys-access-token") are required.',
      'Pass them from repository or environment secrets. On pull requests from forks, secrets are not available: see "Fork pull requests" in the README.',
    );
  }
  if (settings.webhookUrls.length > 0 && !settings.webhookSecret) {
    throw new ConfigurationError(
      'Input "invalidation-webhook-url" needs "invalidation-webhook-secret" too.',
      'Pass the shared secret the receiver checks signatures with.',
    );
  }
  if (settings.mode === 'rollback' && backupRunId === undefined && backupArtifact === undefined) {
    throw new ConfigurationError(
      'Mode "rollback" needs "backup-run-id" (the run whose backup to restore) or "backup-artifact".',
    );
  }
  return settings;
}

/** The mode for an event when `mode` is `auto`. */
export function modeFor(eventName: string, backupNamed: boolean): Mode {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review':
      return 'plan';
    case 'push':
      return 'deploy';
    case 'workflow_dispatch':
      return backupNamed ? 'rollback' : 'deploy';
    case 'schedule':
      return 'drift';
    default:
      throw new ConfigurationError(
        `Mode "auto" does not know what to do on "${eventName}" events.`,
        'Set the "mode" input (validate, plan, deploy, rollback or drift).',
      );
  }
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function optionalNumber(
  read: InputReader,
  name: string,
  rules: { integer?: boolean; zero?: boolean } = {},
): number | undefined {
  const raw = read(name);
  if (raw === '') return undefined;
  // Plain decimal digits only: Number() would also take 0x10, 1e2 or 1e-9.
  const value = (rules.integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(raw) ? Number(raw) : NaN;
  const ok =
    Number.isSafeInteger(Math.trunc(value)) &&
    (rules.zero ? value >= 0 : value > 0) &&
    (!rules.integer || Number.isInteger(value));
  if (!ok) {
    throw new ConfigurationError(
      `Input "${name}" must be a ${rules.integer ? 'whole ' : ''}number${rules.zero ? ' (0 or more)' : ' above 0'}; got "${raw}".`,
    );
  }
  return value;
}

function settleMsInput(read: InputReader): number | undefined {
  const seconds = optionalNumber(read, 'settle-seconds', { zero: true });
  if (seconds !== undefined && seconds > 3600)
    throw new ConfigurationError(
      `Input "settle-seconds" must be at most 3600; got "${read('settle-seconds')}".`,
    );
  return seconds === undefined ? undefined : seconds * 1000;
}

function booleanInput(read: InputReader, name: string, fallback: boolean): boolean {
  const raw = read(name).toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigurationError(`Input "${name}" must be true or false; got "${raw}".`);
}

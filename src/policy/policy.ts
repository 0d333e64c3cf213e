import type { ValidateFunction } from 'ajv';
import policySchema from '../../schema/datatable-policy.schema.json' with { type: 'json' };
import { createAjv } from '../config/ajv.js';
import type { Node } from 'yaml';
import { finding, type Finding } from '../config/findings.js';
import { checkStructure } from '../config/structure.js';
import { parseYamlSource, positionOf } from '../config/yaml-source.js';
import { ConfigurationError } from '../errors.js';
import { DEFAULT_THRESHOLDS, type ThresholdSettings } from '../plan/thresholds.js';
import type { NumericThresholds } from './limits.js';
import { checkSchedule, type ChangeWindow, type Freeze, type Schedule, type Weekday } from './windows.js';

/**
 * Where the policy lives in the repository. Fixed on purpose: were it an input, a change to a
 * workflow file could point the gate at a looser file. Under .github/ so that the CODEOWNERS
 * rule that protects the workflows protects it too.
 */
export const POLICY_PATH = '.github/datatable-deploy/policy.yaml';

/** One section of the policy file (defaults, or an environment's), as written. */
export interface PolicySection {
  thresholds?: Partial<ThresholdSettings>;
  approvals?: { required?: number; approvers?: string[] };
  timezone?: string;
  windows?: Array<Omit<ChangeWindow, 'timezone'> & { timezone?: string }>;
  freezes?: Array<Omit<Freeze, 'timezone'> & { timezone?: string }>;
  emergency?: { approvers?: string[] };
}

export interface PolicyFile {
  version: 1;
  defaults?: PolicySection;
  environments?: Record<string, PolicySection>;
}

/** The policy that applies to one environment: defaults and its section merged, then tightened. */
export interface EnvironmentPolicy {
  /** Where it came from, for messages: "<file> at <commit>", or "built-in defaults". */
  source: string;
  environment?: string | undefined;
  thresholds: ThresholdSettings;
  approvals: {
    required: number;
    /** Lower-case logins; empty: anyone with write, maintain or admin permission. */
    approvers: string[];
    /** Lower-case logins the action's `approvers` input narrows the approvers to (empty: no narrowing). */
    narrowedTo: string[];
  };
  /** Change windows and freezes: a deploy may start only when every one of them is open. */
  schedules: Schedule[];
  /** Lower-case logins who may grant an emergency override; empty: none can. */
  emergencyApprovers: string[];
}

let validator: ValidateFunction | undefined;

/**
 * Everything wrong with a policy file, each at its line and column: YAML, the schema
 * (schema/datatable-policy.schema.json), and the windows and freezes (zones, dates, times).
 */
export function policyFindings(file: string, bytes: Buffer): { policy?: PolicyFile; findings: Finding[] } {
  const source = parseYamlSource(file, bytes);
  if (Array.isArray(source)) return { findings: source };
  const findings = checkStructure(source, source.value, (validator ??= createAjv().compile(policySchema)));
  if (findings.length > 0) return { findings };
  const policy = source.value as PolicyFile;
  for (const [name, section] of sections(policy)) {
    try {
      checkSchedule(scheduleOf(section, 'UTC'), `${file} ${name}`);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      const node = source.doc.getIn(name.split('.'), true) as Node | undefined;
      findings.push(
        finding(
          'schema-value',
          file,
          positionOf(source, node),
          error.message,
          error.hint ? { hint: error.hint } : {},
        ),
      );
    }
  }
  return findings.length > 0 ? { findings } : { policy, findings };
}

/** Parses and checks a policy file; a broken one is refused with every finding's place. */
export function parsePolicy(file: string, bytes: Buffer): PolicyFile {
  const { policy, findings } = policyFindings(file, bytes);
  if (policy) return policy;
  throw new ConfigurationError(
    // The findings' own hints speak of config files; the schema reference is the fix here.
    `The policy file ${file} is not valid:\n${findings.map((item) => `  ${item.file}:${item.line}:${item.column} ${item.message}`).join('\n')}`,
    'Correct it against schema/datatable-policy.schema.json (see "The policy file" in the README).',
  );
}

/** The policy for `environment`: the defaults, with the environment's own section over them. */
export function policyFor(
  file: PolicyFile | undefined,
  environment: string | undefined,
  source: string,
): EnvironmentPolicy {
  const defaults = file?.defaults ?? {};
  const own = (environment !== undefined && file?.environments?.[environment]) || {};
  const merged: PolicySection = { ...defaults, ...own };
  const timezone = merged.timezone ?? 'UTC';
  return {
    source,
    environment,
    thresholds: { ...DEFAULT_THRESHOLDS, ...defaults.thresholds, ...own.thresholds },
    approvals: {
      required: merged.approvals?.required ?? 1,
      approvers: logins(merged.approvals?.approvers),
      narrowedTo: [],
    },
    schedules: [scheduleOf({ ...merged, timezone }, timezone)],
    emergencyApprovers: logins(merged.emergency?.approvers),
  };
}

/** What the action's inputs or the CLI's options ask; they may only make the policy stricter. */
export interface PolicyTightening {
  thresholds?: Partial<NumericThresholds>;
  requiredApprovals?: number | undefined;
  approvers?: readonly string[];
}

/**
 * Applies inputs to a policy, only ever tightening it: a lower limit wins, more approvals win,
 * and an approver list narrows who may approve, never widens it.
 */
export function tighten(policy: EnvironmentPolicy, tightening: PolicyTightening): EnvironmentPolicy {
  const thresholds = { ...policy.thresholds };
  for (const [field, value] of Object.entries(tightening.thresholds ?? {}) as Array<
    [keyof NumericThresholds, number]
  >)
    thresholds[field] = Math.min(thresholds[field], value);
  return {
    ...policy,
    thresholds,
    approvals: {
      ...policy.approvals,
      required: Math.max(policy.approvals.required, tightening.requiredApprovals ?? 0),
      narrowedTo: logins(tightening.approvers),
    },
  };
}

/**
 * The strictest of several policies of one environment (the base's, and others a deploy must
 * also honour): the lowest limits, the most approvals, and every window and freeze. Who may
 * approve or override stays the primary's: a list from another commit (the change itself,
 * say) must not name new people.
 */
export function strictest(
  primary: EnvironmentPolicy,
  others: readonly EnvironmentPolicy[],
): EnvironmentPolicy {
  return others.reduce((strict, other) => {
    const thresholds = { ...strict.thresholds };
    for (const field of [
      'maxChangedRows',
      'maxChangedPercent',
      'maxDeletedRows',
      'maxTotalChangedRows',
    ] as const)
      thresholds[field] = Math.min(thresholds[field], other.thresholds[field]);
    thresholds.schemaChangesNeedApproval ||= other.thresholds.schemaChangesNeedApproval;
    return {
      ...strict,
      source: strict.source === other.source ? strict.source : `${strict.source}, and ${other.source}`,
      thresholds,
      approvals: {
        ...strict.approvals,
        required: Math.max(strict.approvals.required, other.approvals.required),
      },
      schedules: [...strict.schedules, ...other.schedules],
    };
  }, primary);
}

/** Logins as compared: lower case, without a leading @. */
export function logins(list: readonly string[] | undefined): string[] {
  return (list ?? []).map((login) => login.replace(/^@/, '').toLowerCase());
}

function sections(policy: PolicyFile): Array<[string, PolicySection]> {
  return [
    ['defaults', policy.defaults ?? {}],
    ...Object.entries(policy.environments ?? {}).map(([name, section]): [string, PolicySection] => [
      `environments.${name}`,
      section,
    ]),
  ];
}

function scheduleOf(section: PolicySection, fallbackZone: string): Schedule {
  const timezone = section.timezone ?? fallbackZone;
  return {
    windows: (section.windows ?? []).map((window) => ({
      ...window,
      days: window.days as Weekday[],
      timezone: window.timezone ?? timezone,
    })),
    freezes: (section.freezes ?? []).map((freeze) => ({ ...freeze, timezone: freeze.timezone ?? timezone })),
  };
}

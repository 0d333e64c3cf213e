import { ConfigurationError } from '../errors.js';
import type { ThresholdSettings } from '../plan/thresholds.js';

/**
 * The threshold settings a command-line option or an action input may set, by name (the same
 * names in both), with the rules their values follow. The one parser of thresholds: the CLI,
 * the action and the policy file's schema accept the same values.
 */
export const THRESHOLD_NAMES = {
  'max-changed-rows': { field: 'maxChangedRows', integer: true },
  'max-changed-percent': { field: 'maxChangedPercent', integer: false },
  'max-deleted-rows': { field: 'maxDeletedRows', integer: true },
  'max-total-changed-rows': { field: 'maxTotalChangedRows', integer: true },
} as const satisfies Record<string, { field: keyof ThresholdSettings; integer: boolean }>;

export type ThresholdName = keyof typeof THRESHOLD_NAMES;
export type NumericThresholds = Omit<ThresholdSettings, 'schemaChangesNeedApproval'>;

/**
 * Parses one limit. `label` names it for people (`--max-changed-rows`, `Input "max-changed-rows"`).
 * Whole numbers for counts; percentages may have decimals (12.5) and are at most 100.
 */
export function parseLimit(
  label: string,
  raw: string,
  rules: { integer: boolean; percent?: boolean },
): number {
  const text = raw.trim();
  const pattern = rules.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const value = Number(text);
  const ok =
    pattern.test(text) && Number.isSafeInteger(Math.trunc(value)) && (!rules.percent || value <= 100);
  if (!ok) {
    const what = rules.integer ? 'a whole number (0 or more)' : 'a number from 0 to 100 (decimals allowed)';
    throw new ConfigurationError(
      `${label} must be ${what}; got "${raw}".`,
      `Give ${rules.integer ? 'digits only, such as 50' : 'a percentage such as 12.5'}, or leave it out for the policy's limit.`,
    );
  }
  return value;
}

/**
 * The threshold limits given as options or inputs, read through `read` (undefined or '' when
 * not given). `label` turns a name into how it is shown. What is not given is left out.
 */
export function parseThresholdLimits(
  read: (name: ThresholdName) => string | undefined,
  label: (name: ThresholdName) => string,
): Partial<NumericThresholds> {
  const limits: Partial<NumericThresholds> = {};
  for (const [name, rule] of Object.entries(THRESHOLD_NAMES) as Array<
    [ThresholdName, (typeof THRESHOLD_NAMES)[ThresholdName]]
  >) {
    const raw = read(name);
    if (raw === undefined || raw === '') continue;
    limits[rule.field] = parseLimit(label(name), raw, {
      integer: rule.integer,
      percent: name === 'max-changed-percent',
    });
  }
  return limits;
}

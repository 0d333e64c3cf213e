import { createAjv } from '../config/ajv.js';
import { ConfigurationError } from '../errors.js';
import { freezePlan, planDigest } from './build.js';
import { signatureOf, UNCHECKED_SIGNATURE_WARNING, verifySignature } from './signing.js';
import { PLAN_FORMAT_VERSION, type Plan } from './types.js';

/**
 * The plan's JSON form: the contract for scripts, and what `apply --plan` reads back. With a
 * signing key the file carries `signature`, over everything else in it.
 */
export function serializePlan(plan: Plan, signingKey?: string): string {
  const { signature: _old, ...unsigned } = plan;
  const signed =
    signingKey === undefined
      ? unsigned
      : { ...unsigned, signature: signatureOf('plan', unsigned, signingKey) };
  return `${JSON.stringify(signed, null, 1)}\n`;
}

const cell = { type: ['string', 'number', 'boolean', 'null'] };
const row = {
  type: 'object',
  required: ['key'],
  properties: { key: { type: 'string' } },
  additionalProperties: { type: ['string', 'number', 'boolean'] },
};
/** Enough of the plan's shape to refuse a file that is not a plan, or is damaged. */
const PLAN_SHAPE = {
  type: 'object',
  required: [
    'formatVersion',
    'digest',
    'createdAt',
    'producer',
    'apiHost',
    'deployment',
    'verdict',
    'thresholds',
    'totals',
    'tables',
  ],
  properties: {
    formatVersion: { type: 'integer' },
    digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    signature: { type: 'string' },
    createdAt: { type: 'string' },
    producer: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: { const: 'datatable-deploy' }, version: { type: 'string' } },
    },
    apiHost: { type: 'string', minLength: 1 },
    environment: { type: 'string', minLength: 1 },
    deployment: { type: 'string', minLength: 1 },
    verdict: { enum: ['no-changes', 'within-threshold', 'needs-approval', 'blocked'] },
    thresholds: { type: 'array' },
    totals: { type: 'object' },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'name',
          'file',
          'schema',
          'managed',
          'prune',
          'schemaChanges',
          'blocked',
          'creates',
          'updates',
          'deletes',
          'unchanged',
          'liveRowCount',
          'rowLimit',
          'liveFingerprint',
          'prediction',
        ],
        properties: {
          name: { type: 'string', minLength: 1 },
          id: { type: 'string', minLength: 1 },
          creates: {
            type: 'array',
            items: { type: 'object', required: ['key', 'row'], properties: { row } },
          },
          updates: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'cells', 'before', 'after'],
              properties: {
                cells: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['column', 'before', 'after'],
                    properties: { before: cell, after: cell },
                  },
                },
                before: row,
                after: row,
              },
            },
          },
          deletes: {
            type: 'array',
            items: { type: 'object', required: ['key', 'row'], properties: { row } },
          },
          liveFingerprint: { type: ['string', 'null'] },
        },
      },
    },
  },
};

let validateShape: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

export interface ReadPlanOptions {
  /** With a key, the plan must be signed with it (see plan/signing.ts). */
  signingKey?: string | undefined;
  /** Told once when the plan is signed and there is no key to check it with. */
  warn?: (message: string) => void;
}

/**
 * Reads a plan file back: refuses anything that is not a plan of this format version, a plan
 * that does not name its org, a plan whose content no longer matches its digest (edited or
 * damaged) and, with a signing key, one that is unsigned or not signed with that key.
 */
export function readPlan(text: string, source: string, options: ReadPlanOptions = {}): Plan {
  const refuse = (why: string, hint = 'Write a new one with "datatable-deploy plan --out FILE".'): never => {
    throw new ConfigurationError(`${source} is not a usable plan: ${why}.`, hint);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse(`it is not JSON (${(error as Error).message})`);
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== PLAN_FORMAT_VERSION) {
    return refuse(
      `its formatVersion is ${JSON.stringify(version)}, and this tool reads ${PLAN_FORMAT_VERSION}`,
      `Plan again with this version of datatable-deploy ("datatable-deploy plan --out FILE").`,
    );
  }
  // With a key, authenticate the file before reading anything else in it.
  const { signature, ...unsigned } = value as Record<string, unknown>;
  const verdict = verifySignature('plan', unsigned, signature, options.signingKey);
  if (!verdict.ok) return refuse(verdict.why, verdict.hint);
  // Named apart from the shape errors: a plan that does not say which org it is for could be
  // applied to any org, so this is the refusal to recognise.
  if (typeof (value as { apiHost?: unknown }).apiHost !== 'string')
    return refuse('it does not name the org it was planned against (apiHost)');
  validateShape ??= createAjv().compile(PLAN_SHAPE);
  if (!validateShape(value)) {
    const [first] = validateShape.errors ?? [];
    return refuse(`${first?.instancePath || 'the plan'} ${first?.message ?? 'has the wrong shape'}`);
  }
  const plan = value as Plan;
  const digest = planDigest(plan);
  if (digest !== plan.digest)
    return refuse(
      `its content does not match its digest (recorded ${plan.digest}, computed ${digest}); it was changed after planning`,
    );
  if (verdict.unchecked) options.warn?.(UNCHECKED_SIGNATURE_WARNING);
  // Tables are applied by id; only a table the plan creates (or a blocked one, or a tombstone of
  // a table already gone) may lack one.
  const creates = (table: Plan['tables'][number]) =>
    table.schemaChanges.some((change) => change.kind === 'create-table');
  const unidentified = plan.tables.find((table) =>
    table.id === undefined
      ? !creates(table) &&
        table.blocked.length === 0 &&
        !(table.tombstone && table.schemaChanges.length === 0)
      : creates(table),
  );
  if (unidentified)
    return refuse(
      `table ${unidentified.name} ${unidentified.id === undefined ? 'has no id, and the plan does not create it' : 'has an id, and the plan creates it'}`,
    );
  // A table delete always needs an approval: a plan that deletes one without asking for it
  // (an unsigned file edited and its digest recomputed) is not one this tool made.
  const unasked = plan.tables.find(
    (table) =>
      table.schemaChanges.some((change) => change.kind === 'delete-table') &&
      (!plan.thresholds.some(
        (crossing) => crossing.kind === 'table-delete' && crossing.table === table.name,
      ) ||
        (plan.verdict !== 'needs-approval' && plan.verdict !== 'blocked')),
  );
  if (unasked)
    return refuse(
      `it deletes table ${unasked.name} without the approval a table delete always needs; it was changed after planning`,
    );
  return freezePlan(plan);
}

/** What a plan or a backup must be bound to, to be used here. */
export interface ExpectedBinding {
  /** The API host of the client that would write (`new URL(apiBase).host`). */
  apiHost: string;
  /** Checked when given (`--environment`, the action's environment input). */
  environment?: string | undefined;
  /** Checked when given (`--deployment`, the action's deployment input). */
  deployment?: string | undefined;
}

/** What differs between a recorded binding and the expected one; empty when it matches. */
export function bindingMismatches(
  recorded: { apiHost: string; environment?: string | undefined; deployment: string },
  expected: ExpectedBinding,
): string[] {
  const problems: string[] = [];
  if (recorded.apiHost !== expected.apiHost)
    problems.push(`it was made against the org at ${recorded.apiHost}, not ${expected.apiHost}`);
  if (expected.environment !== undefined && recorded.environment !== expected.environment)
    problems.push(
      `it is for ${recorded.environment === undefined ? 'no environment' : `environment "${recorded.environment}"`}, not "${expected.environment}"`,
    );
  if (expected.deployment !== undefined && recorded.deployment !== expected.deployment)
    problems.push(`it is for deployment "${recorded.deployment}", not "${expected.deployment}"`);
  return problems;
}

/**
 * Refuses a plan bound to another org, environment or deployment than the one about to be
 * written to, with a {@link ConfigurationError}.
 */
export function checkPlanBinding(plan: Plan, expected: ExpectedBinding, source = 'the plan'): void {
  const problems = bindingMismatches(plan, expected);
  if (problems.length === 0) return;
  throw new ConfigurationError(
    `Refusing to apply ${source}: ${problems.join('; ')}. Nothing was written.`,
    'Apply a plan made for this org, environment and deployment: run "datatable-deploy plan --out FILE" with the same --environment and --deployment (and connection settings) as the apply.',
  );
}

/** One line naming a binding, shown before anything asks for confirmation. */
export function describeBinding(binding: {
  apiHost: string;
  environment?: string | undefined;
  deployment: string;
}): string {
  return `org ${binding.apiHost}, environment ${binding.environment ?? '(none)'}, deployment ${binding.deployment}`;
}

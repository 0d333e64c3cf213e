import { createAjv } from '../config/ajv.js';
import { ConfigurationError } from '../errors.js';
import { deepFreeze, planDigest } from './build.js';
import { PLAN_FORMAT_VERSION, type Plan } from './types.js';

/** The plan's JSON form: the contract for scripts, and what `apply --plan` reads back. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 1)}\n`;
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
  required: ['formatVersion', 'digest', 'createdAt', 'verdict', 'thresholds', 'totals', 'tables'],
  properties: {
    formatVersion: { type: 'integer' },
    digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    createdAt: { type: 'string' },
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
          'liveFingerprint',
          'prediction',
        ],
        properties: {
          name: { type: 'string' },
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

/**
 * Reads a plan file back: refuses anything that is not a plan of this format version, and any
 * plan whose content no longer matches its digest (edited or damaged).
 */
export function readPlan(text: string, source: string): Plan {
  const refuse = (why: string): never => {
    throw new ConfigurationError(
      `${source} is not a usable plan: ${why}.`,
      'Write a new one with "datatable-deploy plan --out FILE".',
    );
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
    );
  }
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
  return deepFreeze(plan);
}

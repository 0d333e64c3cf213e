import {
  addressOf,
  DIVISION_TYPE,
  HOME_DIVISION_TYPE,
  TABLE_TYPE,
  type JsonValue,
  type TfResource,
} from './types.js';
import { isExpression, literalString } from './values.js';

/** What an id attribute (datatable_id, division_id) points at. */
export type Target =
  | { kind: 'resource'; address: string }
  | { kind: 'id'; id: string }
  | { kind: 'expression'; text: string }
  | { kind: 'none' };

/**
 * Reads `"${[module.M.]TYPE.LABEL[index].id}"` (a reference the provider's exporter and hand
 * written HCL both use) as the address it names; a literal is an id of something Terraform may
 * not manage at all; anything else needs Terraform.
 */
export function targetOf(value: JsonValue | undefined, types: readonly string[]): Target {
  const literal = literalString(value);
  if (literal !== undefined) return { kind: 'id', id: literal };
  if (!isExpression(value)) return { kind: 'none' };
  const match = /^\$\{\s*((?:module\.[\w-]+\.)*)(data\.)?([\w-]+)\.([\w-]+)(\[[^\]]+\])?\.id\s*\}$/.exec(
    value,
  );
  if (!match || !types.includes(match[3]!)) return { kind: 'expression', text: value };
  const index = match[5] ? normaliseIndex(match[5]) : '';
  const module = match[1] ? match[1].slice(0, -1) : '';
  return {
    kind: 'resource',
    address: `${module ? `${module}.` : ''}${match[2] ?? ''}${match[3]}.${match[4]}${index}`,
  };
}

/** `[0]` and `["k"]` as addressOf writes them. */
function normaliseIndex(index: string): string {
  const inner = index.slice(1, -1).trim();
  if (/^\d+$/.test(inner)) return `[${inner}]`;
  try {
    return `[${JSON.stringify(JSON.parse(inner) as string)}]`;
  } catch {
    return index;
  }
}

export const TABLE_TYPES = [TABLE_TYPE] as const;
export const DIVISION_TYPES = [DIVISION_TYPE, HOME_DIVISION_TYPE] as const;

/** Finds the resource a target names, by address or (state) by id. */
export function findTarget(target: Target, resources: readonly TfResource[]): TfResource | undefined {
  if (target.kind === 'resource') return resources.find((resource) => addressOf(resource) === target.address);
  if (target.kind === 'id')
    return resources.find((resource) => literalString(resource.attributes.id) === target.id);
  return undefined;
}

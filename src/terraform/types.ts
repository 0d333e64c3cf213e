/**
 * The shapes the Terraform readers produce: one resource (or data source) per block or state
 * instance, with its attributes as plain JSON values, whatever the input format was. Values an
 * input leaves unevaluated (a reference, a function call, a variable) stay as Terraform writes
 * them in JSON: strings holding `${...}`.
 */

/** Where an item was read: the file, and the line and column when the format gives them. */
export interface Where {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The formats `import terraform` reads. */
export type InputFormat = 'hcl' | 'tf-json' | 'state-v4' | 'state-v3' | 'show-json';

export interface TfResource {
  mode: 'managed' | 'data';
  type: string;
  /** The block label (the name in state). Used to follow references only, never as a table name. */
  label: string;
  /** The instance key of a for_each / count resource, read from state. */
  indexKey?: string | number | undefined;
  /** Config only: the meta-argument that makes this block stand for several instances. */
  repeatedBy?: 'for_each' | 'count' | undefined;
  /** Set on managed resources inside a module (their state rm address needs the module path). */
  module?: string | undefined;
  /** Whether the resource was read from configuration (desired) or from state (deployed). */
  source: 'config' | 'state';
  attributes: JsonObject;
  where: Where;
}

/** Something the import could not turn into config, said precisely enough to fix by hand. */
export interface Unresolved {
  where: Where;
  /** The Terraform address it concerns, e.g. `genesyscloud_architect_datatable_row.vip`. */
  address: string;
  message: string;
  /** What to do about it. */
  hint: string;
}

export interface ReadResult {
  file: string;
  format: InputFormat;
  resources: TfResource[];
  unresolved: Unresolved[];
}

/** The Terraform address of a resource as `terraform state rm` takes it. */
export function addressOf(
  resource: Pick<TfResource, 'mode' | 'type' | 'label' | 'indexKey' | 'module'>,
): string {
  const base = `${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.label}`;
  const index =
    resource.indexKey === undefined
      ? ''
      : typeof resource.indexKey === 'number'
        ? `[${resource.indexKey}]`
        : `[${JSON.stringify(resource.indexKey)}]`;
  return `${resource.module ? `${resource.module}.` : ''}${base}${index}`;
}

/** `file:line:column`, as far as known. */
export function describeWhere(where: Where): string {
  if (where.line === undefined) return where.file;
  return `${where.file}:${where.line}${where.column !== undefined ? `:${where.column}` : ''}`;
}

export const TABLE_TYPE = 'genesyscloud_architect_datatable';
export const ROW_TYPE = 'genesyscloud_architect_datatable_row';
export const DIVISION_TYPE = 'genesyscloud_auth_division';
export const HOME_DIVISION_TYPE = 'genesyscloud_auth_division_home';

/** The resource types the import reads; every other one is ignored. */
export const READ_TYPES: ReadonlySet<string> = new Set([
  TABLE_TYPE,
  ROW_TYPE,
  DIVISION_TYPE,
  HOME_DIVISION_TYPE,
]);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

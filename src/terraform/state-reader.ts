import { ConfigurationError } from '../errors.js';
import { locateJson } from './locate.js';
import { readStateV3 } from './state-v3.js';
import {
  isObject,
  READ_TYPES,
  type JsonObject,
  type JsonValue,
  type ReadResult,
  type TfResource,
} from './types.js';

/**
 * Reads what Terraform has deployed: a state file (v4 since Terraform 0.12; v3 as the
 * exporter's include_state_file writes it) or `terraform show -json` output. State holds every
 * instance evaluated, so rows made by for_each/count resolve here and only here.
 */
export function readState(file: string, text: string, parsed: JsonObject): ReadResult {
  if (isObject(parsed.values) || typeof parsed.format_version === 'string')
    return { file, format: 'show-json', resources: readShowJson(file, text, parsed), unresolved: [] };
  if (parsed.version === 4)
    return { file, format: 'state-v4', resources: readV4(file, text, parsed), unresolved: [] };
  if (parsed.version === 3)
    return { file, format: 'state-v3', resources: readStateV3(file, text, parsed), unresolved: [] };
  throw new ConfigurationError(
    `${file}:1:1: this state file has version ${JSON.stringify(parsed.version ?? null)}; import reads versions 3 and 4, and "terraform show -json" output.`,
    'Run "terraform show -json > state.json" with your Terraform, and import that file.',
  );
}

/** v4: `resources[]` of `{ mode, type, name, module?, instances[]: { index_key?, attributes } }`. */
function readV4(file: string, text: string, state: JsonObject): TfResource[] {
  const resources: TfResource[] = [];
  let from = 0;
  for (const entry of Array.isArray(state.resources) ? state.resources : []) {
    if (!isObject(entry) || typeof entry.type !== 'string' || typeof entry.name !== 'string') continue;
    const found = locateJson(file, text, 'name', entry.name, from);
    from = found.offset;
    if (!READ_TYPES.has(entry.type)) continue;
    const { offset: _offset, ...where } = found;
    for (const instance of Array.isArray(entry.instances) ? entry.instances : []) {
      if (!isObject(instance) || !isObject(instance.attributes)) continue;
      resources.push({
        mode: entry.mode === 'data' ? 'data' : 'managed',
        type: entry.type,
        label: entry.name,
        indexKey: indexKey(instance.index_key),
        module: typeof entry.module === 'string' ? entry.module : undefined,
        source: 'state',
        attributes: instance.attributes,
        where,
      });
    }
  }
  return resources;
}

/** `terraform show -json`: `values.root_module.resources[]` and, nested, `child_modules[]`. */
function readShowJson(file: string, text: string, shown: JsonObject): TfResource[] {
  const resources: TfResource[] = [];
  const values = isObject(shown.values) ? shown.values : {};
  const visit = (module: JsonValue | undefined, path: string | undefined) => {
    if (!isObject(module)) return;
    for (const entry of Array.isArray(module.resources) ? module.resources : []) {
      if (!isObject(entry) || typeof entry.type !== 'string' || typeof entry.name !== 'string') continue;
      if (!READ_TYPES.has(entry.type) || !isObject(entry.values)) continue;
      const { offset: _offset, ...where } =
        typeof entry.address === 'string'
          ? locateJson(file, text, 'address', entry.address)
          : { file, offset: 0 };
      resources.push({
        mode: entry.mode === 'data' ? 'data' : 'managed',
        type: entry.type,
        label: entry.name,
        indexKey: indexKey(entry.index),
        module: path,
        source: 'state',
        attributes: entry.values,
        where,
      });
    }
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : [])
      if (isObject(child)) visit(child, typeof child.address === 'string' ? child.address : path);
  };
  visit(values.root_module, undefined);
  return resources;
}

function indexKey(value: JsonValue | undefined): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

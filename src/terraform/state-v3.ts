import { locateJson } from './locate.js';
import { isObject, READ_TYPES, type JsonObject, type JsonValue, type TfResource } from './types.js';

/**
 * State v3, as the exporter's include_state_file writes it (the plugin SDK's legacy state):
 * `modules[]: { path: ["root", …], resources: { "TYPE.LABEL[.N]" | "data.TYPE.LABEL":
 * { type, primary: { id, attributes } } } }`, with attributes flattened to strings
 * (`properties.# = "2"`, `properties.0.name = "key"`).
 */
export function readStateV3(file: string, text: string, state: JsonObject): TfResource[] {
  const resources: TfResource[] = [];
  for (const module of Array.isArray(state.modules) ? state.modules : []) {
    if (!isObject(module) || !isObject(module.resources)) continue;
    const path = Array.isArray(module.path) ? module.path.filter((part) => typeof part === 'string') : [];
    const modulePath =
      path
        .slice(1)
        .map((name) => `module.${name}`)
        .join('.') || undefined;
    for (const [key, entry] of Object.entries(module.resources)) {
      const address = parseKey(key);
      if (!address || !READ_TYPES.has(address.type) || !isObject(entry) || !isObject(entry.primary)) continue;
      const attributes = entry.primary.attributes;
      if (!isObject(attributes)) continue;
      const { offset: _offset, ...where } = locateJson(file, text, key);
      resources.push({
        ...address,
        module: modulePath,
        source: 'state',
        attributes: unflatten(attributes),
        where,
      });
    }
  }
  return resources;
}

/** "data.TYPE.LABEL", "TYPE.LABEL" or "TYPE.LABEL.3" (count index). */
function parseKey(key: string): Pick<TfResource, 'mode' | 'type' | 'label' | 'indexKey'> | undefined {
  const match = /^(data\.)?([\w-]+)\.([\w-]+)(?:\.(\d+))?$/.exec(key);
  if (!match) return undefined;
  return {
    mode: match[1] ? 'data' : 'managed',
    type: match[2]!,
    label: match[3]!,
    indexKey: match[4] !== undefined ? Number(match[4]) : undefined,
  };
}

/**
 * Flatmap → nested values: numeric segments make lists, others objects; the `#` and `%` count
 * entries are dropped (the items themselves say as much). Values stay strings, as v3 wrote them.
 */
export function unflatten(flat: JsonObject): JsonObject {
  const root: JsonObject = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.at(-1) === '#' || parts.at(-1) === '%') continue;
    let node: JsonObject | JsonValue[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const container = node as Record<string, JsonValue>;
      if (last) {
        container[part] = value;
        return;
      }
      const next = container[part] ?? (/^\d+$/.test(parts[index + 1]!) ? [] : {});
      container[part] = next;
      node = next as JsonObject | JsonValue[];
    });
  }
  return compact(root) as JsonObject;
}

/** Lists built from sparse indices, made dense in index order. */
function compact(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  return value;
}

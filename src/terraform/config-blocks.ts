import { isObject, READ_TYPES, type JsonObject, type TfResource, type Where } from './types.js';

/**
 * Terraform configuration as JSON (what the HCL parser returns, and the `.tf.json` syntax):
 * `{ resource: { TYPE: { LABEL: body | [body] } }, data: { … } }`. Returns the blocks of the
 * types the import reads; `locate` says where each one was written.
 */
export function configResources(
  root: JsonObject,
  locate: (mode: 'resource' | 'data', type: string, label: string) => Where,
): TfResource[] {
  const resources: TfResource[] = [];
  for (const mode of ['resource', 'data'] as const) {
    const byType = root[mode];
    if (!isObject(byType)) continue;
    for (const [type, byLabel] of Object.entries(byType)) {
      if (!READ_TYPES.has(type) || !isObject(byLabel)) continue;
      for (const [label, value] of Object.entries(byLabel)) {
        const bodies = Array.isArray(value) ? value : [value];
        for (const body of bodies) {
          if (!isObject(body)) continue;
          resources.push({
            mode: mode === 'resource' ? 'managed' : 'data',
            type,
            label,
            repeatedBy:
              body.for_each !== undefined ? 'for_each' : body.count !== undefined ? 'count' : undefined,
            source: 'config',
            attributes: body,
            where: locate(mode, type, label),
          });
        }
      }
    }
  }
  return resources;
}

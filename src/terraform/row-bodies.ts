import { evaluateJsonencode } from './jsonencode.js';
import { addressOf, ROW_TYPE, type TfResource, type Unresolved } from './types.js';

/**
 * Configuration rows' bodies as the JSON text Terraform would send. `jsonencode({...})` of
 * literal values (HCL, and hand-written .tf.json) is evaluated; a body that needs Terraform is
 * reported here with the reason and set to null, which tells the resolver to leave the row out
 * (or to take it from state, which holds it evaluated).
 */
export async function evaluateRowBodies(resources: TfResource[]): Promise<Unresolved[]> {
  const unresolved: Unresolved[] = [];
  for (const resource of resources) {
    const body = resource.attributes.properties_json;
    // Rows repeated by for_each/count are reported as a whole when they are merged with state.
    if (resource.type !== ROW_TYPE || resource.repeatedBy || typeof body !== 'string') continue;
    const evaluated = await evaluateJsonencode(body);
    if ('json' in evaluated) {
      resource.attributes = { ...resource.attributes, properties_json: evaluated.json };
      continue;
    }
    unresolved.push({
      where: resource.where,
      address: addressOf(resource),
      message: `properties_json: ${evaluated.problem}; the row is left out.`,
      hint: 'Write the row into the imported file by hand, or import the state too (state holds the evaluated row).',
    });
    resource.attributes = { ...resource.attributes, properties_json: null };
  }
  return unresolved;
}

import { addressOf, type ReadResult, type TfResource, type Unresolved } from './types.js';

/**
 * One resource per address across all inputs. Configuration is what the team wrote, so it wins
 * where it resolves; state fills in what configuration cannot say: the instances of a
 * for_each/count block, and rows whose body needs Terraform to evaluate. A repeated block with
 * no instances in the input is reported: those resolve only from state.
 */
export function mergeSources(results: readonly ReadResult[]): {
  resources: TfResource[];
  unresolved: Unresolved[];
} {
  const all = results.flatMap((result) => result.resources);
  const fromState = all.filter((resource) => resource.source === 'state');
  const stateAddresses = new Set(fromState.map((resource) => addressOf(resource)));
  const stateBases = new Set(fromState.map((resource) => addressOf({ ...resource, indexKey: undefined })));
  const chosen = new Map<string, TfResource>();
  const replacedByState = new Set<string>();
  const unresolved: Unresolved[] = [];

  for (const resource of all.filter((item) => item.source === 'config')) {
    const address = addressOf(resource);
    if (resource.repeatedBy) {
      if (!stateBases.has(address) && resource.mode === 'managed')
        unresolved.push(repeated(resource, address));
      continue;
    }
    // A row body the reader could not evaluate is null; state holds it evaluated.
    if (resource.attributes.properties_json === null && stateAddresses.has(address)) {
      replacedByState.add(address);
      continue;
    }
    if (!chosen.has(address)) chosen.set(address, resource);
  }
  for (const resource of fromState) {
    const address = addressOf(resource);
    const config = chosen.get(address);
    if (!config) chosen.set(address, resource);
    // State knows the id configuration only refers to: rows in state name their table by it.
    else if (config.attributes.id === undefined && resource.attributes.id !== undefined)
      chosen.set(address, { ...config, attributes: { ...config.attributes, id: resource.attributes.id } });
  }
  const readerItems = results
    .flatMap((result) => result.unresolved)
    .filter((item) => !replacedByState.has(item.address));
  return { resources: [...chosen.values()], unresolved: [...readerItems, ...unresolved] };
}

function repeated(resource: TfResource, address: string): Unresolved {
  const what = resource.type.endsWith('_row') ? 'rows' : 'tables';
  return {
    where: resource.where,
    address,
    message: `its ${what} are made by ${resource.repeatedBy} (${describeRepeat(resource)}), which only Terraform can expand; they are left out.`,
    hint: 'Import the state too ("terraform show -json > state.json", or terraform.tfstate): state holds every instance, evaluated.',
  };
}

function describeRepeat(resource: TfResource): string {
  const value = resource.attributes[resource.repeatedBy!];
  const text = typeof value === 'string' ? value.replace(/^\$\{([\s\S]*)\}$/, '$1') : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

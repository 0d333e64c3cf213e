import { ConfigurationError } from '../errors.js';
import { configResources } from './config-blocks.js';
import { locateJson } from './locate.js';
import { evaluateRowBodies } from './row-bodies.js';
import { isObject, type ReadResult } from './types.js';

/**
 * Reads Terraform's JSON configuration syntax, the exporter's default (`genesyscloud.tf.json`,
 * or one file per resource type with split_files_by_resource). Row bodies are JSON text in an
 * escaped string there; references stay "${...}" strings.
 */
export async function readTfJson(file: string, text: string, parsed: unknown): Promise<ReadResult> {
  if (!isObject(parsed))
    throw new ConfigurationError(
      `${file}:1:1: a .tf.json file holds a JSON object ({ "resource": { … } }); this one does not.`,
      "Give the exporter's genesyscloud.tf.json (or the files split_files_by_resource writes), or leave this file out.",
    );
  const resources = configResources(parsed, (mode, type, label) => {
    // The label is searched for after its type's key, so that a label shared by two types is
    // found in the right section.
    const section = locateJson(file, text, mode);
    const typed = locateJson(file, text, type, undefined, section.offset);
    const { offset: _offset, ...where } = locateJson(file, text, label, undefined, typed.offset);
    return where;
  });
  // The exporter writes bodies as JSON text; hand-written files may use jsonencode({...}).
  const unresolved = await evaluateRowBodies(resources);
  return { file, format: 'tf-json', resources, unresolved };
}

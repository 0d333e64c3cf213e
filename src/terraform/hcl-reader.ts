import { configResources } from './config-blocks.js';
import { parseHcl } from './hcl-parser.js';
import { locateHclBlock } from './locate.js';
import { evaluateRowBodies } from './row-bodies.js';
import type { ReadResult } from './types.js';

/**
 * Reads a `.tf` file (HCL2). A syntax error throws a ConfigurationError located at
 * file:line:column; blocks are located by their header line (the parser gives no positions).
 */
export async function readHcl(file: string, text: string): Promise<ReadResult> {
  const root = await parseHcl(file, text);
  const resources = configResources(root, (mode, type, label) =>
    locateHclBlock(file, text, mode, type, label),
  );
  const unresolved = await evaluateRowBodies(resources);
  return { file, format: 'hcl', resources, unresolved };
}

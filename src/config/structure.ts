import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, type Node } from 'yaml';
import configSchema from '../../schema/datatable-config.schema.json' with { type: 'json' };
import { createAjv } from './ajv.js';
import { finding, type Finding } from './findings.js';
import { positionOf, type YamlSource } from './yaml-source.js';

let validator: ValidateFunction | undefined;

/** The compiled JSON Schema of the config file format (compiled once, on first use). */
function configValidator(): ValidateFunction {
  validator ??= createAjv().compile(configSchema);
  return validator;
}

/**
 * Checks a parsed file against a JSON Schema (by default `schema/datatable-config.schema.json`)
 * and turns each ajv error into a finding at the YAML node it concerns.
 */
export function checkStructure(
  source: YamlSource,
  value: unknown,
  validate: ValidateFunction = configValidator(),
): Finding[] {
  if (validate(value)) return [];
  const findings = new Map<string, Finding>();
  const errors = validate.errors ?? [];
  // Where a value has the wrong type, other complaints about the same value only repeat it.
  const mistyped = new Set(
    errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath),
  );
  for (const error of errors) {
    if (error.keyword !== 'type' && mistyped.has(error.instancePath)) continue;
    const converted = toFinding(source, error);
    if (!converted) continue;
    findings.set(`${converted.rule}:${converted.line}:${converted.column}:${converted.message}`, converted);
  }
  return [...findings.values()];
}

function toFinding(source: YamlSource, error: ErrorObject): Finding | undefined {
  // Errors inside oneOf branches are noise: the oneOf error itself says what is wrong.
  if (error.schemaPath.includes('/oneOf/')) return undefined;
  // An if/then pair reports its `then` keyword's own error too; "must match then" adds nothing.
  if (error.keyword === 'if') return undefined;
  const path = pointerSegments(error.instancePath);
  const node = nodeAt(source, path);
  const where = path.length > 0 ? `"${path.join('.')}"` : 'The file';
  const at = positionOf(source, node);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const key = keyNode(node, name);
      const within = path.length > 0 ? ` in "${path.join('.')}"` : '';
      return finding(
        'schema-unknown-property',
        source.file,
        positionOf(source, key ?? node),
        `Unknown property "${name}"${within}.`,
      );
    }
    case 'required':
      return finding(
        'schema-required',
        source.file,
        at,
        `${where} needs the property "${String(error.params.missingProperty)}".`,
      );
    case 'oneOf':
      if (path.length === 0) {
        return finding(
          'schema-required',
          source.file,
          at,
          'The file needs exactly one of "table" (a name) or "table_id" (an id), not both.',
        );
      }
      if (path.join('.') === 'rows') {
        return finding(
          'schema-type',
          source.file,
          at,
          '"rows" must be a map of key → row, or a list of rows.',
        );
      }
      return finding('schema-type', source.file, at, `${where} does not have an accepted shape.`);
    case 'type':
      return finding(
        'schema-type',
        source.file,
        at,
        `${where} must be ${article(String(error.params.type))}.`,
      );
    case 'enum':
    case 'const': {
      const allowed = (error.params.allowedValues as unknown[] | undefined) ?? [error.params.allowedValue];
      return finding(
        'schema-value',
        source.file,
        at,
        `${where} must be one of: ${allowed.map((item) => JSON.stringify(item)).join(', ')}.`,
      );
    }
    case 'pattern':
      if (path.join('.') === 'table')
        return finding('schema-value', source.file, at, 'A table name may not contain / or \\.');
      if (path.join('.') === 'table_id')
        return finding(
          'schema-value',
          source.file,
          at,
          '"table_id" must be a table id (a UUID such as 6a1f0c2e-3b7d-4a51-9c1e-2f4d8b7a9e10).',
        );
      return finding(
        'schema-value',
        source.file,
        at,
        `${where} must match the pattern ${String(error.params.pattern)}.`,
      );
    default:
      return finding('schema-value', source.file, at, `${where} ${error.message ?? 'is not valid'}.`);
  }
}

function article(type: string): string {
  const names = type
    .split(',')
    .map((name) => (name === 'object' ? 'a map' : name === 'array' ? 'a list' : `a ${name}`));
  return names.join(' or ');
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The deepest node along the path (map keys compared as text, so `1:` matches "1"). */
function nodeAt(source: YamlSource, path: string[]): Node | undefined {
  let node = source.doc.contents as Node | null;
  for (const segment of path) {
    if (!node) break;
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment,
      );
      next = (pair?.value as Node | undefined) ?? (pair?.key as Node | undefined);
    } else if ('items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      next = (node as { items: Node[] }).items[Number(segment)];
    }
    if (!next) break;
    node = next;
  }
  return node ?? undefined;
}

function keyNode(node: Node | undefined, name: string): Node | undefined {
  if (!node || !isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === name);
  return pair?.key as Node | undefined;
}

import type { ValidateFunction } from 'ajv';
import { type Finding } from './findings.js';
import { type YamlSource } from './yaml-source.js';
/**
 * Checks a parsed file against a JSON Schema (by default `schema/datatable-config.schema.json`)
 * and turns each ajv error into a finding at the YAML node it concerns.
 */
export declare function checkStructure(source: YamlSource, value: unknown, validate?: ValidateFunction): Finding[];

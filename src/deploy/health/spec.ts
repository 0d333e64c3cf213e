import { ConfigurationError } from '../../errors.js';
import { createAjv } from '../../config/ajv.js';
import { checkStructure } from '../../config/structure.js';
import { finding, type Finding } from '../../config/findings.js';
import { patternProblem } from '../../config/patterns.js';
import { parseYamlSource, positionOf, type YamlSource } from '../../config/yaml-source.js';

export interface JsonAssertion {
  /** A path such as `$.configVersion` or `$.queues[0].id`. */
  path: string;
  equals?: unknown;
  notEquals?: unknown;
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  exists?: boolean;
  matches?: string;
  contains?: string;
}

export interface HttpProbe {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** A status or a list of them; default 200. */
  expectStatus?: number | number[];
  timeoutSeconds?: number;
  json?: JsonAssertion[];
}

export interface CommandProbe {
  /** Run with /bin/sh -c. */
  run: string;
  expectExitCode?: number;
  timeoutSeconds?: number;
}

export interface ProbeSpec {
  name: string;
  http?: HttpProbe;
  command?: CommandProbe;
  /** Passes needed during the bake; default 1. */
  minPasses?: number;
  /** Failures tolerated during the bake; default 0. */
  maxFailures?: number;
}

export interface HealthSpec {
  /** How long to keep probing after apply; default 0 (one round). */
  bakeSeconds?: number;
  /** Time between rounds; default 5. */
  intervalSeconds?: number;
  probes: ProbeSpec[];
}

const assertion = {
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    path: { type: 'string', pattern: '^\\$' },
    equals: {},
    notEquals: {},
    gt: { type: ['number', 'string'] },
    gte: { type: ['number', 'string'] },
    lt: { type: ['number', 'string'] },
    lte: { type: ['number', 'string'] },
    exists: { type: 'boolean' },
    matches: { type: 'string' },
    contains: { type: 'string' },
  },
};

/** The health-check file's JSON Schema (documented in docs/deploy.md#health-checks). */
export const HEALTH_SCHEMA = {
  type: 'object',
  required: ['probes'],
  additionalProperties: false,
  properties: {
    bakeSeconds: { type: 'number', minimum: 0 },
    intervalSeconds: { type: 'number', exclusiveMinimum: 0 },
    probes: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        oneOf: [{ required: ['http'] }, { required: ['command'] }],
        properties: {
          name: { type: 'string', minLength: 1 },
          minPasses: { type: 'integer', minimum: 0 },
          maxFailures: { type: 'integer', minimum: 0 },
          http: {
            type: 'object',
            required: ['url'],
            additionalProperties: false,
            properties: {
              url: { type: 'string', minLength: 1 },
              method: { enum: ['GET', 'POST', 'PUT', 'HEAD'] },
              headers: { type: 'object', additionalProperties: { type: 'string' } },
              body: { type: 'string' },
              expectStatus: {
                oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' }, minItems: 1 }],
              },
              timeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
              json: { type: 'array', items: assertion },
            },
          },
          command: {
            type: 'object',
            required: ['run'],
            additionalProperties: false,
            properties: {
              run: { type: 'string', minLength: 1 },
              expectExitCode: { type: 'integer' },
              timeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
            },
          },
        },
      },
    },
  },
};

let validator: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/**
 * Reads a health-check file. Every problem is reported with its line and column, and a probe
 * that names an environment variable that is not set is refused here, before any deploy.
 */
export function parseHealthSpec(file: string, bytes: Buffer, env: NodeJS.ProcessEnv): HealthSpec {
  const source = parseYamlSource(file, bytes);
  let problems = Array.isArray(source)
    ? source
    : checkStructure(source, source.value, (validator ??= createAjv().compile(HEALTH_SCHEMA)));
  if (problems.length === 0 && !Array.isArray(source)) problems = unusablePatterns(source);
  if (problems.length > 0) {
    throw new ConfigurationError(
      `The health-check file ${file} is not valid:\n${problems.map((item) => `  ${item.file}:${item.line}:${item.column} ${item.message}`).join('\n')}`,
      'See docs/deploy.md#health-checks for the format.',
    );
  }
  const spec = (source as { value: unknown }).value as HealthSpec;
  const missing = [
    ...new Set(
      [...JSON.stringify(spec).matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]!),
    ),
  ].filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `The health-check file ${file} uses environment variables that are not set: ${missing.join(', ')}.`,
      "Set them for the deploy step (secrets go in the step's env).",
    );
  }
  return spec;
}

/** `matches` patterns that cannot run on the linear-time engine (templated ones are checked when filled). */
function unusablePatterns(source: YamlSource): Finding[] {
  const spec = source.value as HealthSpec;
  const found: Finding[] = [];
  for (const [probeIndex, probe] of spec.probes.entries()) {
    for (const [index, assertion] of (probe.http?.json ?? []).entries()) {
      if (assertion.matches === undefined || assertion.matches.includes('${')) continue;
      const problem = patternProblem(assertion.matches);
      if (problem === undefined) continue;
      const node = source.doc.getIn(['probes', probeIndex, 'http', 'json', index, 'matches'], true);
      const position = positionOf(source, node as Parameters<typeof positionOf>[1]);
      found.push(finding('schema-value', source.file, position, `Probe "${probe.name}": matches ${problem}`));
    }
  }
  return found;
}

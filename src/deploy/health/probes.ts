import { spawn } from 'node:child_process';
import { compilePattern, type LinearPattern } from '../../config/patterns.js';
import { networkCause } from '../../genesys/oauth.js';
import { maskSecrets, maskThenCut } from '../../secrets.js';
import { selectPath } from './json-path.js';
import type { CommandProbe, HttpProbe, JsonAssertion } from './spec.js';

/** What probes may refer to: `${deploy.version}`, `${env:NAME}` and so on. */
export interface ProbeContext {
  deploy: { version: number; digest: string; environment: string; actor: string };
  env: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
}

export type ProbeOutcome = { ok: true; detail: string } | { ok: false; detail: string };

/**
 * Fills `${deploy.*}` and `${env:NAME}` into a probe's text. Environment values are collected
 * as secrets so that no message repeats them.
 */
export function fillTemplate(text: string, context: ProbeContext, secrets: Set<string>): string {
  return text.replace(
    /\$\{(env:([A-Za-z_][A-Za-z0-9_]*)|deploy\.(version|digest|environment|actor))\}/g,
    (_whole, _inner, envName?: string, deployField?: string) => {
      if (envName) {
        const value = context.env[envName] ?? '';
        if (value) secrets.add(value);
        return value;
      }
      return String(context.deploy[deployField as keyof ProbeContext['deploy']]);
    },
  );
}

/**
 * Replaces every template value (`${env:…}`) and every registered secret in a message with
 * `***`. Template values are masked even when short: the probe's author chose to pass them.
 */
export function maskProbeText(text: string, templateValues: ReadonlySet<string>): string {
  let masked = text;
  for (const value of templateValues) if (value.length >= 3) masked = masked.split(value).join('***');
  return maskSecrets(masked);
}

/**
 * One HTTP probe. Environment values in headers and the body are treated as secrets and kept
 * out of messages; the URL is shown as it is (put credentials in headers, not in URLs).
 */
export async function runHttpProbe(probe: HttpProbe, context: ProbeContext): Promise<ProbeOutcome> {
  const secrets = new Set<string>();
  const url = fillTemplate(probe.url, context, secrets);
  const headers = Object.fromEntries(
    Object.entries(probe.headers ?? {}).map(([name, value]) => [name, fillTemplate(value, context, secrets)]),
  );
  const expected =
    probe.expectStatus === undefined
      ? [200]
      : Array.isArray(probe.expectStatus)
        ? probe.expectStatus
        : [probe.expectStatus];
  const shown = maskProbeText(`${probe.method ?? 'GET'} ${url}`, secrets);
  let response: Response;
  let text: string;
  try {
    response = await (context.fetch ?? fetch)(url, {
      method: probe.method ?? 'GET',
      headers,
      body: probe.body !== undefined ? fillTemplate(probe.body, context, secrets) : undefined,
      signal: AbortSignal.timeout((probe.timeoutSeconds ?? 10) * 1000),
      redirect: 'manual',
    });
    text = await response.text();
  } catch (error) {
    const timeout = error instanceof Error && error.name === 'TimeoutError';
    const cause = networkCause(error);
    return {
      ok: false,
      detail: maskProbeText(
        `${shown}: ${timeout ? `no answer within ${probe.timeoutSeconds ?? 10} s` : cause}`,
        secrets,
      ),
    };
  }
  if (!expected.includes(response.status)) {
    return {
      ok: false,
      detail: maskProbeText(
        `${shown} answered ${response.status}, expected ${expected.join(' or ')}: ${maskThenCut(maskProbeText(text, secrets), 200)}`,
        secrets,
      ),
    };
  }
  if (probe.json && probe.json.length > 0) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, detail: `${shown} did not answer JSON` };
    }
    for (const assertion of probe.json) {
      const problem = checkAssertion(body, assertion, context, secrets);
      if (problem) return { ok: false, detail: maskProbeText(`${shown}: ${problem}`, secrets) };
    }
  }
  return { ok: true, detail: `${shown} answered ${response.status}` };
}

/** Why the JSON body breaks an assertion, or undefined when it holds. */
export function checkAssertion(
  body: unknown,
  assertion: JsonAssertion,
  context: ProbeContext,
  secrets: Set<string>,
): string | undefined {
  const selected = selectPath(body, assertion.path);
  const fill = (value: unknown) =>
    typeof value === 'string' ? fillTemplate(value, context, secrets) : value;
  if (assertion.exists !== undefined) {
    if (selected.found !== assertion.exists)
      return `${assertion.path} ${assertion.exists ? 'is missing' : 'exists'}`;
    if (!selected.found) return undefined;
  }
  if (!selected.found) return `${assertion.path} is missing`;
  const actual = selected.value;
  const shown = JSON.stringify(actual);
  if (assertion.equals !== undefined && !looselyEqual(actual, fill(assertion.equals)))
    return `${assertion.path} is ${shown}, expected ${JSON.stringify(fill(assertion.equals))}`;
  if (assertion.notEquals !== undefined && looselyEqual(actual, fill(assertion.notEquals)))
    return `${assertion.path} is ${shown}, which it must not be`;
  const comparisons: Array<[keyof JsonAssertion, string, (a: number, b: number) => boolean]> = [
    ['gt', '>', (a, b) => a > b],
    ['gte', '≥', (a, b) => a >= b],
    ['lt', '<', (a, b) => a < b],
    ['lte', '≤', (a, b) => a <= b],
  ];
  for (const [name, symbol, holds] of comparisons) {
    if (assertion[name] === undefined) continue;
    const limit = Number(fill(assertion[name]));
    const value = Number(actual);
    if (!Number.isFinite(value) || !Number.isFinite(limit) || !holds(value, limit))
      return `${assertion.path} is ${shown}, expected ${symbol} ${limit}`;
  }
  if (assertion.matches !== undefined) {
    let pattern: LinearPattern;
    try {
      pattern = compilePattern(String(fill(assertion.matches)));
    } catch (error) {
      return `${assertion.path}: ${(error as Error).message}`;
    }
    if (!pattern.test(String(actual)))
      return `${assertion.path} is ${shown}, which does not match ${assertion.matches}`;
  }
  if (
    assertion.contains !== undefined &&
    !String(Array.isArray(actual) ? actual.join('\n') : actual).includes(String(fill(assertion.contains)))
  ) {
    return `${assertion.path} is ${shown}, which does not contain ${JSON.stringify(fill(assertion.contains))}`;
  }
  return undefined;
}

function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  // Templates give text: "7" must equal 7.
  if (typeof expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean'))
    return String(actual) === expected;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** What a command probe inherits beyond the variables its spec names: no secrets, ever. */
const BASE_ENVIRONMENT = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SHELL', 'USER'];

/**
 * The command's environment: the base variables, the ones the probe names with `${env:NAME}`
 * (their values are masked in what it prints) and the deploy's. The Genesys client secret,
 * the webhook secret, the GitHub and runner tokens are not passed unless the spec names them.
 */
function probeEnvironment(
  probe: CommandProbe,
  context: ProbeContext,
  secrets: Set<string>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of BASE_ENVIRONMENT) if (context.env[name] !== undefined) env[name] = context.env[name];
  for (const [, name] of JSON.stringify(probe).matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    const value = context.env[name!];
    if (value === undefined) continue;
    env[name!] = value;
    if (value.length >= 4) secrets.add(value);
  }
  return {
    ...env,
    DATATABLE_DEPLOY_VERSION: String(context.deploy.version),
    DATATABLE_DEPLOY_DIGEST: context.deploy.digest,
    DATATABLE_DEPLOY_ENVIRONMENT: context.deploy.environment,
  };
}

export function runCommandProbe(probe: CommandProbe, context: ProbeContext): Promise<ProbeOutcome> {
  const expected = probe.expectExitCode ?? 0;
  const secrets = new Set<string>();
  const command = fillTemplate(probe.run, context, secrets);
  const env = probeEnvironment(probe, context, secrets);
  const timeoutMs = (probe.timeoutSeconds ?? 60) * 1000;
  return new Promise((resolve) => {
    // Its own process group, so that a timeout kills what the shell started too (a child that
    // keeps the pipes open would otherwise hold the deploy until it ends).
    const child = spawn('/bin/sh', ['-c', command], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    let output = '';
    const keep = (chunk: Buffer) => {
      // Kept generously and masked before it is cut, so that a cut cannot split a secret.
      output = (output + chunk.toString('utf8')).slice(-65_536);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, detail: maskProbeText(`could not run the command: ${error.message}`, secrets) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const shown = maskProbeText(command, secrets);
      if (signal)
        resolve({
          ok: false,
          detail: `"${shown}" was stopped (${signal}) after ${probe.timeoutSeconds ?? 60} s or by a signal`,
        });
      else if (code === expected) resolve({ ok: true, detail: `"${shown}" exited ${code}` });
      else {
        // Masked first, then cut: a cut first could leave a secret's prefix.
        const printed = maskThenCut(maskProbeText(output, secrets).trim(), 500, 'end');
        resolve({
          ok: false,
          detail: `"${shown}" exited ${code}, expected ${expected}${printed ? `: ${printed}` : ''}`,
        });
      }
    });
  });
}

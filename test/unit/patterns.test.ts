import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/config/ajv.js';
import { compilePattern, patternProblem, PatternError } from '../../src/config/patterns.js';
import { checkAssertion } from '../../src/deploy/health/probes.js';
import { parseHealthSpec } from '../../src/deploy/health/spec.js';

const CONTEXT = {
  deploy: { version: 1, digest: 'd', environment: 'prod', actor: 'a' },
  env: {},
};

describe('patterns from config files', () => {
  it('match like JavaScript patterns do, anywhere in the text', () => {
    expect(compilePattern('^q[0-9]+$').test('q12')).toBe(true);
    expect(compilePattern('^q[0-9]+$').test('q12x')).toBe(false);
    expect(compilePattern('[0-9]').test('abc1')).toBe(true);
    expect(compilePattern('^\\p{L}+$').test('Zoë')).toBe(true);
    expect(compilePattern('^(?<word>\\w+)$').test('word')).toBe(true);
  });

  it('run catastrophic patterns in linear time', () => {
    // On a backtracking engine this takes longer than the suite: 2^50 ways to split the a's.
    const value = `${'a'.repeat(100)}b`;
    expect(compilePattern('^(a|aa)+$').test(value)).toBe(false);
    expect(compilePattern('^(a+)+$').test(value)).toBe(false);
    expect(compilePattern('^(\\w+\\s?)*$').test(`${'word '.repeat(40)}!`)).toBe(false);
  });

  it('refuse invalid patterns and those the linear engine cannot run, with the fix', () => {
    expect(patternProblem('(')).toMatch(/is not a regular expression \(Unterminated group\); fix its syntax/);
    expect(patternProblem('(?=a)b')).toMatch(
      /lookahead, lookbehind, backreferences .* rewrite it without them/,
    );
    expect(patternProblem('(a)\\1')).toMatch(/rewrite it without them/);
    expect(() => compilePattern('(')).toThrow(PatternError);
    expect(patternProblem('^ok$')).toBeUndefined();
  });

  it('are what ajv uses for pattern, patternProperties and propertyNames', () => {
    const validate = createAjv().compile({
      type: 'object',
      properties: { x: { type: 'string', pattern: '^(a|aa)+$' } },
      patternProperties: { '^n_': { type: 'number' } },
      propertyNames: { pattern: '^[a-z_]+$' },
    });
    expect(validate({ x: `${'a'.repeat(60)}b` })).toBe(false);
    expect(validate({ x: 'aaa', n_count: 'text' })).toBe(false);
    expect(validate({ x: 'aaa', n_count: 3 })).toBe(true);
    expect(validate({ X: 'aaa' })).toBe(false);
    // Two patterns in one schema stay two patterns (ajv keys its cache by their text).
    const both = createAjv().compile({
      type: 'object',
      properties: { a: { type: 'string', pattern: '^a$' }, b: { type: 'string', pattern: '^b$' } },
    });
    expect(both({ a: 'a', b: 'b' })).toBe(true);
    expect(both({ a: 'a', b: 'a' })).toBe(false);
    expect(() => createAjv().compile({ type: 'string', pattern: '(?!x)' })).toThrow(
      /rewrite it without them/,
    );
  });

  it('health-check matches: refused when the file is read, linear when run', () => {
    const file = Buffer.from(
      [
        'probes:',
        '  - name: version',
        '    http:',
        '      url: http://127.0.0.1/health',
        '      json:',
        "        - { path: $.version, matches: '(?<=v)1' }",
      ].join('\n'),
    );
    expect(() => parseHealthSpec('health.yaml', file, {})).toThrow(
      /health\.yaml:6:\d+ Probe "version": matches uses what the linear-time engine cannot run/,
    );
    const secrets = new Set<string>();
    expect(
      checkAssertion({ v: `${'a'.repeat(80)}b` }, { path: '$.v', matches: '^(a|aa)+$' }, CONTEXT, secrets),
    ).toMatch(/does not match/);
    expect(checkAssertion({ v: 'x' }, { path: '$.v', matches: '${env:MISSING}(' }, CONTEXT, secrets)).toMatch(
      /\$\.v: The pattern "\(" is not a regular expression/,
    );
  });
});

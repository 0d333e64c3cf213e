import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { DEFAULT_THRESHOLDS } from '../../src/plan/thresholds.js';
import { parseLimit, parseThresholdLimits } from '../../src/policy/limits.js';
import { parsePolicy, policyFor, tighten } from '../../src/policy/policy.js';
import { judgeWindow } from '../../src/policy/window-gate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const example = () => parsePolicy('policy.yaml', readFileSync(resolve(ROOT, 'examples/policy.yaml')));
const refusal = (text: string) => {
  try {
    parsePolicy('policy.yaml', Buffer.from(text));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).message;
  }
  throw new Error('the policy was accepted');
};

describe('the policy file', () => {
  it('merges an environment over the defaults: thresholds one by one, other settings whole', () => {
    const prod = policyFor(example(), 'prod', 'policy.yaml');
    expect(prod.thresholds).toEqual({ ...DEFAULT_THRESHOLDS });
    expect(prod.approvals).toEqual({ required: 2, approvers: ['alice', 'bob', 'carol'], narrowedTo: [] });
    expect(prod.schedules[0]!.windows[0]).toEqual({
      days: ['mon', 'tue', 'wed', 'thu'],
      from: '09:00',
      to: '16:00',
      timezone: 'Europe/Berlin',
    });
    expect(prod.emergencyApprovers).toEqual(['alice']);
    const staging = policyFor(example(), 'staging', 'policy.yaml');
    expect(staging.thresholds).toMatchObject({
      maxChangedRows: 200,
      maxChangedPercent: 50,
      maxDeletedRows: 0,
    });
    expect(staging.approvals.required).toBe(1);
    expect(staging.schedules).toEqual([{ windows: [], freezes: [] }]);
    // An environment without a section, and no file at all, get the defaults.
    expect(policyFor(example(), 'dev', 'x').thresholds.maxChangedRows).toBe(50);
    expect(policyFor(undefined, 'prod', 'built-in defaults')).toMatchObject({
      thresholds: DEFAULT_THRESHOLDS,
      approvals: { required: 1, approvers: [] },
      emergencyApprovers: [],
    });
  });

  it('refuses a broken file with the line and column of each problem', () => {
    expect(refusal('version: 1\ndefaults:\n  approvals: { required: 0 }\n')).toMatch(/policy\.yaml:3:\d+ /);
    expect(refusal('version: 2\n')).toMatch(/policy\.yaml:1:\d+/);
    expect(refusal('version: 1\ndefaults:\n  thresholds: { maxChangedRow: 5 }\n')).toContain(
      'Unknown property "maxChangedRow"',
    );
    expect(
      refusal(
        'version: 1\nenvironments:\n  prod:\n    windows: [{ days: [funday], from: "09:00", to: "17:00" }]\n',
      ),
    ).toMatch(/policy\.yaml:4:/);
    expect(
      refusal(
        'version: 1\ndefaults:\n  timezone: Mars/Olympus\n  windows: [{ days: [mon], from: "09:00", to: "17:00" }]\n',
      ),
    ).toContain('Mars/Olympus');
    expect(
      refusal('version: 1\ndefaults:\n  freezes: [{ from: "2026-02-30", to: "2026-03-02", reason: x }]\n'),
    ).toContain('2026-02-30');
    expect(refusal('not: [valid')).toContain('policy.yaml:1:');
  });

  it('lets inputs only tighten: the lower limit, the higher count, a narrower approver list', () => {
    const prod = policyFor(example(), 'prod', 'policy.yaml');
    const tightened = tighten(prod, {
      thresholds: { maxChangedRows: 10, maxDeletedRows: 5 },
      requiredApprovals: 1,
      approvers: ['@Bob'],
    });
    expect(tightened.thresholds).toMatchObject({ maxChangedRows: 10, maxDeletedRows: 0 });
    expect(tightened.approvals).toEqual({
      required: 2,
      approvers: ['alice', 'bob', 'carol'],
      narrowedTo: ['bob'],
    });
    expect(tighten(prod, { requiredApprovals: 3 }).approvals.required).toBe(3);
    expect(tighten(prod, { thresholds: { maxChangedPercent: 12.5 } }).thresholds.maxChangedPercent).toBe(
      12.5,
    );
  });
});

describe('threshold limits from options and inputs (one parser)', () => {
  it('accepts whole counts and decimal percentages up to 100, and names what it refuses', () => {
    const read = (values: Record<string, string>) =>
      parseThresholdLimits(
        (name) => values[name],
        (name) => `--${name}`,
      );
    expect(read({ 'max-changed-percent': '12.5', 'max-total-changed-rows': '300' })).toEqual({
      maxChangedPercent: 12.5,
      maxTotalChangedRows: 300,
    });
    expect(read({})).toEqual({});
    expect(() => read({ 'max-changed-rows': '1.5' })).toThrow(
      '--max-changed-rows must be a whole number (0 or more); got "1.5".',
    );
    expect(() => read({ 'max-changed-percent': '101' })).toThrow('from 0 to 100');
    expect(() => read({ 'max-deleted-rows': '-1' })).toThrow('--max-deleted-rows');
    expect(() => parseLimit('Input "x"', '1e3', { integer: true })).toThrow(
      'Input "x" must be a whole number',
    );
    expect(() => parseLimit('Input "x"', '99999999999999999999', { integer: true })).toThrow();
  });
});

describe('change windows as a gate', () => {
  const policy = (emergency: string[]) => ({
    ...policyFor(undefined, 'prod', 'policy.yaml'),
    schedules: [
      {
        windows: [{ days: ['mon' as const], from: '09:00', to: '10:00', timezone: 'UTC' }],
        freezes: [],
      },
    ],
    emergencyApprovers: emergency,
  });
  const tuesday = new Date('2026-11-24T12:00:00Z');

  it('lets a deploy start inside a window, and refuses outside saying when the next opens', () => {
    expect(judgeWindow(policy([]), new Date('2026-11-23T09:30:00Z'), { grantors: [] }).allowed).toBe(true);
    const closed = judgeWindow(policy([]), tuesday, { grantors: [] });
    expect(closed.allowed).toBe(false);
    expect(closed.refusal).toContain('2026-11-30');
    expect(closed.refusal).toContain('names no emergency approvers');
  });

  it('grants the emergency override only to a listed approver who gave a reason', () => {
    expect(
      judgeWindow(policy(['dave']), tuesday, { reason: 'incident', grantors: ['mallory'] }).allowed,
    ).toBe(false);
    expect(judgeWindow(policy(['dave']), tuesday, { grantors: ['dave'] }).allowed).toBe(false);
    expect(judgeWindow(policy(['dave']), tuesday, { reason: 'incident', grantors: ['Dave'] })).toMatchObject({
      allowed: true,
      override: { reason: 'incident', grantedBy: ['dave'] },
    });
  });
});

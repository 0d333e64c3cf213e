import { describe, expect, it } from 'vitest';
import { modeFor, parseSettings } from '../../src/action/settings.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const connection = { 'genesys-client-id': 'id', 'genesys-client-secret': 'secret' };

describe('action settings', () => {
  it('take an access token instead of an OAuth client', () => {
    const settings = parseSettings(inputs({ 'genesys-access-token': 'token-value' }), 'push');
    expect(settings.connection).toMatchObject({ clientId: '', clientSecret: '', accessToken: 'token-value' });
    expect(parseSettings(inputs(connection), 'push').connection.accessToken).toBeUndefined();
  });

  it('pick the mode by event when mode is auto', () => {
    expect(modeFor('pull_request', false)).toBe('plan');
    expect(modeFor('pull_request_review', false)).toBe('plan');
    expect(modeFor('push', false)).toBe('deploy');
    expect(modeFor('workflow_dispatch', true)).toBe('rollback');
    expect(modeFor('workflow_dispatch', false)).toBe('deploy');
    expect(modeFor('schedule', false)).toBe('drift');
    expect(() => modeFor('release', false)).toThrow(/does not know what to do on "release" events/);
  });

  it('parse every input once, with defaults', () => {
    const settings = parseSettings(
      inputs({
        ...connection,
        config: 'a/*.yaml\n\n b/*.yml ',
        environment: 'prod',
        approvers: '@Alice, bob\ncarol',
        'max-deleted-rows': '0',
        'max-changed-percent': '12.5',
        'backup-run-id': '42',
        'emergency-reason': 'incident 42',
      }),
      'workflow_dispatch',
    );
    expect(settings).toMatchObject({
      mode: 'rollback',
      config: ['a/*.yaml', 'b/*.yml'],
      environment: 'prod',
      deployment: 'prod',
      approvers: ['alice', 'bob', 'carol'],
      backupRunId: 42,
      emergencyReason: 'incident 42',
      connection: { clientId: 'id', rateLimitPerMinute: 300, maxConcurrency: 8 },
      driftFail: true,
      driftIssue: false,
    });
    // Limits only tighten the policy: what is not given is left out, not defaulted.
    expect(settings.thresholdLimits).toEqual({ maxDeletedRows: 0, maxChangedPercent: 12.5 });
    expect(settings.requiredApprovals).toBeUndefined();
  });

  it('refuse bad values by input name, with the fix', () => {
    expect(() => parseSettings(inputs({ ...connection, mode: 'yolo' }), 'push')).toThrow(
      'Input "mode" must be one of auto, validate, plan, deploy, rollback, drift; got "yolo".',
    );
    expect(() => parseSettings(inputs({ ...connection, 'max-changed-rows': '-1' }), 'push')).toThrow(
      'Input "max-changed-rows" must be a whole number (0 or more); got "-1".',
    );
    expect(() => parseSettings(inputs({ ...connection, 'max-changed-percent': '120' }), 'push')).toThrow(
      'Input "max-changed-percent" must be a number from 0 to 100 (decimals allowed); got "120".',
    );
    expect(() => parseSettings(inputs({ ...connection, 'required-approvals': 'two' }), 'push')).toThrow(
      'Input "required-approvals" must be a whole number (0 or more); got "two".',
    );
    for (const odd of ['0x10', '1e2', '0b11', ' 1'])
      expect(() =>
        parseSettings(inputs({ ...connection, 'backup-run-id': odd }), 'workflow_dispatch'),
      ).toThrow(`Input "backup-run-id" must be a whole number above 0; got "${odd}".`);
    expect(() => parseSettings(inputs({ ...connection, 'rate-limit-per-minute': '1e-9' }), 'push')).toThrow(
      'Input "rate-limit-per-minute" must be a number above 0',
    );
    expect(() => parseSettings(inputs({ ...connection, 'signing-key': 'short' }), 'push')).toThrow(
      'Input "signing-key" is set but only 5 characters long; a signing key needs at least 16.',
    );
    expect(() => parseSettings(inputs({ ...connection, deployment: 'prod/deploy' }), 'push')).toThrow(
      'The deployment name "prod/deploy"',
    );
    expect(() => parseSettings(inputs({ ...connection, 'rate-limit-per-minute': 'fast' }), 'push')).toThrow(
      'Input "rate-limit-per-minute" must be a number above 0; got "fast".',
    );
    expect(() => parseSettings(inputs({ ...connection, 'drift-fail': 'yes' }), 'push')).toThrow(
      'Input "drift-fail" must be true or false; got "yes".',
    );
    expect(() => parseSettings(inputs({}), 'push')).toThrow(
      /"genesys-client-id" and "genesys-client-secret" \(or "genesys-access-token"\) are required/,
    );
    expect(() =>
      parseSettings(inputs({ 'genesys-client-id': 'id', 'genesys-access-token': 'token-value' }), 'push'),
    ).toThrow(
      /"genesys-access-token" was given together with "genesys-client-id" or "genesys-client-secret"/,
    );
    expect(() =>
      parseSettings(inputs({ ...connection, 'invalidation-webhook-url': 'https://x' }), 'push'),
    ).toThrow(/needs "invalidation-webhook-secret"/);
    expect(() => parseSettings(inputs({ ...connection, mode: 'rollback' }), 'push')).toThrow(
      /needs "backup-run-id"/,
    );
    expect(parseSettings(inputs({ mode: 'validate' }), 'push').mode).toBe('validate');
    expect(() => parseSettings(inputs({ ...connection, mode: 'deploy' }), 'pull_request')).toThrow(
      'Mode "deploy" never runs on pull_request events',
    );
    expect(() =>
      parseSettings(inputs({ ...connection, mode: 'rollback', 'backup-run-id': '1' }), 'pull_request_target'),
    ).toThrow(/never runs on pull_request_target/);
  });
});

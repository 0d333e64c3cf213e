import { describe, expect, it } from 'vitest';
import { runCommandProbe, type ProbeContext } from '../../src/deploy/health/probes.js';

/**
 * Command probes run with a minimal environment: a health check that prints everything it was
 * given shows no secret of the deploy, and what it prints is masked before it is cut. A probe
 * that leaves children holding its pipes is killed with them on timeout.
 */
const SECRETS = {
  GENESYSCLOUD_OAUTHCLIENT_SECRET: 'genesys-secret-9f8e7d6c5b4a',
  DATATABLE_DEPLOY_WEBHOOK_SECRET: 'webhook-secret-1a2b3c4d5e6f',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-0f1e2d3c4b5a',
  GITHUB_TOKEN: 'ghs_githubtoken1234567890',
};
const context = (extra: NodeJS.ProcessEnv = {}): ProbeContext => ({
  deploy: { version: 7, digest: 'sha256:abc', environment: 'prod', actor: 'ci' },
  env: { PATH: process.env.PATH, HOME: '/tmp', ...SECRETS, ...extra },
});

describe('a command probe', () => {
  it('sees PATH, HOME, the deploy and the variables its spec names, and no other secret', async () => {
    const outcome = await runCommandProbe(
      {
        run: 'env | grep -v ^PATH= | sort; echo "token=${PROBE_TOKEN}"; test -n "${env:PROBE_TOKEN}"; exit 3',
      },
      context({ PROBE_TOKEN: 'probe-token-abcdef123456' }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toContain('DATATABLE_DEPLOY_VERSION=7');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(outcome.detail).not.toContain(value);
      expect(outcome.detail).not.toContain(`${name}=`);
    }
    // Named, so passed; but masked wherever it is printed.
    expect(outcome.detail).not.toContain('probe-token-abcdef123456');
    expect(outcome.detail).toContain('token=');
  });

  it('masks a secret before cutting the output, so no part of it shows at the cut', async () => {
    const secret = 'S'.repeat(30) + 'tail-of-the-secret';
    const outcome = await runCommandProbe(
      { run: `printf '%s' "${'x'.repeat(490)}"; printf '%s' "\${env:LONG_SECRET}"; exit 1` },
      context({ LONG_SECRET: secret }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).not.toContain('tail-of-the-secret');
    expect(outcome.detail).not.toMatch(/S{6,}/);
  });

  it('is killed with its children when it times out, though they hold its output open', async () => {
    const outcome = await runCommandProbe({ run: 'sleep 30 & sleep 30', timeoutSeconds: 1 }, context());
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toMatch(/was stopped \(SIGKILL\)/);
  });
});

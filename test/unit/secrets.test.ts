import { afterEach, describe, expect, it } from 'vitest';
import {
  clearSecrets,
  maskSecrets,
  maskThenCut,
  registerSecret,
  registerSecretsFromEnvironment,
} from '../../src/secrets.js';

afterEach(() => clearSecrets());

describe('the secret registry', () => {
  it('masks a registered value and the forms it takes in JSON, URLs and Base64', () => {
    const secret = 'p@ss "word"/with+chars';
    registerSecret(secret);
    expect(maskSecrets(`raw ${secret} end`)).toBe('raw *** end');
    expect(maskSecrets(JSON.stringify({ value: secret }))).toBe('{"value":"***"}');
    expect(maskSecrets(`https://x/?s=${encodeURIComponent(secret)}`)).toBe('https://x/?s=***');
    expect(maskSecrets(`Basic ${Buffer.from(secret).toString('base64')}`)).not.toContain(
      Buffer.from(secret).toString('base64').slice(0, 12),
    );
  });

  it('masks the longest secret first, so that no tail of a longer one survives', () => {
    registerSecret('abcdef');
    registerSecret('abcdefghijkl');
    expect(maskSecrets('x abcdefghijkl y abcdef')).toBe('x *** y ***');
  });

  it('ignores values too short to be credentials', () => {
    registerSecret('abc');
    registerSecret('     ');
    expect(maskSecrets('abc is fine')).toBe('abc is fine');
  });

  it('takes the password of a proxy URL from the proxy variables, as given and decoded', () => {
    registerSecretsFromEnvironment({
      HTTPS_PROXY: 'http://svc:pr%40xy-pass@proxy.corp:3128',
      http_proxy: 'svc:plain-proxy-pass@proxy.corp:3128',
      NO_PROXY: 'localhost,.corp',
    });
    expect(maskSecrets('http://svc:pr%40xy-pass@proxy.corp:3128')).toBe('http://svc:***@proxy.corp:3128');
    expect(maskSecrets('password pr@xy-pass')).toBe('password ***');
    expect(maskSecrets('plain-proxy-pass')).toBe('***');
    expect(maskSecrets('localhost,.corp proxy.corp')).toBe('localhost,.corp proxy.corp');
  });

  it('takes the values of variables named like secrets from an environment', () => {
    registerSecretsFromEnvironment({
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'client-secret-value',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
      'INPUT_SIGNING-KEY': 'signing-key-value',
      MY_API_KEY: 'my-api-key-value',
      GITHUB_REPOSITORY: 'acme/config-repository',
    });
    expect(
      maskSecrets(
        'client-secret-value runtime-token-value signing-key-value my-api-key-value acme/config-repository',
      ),
    ).toBe('*** *** *** *** acme/config-repository');
  });

  it('masks before it cuts: no prefix of a secret survives the cut', () => {
    registerSecret('tok-0123456789abcdef');
    const text = `${'x'.repeat(195)}tok-0123456789abcdef and more`;
    const cut = maskThenCut(text, 200);
    expect(cut).not.toContain('tok-0');
    expect(cut).toBe(`${'x'.repeat(195)}*** a…`);
    expect(maskThenCut(`start tok-0123456789abcdef ${'y'.repeat(300)}`, 10, 'end')).toBe(
      `…${'y'.repeat(10)}`,
    );
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { proxyAdvice, proxyAwareFetch, proxyVariables } from '../../src/genesys/proxy.js';
import { clearSecrets, maskSecrets } from '../../src/secrets.js';

afterEach(() => clearSecrets());

function refusal(env: NodeJS.ProcessEnv): ConfigurationError | undefined {
  try {
    proxyAwareFetch(env);
  } catch (error) {
    return error as ConfigurationError;
  }
  return undefined;
}

describe('the proxy variables', () => {
  it('are read as curl reads them: lower case first, empty as unset', () => {
    expect(
      proxyVariables({
        https_proxy: 'http://lower:1',
        HTTPS_PROXY: 'http://upper:2',
        HTTP_PROXY: 'http://h:3',
      }),
    ).toEqual({ httpsProxy: 'http://lower:1', httpProxy: 'http://h:3', noProxy: '' });
    expect(proxyVariables({ https_proxy: '', HTTPS_PROXY: 'http://upper:2', no_proxy: ' .corp ' })).toEqual({
      httpsProxy: 'http://upper:2',
      httpProxy: '',
      noProxy: '.corp',
    });
  });

  it('leave Node’s own fetch in place when no proxy is named, and share one per setting', () => {
    expect(proxyAwareFetch({})).toBe(globalThis.fetch);
    expect(proxyAwareFetch({ NO_PROXY: '*' })).toBe(globalThis.fetch);
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128' };
    expect(proxyAwareFetch(env)).not.toBe(globalThis.fetch);
    expect(proxyAwareFetch({ ...env })).toBe(proxyAwareFetch(env));
    expect(proxyAwareFetch({ ...env, NO_PROXY: 'x' })).not.toBe(proxyAwareFetch(env));
  });

  it('refuse a proxy URL that is not one, hiding its password, before any request', () => {
    const bad = refusal({ HTTPS_PROXY: 'http://svc:Secr3t-pass@proxy corp:3128' });
    expect(bad).toBeInstanceOf(ConfigurationError);
    expect(bad?.message).toBe('HTTPS_PROXY "http://***@proxy corp:3128" is not a URL.');
    expect(bad?.hint).toMatch(/^Give the proxy as http:\/\/host:port/);
    expect(refusal({ HTTP_PROXY: 'socks5://proxy.corp:1080' })?.message).toBe(
      'HTTP_PROXY "socks5://proxy.corp:1080" must use http or https.',
    );
    // A host and port alone is taken as http, as curl takes it.
    expect(refusal({ HTTP_PROXY: 'proxy.corp:3128' })).toBeUndefined();
    const undecodable = refusal({ HTTP_PROXY: 'http://user:s3cr3t%PW@proxy.corp:8080' });
    expect(undecodable?.message).toBe(
      'HTTP_PROXY "http://***@proxy.corp:8080" has a user name or password that is not URL-encoded.',
    );
    expect(undecodable?.hint).toContain('a % is %25');
  });

  it('register the proxy password as a secret', () => {
    proxyAwareFetch({ HTTPS_PROXY: 'http://svc:Secr3t%2Fpass@proxy.corp:3128' });
    expect(maskSecrets('Secr3t/pass and Secr3t%2Fpass')).toBe('*** and ***');
  });

  it('name the proxy a failed request went through, without its password', () => {
    const env = { HTTPS_PROXY: 'svc:Secr3t-pass@proxy.corp:3128', NO_PROXY: 'localhost' };
    expect(proxyAdvice('https://api.mypurecloud.ie/api/v2/flows/datatables', env)).toBe(
      'HTTPS_PROXY is set (http://***@proxy.corp:3128): unless NO_PROXY names api.mypurecloud.ie, the request went through that proxy; check that it is reachable and lets this machine CONNECT to api.mypurecloud.ie.',
    );
    expect(proxyAdvice('http://127.0.0.1:8080/oauth/token', env)).toBeUndefined();
    expect(proxyAdvice('https://api.mypurecloud.ie/x', { HTTP_PROXY: 'http://p:1' })).toMatch(
      /^HTTP_PROXY is set \(http:\/\/p:1\)/,
    );
  });
});

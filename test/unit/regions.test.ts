import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { REGION_DOMAINS, resolveEndpoints } from '../../src/genesys/regions.js';

describe('resolveEndpoints', () => {
  it('knows all 18 regions and accepts both spellings', () => {
    expect(Object.keys(REGION_DOMAINS)).toHaveLength(18);
    expect(resolveEndpoints({ region: 'us-east-1' })).toEqual({
      apiBase: 'https://api.mypurecloud.com',
      loginBase: 'https://login.mypurecloud.com',
    });
    expect(resolveEndpoints({ region: 'eu_central_1' }).apiBase).toBe('https://api.mypurecloud.de');
    expect(resolveEndpoints({ region: ' AP-SOUTHEAST-2 ' }).loginBase).toBe(
      'https://login.mypurecloud.com.au',
    );
    expect(resolveEndpoints({ region: 'eusc-de-east-1' }).apiBase).toBe('https://api.edee1.eusc-pure.cloud');
  });

  it('prefers an explicit API URL, serving OAuth on the same origin unless told otherwise', () => {
    expect(resolveEndpoints({ region: 'us-east-1', apiUrl: 'http://127.0.0.1:8080/' })).toEqual({
      apiBase: 'http://127.0.0.1:8080',
      loginBase: 'http://127.0.0.1:8080',
    });
    expect(
      resolveEndpoints({ apiUrl: 'https://proxy.example/genesys', loginUrl: 'https://login.example' }),
    ).toEqual({
      apiBase: 'https://proxy.example/genesys',
      loginBase: 'https://login.example',
    });
  });

  it('says what to do for an unknown region, a missing one, or a bad URL', () => {
    expect(() => resolveEndpoints({ region: 'mars-1' })).toThrow(/Unknown Genesys Cloud region "mars-1"/);
    const missing = (() => {
      try {
        resolveEndpoints({});
      } catch (error) {
        return error as ConfigurationError;
      }
    })();
    expect(missing).toBeInstanceOf(ConfigurationError);
    expect(missing?.hint).toMatch(/GENESYSCLOUD_REGION.*us-east-1.*eu-west-1/);
    expect(() => resolveEndpoints({ apiUrl: 'not a url' })).toThrow(/is not a URL/);
    expect(() => resolveEndpoints({ apiUrl: 'ftp://x' })).toThrow(/http or https/);
  });
});

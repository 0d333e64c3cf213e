import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { REGION_DOMAINS, regionDomain, resolveEndpoints } from '../../src/genesys/regions.js';

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

  it('accepts every region domain, bare or as the API, login or apps host, with or without a scheme', () => {
    for (const [name, domain] of Object.entries(REGION_DOMAINS)) {
      const expected = { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}` };
      for (const given of [
        domain,
        `api.${domain}`,
        `https://api.${domain}/`,
        `login.${domain}`,
        `apps.${domain}`,
      ]) {
        expect(resolveEndpoints({ region: given }), given).toEqual(expected);
      }
      expect(resolveEndpoints({ region: name.replace(/_/g, '-') })).toEqual(expected);
    }
    expect(resolveEndpoints({ region: ' HTTPS://API.MyPureCloud.IE ' }).apiBase).toBe(
      'https://api.mypurecloud.ie',
    );
    expect(resolveEndpoints({ region: 'use2.us-gov-pure.cloud' }).loginBase).toBe(
      'https://login.use2.us-gov-pure.cloud',
    );
    // The list, checked one by one against the table.
    for (const domain of [
      'mypurecloud.ie',
      'mypurecloud.com',
      'mypurecloud.de',
      'mypurecloud.com.au',
      'mypurecloud.jp',
      'usw2.pure.cloud',
      'cac1.pure.cloud',
      'euw2.pure.cloud',
      'aps1.pure.cloud',
      'apne2.pure.cloud',
      'sae1.pure.cloud',
      'mec1.pure.cloud',
      'euc2.pure.cloud',
      'apne3.pure.cloud',
      'use2.us-gov-pure.cloud',
      'mxc1.pure.cloud',
      'apse1.pure.cloud',
      'edee1.eusc-pure.cloud',
    ]) {
      expect(regionDomain(domain)).toBe(domain);
    }
  });

  it('takes the domain out of what a browser shows: a path, a port, a trailing dot', () => {
    for (const given of [
      'https://apps.mypurecloud.ie/directory/#/admin',
      'api.mypurecloud.ie:443',
      'mypurecloud.ie.',
      'https://api.mypurecloud.ie/api/v2',
      'HTTPS://LOGIN.MYPURECLOUD.IE/?x=1',
    ]) {
      expect(regionDomain(given), given).toBe('mypurecloud.ie');
    }
  });

  it('refuses a near miss of a domain, listing the names and domains it accepts', () => {
    for (const given of [
      'mypurecloud.co.uk',
      'api.mypurecloud',
      'pure.cloud',
      'https://api.mypurecloud.ie.evil.example/',
    ]) {
      expect(regionDomain(given), given).toBeUndefined();
    }
    let error: ConfigurationError | undefined;
    try {
      resolveEndpoints({ region: 'mypurecloud.co.uk' });
    } catch (caught) {
      error = caught as ConfigurationError;
    }
    expect(error?.message).toBe('Unknown Genesys Cloud region "mypurecloud.co.uk".');
    expect(error?.hint).toMatch(
      /^Use a region name or its domain: us-east-1 \(mypurecloud\.com\), eu-west-1 \(mypurecloud\.ie\), /,
    );
    expect(error?.hint).toContain('eusc-de-east-1 (edee1.eusc-pure.cloud)');
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

  it('refuses a URL that is more than a base URL (the action gets this too), naming what to give', () => {
    const hint = (settings: { apiUrl: string; loginUrl?: string }) => {
      try {
        resolveEndpoints(settings);
      } catch (error) {
        return (error as ConfigurationError).describe();
      }
      return 'accepted';
    };
    expect(hint({ apiUrl: 'https://api.euw2.pure.cloud/api/v2' })).toBe(
      'The API URL "https://api.euw2.pure.cloud/api/v2" has a path (/api/v2); it takes a base URL only (the client adds /api/v2 and /oauth/token itself).\n  fix: Give https://api.euw2.pure.cloud, or the region eu-west-2 instead.',
    );
    expect(hint({ apiUrl: 'https://proxy.example/genesys/api/v2' })).toMatch(
      /has a path.*\n {2}fix: Give https:\/\/proxy\.example\.$/,
    );
    expect(hint({ apiUrl: 'https://login.mypurecloud.com' })).toMatch(
      /is not the API host.*fix: Give https:\/\/api\.mypurecloud\.com, or the region us-east-1/s,
    );
    expect(hint({ apiUrl: 'https://proxy.example', loginUrl: 'https://login.mypurecloud.com/' })).toBe(
      'accepted',
    );
  });
});

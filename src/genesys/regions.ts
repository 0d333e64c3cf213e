import { ConfigurationError } from '../errors.js';

/**
 * Genesys Cloud regions and their domains. The API lives at `api.<domain>`, OAuth at
 * `login.<domain>`. Names follow the SDK (`us_east_1`); the Terraform provider's `us-east-1`
 * spelling is accepted too.
 */
export const REGION_DOMAINS: Readonly<Record<string, string>> = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
};

/** Where the client sends API calls and token requests. */
export interface Endpoints {
  /** Origin of the REST API, e.g. `https://api.mypurecloud.com` (no trailing slash). */
  apiBase: string;
  /** Origin of the OAuth service, e.g. `https://login.mypurecloud.com`. */
  loginBase: string;
}

function normaliseRegion(region: string): string {
  return region.trim().toLowerCase().replace(/-/g, '_');
}

/**
 * Resolves the endpoints from a region name or an explicit API URL. An explicit URL wins (the
 * emulator, a proxy, tests); it serves both the API and `/oauth/token` on one origin unless a
 * separate login URL is given.
 */
export function resolveEndpoints(options: {
  region?: string;
  apiUrl?: string;
  loginUrl?: string;
}): Endpoints {
  if (options.apiUrl) {
    const apiBase = parseOrigin(options.apiUrl, 'API URL');
    const loginBase = options.loginUrl ? parseOrigin(options.loginUrl, 'login URL') : apiBase;
    return { apiBase, loginBase };
  }
  if (!options.region) {
    throw new ConfigurationError(
      'No Genesys Cloud region or API URL was given.',
      `Set GENESYSCLOUD_REGION (e.g. us-east-1) or GENESYSCLOUD_API_URL; known regions: ${knownRegions()}.`,
    );
  }
  const domain = REGION_DOMAINS[normaliseRegion(options.region)];
  if (!domain) {
    throw new ConfigurationError(
      `Unknown Genesys Cloud region "${options.region}".`,
      `Use one of: ${knownRegions()}; or give the API URL explicitly.`,
    );
  }
  return { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}` };
}

function knownRegions(): string {
  return Object.keys(REGION_DOMAINS)
    .map((name) => name.replace(/_/g, '-'))
    .join(', ');
}

function parseOrigin(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `The ${what} "${value}" is not a URL.`,
      'Give an absolute URL such as https://api.mypurecloud.com.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(
      `The ${what} "${value}" must use http or https.`,
      'Give an absolute http(s) URL.',
    );
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

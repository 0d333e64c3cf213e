import { ConfigurationError } from '../errors.js';

/**
 * Genesys Cloud regions and their domains (the SDKs' `PureCloudRegionHosts`). The API lives at
 * `api.<domain>`, OAuth at `login.<domain>`. Names follow the SDK (`us_east_1`); the Terraform
 * provider's `us-east-1` spelling is accepted too, and so is the domain itself, in the forms
 * people copy from the admin UI or other tools (`mypurecloud.ie`, `api.mypurecloud.ie`,
 * `https://api.mypurecloud.ie`).
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

/**
 * The domain of a region given by name (`eu-west-1`, `eu_west_1`) or by domain, with or without
 * a scheme, a service host prefix (`api.`, `login.`, `apps.`), a port, a path or a trailing dot.
 */
export function regionDomain(region: string): string | undefined {
  const text = region.trim().toLowerCase();
  const byName = REGION_DOMAINS[text.replace(/-/g, '_')];
  if (byName) return byName;
  // What a browser shows (https://apps.mypurecloud.ie/directory/#/admin) names the region too:
  // the path, the port and a trailing dot are not part of the domain.
  const host = text
    .replace(/^https?:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^(?:api|login|apps)\./, '');
  return Object.values(REGION_DOMAINS).includes(host) ? host : undefined;
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
    const loginBase = options.loginUrl ? parseOrigin(options.loginUrl, 'login URL', 'login') : apiBase;
    return { apiBase, loginBase };
  }
  if (!options.region) {
    throw new ConfigurationError(
      'No Genesys Cloud region or API URL was given.',
      `Set GENESYSCLOUD_REGION (e.g. us-east-1 or mypurecloud.com) or GENESYSCLOUD_API_URL; known regions: ${knownRegions()}.`,
    );
  }
  const domain = regionDomain(options.region);
  if (!domain) {
    throw new ConfigurationError(
      `Unknown Genesys Cloud region "${redactUrl(options.region)}".`,
      `Use a region name or its domain: ${knownRegions()}; or give the API URL explicitly.`,
    );
  }
  return { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}` };
}

/** `us-east-1 (mypurecloud.com), …`: every name a region may be given by. */
function knownRegions(): string {
  return Object.entries(REGION_DOMAINS)
    .map(([name, domain]) => `${name.replace(/_/g, '-')} (${domain})`)
    .join(', ');
}

/**
 * Checks an API or login URL and returns its origin (with a proxy's path prefix, if any).
 * `label` names where it came from (an option, a variable or an input). Genesys serves
 * `/api/v2` and `/oauth` itself, so a URL that already ends in them is refused with the
 * base URL to give instead, rather than failing later as an unreachable OAuth service.
 */
export function parseOrigin(value: string, label: string, service: 'api' | 'login' = 'api'): string {
  const shown = JSON.stringify(redactUrl(value));
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigurationError(`The ${label} ${shown} is not a URL.`, BASE_URL_FIX);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigurationError(`The ${label} ${shown} must use http or https.`, BASE_URL_FIX);
  const origin = `${url.protocol}//${url.host}`;
  if (url.username || url.password)
    throw new ConfigurationError(
      `The ${label} ${shown} contains a user name or password.`,
      `Give ${origin}; the OAuth client's id and secret go in GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET.`,
    );
  const path = url.pathname.replace(/\/+$/, '');
  const problem = baseUrlProblem(url, path, service);
  if (problem) {
    const region = regionOfHost(url.hostname);
    throw new ConfigurationError(
      `The ${label} ${shown} ${problem}; it takes a base URL only (the client adds /api/v2 and /oauth/token itself).`,
      `Give ${region ? `https://${service}.${REGION_DOMAINS[region]}, or the region ${region.replace(/_/g, '-')} instead` : origin}.`,
    );
  }
  return `${origin}${path}`;
}

/** What makes a URL more than a base URL; a proxy's own path prefix is allowed. */
function baseUrlProblem(url: URL, path: string, service: 'api' | 'login'): string | undefined {
  if (url.search || url.hash) return 'has a query or fragment';
  if (/(^|\/)(api|oauth)(\/|$)/i.test(path)) return `has a path (${path})`;
  if (regionOfHost(url.hostname) === undefined) return undefined;
  if (!url.hostname.toLowerCase().startsWith(`${service}.`))
    return `is not the ${service === 'api' ? 'API' : 'login'} host (${url.hostname})`;
  return path ? `has a path (${path})` : undefined;
}

const BASE_URL_FIX =
  'Give the base URL of the API, such as https://api.mypurecloud.com, or a region name instead (such as us-east-1).';

/** The region whose API, login or apps host this is (a URL copied from the browser), if any. */
function regionOfHost(host: string): string | undefined {
  const match = /^(?:api|login|apps)\.(.+)$/i.exec(host);
  if (!match) return undefined;
  return Object.keys(REGION_DOMAINS).find((name) => REGION_DOMAINS[name] === match[1]!.toLowerCase());
}

/** A URL as it may be printed: a user name, password and query values are hidden. */
export function redactUrl(value: string): string {
  return value.replace(/^([a-z][\w+.-]*:\/\/)[^/?#@]*@/i, '$1***@').replace(/([?&][^=&#]*=)[^&#]*/g, '$1***');
}

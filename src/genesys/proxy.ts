import { ConfigurationError } from '../errors.js';
import { registerUrlPassword } from '../secrets.js';
import { redactUrl } from './regions.js';

/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY for every request to Genesys Cloud (token and API).
 *
 * Node's fetch ignores these variables, so when one is set the requests go through undici's
 * `EnvHttpProxyAgent` with undici's own fetch (a dispatcher is only guaranteed to work with the
 * fetch of its own undici version). undici is loaded on the first request that needs it, so a
 * run with no proxy loads none of it.
 */

/** The proxy settings of an environment, read as curl reads them: the lower-case name first. */
export interface ProxyVariables {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

export function proxyVariables(env: NodeJS.ProcessEnv): ProxyVariables {
  const read = (name: string) => (env[name.toLowerCase()] || env[name] || '').trim();
  return { httpProxy: read('HTTP_PROXY'), httpsProxy: read('HTTPS_PROXY'), noProxy: read('NO_PROXY') };
}

/**
 * What to add to the advice about an unreachable `url` when a proxy variable applies to it:
 * the proxy (its password hidden) is then the first thing to check.
 */
export function proxyAdvice(url: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const variables = proxyVariables(env);
  const target = new URL(url);
  const https = target.protocol === 'https:';
  // HTTPS_PROXY falls back to HTTP_PROXY, as undici does.
  const name = https && variables.httpsProxy ? 'HTTPS_PROXY' : variables.httpProxy ? 'HTTP_PROXY' : undefined;
  if (name === undefined) return undefined;
  const proxy = redactUrl(withScheme(name === 'HTTPS_PROXY' ? variables.httpsProxy : variables.httpProxy));
  const through = https
    ? `lets this machine CONNECT to ${target.host}`
    : `forwards requests to ${target.host}`;
  return `${name} is set (${proxy}): unless NO_PROXY names ${target.hostname}, the request went through that proxy; check that it is reachable and ${through}.`;
}

const fetches = new Map<string, typeof fetch>();

/**
 * The fetch to reach Genesys Cloud with from this environment: Node's own when no proxy variable
 * is set, else one that sends each request through the proxy the variables name for its URL.
 * One per distinct setting, so that the token source and the API client share connections.
 */
export function proxyAwareFetch(env: NodeJS.ProcessEnv = process.env): typeof fetch {
  const variables = proxyVariables(env);
  if (!variables.httpProxy && !variables.httpsProxy) return globalThis.fetch;
  const key = JSON.stringify(variables);
  let proxied = fetches.get(key);
  if (!proxied) {
    const checked = checkedVariables(variables);
    let loading: Promise<typeof fetch> | undefined;
    proxied = async (input, init) => {
      loading ??= loadProxiedFetch(checked);
      return (await loading)(input, init);
    };
    fetches.set(key, proxied);
  }
  return proxied;
}

/** Refuses a proxy URL that is not one, and registers its password as a secret. */
function checkedVariables(variables: ProxyVariables): ProxyVariables {
  const check = (value: string, name: string): string => {
    if (!value) return value;
    const given = withScheme(value);
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new ConfigurationError(
        `${name} ${JSON.stringify(redactUrl(given))} is not a URL.`,
        `Give the proxy as http://host:port (or http://user:password@host:port), or unset ${name}.`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new ConfigurationError(
        `${name} ${JSON.stringify(redactUrl(given))} must use http or https.`,
        `Give the proxy as http://host:port; SOCKS proxies are not supported.`,
      );
    registerUrlPassword(given);
    // undici decodes the credentials of the proxy URL; a stray % would fail every request later.
    for (const part of [url.username, url.password]) {
      try {
        decodeURIComponent(part);
      } catch {
        throw new ConfigurationError(
          `${name} ${JSON.stringify(redactUrl(given))} has a user name or password that is not URL-encoded.`,
          'Encode the special characters of the user name and password (a % is %25, an @ is %40, a : is %3A).',
        );
      }
    }
    return given;
  };
  return {
    httpProxy: check(variables.httpProxy, 'HTTP_PROXY'),
    httpsProxy: check(variables.httpsProxy, 'HTTPS_PROXY'),
    noProxy: noProxyWithSubdomains(variables.noProxy),
  };
}

/** `proxy.corp:3128` as curl reads it: http is the default scheme. */
function withScheme(value: string): string {
  return /^[a-z][\w+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}

/**
 * undici matches a NO_PROXY entry without a leading dot to that exact host only; curl and most
 * tools let `example.com` cover its subdomains too. Each such entry is given in both forms.
 */
function noProxyWithSubdomains(noProxy: string): string {
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry) => (/^[.*]/.test(entry) || entry === '*' ? [entry] : [entry, `.${entry}`]))
    .join(',');
}

async function loadProxiedFetch(variables: ProxyVariables): Promise<typeof fetch> {
  const undici = await import('undici');
  const options = {
    // Empty, not undefined: undici would then read process.env, which may not be the
    // environment this client was made for.
    httpProxy: variables.httpProxy,
    httpsProxy: variables.httpsProxy,
    noProxy: variables.noProxy,
    // Plain-http targets (the emulator, a test double) are sent in absolute form, as curl
    // does; https ones through a CONNECT tunnel. (Passed on to ProxyAgent; not in 6.x's types.)
    proxyTunnel: false,
  };
  const agent = withoutExperimentalWarning(() => new undici.EnvHttpProxyAgent(options));
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undici.fetch(input as Parameters<typeof undici.fetch>[0], {
      ...(init as Parameters<typeof undici.fetch>[1]),
      dispatcher: agent,
    })) as unknown as typeof fetch;
}

/**
 * undici 6 marks `EnvHttpProxyAgent` experimental with a process warning on first use. The
 * version is pinned by this package, so the warning would only alarm the person running it.
 */
function withoutExperimentalWarning<T>(make: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = (rest[0] as { code?: string } | undefined)?.code;
    if (code === 'UNDICI-EHPA') return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return make();
  } finally {
    process.emitWarning = emitWarning;
  }
}

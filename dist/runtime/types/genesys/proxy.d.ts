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
export declare function proxyVariables(env: NodeJS.ProcessEnv): ProxyVariables;
/**
 * What to add to the advice about an unreachable `url` when a proxy variable applies to it:
 * the proxy (its password hidden) is then the first thing to check.
 */
export declare function proxyAdvice(url: string, env?: NodeJS.ProcessEnv): string | undefined;
/**
 * The fetch to reach Genesys Cloud with from this environment: Node's own when no proxy variable
 * is set, else one that sends each request through the proxy the variables name for its URL.
 * One per distinct setting, so that the token source and the API client share connections.
 */
export declare function proxyAwareFetch(env?: NodeJS.ProcessEnv): typeof fetch;

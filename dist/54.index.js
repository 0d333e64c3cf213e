export const id = 54;
export const ids = [54];
export const modules = {

/***/ 13054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   e8: () => (/* binding */ networkCode),
/* harmony export */   oR: () => (/* binding */ ClientCredentialsTokenSource),
/* harmony export */   qk: () => (/* binding */ unreachableHint),
/* harmony export */   u6: () => (/* binding */ networkCause)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70386);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64533);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99574);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20129);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(79419);





const TOKEN_PATH = '/oauth/token';
/**
 * OAuth 2 client-credentials grant against `login.<region domain>/oauth/token`.
 *
 * The token is cached and renewed a little before it expires (the lifetime is set per OAuth
 * client, 300 s to 48 h), and concurrent callers share one token request. The client secret
 * and the token are never put in an error message or a log line.
 */
class ClientCredentialsTokenSource {
    loginBase;
    credentials;
    options;
    cached;
    pending;
    constructor(loginBase, credentials, options = {}) {
        this.loginBase = loginBase;
        this.credentials = credentials;
        this.options = options;
    }
    async token() {
        const clock = this.options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
        if (this.cached && clock.now() < this.cached.renewAt)
            return this.cached.value;
        this.pending ??= this.request().finally(() => {
            this.pending = undefined;
        });
        this.cached = await this.pending;
        return this.cached.value;
    }
    invalidate(token) {
        if (this.cached?.value === token)
            this.cached = undefined;
    }
    async request() {
        const fetchFn = this.options.fetch ?? (0,_proxy_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyAwareFetch */ .Fm)();
        const clock = this.options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
        const policy = this.options.retry ?? _retry_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RETRY_POLICY */ .cO;
        const logger = this.options.logger ?? _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .silentLogger */ .q;
        const basic = Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64');
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await fetchFn(`${this.loginBase}${TOKEN_PATH}`, {
                    method: 'POST',
                    headers: {
                        authorization: `Basic ${basic}`,
                        'content-type': 'application/x-www-form-urlencoded',
                        accept: 'application/json',
                    },
                    body: 'grant_type=client_credentials',
                    signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
                });
            }
            catch (error) {
                const timeout = error instanceof Error && error.name === 'TimeoutError';
                // The token request has no side effect worth protecting, so it is retried like a GET.
                const decision = (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .decideRetry */ .tE)({ kind: 'network', timeout, unresolved: networkCode(error) === 'ENOTFOUND' }, attempt, true, policy);
                if (!decision.retry) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GenesysApiError */ .n_({
                        status: 0,
                        code: timeout ? 'client.timeout' : 'network.error',
                        serviceMessage: `could not reach the OAuth service at ${this.loginBase} (${networkCause(error)})`,
                        method: 'POST',
                        path: TOKEN_PATH,
                        attempts: attempt,
                    }, unreachableHint(`${this.loginBase}${TOKEN_PATH}`, 'Check the region (or API URL) and that this machine can reach Genesys Cloud.'));
                }
                logger.warn(`OAuth token request ${decision.reason}; retrying in ${formatSeconds(decision.delayMs)}`);
                await clock.sleep(decision.delayMs);
                continue;
            }
            const text = await response.text();
            if (response.ok)
                return this.parseToken(text, clock.now());
            const decision = (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .decideRetry */ .tE)({ kind: 'response', status: response.status, retryAfterHeader: response.headers.get('retry-after') }, attempt, true, policy);
            if (decision.retry && response.status !== 400 && response.status !== 401) {
                logger.warn(`OAuth token request ${decision.reason}; retrying in ${formatSeconds(decision.delayMs)}`);
                await clock.sleep(decision.delayMs);
                continue;
            }
            throw this.refusal(response, text, attempt);
        }
    }
    parseToken(text, now) {
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            body = {};
        }
        if (typeof body.access_token !== 'string' || body.access_token === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthenticationError */ .v3({
                status: 200,
                code: 'invalid.token.response',
                serviceMessage: 'the OAuth service answered without an access_token',
                method: 'POST',
                path: TOKEN_PATH,
                attempts: 1,
            }, 'Check that the login URL points at Genesys Cloud (or the emulator).');
        }
        const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 86_400) * 1000;
        // Renew early: a tenth of the lifetime, at most a minute, so no request carries a token
        // that expires in flight.
        const marginMs = Math.min(60_000, lifetimeMs / 10);
        return { value: body.access_token, renewAt: now + lifetimeMs - marginMs };
    }
    refusal(response, text, attempts) {
        let body = {};
        try {
            body = JSON.parse(text);
        }
        catch {
            // Not JSON: keep the status only.
        }
        // OAuth errors use {error, error_description}; Genesys errors use {code, message}.
        const code = String(body.error ?? body.code ?? `http.${response.status}`);
        const serviceMessage = String(body.error_description ?? body.message ?? response.statusText ?? 'refused');
        const failure = {
            status: response.status,
            code,
            serviceMessage,
            method: 'POST',
            path: TOKEN_PATH,
            correlationId: response.headers.get('inin-correlation-id') ?? undefined,
            attempts,
            body,
        };
        if (response.status === 400 || response.status === 401 || response.status === 403) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthenticationError */ .v3(failure, `Genesys Cloud refused the OAuth client "${this.credentials.clientId}" at ${this.loginBase}. ` +
                'Check GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, that the client uses the ' +
                'Client Credentials grant and is active, and that the region matches the org.');
        }
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GenesysApiError */ .n_(failure, 'The OAuth service failed; try again later.');
    }
}
/** The advice for a request to `url` that got no answer: `advice`, then the proxy's, if one was used. */
function unreachableHint(url, advice) {
    const proxy = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyAdvice */ .ZV)(url);
    return proxy ? `${advice} ${proxy}` : advice;
}
/** A short, secret-free cause of a fetch failure (undici nests the system error). */
function networkCause(error) {
    if (!(error instanceof Error))
        return String(error);
    const cause = error.cause;
    // undici's ProxyAgent, when the proxy refuses to open a tunnel.
    const tunnel = /Proxy response \((\d+)\)/.exec(cause?.message ?? '');
    if (tunnel)
        return `the proxy refused the tunnel with HTTP ${tunnel[1]}${PROXY_STATUS[tunnel[1]] ?? ''}`;
    const code = networkCode(error);
    return code && code in NETWORK_CODES
        ? `${code}: ${NETWORK_CODES[code]}`
        : (code ?? cause?.message ?? error.message);
}
/** The system error code of a failed fetch (ENOTFOUND, ECONNRESET, …), when there is one. */
function networkCode(error) {
    return error?.cause?.code;
}
/** The network failures people meet, in words (the codes alone send them searching). */
const NETWORK_CODES = {
    ENOTFOUND: 'the host name does not resolve',
    ECONNREFUSED: 'nothing listens on that address and port',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EAI_AGAIN: 'the name server did not answer',
    CERT_HAS_EXPIRED: 'the server certificate has expired',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate cannot be verified (a proxy that inspects TLS?)',
    SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate is in the chain (a proxy that inspects TLS?)',
};
const PROXY_STATUS = {
    '403': ' (the proxy does not allow this host)',
    '407': ' (proxy authentication required: give the user and password in the proxy URL, http://user:password@host:port)',
};
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(ms < 1000 ? 3 : 1)} s`;
}


/***/ }),

/***/ 20129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fm: () => (/* binding */ proxyAwareFetch),
/* harmony export */   ZV: () => (/* binding */ proxyAdvice)
/* harmony export */ });
/* unused harmony export proxyVariables */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64533);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91581);
/* harmony import */ var _regions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8348);



function proxyVariables(env) {
    const read = (name) => (env[name.toLowerCase()] || env[name] || '').trim();
    return { httpProxy: read('HTTP_PROXY'), httpsProxy: read('HTTPS_PROXY'), noProxy: read('NO_PROXY') };
}
/**
 * What to add to the advice about an unreachable `url` when a proxy variable applies to it:
 * the proxy (its password hidden) is then the first thing to check.
 */
function proxyAdvice(url, env = process.env) {
    const variables = proxyVariables(env);
    const target = new URL(url);
    const https = target.protocol === 'https:';
    // HTTPS_PROXY falls back to HTTP_PROXY, as undici does.
    const name = https && variables.httpsProxy ? 'HTTPS_PROXY' : variables.httpProxy ? 'HTTP_PROXY' : undefined;
    if (name === undefined)
        return undefined;
    const proxy = (0,_regions_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(withScheme(name === 'HTTPS_PROXY' ? variables.httpsProxy : variables.httpProxy));
    const through = https
        ? `lets this machine CONNECT to ${target.host}`
        : `forwards requests to ${target.host}`;
    return `${name} is set (${proxy}): unless NO_PROXY names ${target.hostname}, the request went through that proxy; check that it is reachable and ${through}.`;
}
const fetches = new Map();
/**
 * The fetch to reach Genesys Cloud with from this environment: Node's own when no proxy variable
 * is set, else one that sends each request through the proxy the variables name for its URL.
 * One per distinct setting, so that the token source and the API client share connections.
 */
function proxyAwareFetch(env = process.env) {
    const variables = proxyVariables(env);
    if (!variables.httpProxy && !variables.httpsProxy)
        return globalThis.fetch;
    const key = JSON.stringify(variables);
    let proxied = fetches.get(key);
    if (!proxied) {
        const checked = checkedVariables(variables);
        let loading;
        proxied = async (input, init) => {
            loading ??= loadProxiedFetch(checked);
            return (await loading)(input, init);
        };
        fetches.set(key, proxied);
    }
    return proxied;
}
/** Refuses a proxy URL that is not one, and registers its password as a secret. */
function checkedVariables(variables) {
    const check = (value, name) => {
        if (!value)
            return value;
        const given = withScheme(value);
        let url;
        try {
            url = new URL(given);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} ${JSON.stringify((0,_regions_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(given))} is not a URL.`, `Give the proxy as http://host:port (or http://user:password@host:port), or unset ${name}.`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} ${JSON.stringify((0,_regions_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(given))} must use http or https.`, `Give the proxy as http://host:port; SOCKS proxies are not supported.`);
        (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .registerUrlPassword */ .M1)(given);
        return given;
    };
    return {
        httpProxy: check(variables.httpProxy, 'HTTP_PROXY'),
        httpsProxy: check(variables.httpsProxy, 'HTTPS_PROXY'),
        noProxy: noProxyWithSubdomains(variables.noProxy),
    };
}
/** `proxy.corp:3128` as curl reads it: http is the default scheme. */
function withScheme(value) {
    return /^[a-z][\w+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}
/**
 * undici matches a NO_PROXY entry without a leading dot to that exact host only; curl and most
 * tools let `example.com` cover its subdomains too. Each such entry is given in both forms.
 */
function noProxyWithSubdomains(noProxy) {
    return noProxy
        .split(/[\s,]+/)
        .filter(Boolean)
        .flatMap((entry) => (/^[.*]/.test(entry) || entry === '*' ? [entry] : [entry, `.${entry}`]))
        .join(',');
}
async function loadProxiedFetch(variables) {
    const undici = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 64718, 19));
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
    return ((input, init) => undici.fetch(input, {
        ...init,
        dispatcher: agent,
    }));
}
/**
 * undici 6 marks `EnvHttpProxyAgent` experimental with a process warning on first use. The
 * version is pinned by this package, so the warning would only alarm the person running it.
 */
function withoutExperimentalWarning(make) {
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning, ...rest) => {
        const code = rest[0]?.code;
        if (code === 'UNDICI-EHPA')
            return;
        emitWarning.call(process, warning, ...rest);
    });
    try {
        return make();
    }
    finally {
        process.emitWarning = emitWarning;
    }
}


/***/ }),

/***/ 8348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ resolveEndpoints),
/* harmony export */   BO: () => (/* binding */ redactUrl)
/* harmony export */ });
/* unused harmony exports REGION_DOMAINS, regionDomain, parseOrigin */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64533);

/**
 * Genesys Cloud regions and their domains (the SDKs' `PureCloudRegionHosts`). The API lives at
 * `api.<domain>`, OAuth at `login.<domain>`. Names follow the SDK (`us_east_1`); the Terraform
 * provider's `us-east-1` spelling is accepted too, and so is the domain itself, in the forms
 * people copy from the admin UI or other tools (`mypurecloud.ie`, `api.mypurecloud.ie`,
 * `https://api.mypurecloud.ie`).
 */
const REGION_DOMAINS = {
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
/**
 * The domain of a region given by name (`eu-west-1`, `eu_west_1`) or by domain, with or without
 * a scheme, a service host prefix (`api.`, `login.`, `apps.`) or a trailing slash.
 */
function regionDomain(region) {
    const text = region.trim().toLowerCase();
    const byName = REGION_DOMAINS[text.replace(/-/g, '_')];
    if (byName)
        return byName;
    const host = text
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '')
        .replace(/^(?:api|login|apps)\./, '');
    return Object.values(REGION_DOMAINS).includes(host) ? host : undefined;
}
/**
 * Resolves the endpoints from a region name or an explicit API URL. An explicit URL wins (the
 * emulator, a proxy, tests); it serves both the API and `/oauth/token` on one origin unless a
 * separate login URL is given.
 */
function resolveEndpoints(options) {
    if (options.apiUrl) {
        const apiBase = parseOrigin(options.apiUrl, 'API URL');
        const loginBase = options.loginUrl ? parseOrigin(options.loginUrl, 'login URL', 'login') : apiBase;
        return { apiBase, loginBase };
    }
    if (!options.region) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('No Genesys Cloud region or API URL was given.', `Set GENESYSCLOUD_REGION (e.g. us-east-1 or mypurecloud.com) or GENESYSCLOUD_API_URL; known regions: ${knownRegions()}.`);
    }
    const domain = regionDomain(options.region);
    if (!domain) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Unknown Genesys Cloud region "${redactUrl(options.region)}".`, `Use a region name or its domain: ${knownRegions()}; or give the API URL explicitly.`);
    }
    return { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}` };
}
/** `us-east-1 (mypurecloud.com), …`: every name a region may be given by. */
function knownRegions() {
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
function parseOrigin(value, label, service = 'api') {
    const shown = JSON.stringify(redactUrl(value));
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The ${label} ${shown} is not a URL.`, BASE_URL_FIX);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The ${label} ${shown} must use http or https.`, BASE_URL_FIX);
    const origin = `${url.protocol}//${url.host}`;
    if (url.username || url.password)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The ${label} ${shown} contains a user name or password.`, `Give ${origin}; the OAuth client's id and secret go in GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET.`);
    const path = url.pathname.replace(/\/+$/, '');
    const problem = baseUrlProblem(url, path, service);
    if (problem) {
        const region = regionOfHost(url.hostname);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The ${label} ${shown} ${problem}; it takes a base URL only (the client adds /api/v2 and /oauth/token itself).`, `Give ${region ? `https://${service}.${REGION_DOMAINS[region]}, or the region ${region.replace(/_/g, '-')} instead` : origin}.`);
    }
    return `${origin}${path}`;
}
/** What makes a URL more than a base URL; a proxy's own path prefix is allowed. */
function baseUrlProblem(url, path, service) {
    if (url.search || url.hash)
        return 'has a query or fragment';
    if (/(^|\/)(api|oauth)(\/|$)/i.test(path))
        return `has a path (${path})`;
    if (regionOfHost(url.hostname) === undefined)
        return undefined;
    if (!url.hostname.toLowerCase().startsWith(`${service}.`))
        return `is not the ${service === 'api' ? 'API' : 'login'} host (${url.hostname})`;
    return path ? `has a path (${path})` : undefined;
}
const BASE_URL_FIX = 'Give the base URL of the API, such as https://api.mypurecloud.com, or a region name instead (such as us-east-1).';
/** The region whose API, login or apps host this is (a URL copied from the browser), if any. */
function regionOfHost(host) {
    const match = /^(?:api|login|apps)\.(.+)$/i.exec(host);
    if (!match)
        return undefined;
    return Object.keys(REGION_DOMAINS).find((name) => REGION_DOMAINS[name] === match[1].toLowerCase());
}
/** A URL as it may be printed: a user name, password and query values are hidden. */
function redactUrl(value) {
    return value.replace(/^([a-z][\w+.-]*:\/\/)[^/?#@]*@/i, '$1***@').replace(/([?&][^=&#]*=)[^&#]*/g, '$1***');
}


/***/ }),

/***/ 79419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   tE: () => (/* binding */ decideRetry)
/* harmony export */ });
/* unused harmony exports backoffMs, parseRetryAfterMs */
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 6,
    maxRetryMs: 600_000,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 180_000,
    timeScale: 1,
    random: Math.random,
};
/** Codes that mean "busy, try later" whatever the status says. */
const BUSY_CODES = new Set(['flows.datatables.server.too.busy', 'service.unavailable']);
/**
 * Decides whether attempt number `attempt` (1-based) is retried; `elapsedMs` is the time already
 * spent waiting to retry this request.
 *
 * - 429 and 503 (and the data-tables "too busy" code) mean the request was not processed, so
 *   every method is retried.
 * - 502, 504, connection resets and timeouts leave it unknown whether the service acted; only
 *   idempotent requests (GET, PUT, DELETE) are retried, so a POST never creates a row twice.
 * - Other 5xx answers to a read (GET) are retried too: a read changes nothing, and one failed
 *   read (a verify, an import-job poll) must not fail a deploy.
 * - Any other status is final.
 */
function decideRetry(outcome, attempt, idempotent, policy, readOnly = false, elapsedMs = 0) {
    const decision = decideRetryByOutcome(outcome, attempt, idempotent, policy, readOnly);
    if (!decision.retry)
        return decision;
    const notProcessed = outcome.kind === 'response' &&
        (outcome.status === 429 ||
            outcome.status === 503 ||
            (outcome.code !== undefined && BUSY_CODES.has(outcome.code)));
    if (notProcessed && policy.maxRetryMs !== undefined) {
        const budget = policy.maxRetryMs * policy.timeScale;
        if (elapsedMs + decision.delayMs > budget)
            return {
                retry: false,
                reason: `gave up after ${attempt} attempts over ${Math.round(elapsedMs / policy.timeScale / 1000)} s (the retry budget is ${policy.maxRetryMs / 1000} s)`,
            };
        return decision;
    }
    if (attempt >= policy.maxAttempts)
        return { retry: false, reason: `gave up after ${attempt} attempts` };
    return decision;
}
function decideRetryByOutcome(outcome, attempt, idempotent, policy, readOnly) {
    if (outcome.kind === 'network') {
        // Once more for a resolver blip; after that a name that does not resolve is a wrong address.
        if (outcome.unresolved && attempt >= 2)
            return { retry: false, reason: 'the host name does not resolve; check the region or URL' };
        if (!idempotent)
            return { retry: false, reason: 'the request may have been processed; not repeated' };
        return {
            retry: true,
            rateLimited: false,
            delayMs: backoffMs(attempt, policy),
            reason: outcome.timeout ? 'timed out' : 'connection failed',
        };
    }
    const { status, code } = outcome;
    if (status === 429) {
        const retryAfter = parseRetryAfterMs(outcome.retryAfterHeader);
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
            return {
                retry: false,
                reason: `Retry-After of ${retryAfter / 1000} s is longer than the ${policy.maxRetryAfterMs / 1000} s allowed`,
            };
        }
        const delayMs = retryAfter !== undefined ? retryAfter * policy.timeScale : backoffMs(attempt, policy);
        return { retry: true, rateLimited: true, delayMs, reason: 'rate limited (429)' };
    }
    if (status === 503 || (code !== undefined && BUSY_CODES.has(code))) {
        return {
            retry: true,
            rateLimited: false,
            delayMs: backoffMs(attempt, policy),
            reason: `service busy (${status})`,
        };
    }
    if (((status === 502 || status === 504) && idempotent) || (status >= 500 && readOnly)) {
        return {
            retry: true,
            rateLimited: false,
            delayMs: backoffMs(attempt, policy),
            reason: `gateway error (${status})`,
        };
    }
    return { retry: false, reason: `status ${status} is not retried` };
}
/** Exponential backoff with "equal jitter": half fixed, half random, capped, then scaled. */
function backoffMs(attempt, policy) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return (exponential / 2 + policy.random() * (exponential / 2)) * policy.timeScale;
}
/** `Retry-After` as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function parseRetryAfterMs(header, now = Date.now()) {
    if (header === null || header === undefined || header.trim() === '')
        return undefined;
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}


/***/ })

};

export const id = 434;
export const ids = [434];
export const modules = {

/***/ 8348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ resolveEndpoints),
/* harmony export */   BO: () => (/* binding */ redactUrl)
/* harmony export */ });
/* unused harmony exports REGION_DOMAINS, regionDomain, parseOrigin */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4533);

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

/***/ 4434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGenesysTableSource: () => (/* binding */ createGenesysTableSource)
});

// UNUSED EXPORTS: TableNotFoundError

// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(386);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(4533);
// EXTERNAL MODULE: ./src/logger.ts
var src_logger = __webpack_require__(9574);
;// CONCATENATED MODULE: ./src/secrets.ts
/**
 * Secret values no output may show: logs, the job summary, PR comments, commit statuses,
 * step outputs, artifacts and files the tool writes all pass through `maskSecrets`. The
 * registry is process-wide on purpose, like the runner's own mask list: a value registered
 * where it is read (an input, a connection setting, a health-check template) must be masked
 * by every sink, including ones that never see the settings.
 */
/** Shorter values would mask ordinary words; no credential is this short. */
const MIN_LENGTH = 6;
/**
 * Environment variables whose values are secrets whatever the tool does with them: its own
 * credentials, the runner's tokens, and anything a workflow named like a secret.
 */
const SECRET_VARIABLE = /(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API[_-]?KEY|ACCESS[_-]?KEY|SIGNING[_-]?KEY)/i;
/** Proxy variables: their URLs may carry a password (`http://user:password@proxy:3128`). */
const PROXY_VARIABLE = /^(HTTPS?|ALL)_PROXY$/i;
const registered = new Set();
let ordered;
/** Registers a secret, with the forms it takes once escaped into JSON, a URL or Base64. */
function registerSecret(value) {
    if (value === undefined)
        return;
    const trimmed = value.trim();
    if (trimmed.length < MIN_LENGTH)
        return;
    for (const form of [
        value,
        trimmed,
        JSON.stringify(trimmed).slice(1, -1),
        encodeURIComponent(trimmed),
        Buffer.from(trimmed).toString('base64').replace(/=+$/, ''),
    ]) {
        if (form.length >= MIN_LENGTH && !registered.has(form)) {
            registered.add(form);
            ordered = undefined;
        }
    }
}
/** Registers the value of every variable whose name says it holds a secret, and proxy passwords. */
function registerSecretsFromEnvironment(env) {
    for (const [name, value] of Object.entries(env)) {
        if (SECRET_VARIABLE.test(name))
            registerSecret(value);
        else if (PROXY_VARIABLE.test(name) && value)
            registerUrlPassword(value);
    }
}
/** Registers the password of a URL (`scheme://user:password@host`), as given and decoded. */
function registerUrlPassword(value) {
    let password;
    try {
        password = new URL(/^[a-z][\w+.-]*:\/\//i.test(value.trim()) ? value.trim() : `http://${value.trim()}`)
            .password;
    }
    catch {
        return;
    }
    registerSecret(password);
    try {
        registerSecret(decodeURIComponent(password));
    }
    catch {
        // Not percent-encoded as it should be: the raw form is registered.
    }
}
/** The text with every registered secret replaced by `***`; longest first, so no tail survives. */
function maskSecrets(text) {
    if (registered.size === 0 || text.length === 0)
        return text;
    ordered ??= [...registered].sort((a, b) => b.length - a.length);
    let masked = text;
    for (const secret of ordered)
        if (masked.includes(secret))
            masked = masked.split(secret).join('***');
    return masked;
}
/** Masks first, then cuts to `limit` characters (cutting first could leave a secret's prefix). */
function maskThenCut(text, limit, from = 'start') {
    const masked = maskSecrets(text);
    if (masked.length <= limit)
        return masked;
    return from === 'start' ? `${masked.slice(0, limit)}…` : `…${masked.slice(-limit)}`;
}
/** For tests: forgets every registered secret. */
function clearSecrets() {
    registered.clear();
    ordered = undefined;
}

// EXTERNAL MODULE: ./src/genesys/regions.ts
var regions = __webpack_require__(8348);
;// CONCATENATED MODULE: ./src/genesys/proxy.ts



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
    const proxy = (0,regions/* redactUrl */.BO)(withScheme(name === 'HTTPS_PROXY' ? variables.httpsProxy : variables.httpProxy));
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
            throw new errors/* ConfigurationError */.j1(`${name} ${JSON.stringify((0,regions/* redactUrl */.BO)(given))} is not a URL.`, `Give the proxy as http://host:port (or http://user:password@host:port), or unset ${name}.`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new errors/* ConfigurationError */.j1(`${name} ${JSON.stringify((0,regions/* redactUrl */.BO)(given))} must use http or https.`, `Give the proxy as http://host:port; SOCKS proxies are not supported.`);
        registerUrlPassword(given);
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
    const undici = await __webpack_require__.e(/* import() */ 718).then(__webpack_require__.t.bind(__webpack_require__, 4718, 19));
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

;// CONCATENATED MODULE: ./src/genesys/retry.ts
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

;// CONCATENATED MODULE: ./src/genesys/oauth.ts





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
        const clock = this.options.clock ?? src_clock/* systemClock */.m;
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
        const fetchFn = this.options.fetch ?? proxyAwareFetch();
        const clock = this.options.clock ?? src_clock/* systemClock */.m;
        const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
        const logger = this.options.logger ?? src_logger/* silentLogger */.q;
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
                const decision = decideRetry({ kind: 'network', timeout, unresolved: networkCode(error) === 'ENOTFOUND' }, attempt, true, policy);
                if (!decision.retry) {
                    throw new errors/* GenesysApiError */.n_({
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
            const decision = decideRetry({ kind: 'response', status: response.status, retryAfterHeader: response.headers.get('retry-after') }, attempt, true, policy);
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
            throw new errors/* AuthenticationError */.v3({
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
            return new errors/* AuthenticationError */.v3(failure, `Genesys Cloud refused the OAuth client "${this.credentials.clientId}" at ${this.loginBase}. ` +
                'Check GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, that the client uses the ' +
                'Client Credentials grant and is active, and that the region matches the org.');
        }
        return new errors/* GenesysApiError */.n_(failure, 'The OAuth service failed; try again later.');
    }
}
/** The advice for a request to `url` that got no answer: `advice`, then the proxy's, if one was used. */
function unreachableHint(url, advice) {
    const proxy = proxyAdvice(url);
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

;// CONCATENATED MODULE: ./src/genesys/credentials.ts



const REFUSED_TOKEN_HINT = 'The access token (GENESYSCLOUD_ACCESS_TOKEN, or the genesys-access-token input) has expired, was revoked, ' +
    'or belongs to another org or region. Get a new token, or use an OAuth client instead ' +
    '(GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET), whose tokens are renewed as needed.';
/**
 * A token given as is: no OAuth request is made, and a refused token cannot be renewed, so a
 * 401 fails at once with {@link REFUSED_TOKEN_HINT}.
 */
class AccessTokenSource {
    value;
    refusedHint = REFUSED_TOKEN_HINT;
    constructor(value) {
        this.value = value;
    }
    token() {
        return Promise.resolve(this.value);
    }
    invalidate() {
        // Nothing to forget: there is no other token to fetch.
    }
}
/**
 * The token source the credentials call for. Both kinds at once are refused rather than one
 * silently preferred: they may be different identities, with different permissions and a
 * different name in the org's audit log, and a deploy must not run as the unexpected one.
 */
function tokenSourceFor(credentials, loginBase, options) {
    checkCredentials(credentials);
    const accessToken = credentials.accessToken?.trim();
    if (accessToken) {
        registerSecret(accessToken);
        return new AccessTokenSource(accessToken);
    }
    const { clientId, clientSecret } = credentials;
    return new ClientCredentialsTokenSource(loginBase, { clientId, clientSecret }, options);
}
/** Refuses no credentials, half an OAuth client, or both kinds at once (see {@link tokenSourceFor}). */
function checkCredentials(credentials) {
    const accessToken = credentials.accessToken?.trim();
    const { clientId, clientSecret } = credentials;
    if (accessToken && (clientId || clientSecret)) {
        throw new errors/* ConfigurationError */.j1('Both an access token and an OAuth client id or secret were given; the tool will not guess which identity to act as.', 'Give one: unset GENESYSCLOUD_ACCESS_TOKEN (input genesys-access-token) to use the OAuth client, or unset ' +
            'GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (inputs genesys-client-id and genesys-client-secret) to use the token.');
    }
    if (!accessToken && (!clientId || !clientSecret)) {
        throw new errors/* ConfigurationError */.j1('The Genesys Cloud OAuth client id or secret is missing.', 'Set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (a Client Credentials OAuth client), or GENESYSCLOUD_ACCESS_TOKEN.');
    }
}

// EXTERNAL MODULE: ../../main/node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(7032);
// EXTERNAL MODULE: ../../main/node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(4725);
// EXTERNAL MODULE: ../../main/node_modules/csv-stringify/lib/sync.js + 7 modules
var lib_sync = __webpack_require__(8583);
;// CONCATENATED MODULE: ./src/genesys/csv.ts


/**
 * The CSV form of a data table used by import and export jobs: UTF-8, a header row of field ids
 * with `key` first, booleans as `true`/`false`, an empty cell for "not set" (the service then
 * fills the column's default). Quoting and escaping follow RFC 4180 (csv-parse / csv-stringify).
 */
/** Field ids in display order: `key` first, then by `displayOrder`, then in schema order. */
function columnOrder(schema) {
    const others = Object.entries(schema.properties)
        .filter(([name]) => name !== 'key')
        // Array.prototype.sort is stable, so columns without displayOrder keep the schema's order.
        .sort(([, left], [, right]) => (left.displayOrder ?? Infinity) - (right.displayOrder ?? Infinity) || 0)
        .map(([name]) => name);
    return ['key', ...others];
}
function rowsToCsv(rows, schema) {
    const columns = columnOrder(schema);
    const records = rows.map((row) => columns.map((column) => formatCell(row[column])));
    return (0,lib_sync/* stringify */.A)([columns, ...records]);
}
function formatCell(value) {
    if (value === undefined)
        return '';
    return typeof value === 'string' ? value : String(value);
}
/** Thrown when the file as a whole cannot be read as a data-table CSV. */
class CsvFormatError extends Error {
}
/**
 * Reads a data-table CSV against the table's schema. Cells are converted to the column types;
 * a record with a bad cell is reported in `failures` and left out, as the service does with
 * per-row import failures. Unknown columns or a missing `key` column fail the whole file.
 */
function csvToRows(text, schema) {
    let records;
    try {
        records = (0,sync/* parse */.qg)(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
    }
    catch (error) {
        throw new CsvFormatError(`the CSV cannot be parsed: ${error.message}`);
    }
    const [header, ...data] = records;
    if (!header)
        return { rows: [], failures: [] };
    if (!header.includes('key'))
        throw new CsvFormatError('the CSV header has no "key" column');
    const unknown = header.filter((name) => !(name in schema.properties));
    if (unknown.length > 0)
        throw new CsvFormatError(`the CSV header names unknown columns: ${unknown.join(', ')}`);
    const rows = [];
    const failures = [];
    data.forEach((record, index) => {
        const line = index + 2;
        const row = {};
        let failure;
        header.forEach((column, position) => {
            const cell = record[position] ?? '';
            if (cell === '' && column !== 'key')
                return;
            const parsed = parseCell(schema.properties[column].type, cell);
            if (parsed.ok)
                row[column] = parsed.value;
            else
                failure ??= `column "${column}": ${parsed.message}`;
        });
        if (failure)
            failures.push({ line, key: record[header.indexOf('key')], message: failure });
        else
            rows.push(row);
    });
    return { rows, failures };
}
/** Converts CSV text to a typed cell value. */
function parseCell(type, text) {
    switch (type) {
        case 'string':
            return { ok: true, value: text };
        case 'boolean': {
            const lowered = text.trim().toLowerCase();
            if (lowered === 'true' || lowered === 'false')
                return { ok: true, value: lowered === 'true' };
            return { ok: false, message: `"${text}" is not true or false` };
        }
        case 'integer': {
            const trimmed = text.trim();
            if (/^[-+]?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)))
                return { ok: true, value: Number(trimmed) };
            return { ok: false, message: `"${text}" is not an integer` };
        }
        case 'number': {
            const trimmed = text.trim();
            const value = Number(trimmed);
            if (trimmed !== '' && Number.isFinite(value))
                return { ok: true, value };
            return { ok: false, message: `"${text}" is not a number` };
        }
    }
}

;// CONCATENATED MODULE: ./src/genesys/table-jobs.ts


/** The first poll of a job comes this soon: a small job ends in well under a second. */
const FIRST_POLL_MS = 200;
/** Each wait between polls is this much longer than the one before, up to the longest. */
const POLL_BACKOFF = 1.5;
/**
 * The data-tables bulk jobs (CSV import and export): started, uploaded or downloaded, and polled
 * to their end. Remembers the import jobs of ours not yet seen to end: they may still change
 * the tables, so a restore must not start under them.
 */
class TableJobs {
    http;
    base;
    timing;
    clock;
    logger;
    /** Jobs of ours not yet seen to end, by poll path: what they are. */
    open = new Map();
    constructor(http, base, timing, clock, logger) {
        this.http = http;
        this.base = base;
        this.timing = timing;
        this.clock = clock;
        this.logger = logger;
    }
    /** What the jobs of ours not yet seen to end are. */
    running() {
        return [...this.open.values()];
    }
    /**
     * Polls the jobs of ours not yet seen to end until they do, for at most `timeoutMs`;
     * returns those still running then.
     */
    async finish(timeoutMs) {
        for (const [path, what] of [...this.open]) {
            try {
                await this.poll(path, what, timeoutMs);
            }
            catch (error) {
                this.logger.warn(`${what}: ${error.message}`);
            }
        }
        return this.running();
    }
    /**
     * Loads rows with a CSV import job (the `import/csv/jobs` flow): create the job, PUT the file
     * to its upload URI with the headers it names, poll until it ends. `Append` upserts by key;
     * `ReplaceAll` deletes every row first. Rows the service rejects are counted in `failed`.
     */
    async importRows(table, rows, mode) {
        const tablePath = `${this.base}/${encodeURIComponent(table.id)}`;
        const created = await this.http.json({
            method: 'POST',
            path: `${tablePath}/import/csv/jobs`,
            json: { importMode: mode },
        });
        if (!created.uploadURI)
            throw new Error(`import job ${created.id} has no uploadURI`);
        const jobPath = `${tablePath}/import/jobs/${encodeURIComponent(created.id)}`;
        const what = `import job ${created.id} of ${table.name}`;
        // From the upload on, the job may run: it counts as ours until it is seen to end.
        this.open.set(jobPath, what);
        try {
            // The upload URI is presigned: the bearer token is not sent to it.
            await this.http.send({
                method: 'PUT',
                path: created.uploadURI,
                body: rowsToCsv(rows, table.schema),
                headers: { 'content-type': 'text/csv', ...created.uploadHeaders },
                authenticate: false,
            });
        }
        catch (error) {
            // A retried upload refused as a conflict: the first attempt arrived (its answer was lost).
            if (!(error instanceof errors/* GenesysApiError */.n_ && error.status === 409 && error.attempts > 1)) {
                // Refused outright: no job runs. Without an answer (or a 502/504) the file may have arrived.
                if (error instanceof errors/* GenesysApiError */.n_ && ![0, 502, 504].includes(error.status))
                    this.open.delete(jobPath);
                throw error;
            }
        }
        const job = await this.poll(jobPath, what);
        if (job.status === 'Failed') {
            throw new Error(`import job ${job.id} failed: ${job.errorInformation?.message ?? 'no reason given'}`);
        }
        return {
            job,
            updated: job.countRecordsUpdated ?? 0,
            deleted: job.countRecordsDeleted ?? 0,
            failed: job.countRecordsFailed ?? 0,
        };
    }
    /** Reads all rows through an export job and its CSV download. */
    async exportRows(table) {
        const jobsPath = `${this.base}/${encodeURIComponent(table.id)}/export/jobs`;
        const created = await this.http.json({ method: 'POST', path: jobsPath });
        const job = created.status === 'Processing'
            ? await this.poll(`${jobsPath}/${encodeURIComponent(created.id)}`, `export job ${created.id} of ${table.name}`)
            : created;
        if (job.status !== 'Succeeded' || !job.downloadURI) {
            throw new Error(`export job ${job.id} failed: ${job.errorInformation?.message ?? 'no download URI'}`);
        }
        const download = await this.http.send({
            method: 'GET',
            path: job.downloadURI,
            headers: { accept: 'text/csv' },
            // Only the service's own hosts get the bearer token.
            authenticate: sameService(job.downloadURI, this.http.apiBase),
        });
        return csvToRows(download.text, table.schema);
    }
    /**
     * Polls a job until it ends (Succeeded or Failed) or `timeoutMs` passes, at an adaptive
     * interval: the first poll after {@link FIRST_POLL_MS}, each wait then {@link POLL_BACKOFF}
     * times the one before, up to `pollIntervalMs`. A small job is seen to end within a few
     * hundred ms; a long one costs few polls of the rate budget. Waits go through the Clock, and
     * each poll is a GET, so the client retries it through 429s, 5xx and resets.
     */
    async poll(path, what, timeoutMs = this.timing.timeoutMs) {
        const deadline = this.clock.now() + timeoutMs;
        let interval = Math.min(FIRST_POLL_MS, this.timing.pollIntervalMs);
        for (;;) {
            const job = await this.http.json({ method: 'GET', path });
            if (job.status === 'Succeeded' || job.status === 'Failed') {
                this.open.delete(path);
                return job;
            }
            if (this.clock.now() >= deadline) {
                throw new Error(`${what} is still ${job.status} after ${Math.round(timeoutMs / 1000)} s`);
            }
            await this.clock.sleep(Math.min(interval, Math.max(0, deadline - this.clock.now())));
            interval = Math.min(this.timing.pollIntervalMs, interval * POLL_BACKOFF);
        }
    }
}
/** True when `uri` is on the API host or a sibling host of the same Genesys domain. */
function sameService(uri, apiBase) {
    const target = new URL(uri);
    const api = new URL(apiBase);
    if (target.host === api.host)
        return true;
    const domain = api.hostname.replace(/^api\./, '');
    return domain !== api.hostname && (target.hostname === domain || target.hostname.endsWith(`.${domain}`));
}

;// CONCATENATED MODULE: ./src/genesys/datatables.ts





const BASE = '/api/v2/flows/datatables';
/**
 * The data-tables resource: tables, rows, import and export jobs. Thin and typed; all rate
 * limiting, retries and authentication happen in {@link GenesysHttp}.
 */
class DataTablesApi {
    http;
    rowPageSize;
    options;
    logger;
    jobs;
    constructor(http, options = {}) {
        this.http = http;
        this.options = {
            rowPageSize: options.rowPageSize ?? 500,
            fallbackRowPageSize: options.fallbackRowPageSize ?? 100,
            pageConcurrency: options.pageConcurrency ?? 4,
            jobPollIntervalMs: options.jobPollIntervalMs ?? 5_000,
            jobTimeoutMs: options.jobTimeoutMs ?? 15 * 60_000,
        };
        this.rowPageSize = this.options.rowPageSize;
        this.logger = options.logger ?? src_logger/* silentLogger */.q;
        this.jobs = new TableJobs(http, BASE, { pollIntervalMs: this.options.jobPollIntervalMs, timeoutMs: this.options.jobTimeoutMs }, options.clock ?? src_clock/* systemClock */.m, this.logger);
    }
    /** Rows per page of a row listing, as the service accepts them (for pricing reads). */
    get rowsPerPage() {
        return this.rowPageSize;
    }
    // ---- what may still change the tables ------------------------------------------------
    /**
     * What of ours may still change the tables: writes whose outcome is unknown, and import
     * jobs not seen to end. A restore must not start under either.
     */
    inDoubt() {
        return { writes: this.http.writesInDoubt(), jobs: this.jobs.running() };
    }
    /** Resolves once every request in flight has ended. */
    idle() {
        return this.http.idle();
    }
    /**
     * Polls the jobs of ours not yet seen to end until they do, for at most `timeoutMs`;
     * returns those still running then.
     */
    finishJobs(timeoutMs) {
        return this.jobs.finish(timeoutMs);
    }
    // ---- tables ---------------------------------------------------------------------------
    /** All tables (every page). `name` is the service's case-insensitive filter with `*` wildcards. */
    async listTables(options = {}) {
        const query = {
            name: options.name,
            expand: options.expandSchema ? 'schema' : undefined,
            // The SDKs send array parameters comma-joined.
            divisionId: options.divisionIds?.join(','),
            sortBy: 'name',
        };
        return this.collectPages(BASE, query, 100);
    }
    /** The table with this exact name, with its schema; undefined when there is none. */
    async findTableByName(name) {
        // The filter is case-insensitive and treats `*` as a wildcard, so the match is checked here.
        const candidates = await this.listTables({ name: name.replace(/\*/g, ''), expandSchema: true });
        return candidates.find((table) => table.name === name);
    }
    async getTable(tableId) {
        return this.http.json({
            method: 'GET',
            path: `${BASE}/${enc(tableId)}`,
            query: { expand: 'schema' },
        });
    }
    async createTable(table) {
        return this.http.json({ method: 'POST', path: BASE, json: table });
    }
    /** Replaces the table definition. The service only accepts added columns. */
    async updateTable(table) {
        return this.http.json({
            method: 'PUT',
            path: `${BASE}/${enc(table.id)}`,
            query: { expand: 'schema' },
            json: table,
        });
    }
    async deleteTable(tableId, options = {}) {
        await this.http.send({
            method: 'DELETE',
            path: `${BASE}/${enc(tableId)}`,
            query: { force: options.force },
        });
    }
    // ---- rows -----------------------------------------------------------------------------
    /**
     * Every row of a table, in full. Pages are as large as the service accepts: the configured
     * size first, the fallback size if the service refuses it (its maximum is undocumented), and
     * whatever size it answers with if it clamps. After the first page the rest are fetched
     * concurrently.
     */
    async listRows(tableId) {
        const path = `${BASE}/${enc(tableId)}/rows`;
        const first = await this.firstRowPage(path);
        // If the service clamped the size, page by what it actually gives.
        const pageSize = first.pageSize > 0 ? first.pageSize : this.rowPageSize;
        const pageCount = first.pageCount ?? Math.ceil(first.total / pageSize);
        const rest = await (0,p_limit/* default */.A)(this.options.pageConcurrency).map(range(2, pageCount), (page) => this.rowPage(path, page, pageSize));
        return [first, ...rest].flatMap((listing) => listing.entities);
    }
    /** The first page of rows; a page size the service refuses falls back, for good, to the smaller one. */
    async firstRowPage(path) {
        try {
            return await this.rowPage(path, 1, this.rowPageSize);
        }
        catch (error) {
            if (!(error instanceof errors/* GenesysApiError */.n_) ||
                error.status !== 400 ||
                this.rowPageSize <= this.options.fallbackRowPageSize) {
                throw error;
            }
            this.logger.info(`the service refused pageSize=${this.rowPageSize} for rows; using ${this.options.fallbackRowPageSize} from now on`);
            this.rowPageSize = this.options.fallbackRowPageSize;
            return this.rowPage(path, 1, this.rowPageSize);
        }
    }
    rowPage(path, pageNumber, pageSize) {
        // showbrief defaults to true, which returns keys only.
        return this.http.json({
            method: 'GET',
            path,
            query: { pageNumber, pageSize, showbrief: false },
        });
    }
    /**
     * One row in full, or undefined when the key does not exist. A table that does not exist is
     * an error (a {@link GenesysApiError} 404 whose code names the table), not a missing row.
     */
    async getRow(tableId, key) {
        try {
            return await this.http.json({
                method: 'GET',
                path: rowPath(tableId, key),
                query: { showbrief: false },
            });
        }
        catch (error) {
            if (error instanceof errors/* GenesysApiError */.n_ && error.status === 404 && !tableNotFound(error))
                return undefined;
            throw error;
        }
    }
    async createRow(tableId, row, observe) {
        return this.http.json({ method: 'POST', path: `${BASE}/${enc(tableId)}/rows`, json: row }, observe);
    }
    /** Replaces a row: omitted columns revert to their defaults. */
    async replaceRow(tableId, row, observe) {
        const key = String(row.key);
        return this.http.json({ method: 'PUT', path: rowPath(tableId, key), json: { ...row, key } }, observe);
    }
    async deleteRow(tableId, key, observe) {
        await this.http.json({ method: 'DELETE', path: rowPath(tableId, key) }, observe);
    }
    /** The id of a division by its exact name (case-insensitive), or undefined. */
    async findDivisionId(name) {
        const divisions = await this.collectPages('/api/v2/authorization/divisions', { name }, 100);
        return divisions.find((division) => division.name.toLowerCase() === name.toLowerCase())?.id;
    }
    // ---- bulk: import and export jobs (see table-jobs.ts) ----------------------------------
    importRows(table, rows, mode) {
        return this.jobs.importRows(table, rows, mode);
    }
    exportRows(table) {
        return this.jobs.exportRows(table);
    }
    /** Every page of a Genesys listing, fetched one after another. */
    async collectPages(path, query, pageSize) {
        const all = [];
        for (let pageNumber = 1;; pageNumber++) {
            const page = await this.http.json({
                method: 'GET',
                path,
                query: { ...query, pageNumber, pageSize },
            });
            all.push(...page.entities);
            if (pageNumber >= (page.pageCount ?? 0) || page.entities.length === 0)
                return all;
        }
    }
}
/** Path parameters are percent-encoded, as the official SDKs do. */
const enc = encodeURIComponent;
/** A 404 that says the table itself does not exist (not one of its rows). */
function tableNotFound(error) {
    return error instanceof errors/* GenesysApiError */.n_ && error.status === 404 && /table\.not\.found/.test(error.code);
}
function rowPath(tableId, key) {
    return `${BASE}/${enc(tableId)}/rows/${enc(key)}`;
}
function range(from, to) {
    return to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

;// CONCATENATED MODULE: ./src/genesys/hints.ts
/**
 * Permissions each data-table operation needs (any one of them), from the API reference.
 * Used to turn a bare 403 into "the OAuth client needs X".
 */
const PERMISSIONS = [
    { method: 'GET', pattern: /\/datatables\/divisionviews/, permissions: 'architect:datatable:search' },
    {
        method: 'GET',
        pattern: /\/datatables\/[^/]+\/(import|export)\/jobs/,
        permissions: 'architect:datatable:view or architect:datatableRow:view',
    },
    {
        method: 'POST',
        pattern: /\/datatables\/[^/]+\/import\//,
        permissions: 'architect:datatable:edit or architect:datatableRow:add',
    },
    {
        method: 'POST',
        pattern: /\/datatables\/[^/]+\/export\//,
        permissions: 'architect:datatable:view or architect:datatableRow:view',
    },
    {
        method: 'GET',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:view or architect:datatableRow:view',
    },
    {
        method: 'POST',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:add or architect:datatableRow:add',
    },
    {
        method: 'PUT',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:edit or architect:datatableRow:edit',
    },
    {
        method: 'DELETE',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:delete or architect:datatableRow:delete',
    },
    { method: 'GET', pattern: /\/datatables/, permissions: 'architect:datatable:view' },
    { method: 'POST', pattern: /\/datatables$/, permissions: 'architect:datatable:add' },
    { method: 'PUT', pattern: /\/datatables\/[^/]+$/, permissions: 'architect:datatable:edit' },
    { method: 'DELETE', pattern: /\/datatables\/[^/]+$/, permissions: 'architect:datatable:delete' },
];
/** The permission a data-table call needs, or undefined for other paths. */
function permissionFor(method, path) {
    return PERMISSIONS.find((entry) => entry.method === method && entry.pattern.test(path))?.permissions;
}
/** One or two sentences that tell a person what to do about a failed call. */
function hintFor(failure) {
    const { status, code, method, path } = failure;
    if (status === 401) {
        return 'The access token was refused twice. Check that the OAuth client is active and not deleted, then run again.';
    }
    if (status === 407) {
        return 'The proxy (HTTP_PROXY or HTTPS_PROXY) wants a user and password: give them in its URL, http://user:password@host:port (percent-encode special characters).';
    }
    if (status === 403) {
        const needed = permissionFor(method, path);
        const what = needed ? `needs ${needed}` : 'lacks a permission for this call';
        return `The OAuth client ${what} in the table's division: add a role that grants it to the client's role divisions.`;
    }
    if (status === 404 && code === 'flows.datatables.table.not.found') {
        return 'The data table does not exist (or was deleted, or is in a division the client cannot see). Check the table name or id.';
    }
    if (status === 413 || code === 'request.entity.too.large') {
        return 'The request body is over the 512,000-byte platform limit: shorten the row, or ask Genesys to raise request.bytes.max.';
    }
    if (status === 429) {
        return 'The rate limit was still exceeded after all retries: lower the rate budget (rate-limit-per-minute), or ask Genesys to raise the limit for this OAuth client.';
    }
    if (status >= 500 || status === 0) {
        return 'Genesys Cloud failed or was unreachable; nothing is wrong with the request itself. Run again later.';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/genesys/http.ts







const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
/**
 * Sends API requests: rate budget, bearer token, timeout, retries, typed errors.
 * Every request of the process goes through one instance so that they share one budget.
 */
class GenesysHttp {
    options;
    fetchFn;
    clock;
    logger;
    counters = { requests: 0, retries: 0, rateLimited: 0 };
    doubt = { count: 0 };
    inFlight = 0;
    idleWaiters = [];
    constructor(options) {
        this.options = options;
        this.fetchFn = options.fetch ?? proxyAwareFetch();
        this.clock = options.clock ?? src_clock/* systemClock */.m;
        this.logger = options.logger ?? src_logger/* silentLogger */.q;
    }
    get apiBase() {
        return this.options.apiBase;
    }
    stats() {
        return { ...this.counters };
    }
    writesInDoubt() {
        return { ...this.doubt };
    }
    /** Resolves once no request of this client is in flight (the ones in flight have ended). */
    idle() {
        if (this.inFlight === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }
    noteDoubt(method) {
        if (method === 'GET')
            return;
        this.doubt.count += 1;
        this.doubt.lastAt = this.clock.now();
    }
    /** Sends the request and parses the JSON answer; an empty body gives `undefined`. */
    async json(request, observe) {
        const response = await this.send(request);
        observe?.({
            attempts: response.attempts,
            correlationId: response.headers.get('inin-correlation-id') ?? undefined,
        });
        return (response.text === '' ? undefined : JSON.parse(response.text));
    }
    /** Sends the request with retries; resolves with any 2xx, throws {@link GenesysApiError} otherwise. */
    async send(request) {
        this.inFlight += 1;
        try {
            return await this.sendWithRetries(request);
        }
        finally {
            this.inFlight -= 1;
            if (this.inFlight === 0)
                for (const resolve of this.idleWaiters.splice(0))
                    resolve();
        }
    }
    async sendWithRetries(request) {
        const url = this.url(request);
        const idempotent = IDEMPOTENT.has(request.method);
        const pathOnly = new URL(url).pathname;
        let renewedToken = false;
        // Time spent waiting to retry: what the retry budget bounds (the same under a test's timeScale).
        let waited = 0;
        for (let attempt = 1;; attempt++) {
            const release = await this.options.budget.acquire();
            let outcome;
            let response;
            let text = '';
            let token;
            try {
                token = request.authenticate === false ? undefined : await this.options.tokens.token();
                this.counters.requests += 1;
                response = await this.fetchFn(url, {
                    method: request.method,
                    headers: this.headers(request, token),
                    body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
                    signal: AbortSignal.timeout(this.options.timeoutMs),
                });
                text = await response.text();
                outcome = {
                    kind: 'response',
                    status: response.status,
                    retryAfterHeader: response.headers.get('retry-after'),
                };
            }
            catch (error) {
                if (error instanceof errors/* GenesysApiError */.n_)
                    throw error; // from the token source
                const timeout = error instanceof Error && error.name === 'TimeoutError';
                outcome = { kind: 'network', timeout, unresolved: networkCode(error) === 'ENOTFOUND' };
                this.noteDoubt(request.method);
                const decision = decideRetry(outcome, attempt, idempotent, this.options.retry, request.method === 'GET', waited);
                if (!decision.retry) {
                    throw new errors/* GenesysApiError */.n_({
                        status: 0,
                        code: timeout ? 'client.timeout' : 'network.error',
                        serviceMessage: `${timeout ? `no answer within ${this.options.timeoutMs} ms` : networkCause(error)} (${decision.reason})`,
                        method: request.method,
                        path: pathOnly,
                        attempts: attempt,
                    }, unreachableHint(url, 'Check connectivity to Genesys Cloud; the request is safe to run again once it is reachable.'));
                }
                waited += decision.delayMs;
                await this.wait(request, pathOnly, decision.reason, decision.delayMs, attempt);
                continue;
            }
            finally {
                release();
            }
            if (response.ok) {
                this.options.budget.reward();
                return { status: response.status, headers: response.headers, text, attempts: attempt };
            }
            const body = parseErrorBody(text);
            if (response.status === 502 || response.status === 504)
                this.noteDoubt(request.method);
            const fixedToken = this.options.tokens.refusedHint !== undefined;
            if (response.status === 401 && token !== undefined && !renewedToken && !fixedToken) {
                // The token expired or was revoked early: renew once, then repeat the request.
                renewedToken = true;
                this.options.tokens.invalidate(token);
                this.logger.info(`${request.method} ${pathOnly}: token refused (401); renewing it once`);
                continue;
            }
            const decision = decideRetry({ ...outcome, code: body.code }, attempt, idempotent, this.options.retry, request.method === 'GET', waited);
            if (decision.retry) {
                if (decision.rateLimited) {
                    this.counters.rateLimited += 1;
                    this.options.budget.penalise(decision.delayMs);
                }
                waited += decision.delayMs;
                await this.wait(request, pathOnly, decision.reason, decision.delayMs, attempt);
                continue;
            }
            const failure = {
                status: response.status,
                code: body.code ?? `http.${response.status}`,
                serviceMessage: body.message ?? (response.statusText || 'request failed'),
                method: request.method,
                path: pathOnly,
                correlationId: response.headers.get('inin-correlation-id') ?? body.contextId,
                attempts: attempt,
                body: body.raw,
            };
            if (response.status === 401 && token !== undefined && fixedToken)
                throw new errors/* AuthenticationError */.v3(failure, this.options.tokens.refusedHint);
            throw new errors/* GenesysApiError */.n_(failure, hintFor(failure));
        }
    }
    async wait(request, path, reason, delayMs, attempt) {
        this.counters.retries += 1;
        this.logger.info(`${request.method} ${path}: ${reason}; retrying in ${formatSeconds(delayMs)} (attempt ${attempt + 1})`);
        await this.clock.sleep(delayMs);
    }
    url(request) {
        const url = /^https?:\/\//.test(request.path)
            ? new URL(request.path)
            : new URL(this.options.apiBase + request.path);
        for (const [name, value] of Object.entries(request.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(name, String(value));
        }
        return url.toString();
    }
    headers(request, token) {
        const headers = { accept: 'application/json', ...request.headers };
        if (request.json !== undefined)
            headers['content-type'] = 'application/json';
        if (token !== undefined)
            headers.authorization = `Bearer ${token}`;
        return headers;
    }
}
function parseErrorBody(text) {
    try {
        const raw = JSON.parse(text);
        return {
            code: typeof raw.code === 'string' ? raw.code : undefined,
            message: typeof raw.message === 'string' ? raw.message : undefined,
            contextId: typeof raw.contextId === 'string' ? raw.contextId : undefined,
            raw,
        };
    }
    catch {
        return text ? { message: text.slice(0, 200) } : {};
    }
}

;// CONCATENATED MODULE: ./src/genesys/rate-budget.ts

/** How fast the rate climbs back after a 429 pause: a share of the configured rate per ms. */
const RECOVERY_PER_MS = 0.5 / 1_000;
/** The rate kept after a 429 pause (multiplicative decrease), and its floor. */
const DECREASE = 0.85;
const FLOOR = 0.1;
/**
 * One token bucket and one concurrency limit shared by every request of a process.
 *
 * Genesys limits requests per OAuth token and per minute, and the limit is shared with every
 * other integration using the same client, so the budget is configurable below the service's
 * limit. When the service still answers 429, {@link penalise} stops every request until
 * `Retry-After` has passed and lowers the rate (multiplicative decrease, once per pause: the
 * 429s of requests that were in flight together are one signal, not many); once the pause is
 * over the rate climbs back with time (additive increase, half the configured rate per second,
 * so it is back to full within about 2 s of a storm's end), and successes speed that up.
 * A steady 429 storm therefore slows the whole process down instead of each request retrying on
 * its own schedule, and the budget is not lost for long after it.
 */
class RateBudget {
    configuredPerMs;
    ratePerMs;
    capacity;
    tokens;
    lastRefill;
    pausedUntil = 0;
    /** Up to when the rate's recovery has been counted. */
    recoveredTo = 0;
    active = 0;
    waiters = [];
    timerSet = false;
    clock;
    maxConcurrency;
    granted = 0;
    throttled = 0;
    constructor(options) {
        if (!(options.requestsPerMinute > 0))
            throw new RangeError('requestsPerMinute must be positive');
        if (!(options.maxConcurrency >= 1))
            throw new RangeError('maxConcurrency must be at least 1');
        this.clock = options.clock ?? src_clock/* systemClock */.m;
        this.configuredPerMs = options.requestsPerMinute / 60_000;
        this.ratePerMs = this.configuredPerMs;
        this.capacity = Math.max(1, options.burst ?? Math.ceil(options.requestsPerMinute / 60));
        this.tokens = this.capacity;
        this.lastRefill = this.clock.now();
        this.maxConcurrency = Math.floor(options.maxConcurrency);
    }
    /** Waits for a concurrency slot and a token (first come, first served). */
    acquire() {
        return new Promise((resolve) => {
            this.waiters.push(() => {
                let released = false;
                resolve(() => {
                    if (released)
                        return;
                    released = true;
                    this.active -= 1;
                    this.pump();
                });
            });
            this.pump();
        });
    }
    /** The service answered 429: nobody sends for `retryAfterMs`, and the rate drops. */
    penalise(retryAfterMs) {
        const now = this.clock.now();
        this.throttled += 1;
        this.recover(now);
        if (now >= this.pausedUntil)
            this.ratePerMs = Math.max(this.configuredPerMs * FLOOR, this.ratePerMs * DECREASE);
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
        this.recoveredTo = this.pausedUntil;
        this.tokens = Math.min(this.tokens, 1);
    }
    /** A request succeeded: win back a little of the rate lost to 429s. */
    reward() {
        if (this.ratePerMs < this.configuredPerMs) {
            this.ratePerMs = Math.min(this.configuredPerMs, this.ratePerMs + this.configuredPerMs * 0.02);
        }
    }
    stats() {
        this.recover(this.clock.now());
        return {
            granted: this.granted,
            throttledBy429: this.throttled,
            currentRatePerMinute: this.ratePerMs * 60_000,
        };
    }
    /** Time since the last pause ended wins the rate back: half the configured rate a second. */
    recover(now) {
        const from = Math.max(this.recoveredTo, this.pausedUntil);
        if (now <= from)
            return;
        if (this.ratePerMs < this.configuredPerMs)
            this.ratePerMs = Math.min(this.configuredPerMs, this.ratePerMs + (now - from) * RECOVERY_PER_MS * this.configuredPerMs);
        this.recoveredTo = now;
    }
    refill(now) {
        this.recover(now);
        const elapsed = Math.max(0, now - this.lastRefill);
        this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerMs);
        this.lastRefill = now;
    }
    pump() {
        while (this.waiters.length > 0 && this.active < this.maxConcurrency) {
            const now = this.clock.now();
            this.refill(now);
            let waitMs = 0;
            if (now < this.pausedUntil)
                waitMs = this.pausedUntil - now;
            else if (this.tokens < 1)
                waitMs = Math.ceil((1 - this.tokens) / this.ratePerMs);
            if (waitMs > 0) {
                this.schedule(waitMs);
                return;
            }
            this.tokens -= 1;
            this.active += 1;
            this.granted += 1;
            this.waiters.shift()();
        }
    }
    /** Waits through the Clock, so that a simulated clock runs 429 storms in simulated time. */
    schedule(ms) {
        if (this.timerSet)
            return;
        this.timerSet = true;
        void this.clock.sleep(ms).then(() => {
            this.timerSet = false;
            this.pump();
        });
    }
}

;// CONCATENATED MODULE: ./src/genesys/client.ts









const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
const DEFAULT_MAX_CONCURRENCY = 8;
function createGenesysClient(settings, options = {}) {
    checkCredentials(settings);
    const rate = settings.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
    const concurrency = settings.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    if (!Number.isFinite(rate) || rate <= 0) {
        throw new errors/* ConfigurationError */.j1(`The rate limit ${rate} per minute is not a positive number.`, 'Give e.g. 300 or 240.');
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new errors/* ConfigurationError */.j1(`The concurrency ${concurrency} is not a positive whole number.`, 'Give e.g. 8.');
    }
    const endpoints = (0,regions/* resolveEndpoints */.$K)(settings);
    const clock = options.clock ?? src_clock/* systemClock */.m;
    const logger = options.logger ?? src_logger/* silentLogger */.q;
    const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const timeoutMs = settings.timeoutMs ?? 30_000;
    const tokens = tokenSourceFor(settings, endpoints.loginBase, {
        fetch: options.fetch,
        clock,
        retry,
        timeoutMs,
        logger,
    });
    const budget = new RateBudget({ requestsPerMinute: rate, maxConcurrency: concurrency, clock });
    const http = new GenesysHttp({
        apiBase: endpoints.apiBase,
        tokens,
        budget,
        retry,
        timeoutMs,
        fetch: options.fetch,
        clock,
        logger,
    });
    const tables = new DataTablesApi(http, { clock, logger, ...options.tables });
    return { endpoints, tables, http, budget };
}
/** Connection settings from the environment variables Genesys's own tools use. */
function connectionSettingsFromEnv(env) {
    return {
        clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '',
        clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '',
        accessToken: env.GENESYSCLOUD_ACCESS_TOKEN || undefined,
        region: env.GENESYSCLOUD_REGION || undefined,
        apiUrl: env.GENESYSCLOUD_API_URL || undefined,
    };
}

;// CONCATENATED MODULE: ./src/genesys/schema.ts
/**
 * A data-table schema in the form the service requires: JSON Schema draft-04, an object whose
 * only required property is the string `key`, and no other properties than those listed.
 */
function tableSchema(properties) {
    return {
        $schema: 'http://json-schema.org/draft-04/schema#',
        type: 'object',
        required: ['key'],
        additionalProperties: false,
        properties: { key: { type: 'string' }, ...properties },
    };
}
/**
 * The value the service stores for a column a row leaves out: the schema default, else
 * false / 0 / "" (Terraform's provider mirrors the same rule).
 */
function defaultFor(column) {
    if (column.default !== undefined)
        return column.default;
    return column.type === 'boolean' ? false : column.type === 'string' ? '' : 0;
}

;// CONCATENATED MODULE: ./src/runtime/versions-format.ts

/**
 * The versions table: one row per deployed table, written by the deploy as that table's commit
 * marker once its rows are applied and verified. Data tables have no ETag and no row version;
 * this table is the change token the runtime reader polls (one call tells which tables changed).
 */
const DEFAULT_VERSIONS_TABLE = 'datatable_deploy_versions';
/** Its columns. The key is the deployed table's name. */
const VERSIONS_SCHEMA = tableSchema({
    version: { type: 'integer', displayOrder: 1 },
    content_hash: { type: 'string', displayOrder: 2 },
    deployed_at: { type: 'string', displayOrder: 3 },
    git_sha: { type: 'string', displayOrder: 4 },
    deploy_id: { type: 'string', displayOrder: 5 },
});
const VERSIONS_DESCRIPTION = 'Written by datatable-deploy: one row per deployed table (its version and content hash). Do not edit.';
/** The versions row of a record. */
function versionRow(record) {
    return {
        key: record.table,
        version: record.version,
        content_hash: record.hash,
        deployed_at: record.deployedAt,
        git_sha: record.sha ?? '',
        deploy_id: record.deployId,
    };
}
/**
 * The record of a versions row; undefined for a row that is not one (a hand-made row without
 * a version or hash): such a row tells a reader nothing, so it counts as absent.
 */
function versionRecord(row) {
    const version = row.version;
    const hash = row.content_hash;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0)
        return undefined;
    if (typeof hash !== 'string' || !hash.startsWith('sha256:'))
        return undefined;
    const text = (value) => (typeof value === 'string' ? value : '');
    return {
        table: String(row.key),
        version,
        hash,
        deployedAt: text(row.deployed_at),
        sha: text(row.git_sha) || undefined,
        deployId: text(row.deploy_id),
    };
}
/** The columns of the versions table that a live table lacks or types differently. */
function versionsSchemaProblems(schema) {
    return Object.entries(VERSIONS_SCHEMA.properties)
        .filter(([name, column]) => schema.properties[name]?.type !== column.type)
        .map(([name, column]) => schema.properties[name]
        ? `"${name}" is ${schema.properties[name].type}, not ${column.type}`
        : `"${name}" (${column.type}) is missing`);
}

;// CONCATENATED MODULE: ./src/runtime/genesys-source.ts




/** A table the reader was asked for does not exist (any more) under that name. */
class TableNotFoundError extends errors/* DatatableDeployError */.c_ {
}
const DEFAULT_LOOKUP_TTL_MS = 5 * 60_000;
/**
 * Reads tables straight from Genesys Cloud through the project's client (OAuth, regions, rate
 * budget, retries, paging). Each read is whole: the versions table in one call (its rows fit one
 * page), a table in as many pages as it has; ids are looked up by name once and cached.
 */
function createGenesysTableSource(connection, options = {}) {
    const clock = options.clock ?? src_clock/* systemClock */.m;
    const client = createGenesysClient(connection, {
        clock,
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
        tables: { clock },
    });
    const versionsTable = options.versionsTable ?? DEFAULT_VERSIONS_TABLE;
    const ttl = options.lookupTtlMs ?? DEFAULT_LOOKUP_TTL_MS;
    const ids = new Map();
    /** The table's id: cached, else looked up by its exact name; undefined when there is none. */
    const idOf = async (name) => {
        const cached = ids.get(name);
        if (cached && clock.now() - cached.at < ttl)
            return cached.id;
        ids.delete(name);
        const found = await client.tables.findTableByName(name);
        if (found)
            ids.set(name, { id: found.id, at: clock.now() });
        return found?.id;
    };
    /** The rows of a named table; undefined when it does not exist (looked up again after a 404). */
    const rowsOf = async (name, signal) => {
        for (let attempt = 1;; attempt++) {
            signal?.throwIfAborted();
            const id = await idOf(name);
            if (id === undefined)
                return undefined;
            signal?.throwIfAborted();
            try {
                return await client.tables.listRows(id);
            }
            catch (error) {
                // Deleted (or deleted and made again under the same name: a new id): look it up once more.
                if (!(error instanceof errors/* GenesysApiError */.n_ && error.status === 404) || attempt > 1)
                    throw error;
                ids.delete(name);
            }
        }
    };
    return {
        async readVersions(signal) {
            // No versions table is not an error: the deploy has not kept one (yet); every table reads as version 0.
            const rows = (await rowsOf(versionsTable, signal)) ?? [];
            const records = new Map();
            for (const row of rows) {
                const record = versionRecord(row);
                if (record)
                    records.set(record.table, record);
            }
            return records;
        },
        async readRows(table, signal) {
            const rows = await rowsOf(table, signal);
            if (rows === undefined)
                throw new TableNotFoundError(`The data table "${table}" does not exist in this org (deleted, or renamed).`, 'Check the table name the reader is given (names are exact), or deploy the table first.');
            return rows;
        },
        stats() {
            const http = client.http.stats();
            return { apiCalls: http.requests, rateLimited: http.rateLimited };
        },
        rateLimitedCount: () => client.http.stats().rateLimited,
    };
}


/***/ })

};

export const id = 624;
export const ids = [624];
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

/***/ 5624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectRedis: () => (/* binding */ connectRedis)
});

// UNUSED EXPORTS: DEFAULT_KEY_PREFIX, DEFAULT_PURGE_CHANNEL

// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(386);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(9574);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(4533);
// EXTERNAL MODULE: ./src/genesys/regions.ts
var regions = __webpack_require__(8348);
;// CONCATENATED MODULE: ./src/runtime/redis-client.ts


/**
 * How node-redis is loaded. By default from the user's node_modules at run time (the magic
 * comment keeps the bundler from resolving it): the reader's bundle neither carries nor requires
 * it, as an optional peer should be. The CLI's relay, which must run with no node_modules,
 * bundles it and installs its own loader with `useNodeRedis`.
 */
let nodeRedis = () => import(/* webpackIgnore: true */ 'redis');
function useNodeRedis(load) {
    nodeRedis = load;
}
/** node-redis's createClient, with the fix when it is not installed. */
async function loadNodeRedis() {
    try {
        return (await nodeRedis()).createClient;
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`A Redis URL was given, but the "redis" package (node-redis 5) could not be loaded: ${error.message}`, 'Install it next to datatable-deploy ("npm install redis@^5"), or leave the Redis URL out to read Genesys directly.', { cause: error });
    }
}
/** The URL, checked before node-redis sees it (its own errors do not say what to do). */
function checkRedisUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (parsed === undefined || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:'))
        throw new errors/* ConfigurationError */.j1(`The Redis URL ${JSON.stringify((0,regions/* redactUrl */.BO)(url))} is not a redis:// or rediss:// URL.`, 'Give it as redis://[[user]:password@]host[:port][/db], or rediss://… for TLS.');
    return parsed;
}
// Fast first retries (a Redis restart takes milliseconds), then at most every 2 s, with jitter so
// that many instances do not reconnect in step.
const reconnectDelay = (retries) => Math.min(50 * 2 ** Math.min(retries, 10), 2_000) * (0.8 + Math.random() * 0.4);
/**
 * A client that reconnects forever with backoff, fails commands at once while disconnected, and
 * logs an outage once when it starts and once when it ends.
 */
function openLink(createClient, options) {
    const client = createClient({
        url: options.url,
        // While disconnected, commands fail at once (the reader reads Genesys) instead of waiting.
        disableOfflineQueue: true,
        commandOptions: { timeout: options.commandTimeoutMs ?? 1_000 },
        socket: { connectTimeout: 2_000, reconnectStrategy: reconnectDelay },
    });
    watchOutages(client, options);
    return client;
}
function watchOutages(client, options) {
    const { logger, clock, role } = options;
    const where = (0,regions/* redactUrl */.BO)(options.url);
    let downSince;
    let connectedOnce = false;
    // node-redis emits 'error' for every failed attempt; without a listener the process would crash.
    client.on('error', (error) => {
        if (downSince !== undefined)
            return logger.debug(`${role} at ${where}: ${error.message}`);
        downSince = clock.now();
        const state = connectedOnce ? 'is unreachable' : 'cannot be reached';
        logger.warn(`${role} at ${where} ${state} (${error.message}); retrying in the background.`);
    });
    client.on('ready', () => {
        if (downSince !== undefined) {
            const after = `after ${Math.round((clock.now() - downSince) / 1000)} s`;
            logger.info(`${role} at ${where} is ${connectedOnce ? 'reachable again' : 'connected'} ${after}.`);
        }
        downSince = undefined;
        connectedOnce = true;
    });
}
/**
 * Starts connecting and resolves once the first attempt succeeded or failed: an instance whose
 * Redis is down at start-up still starts (reading Genesys directly) and picks Redis up later.
 */
async function startLink(client) {
    const settled = new Promise((resolve) => {
        client.once('ready', resolve);
        client.on('error', () => resolve());
    });
    // Rejects only when the client is closed before it ever connected.
    client.connect().catch(() => { });
    await settled;
}
/** Resolves when the client is connected (at once if it is). */
function whenReady(client) {
    return client.isReady ? Promise.resolve() : new Promise((resolve) => client.once('ready', resolve));
}
/** Closes the connection: gracefully when connected, at once when not (nothing could be waited for). */
async function closeLink(client) {
    if (!client.isOpen)
        return;
    if (client.isReady) {
        await client.close();
        return;
    }
    client.destroy();
}
/**
 * The command's answer, or a rejection after `ms`. node-redis times a command out only until it
 * is sent; a Redis that stops answering (frozen, or a network dropping packets) would hold the
 * caller for ever without this. The command itself may still be carried out later.
 */
async function answerWithin(command, ms) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    });
    try {
        return await Promise.race([command, late]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** The text as a JSON object, or undefined when it is not one (what Redis holds is not trusted). */
function jsonObject(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}

;// CONCATENATED MODULE: ./src/runtime/redis-purges.ts


/** The catch-up key could not be read (Redis is down); the reader polls the versions table instead. */
class PurgeCatchUpError extends errors/* DatatableDeployError */.c_ {
}
/**
 * Purges over Redis pub/sub. The subscriber has a connection of its own (a subscribed connection
 * takes no other commands); `latestVersions` reads the relay's versions hash on the command
 * connection. Pub/sub drops what is published while a subscriber is disconnected, so after
 * every reconnection `onReconnect` tells the reader to catch up from that hash.
 */
class RedisPurgeChannel {
    subscriber;
    commands;
    channel;
    versionsKey;
    logger;
    release;
    timeoutMs;
    handlers;
    /** The subscription was answered at least once (before that, nothing was missed). */
    subscribed = false;
    /** The subscriber lost its connection since it was last subscribed. */
    lost = false;
    closed = false;
    constructor(subscriber, commands, channel, versionsKey, logger, release, timeoutMs) {
        this.subscriber = subscriber;
        this.commands = commands;
        this.channel = channel;
        this.versionsKey = versionsKey;
        this.logger = logger;
        this.release = release;
        this.timeoutMs = timeoutMs;
        const markLost = () => {
            if (this.subscribed)
                this.lost = true;
        };
        subscriber.on('error', markLost);
        subscriber.on('reconnecting', markLost);
        // node-redis subscribes again before it reports 'ready', so from here nothing is missed.
        subscriber.on('ready', () => {
            if (!this.lost)
                return;
            this.lost = false;
            this.reconnected();
        });
    }
    get healthy() {
        return this.subscriber.isReady && this.subscribed;
    }
    async subscribe(handlers) {
        if (this.handlers)
            throw new TypeError('This purge channel has a subscriber already.');
        this.handlers = handlers;
        if (this.subscriber.isReady && (await this.subscribeNow()))
            return;
        // Redis is down: the reader is not held up. Once subscribed, it catches up on what was
        // announced meanwhile.
        this.subscribeWhenReady();
    }
    /** SUBSCRIBE on a connected subscriber; false when the connection dropped meanwhile. */
    async subscribeNow() {
        try {
            await this.subscriber.subscribe(this.channel, (message) => this.received(message));
        }
        catch (error) {
            // Refused on a live connection (an ACL without the channel?): purges will not be heard.
            const level = this.subscriber.isReady ? 'warn' : 'debug';
            this.logger[level](`Subscribing to ${this.channel} failed: ${error.message}`);
            return false;
        }
        this.subscribed = true;
        return true;
    }
    // Not sent while disconnected: node-redis 5 can mismatch replies when a queued SUBSCRIBE and
    // its own re-subscription meet on reconnection.
    subscribeWhenReady() {
        this.subscriber.once('ready', () => {
            if (this.closed)
                return;
            void this.subscribeNow().then((done) => (done ? this.reconnected() : this.subscribeWhenReady()));
        });
    }
    async latestVersions() {
        let reply;
        try {
            reply = await answerWithin(this.commands.sendCommand(['HGETALL', this.versionsKey]), this.timeoutMs);
        }
        catch (error) {
            throw new PurgeCatchUpError(`Could not read the announced versions from Redis (${this.versionsKey}): ${error.message}`, 'Check that Redis is reachable; until then the reader polls the versions table.', { cause: error });
        }
        return versionsOf(reply);
    }
    close() {
        this.closed = true;
        return this.release();
    }
    /** Tells the reader to catch up once the command connection (which reads the hash) is up too. */
    reconnected() {
        void whenReady(this.commands).then(() => {
            if (!this.closed)
                this.handlers?.onReconnect();
        });
    }
    received(message) {
        const purge = parsePurge(message);
        if (purge === undefined) {
            this.logger.warn(`Ignored a message on ${this.channel} that is not a purge: ${message.slice(0, 200)}`);
            return;
        }
        try {
            this.handlers?.onPurge(purge);
        }
        catch (error) {
            this.logger.warn(`Handling the purge of ${purge.table} failed: ${error.message}`);
        }
    }
}
/** HGETALL's answer (a flat list under RESP2, an object under RESP3) as table → version. */
function versionsOf(reply) {
    const entries = [];
    if (Array.isArray(reply)) {
        for (let index = 0; index + 1 < reply.length; index += 2)
            entries.push([reply[index], reply[index + 1]]);
    }
    else if (typeof reply === 'object' && reply !== null) {
        entries.push(...Object.entries(reply));
    }
    const versions = new Map();
    for (const [table, value] of entries) {
        const version = Number(value);
        if (typeof table === 'string' && Number.isSafeInteger(version))
            versions.set(table, version);
    }
    return versions;
}
/** A message as a purge, or undefined when it is not one. */
function parsePurge(message) {
    const value = jsonObject(message);
    if (value === undefined)
        return undefined;
    const { table, version, deployId, at } = value;
    if (typeof table !== 'string' || !Number.isSafeInteger(version) || version < 0)
        return undefined;
    return {
        table,
        version: version,
        deployId: typeof deployId === 'string' ? deployId : '',
        at: typeof at === 'string' ? at : '',
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/runtime/redis-scripts.ts

const script = (source) => ({
    source,
    sha1: (0,external_node_crypto_.createHash)('sha1').update(source).digest('hex'),
});
/**
 * Stores a snapshot unless the stored one should stay. Ordered by (version, fetchedAt):
 * - a higher version replaces a lower one; a lower version never replaces a higher one;
 * - at the same version, the snapshot read later replaces the stored one: either its rows differ
 *   (the table was edited by hand after the deploy, and the later read saw the edit), or they are
 *   the same and the later read confirms them (fetchedAt and the TTL move on, so that other
 *   instances see a fresh snapshot instead of each taking the lease to read Genesys again);
 * - an earlier or equally old read of the same version never replaces the stored one.
 * A stored value that is not a snapshot's JSON is replaced. Returns 1 when stored, else 0.
 *
 * KEYS[1] the snapshot key. ARGV: version, fetchedAt, the snapshot's JSON, TTL in ms.
 */
const PUT_IF_NEWER = script(`
local current = redis.call('GET', KEYS[1])
if current then
  local ok, stored = pcall(cjson.decode, current)
  if ok and type(stored) == 'table' and tonumber(stored.version) then
    local version, incoming = tonumber(stored.version), tonumber(ARGV[1])
    if version > incoming then return 0 end
    if version == incoming and tonumber(ARGV[2]) <= (tonumber(stored.fetchedAt) or 0) then return 0 end
  end
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
return 1
`);
/**
 * Announces a purge: raises the table's newest version in the versions hash (never lowers it)
 * and publishes the purge, in one step, so that a reader that catches up from the hash after
 * subscribing misses nothing. A purge older than the announced version is not published (every
 * reader ignores it). Returns 1 when published, else 0.
 *
 * KEYS[1] the versions hash. ARGV: table, version, channel, the purge's JSON.
 */
const ANNOUNCE_PURGE = script(`
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
local incoming = tonumber(ARGV[2])
if current and current > incoming then return 0 end
if not current or incoming > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`);
/** Runs a script by its SHA-1, loading it with EVAL when Redis answers NOSCRIPT. */
async function runScript(link, lua, keys, args) {
    const rest = [String(keys.length), ...keys, ...args];
    try {
        return await link.sendCommand(['EVALSHA', lua.sha1, ...rest]);
    }
    catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT'))
            throw error;
        return link.sendCommand(['EVAL', lua.source, ...rest]);
    }
}

;// CONCATENATED MODULE: ./src/runtime/redis-tier.ts



const redisKeys = (prefix) => ({
    snapshot: (table) => `${prefix}snapshot:${table}`,
    lease: (table) => `${prefix}lease:${table}`,
    versions: `${prefix}versions`,
});
/**
 * The shared tier on one Redis connection. Every call answers even while Redis is down
 * (undefined or false, logged at debug): the reader then reads Genesys directly, and the tier
 * is used again as soon as the connection is back.
 */
class RedisTier {
    link;
    keys;
    logger;
    release;
    timeoutMs;
    // One token per instance: the lease's value says who holds it (for a person looking at Redis).
    token = (0,external_node_crypto_.randomUUID)();
    constructor(link, keys, logger, release, timeoutMs) {
        this.link = link;
        this.keys = keys;
        this.logger = logger;
        this.release = release;
        this.timeoutMs = timeoutMs;
    }
    get healthy() {
        return this.link.isReady;
    }
    async get(table) {
        const text = await this.attempt(`reading ${table}`, () => this.link.sendCommand(['GET', this.keys.snapshot(table)]));
        if (typeof text !== 'string')
            return undefined;
        const snapshot = parseStored(text, table);
        if (snapshot === undefined)
            this.logger.warn(`Redis holds something for ${table} that is not a snapshot; ignored.`);
        return snapshot;
    }
    async putIfNewer(snapshot, ttlMs) {
        const json = JSON.stringify(snapshot);
        // PX must be at least 1; a fractional TTL is rounded up so that it never becomes 0.
        const ttl = String(Math.max(1, Math.ceil(ttlMs)));
        const args = [String(snapshot.version), String(snapshot.fetchedAt), json, ttl];
        const stored = await this.attempt(`storing ${snapshot.table}`, () => runScript(this.link, PUT_IF_NEWER, [this.keys.snapshot(snapshot.table)], args));
        return stored === 1;
    }
    async acquireLease(table, ms) {
        const ttl = String(Math.max(1, Math.ceil(ms)));
        const answer = await this.attempt(`leasing ${table}`, () => this.link.sendCommand(['SET', this.keys.lease(table), this.token, 'NX', 'PX', ttl]));
        return answer === 'OK';
    }
    close() {
        return this.release();
    }
    /** The command's answer, or undefined when Redis is down, failed it, or did not answer in time. */
    async attempt(what, command) {
        if (!this.link.isReady)
            return undefined;
        try {
            return await answerWithin(command(), this.timeoutMs);
        }
        catch (error) {
            this.logger.debug(`Redis failed ${what}: ${error.message}`);
            return undefined;
        }
    }
}
/** The stored JSON as a snapshot of `table`, or undefined when it is not one. */
function parseStored(text, table) {
    const stored = jsonObject(text);
    if (stored === undefined)
        return undefined;
    const valid = stored.table === table &&
        Number.isSafeInteger(stored.version) &&
        typeof stored.hash === 'string' &&
        typeof stored.fetchedAt === 'number' &&
        Array.isArray(stored.rows);
    return valid ? stored : undefined;
}

;// CONCATENATED MODULE: ./src/runtime/redis.ts





/** The channel the relay publishes purges on, and readers subscribe to. */
const DEFAULT_PURGE_CHANNEL = 'datatable-deploy:purges';
/** Prefix of every key: snapshots, leases, and the versions hash (`datatable-deploy:versions`). */
const DEFAULT_KEY_PREFIX = 'datatable-deploy:';
/**
 * Connects the shared tier and the purge channel to Redis: two connections, one for commands
 * (snapshots, leases, the versions hash) and one subscribed to the purge channel. Loads node-redis
 * (an optional peer dependency) only now. Does not wait for Redis when it is down: both report
 * `healthy: false`, answer without throwing, and recover when Redis is back.
 *
 * Closing: each of the two holds the command connection, and the channel the subscriber too; a
 * connection is closed when the last holder closes (the reader closes both).
 *
 * Throws ConfigurationError when the URL is malformed or node-redis is not installed.
 */
async function connectRedis(options) {
    checkRedisUrl(options.url);
    const createClient = await loadNodeRedis();
    const base = {
        url: options.url,
        logger: options.logger ?? logger/* silentLogger */.q,
        clock: options.clock ?? clock/* systemClock */.m,
    };
    const timeoutMs = options.commandTimeoutMs ?? 1_000;
    const commands = openLink(createClient, { ...base, role: 'Redis', commandTimeoutMs: timeoutMs });
    const subscriber = openLink(createClient, {
        ...base,
        role: 'Redis (purges)',
        // No time limit: a SUBSCRIBE given up on while Redis is slow would leave the channel unsubscribed.
        commandTimeoutMs: 0,
    });
    await Promise.all([startLink(commands), startLink(subscriber)]);
    const keys = redisKeys(options.keyPrefix ?? DEFAULT_KEY_PREFIX);
    const shared = holders(commands, 2);
    const tier = new RedisTier(commands, keys, base.logger, once(shared), timeoutMs);
    const purges = new RedisPurgeChannel(subscriber, commands, options.channel ?? DEFAULT_PURGE_CHANNEL, keys.versions, base.logger, once(async () => {
        await Promise.all([closeLink(subscriber), shared()]);
    }), timeoutMs);
    return { tier, purges };
}
/** A release function for each of `count` holders of one connection: the last release closes it. */
function holders(link, count) {
    let left = count;
    return async () => {
        left -= 1;
        if (left === 0)
            await closeLink(link);
    };
}
/** Runs `release` the first time only: closing twice is not releasing twice. */
function once(release) {
    let done;
    return () => (done ??= release());
}


/***/ })

};

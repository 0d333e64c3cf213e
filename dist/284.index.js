export const id = 284;
export const ids = [284,266];
export const modules = {

/***/ 97266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   answerWithin: () => (/* binding */ answerWithin),
/* harmony export */   checkRedisUrl: () => (/* binding */ checkRedisUrl),
/* harmony export */   closeLink: () => (/* binding */ closeLink),
/* harmony export */   jsonObject: () => (/* binding */ jsonObject),
/* harmony export */   loadNodeRedis: () => (/* binding */ loadNodeRedis),
/* harmony export */   openLink: () => (/* binding */ openLink),
/* harmony export */   startLink: () => (/* binding */ startLink),
/* harmony export */   useNodeRedis: () => (/* binding */ useNodeRedis),
/* harmony export */   whenReady: () => (/* binding */ whenReady)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64533);
/* harmony import */ var _genesys_regions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8348);


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`A Redis URL was given, but the "redis" package (node-redis 5) could not be loaded: ${error.message}`, 'Install it next to datatable-deploy ("npm install redis@^5"), or leave the Redis URL out to read Genesys directly.', { cause: error });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The Redis URL ${JSON.stringify((0,_genesys_regions_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url))} is not a redis:// or rediss:// URL.`, 'Give it as redis://[[user]:password@]host[:port][/db], or rediss://… for TLS.');
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
    const where = (0,_genesys_regions_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(options.url);
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


/***/ }),

/***/ 18284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RelayPublishError: () => (/* binding */ RelayPublishError),
  createRelay: () => (/* binding */ createRelay)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(70386);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(64533);
// EXTERNAL MODULE: ./src/genesys/regions.ts
var regions = __webpack_require__(8348);
// EXTERNAL MODULE: ./src/logger.ts
var src_logger = __webpack_require__(99574);
// EXTERNAL MODULE: ./src/runtime/redis-client.ts
var redis_client = __webpack_require__(97266);
;// CONCATENATED MODULE: ./src/runtime/redis-purges.ts


/** The catch-up key could not be read (Redis is down); the reader polls the versions table instead. */
class PurgeCatchUpError extends (/* unused pure expression or super */ null && (DatatableDeployError)) {
}
/**
 * Purges over Redis pub/sub. The subscriber has a connection of its own (a subscribed connection
 * takes no other commands); `latestVersions` reads the relay's versions hash on the command
 * connection. Pub/sub drops what is published while a subscriber is disconnected, so after
 * every reconnection `onReconnect` tells the reader to catch up from that hash.
 */
class redis_purges_RedisPurgeChannel {
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
var external_node_crypto_ = __webpack_require__(77598);
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
const redis_scripts_PUT_IF_NEWER = script(`
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
async function redis_scripts_runScript(link, lua, keys, args) {
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



const redis_tier_redisKeys = (prefix) => ({
    snapshot: (table) => `${prefix}snapshot:${table}`,
    lease: (table) => `${prefix}lease:${table}`,
    versions: `${prefix}versions`,
});
/**
 * The shared tier on one Redis connection. Every call answers even while Redis is down
 * (undefined or false, logged at debug): the reader then reads Genesys directly, and the tier
 * is used again as soon as the connection is back.
 */
class redis_tier_RedisTier {
    link;
    keys;
    logger;
    release;
    timeoutMs;
    // One token per instance: the lease's value says who holds it (for a person looking at Redis).
    token = randomUUID();
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
        logger: options.logger ?? silentLogger,
        clock: options.clock ?? systemClock,
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

;// CONCATENATED MODULE: ./src/runtime/webhook-receiver.ts


// The header names the deploy sends (copied from src/deploy/webhook.ts: the runtime bundle must not
// pull in the deploy code).
const SIGNATURE_HEADER = 'x-datatable-deploy-signature';
const DELIVERY_HEADER = 'x-datatable-deploy-delivery';
function createPurgeHandler(options) {
    if (!options.secret)
        throw new TypeError('createPurgeHandler needs the webhook secret (options.secret).');
    const clock = options.clock ?? src_clock/* systemClock */.m;
    const windowMs = (options.replayWindowSeconds ?? 300) * 1000;
    const limit = options.maxBodyBytes ?? 64 * 1024;
    // Two ids per delivery (see below).
    const seen = new Deliveries(2 * (options.maxRemembered ?? 10_000));
    return (req, res) => {
        if (req.method !== 'POST')
            return answer(res, 405, 'only POST', { allow: 'POST' });
        void readBody(req, limit).then(async (body) => {
            if (body === undefined)
                return answer(res, 413, `the body is larger than ${limit} bytes`, { connection: 'close' });
            // Authenticate before parsing: nothing of an unsigned body is looked at.
            if (!signedBy(body, req.headers[SIGNATURE_HEADER], options.secret))
                return answer(res, 401, 'bad or missing signature');
            const event = parseEvent(body);
            if (typeof event === 'string')
                return answer(res, 400, event);
            const now = clock.now();
            if (Math.abs(now - Date.parse(event.deployedAt)) > windowMs)
                return answer(res, 409, 'the event is outside the replay window');
            // A delivery is named by its header and, since headers are not signed, by its signed
            // body too: a captured request sent again under another delivery id is still a repeat.
            const ids = [String(req.headers[SIGNATURE_HEADER]), headerText(req.headers[DELIVERY_HEADER])];
            if (ids.some((id) => id && seen.has(id, now)))
                return answer(res, 409, 'this delivery was accepted already');
            // Remembered before onPurge runs, so that a copy arriving meanwhile is refused too; forgotten
            // when it fails, so that the sender's retry is taken.
            for (const id of ids)
                if (id)
                    seen.add(id, now, now + windowMs * 2);
            try {
                await options.onPurge(purgesOf(event));
            }
            catch {
                for (const id of ids)
                    if (id)
                        seen.delete(id);
                return answer(res, 500, 'the purge could not be handled');
            }
            answer(res, 204);
        }, () => answer(res, 400, 'the body could not be read'));
    };
}
/** The purges an event stands for: one per table, at the version it now holds. */
function purgesOf(event) {
    return event.tables.map((table) => ({
        table,
        version: event.versions?.[table] ?? event.version,
        deployId: event.deployId ?? '',
        at: event.deployedAt,
    }));
}
/** The event, or why it is malformed. */
function parseEvent(body) {
    let value;
    try {
        value = JSON.parse(body.toString('utf8'));
    }
    catch {
        return 'the body is not JSON';
    }
    if (typeof value !== 'object' || value === null)
        return 'the body is not a JSON object';
    const event = value;
    if (event.event !== 'datatables.deployed')
        return 'not a datatables.deployed event';
    if (!Array.isArray(event.tables) || !event.tables.every((table) => typeof table === 'string'))
        return '"tables" is not a list of names';
    if (!isVersion(event.version))
        return '"version" is not a whole number';
    if (event.versions !== undefined) {
        const versions = event.versions;
        if (typeof versions !== 'object' || versions === null || !Object.values(versions).every(isVersion))
            return '"versions" is not a map of table names to whole numbers';
    }
    if (event.deployId !== undefined && typeof event.deployId !== 'string')
        return '"deployId" is not a string';
    // Any text: reasons other than "deploy" and "rollback" may come from newer senders.
    if (event.reason !== undefined && typeof event.reason !== 'string')
        return '"reason" is not a string';
    if (typeof event.deployedAt !== 'string' || Number.isNaN(Date.parse(event.deployedAt)))
        return '"deployedAt" is not a time';
    return event;
}
const isVersion = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
/** Timing-safe check of `sha256=<hex>` against the HMAC of the exact body. */
function signedBy(body, header, secret) {
    const text = headerText(header);
    if (!/^sha256=[0-9a-f]{64}$/i.test(text))
        return false;
    const expected = (0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest();
    return (0,external_node_crypto_.timingSafeEqual)(Buffer.from(text.slice(7), 'hex'), expected);
}
const headerText = (value) => (Array.isArray(value) ? value[0] : value) ?? '';
/**
 * The raw body, or undefined when it is larger than `limit` (the rest is not kept). A body a
 * framework already read is taken from `req.rawBody` (or a Buffer/string `req.body`).
 */
function readBody(req, limit) {
    const parsed = req;
    const given = [parsed.rawBody, parsed.body].find((item) => Buffer.isBuffer(item) || typeof item === 'string');
    if (given !== undefined) {
        const buffer = Buffer.isBuffer(given) ? given : Buffer.from(given, 'utf8');
        return Promise.resolve(buffer.length > limit ? undefined : buffer);
    }
    if (Number(req.headers['content-length'] ?? 0) > limit) {
        req.resume();
        return Promise.resolve(undefined);
    }
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit) {
                // Stop keeping it, answer, and let the rest drain (the connection is closed after).
                resolve(undefined);
                chunks.length = 0;
            }
            else
                chunks.push(chunk);
        });
        req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
        req.on('error', reject);
    });
}
function answer(res, status, message, headers = {}) {
    if (res.headersSent)
        return;
    if (message === undefined) {
        res.writeHead(status, headers).end();
        return;
    }
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${message}\n`);
}
/** Accepted delivery ids until they expire, at most `max` of them (the oldest go first). */
class Deliveries {
    max;
    ids = new Map();
    constructor(max) {
        this.max = max;
    }
    has(id, now) {
        const expires = this.ids.get(id);
        return expires !== undefined && expires > now;
    }
    add(id, now, expires) {
        this.ids.delete(id);
        this.ids.set(id, expires);
        // Insertion order is expiry order (one window for all): drop the expired, then the excess.
        for (const [key, at] of this.ids) {
            if (at > now && this.ids.size <= this.max)
                break;
            this.ids.delete(key);
        }
    }
    delete(id) {
        this.ids.delete(id);
    }
}

;// CONCATENATED MODULE: ./src/runtime/relay.ts










/** Redis refused or failed the announcement; the webhook is answered 500 so that the deploy retries. */
class RelayPublishError extends errors/* DatatableDeployError */.c_ {
}
/**
 * The relay between the deploy's signed webhook and the readers: it verifies each delivery
 * (HMAC, replay window, repeats: createPurgeHandler), then for each purge raises the table's
 * version in the versions hash (never lowers it) and publishes it, atomically. Readers that were
 * disconnected catch up from the hash.
 */
async function createRelay(options) {
    (0,redis_client.checkRedisUrl)(options.redisUrl);
    const logger = options.logger ?? src_logger/* silentLogger */.q;
    const clock = options.clock ?? src_clock/* systemClock */.m;
    const createClient = await (0,redis_client.loadNodeRedis)();
    const link = (0,redis_client.openLink)(createClient, { url: options.redisUrl, role: 'Redis', logger, clock });
    await (0,redis_client.startLink)(link);
    const channel = options.channel ?? DEFAULT_PURGE_CHANNEL;
    const versionsKey = redis_tier_redisKeys(options.keyPrefix ?? DEFAULT_KEY_PREFIX).versions;
    const announce = async (purge) => {
        const args = [purge.table, String(purge.version), channel, JSON.stringify(purge)];
        let published;
        try {
            published = await (0,redis_client.answerWithin)(redis_scripts_runScript(link, ANNOUNCE_PURGE, [versionsKey], args), 2_000);
        }
        catch (error) {
            logger.warn(`Could not publish the purge of ${purge.table} v${purge.version}: ${error.message}`);
            throw new RelayPublishError(`Redis at ${(0,regions/* redactUrl */.BO)(options.redisUrl)} failed the purge: ${error.message}`);
        }
        if (published === 1)
            logger.info(`Published ${purge.table} v${purge.version} (deploy ${purge.deployId || '?'}).`);
        else
            logger.info(`${purge.table} v${purge.version} is older than the version announced already; not published.`);
    };
    const handler = createPurgeHandler({
        secret: options.secret,
        ...(options.replayWindowSeconds !== undefined
            ? { replayWindowSeconds: options.replayWindowSeconds }
            : {}),
        clock,
        // In the event's order; a failure answers 500 and the deploy sends the event again.
        onPurge: async (purges) => {
            for (const purge of purges)
                await announce(purge);
        },
    });
    return relayServer(handler, link, () => (0,redis_client.closeLink)(link));
}
function relayServer(handler, link, closeRedis) {
    const server = (0,external_node_http_.createServer)(handler);
    return {
        handler,
        get healthy() {
            return link.isReady;
        },
        listen: (port = 0, host = '127.0.0.1') => new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, host, () => {
                server.off('error', reject);
                const bound = server.address().port;
                const shown = host.includes(':') ? `[${host}]` : host;
                resolve({ url: `http://${shown}:${bound}/`, port: bound });
            });
        }),
        close: async () => {
            if (server.listening) {
                server.closeIdleConnections();
                await new Promise((resolve) => server.close(() => resolve()));
            }
            await closeRedis();
        },
    };
}


/***/ })

};

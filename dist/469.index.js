export const id = 469;
export const ids = [469];
export const modules = {

/***/ 53491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ otherDeployInProgress)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * The deploy lock: a deploy or rollback refuses to start while an earlier run of the same
 * workflow is still in progress (two runs writing the same tables at once could each roll back
 * the other's work). The examples' `concurrency` groups make runs wait their turn; this check
 * catches workflows without one. It needs `actions: read`; without it, it warns and goes on.
 * Returns why it refuses, or undefined.
 */
async function otherDeployInProgress(context) {
    let others;
    try {
        others = await context.github.otherRunsInProgress(context.run.runId);
    }
    catch (error) {
        context.io.warn(`Could not check for other runs of this workflow (grant "actions: read" to enable the check): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
        return undefined;
    }
    const earlier = others.filter((other) => other.id < context.run.runId);
    if (earlier.length === 0)
        return undefined;
    return `Another run of this workflow is still in progress (${earlier.map((other) => `#${other.runNumber} ${other.url}`).join(', ')}); two deploys must not write the same tables at once. Re-run this one when it has finished, and give the workflow a concurrency group (see the examples) so runs wait their turn.`;
}


/***/ }),

/***/ 77061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H$: () => (/* binding */ deployingText),
/* harmony export */   Ix: () => (/* binding */ unfinishedDeploys),
/* harmony export */   R3: () => (/* binding */ settleUnfinished),
/* harmony export */   sr: () => (/* binding */ unfinishedAdvice)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _approval_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34445);


/** The status text of a deploy that has written, or may have: it names the backup. */
const deployingText = (backupArtifact) => `Deploying; backup artifact ${backupArtifact}`;
const DEPLOYING = /^plan (sha256:[0-9a-f]{64}) · Deploying; backup artifact (\d+)/;
/**
 * The unfinished deploys among these commits: the newest deploy status of this deployment on
 * the commit (by `identity` when known) still says "Deploying". Failures to read only warn.
 */
async function unfinishedDeploys(context, shas, identity) {
    const wanted = (0,_approval_js__WEBPACK_IMPORTED_MODULE_1__/* .deployStatusContext */ .ji)(context.settings.deployment);
    const found = [];
    for (const sha of new Set(shas.filter((value) => Boolean(value)))) {
        try {
            const statuses = await context.github.listStatuses(sha);
            const latest = statuses.find((status) => status.context === wanted && (identity === undefined || status.creator === identity));
            const match = latest?.state === 'pending' ? DEPLOYING.exec(latest.description) : null;
            if (match)
                found.push({ sha, digest: match[1], backupArtifact: match[2] });
        }
        catch (error) {
            context.io.warn(`Could not read the deploy status of ${sha.slice(0, 7)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
        }
    }
    return found;
}
/** What a run tells the user about an unfinished deploy: what happened, and what to do. */
function unfinishedAdvice(unfinished, thisRun) {
    const what = `The deploy of commit ${unfinished.sha.slice(0, 7)} did not finish: its run ended after the backup (artifact ${unfinished.backupArtifact}) and before its end, so the live tables may hold part of it.`;
    const next = thisRun === 'deploy'
        ? "This deploy plans against the tables as they are now, and takes them to this commit's config."
        : 'A deploy of the default branch takes the tables to its config.';
    return `${what} ${next} To put the tables back as they were before that deploy instead, run the workflow with mode "rollback" and backup-artifact ${unfinished.backupArtifact} (and backup-run-id of that run).`;
}
/** Marks an unfinished deploy as dealt with, so that later runs stop reporting it. */
async function settleUnfinished(context, unfinished, how) {
    await (0,_approval_js__WEBPACK_IMPORTED_MODULE_1__/* .setDeployStatus */ .YQ)(context, unfinished.sha, 'failure', unfinished.digest, how);
}


/***/ }),

/***/ 8173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U_: () => (/* binding */ backupFiles),
  mZ: () => (/* binding */ checkBackupBinding),
  OD: () => (/* binding */ parseBackup)
});

// UNUSED EXPORTS: BACKUP_FORMAT_VERSION, LocalBackupStore, MANIFEST

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/plan/plan-file.ts
var plan_file = __webpack_require__(70435);
// EXTERNAL MODULE: ./src/plan/signing.ts
var signing = __webpack_require__(89072);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/config/ajv.ts
var ajv = __webpack_require__(4913);
// EXTERNAL MODULE: ./src/plan/canonical.ts
var canonical = __webpack_require__(34917);
;// CONCATENATED MODULE: ./src/deploy/backup-checks.ts



const sha256Hex = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
/** What the checksum and the signature cover: the manifest without either of them. */
function manifestBody(manifest) {
    const { checksum: _checksum, signature: _signature, ...body } = manifest;
    return body;
}
/** `sha256:<hex>` of the manifest's canonical form, checksum and signature left out. */
function manifestChecksum(manifest) {
    return (0,canonical/* sha256Of */.Bj)(manifestBody(manifest));
}
/** Where table files may be: plain names under tables/, so a manifest cannot point elsewhere. */
const backup_checks_TABLE_FILE = /^tables\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/;
const existedEntry = {
    required: ['name', 'existed', 'id', 'rowCount', 'file', 'sha256'],
    properties: {
        existed: { const: true },
        id: { type: 'string', minLength: 1 },
        rowCount: { type: 'integer', minimum: 0 },
        file: { type: 'string', pattern: backup_checks_TABLE_FILE.source },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    },
};
const MANIFEST_SHAPE = {
    type: 'object',
    required: ['producer', 'createdAt', 'apiHost', 'deployment', 'planDigest', 'tables'],
    properties: {
        producer: {
            type: 'object',
            required: ['name', 'version'],
            properties: { name: { const: 'datatable-deploy' }, version: { type: 'string' } },
        },
        createdAt: { type: 'string' },
        apiHost: { type: 'string', minLength: 1 },
        environment: { type: 'string', minLength: 1 },
        deployment: { type: 'string', minLength: 1 },
        gitSha: { type: 'string' },
        planDigest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        tables: {
            type: 'array',
            items: {
                type: 'object',
                required: ['name', 'existed'],
                properties: { name: { type: 'string', minLength: 1 }, existed: { type: 'boolean' } },
                if: { properties: { existed: { const: true } } },
                then: existedEntry,
                else: { not: { anyOf: [{ required: ['id'] }, { required: ['file'] }] } },
            },
        },
    },
};
let validateManifest;
/** Refuses a manifest that does not have the shape of ours, or lists no table, or one twice. */
function checkManifestShape(manifest, refuse) {
    if (Array.isArray(manifest.tables) && manifest.tables.length === 0)
        refuse('its manifest lists no tables, so there is nothing it could restore');
    validateManifest ??= (0,ajv/* createAjv */.g)().compile(MANIFEST_SHAPE);
    if (!validateManifest(manifest)) {
        const [first] = validateManifest.errors ?? [];
        refuse(`its manifest${first?.instancePath ?? ''} ${first?.message ?? 'has the wrong shape'}`);
    }
    const names = new Set();
    const ids = new Set();
    for (const entry of manifest.tables) {
        if (names.has(entry.name))
            refuse(`its manifest lists table ${entry.name} twice`);
        if (entry.id !== undefined && ids.has(entry.id))
            refuse(`its manifest lists table id ${entry.id} twice`);
        names.add(entry.name);
        if (entry.id !== undefined)
            ids.add(entry.id);
    }
}
/**
 * Parses one table file and refuses it unless it is the table the manifest entry names, with a
 * schema that has the key column and exactly the listed number of rows, each with a distinct,
 * non-empty string key and only scalar cells of the schema's columns.
 */
function checkTableFile(bytes, entry, refuse) {
    const where = `${entry.file} (table ${entry.name})`;
    if (sha256Hex(bytes) !== entry.sha256)
        refuse(`the checksum of ${where} does not match the manifest`);
    let table;
    try {
        table = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return refuse(`${entry.file} is not valid JSON`);
    }
    if (table === null || typeof table !== 'object')
        return refuse(`${where} does not hold a table`);
    if (table.id !== entry.id || table.name !== entry.name)
        refuse(`${entry.file} holds table ${JSON.stringify(table.name)} (id ${JSON.stringify(table.id)}), but the manifest lists ${entry.name} (id ${entry.id})`);
    const columns = table.schema?.properties;
    if (columns === null || typeof columns !== 'object' || !('key' in columns))
        refuse(`the schema in ${where} has no key column`);
    if (!Array.isArray(table.rows) || table.rows.length !== entry.rowCount)
        refuse(`${where} does not hold the ${entry.rowCount} rows the manifest lists`);
    checkRows(table, where, refuse);
    return table;
}
function checkRows(table, where, refuse) {
    const columns = table.schema.properties;
    const keys = new Set();
    table.rows.forEach((row, index) => {
        if (row === null || typeof row !== 'object' || Array.isArray(row))
            refuse(`row ${index + 1} of ${where} is not an object`);
        const record = row;
        // A row without a string key would be restored under a key like "undefined".
        if (typeof record.key !== 'string' || record.key === '')
            refuse(`row ${index + 1} of ${where} has no key (a non-empty string)`);
        const key = record.key;
        if (keys.has(key))
            refuse(`${where} holds the row "${key}" twice`);
        keys.add(key);
        for (const [column, value] of Object.entries(record)) {
            if (!Object.hasOwn(columns, column))
                refuse(`row "${key}" of ${where} has a column "${column}" its schema does not have`);
            if (!['string', 'number', 'boolean'].includes(typeof value))
                refuse(`row "${key}" of ${where} has a value in "${column}" that is not a string, number or boolean`);
        }
    });
}

;// CONCATENATED MODULE: ./src/deploy/backup.ts







/**
 * 2: the manifest is bound to its org, environment and deployment, names its producer and plan,
 * and carries its own checksum (and, with a signing key, a signature).
 */
const BACKUP_FORMAT_VERSION = 2;
const MANIFEST = 'manifest.json';
/**
 * Serialises a backup: one JSON file per table, and a manifest that lists each file's sha256,
 * carries its own checksum and, with a signing key, its signature.
 */
function backupFiles(backup, signingKey) {
    const files = new Map();
    const entries = backup.tables.map((table, index) => {
        if ('existed' in table)
            return { name: table.name, existed: false };
        const file = `tables/${String(index).padStart(3, '0')}-${table.name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
        const bytes = Buffer.from(`${JSON.stringify(table)}\n`);
        files.set(file, bytes);
        return {
            name: table.name,
            existed: true,
            id: table.id,
            rowCount: table.rows.length,
            file,
            sha256: sha256Hex(bytes),
        };
    });
    const body = {
        formatVersion: BACKUP_FORMAT_VERSION,
        kind: 'datatable-deploy-backup',
        producer: { name: 'datatable-deploy', version: version/* VERSION */.x },
        ...backup.manifest,
        tables: entries,
    };
    const manifest = {
        ...body,
        checksum: manifestChecksum(body),
        ...(signingKey === undefined ? {} : { signature: (0,signing/* signatureOf */.yK)('backup-manifest', body, signingKey) }),
    };
    files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    return files;
}
/**
 * Reads a backup from its files, verifying everything: the manifest's format, checksum and (with
 * a key) signature, its binding fields, and every table file: present, with the checksum the
 * manifest lists, the table the manifest names, a key column, and the listed number of rows,
 * each with a distinct non-empty key. A backup that fails any check is refused whole, with a
 * {@link BackupError}. Whether it belongs to this org is {@link checkBackupBinding}'s question.
 */
function parseBackup(files, location, options = {}) {
    const refuse = (why) => {
        throw new errors/* BackupError */.hj(`The backup at ${location} cannot be used: ${why}.`, 'Use another backup; this one is incomplete, was changed after it was written, or was written by another version.');
    };
    const manifest = readManifest(files, refuse);
    const verdict = (0,signing/* verifySignature */.Od)('backup-manifest', manifestBody(manifest), manifest.signature, options.signingKey);
    if (!verdict.ok)
        throw new errors/* BackupError */.hj(`The backup at ${location} cannot be used: ${verdict.why}.`, verdict.hint);
    checkManifestShape(manifest, refuse);
    if (verdict.unchecked)
        options.warn?.(signing/* UNCHECKED_SIGNATURE_WARNING */.ZU);
    const tables = [];
    for (const entry of manifest.tables) {
        if (!entry.existed)
            continue;
        const bytes = files.get(entry.file) ?? refuse(`the file ${entry.file} of table ${entry.name} is missing`);
        tables.push(checkTableFile(bytes, entry, refuse));
    }
    return { manifest, tables, location };
}
/** The manifest, once it is known to be ours, of this format, and unchanged since written. */
function readManifest(files, refuse) {
    const bytes = files.get(MANIFEST) ?? refuse(`it has no ${MANIFEST}`);
    let manifest;
    try {
        manifest = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return refuse(`${MANIFEST} is not valid JSON`);
    }
    if (manifest === null ||
        manifest.kind !== 'datatable-deploy-backup' ||
        manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
        return refuse(`${MANIFEST} is not a datatable-deploy backup manifest of format ${BACKUP_FORMAT_VERSION}`);
    }
    if (typeof manifest.checksum !== 'string')
        return refuse(`${MANIFEST} carries no checksum`);
    const checksum = manifestChecksum(manifest);
    if (checksum !== manifest.checksum)
        refuse(`${MANIFEST} does not match its checksum (recorded ${manifest.checksum}, computed ${checksum})`);
    return manifest;
}
/**
 * Refuses, with a {@link BackupError}, a backup made against another org, or for another
 * environment or deployment than the one given. The action calls it with its own inputs.
 */
function checkBackupBinding(backup, expected) {
    const problems = (0,plan_file/* bindingMismatches */.uD)(backup.manifest, expected);
    if (problems.length === 0)
        return;
    throw new errors/* BackupError */.hj(`Refusing to restore the backup at ${backup.location}: ${problems.join('; ')}. Nothing was written.`, "Restore a backup made for this org, environment and deployment: check the connection settings (--api-url, --region), --environment and --deployment (or the action's inputs).");
}
/** Backups as directories on the local disk. */
class LocalBackupStore {
    root;
    constructor(root) {
        this.root = root;
    }
    async save(name, files) {
        // Backups hold live values, secrets included, and the default root is inside the working
        // tree: a .gitignore keeps "git add ." from committing them.
        await mkdir(this.root, { recursive: true });
        await writeFile(join(this.root, '.gitignore'), '# Backups of live tables: never commit them.\n*\n', {
            flag: 'wx',
        }).catch((error) => {
            if (error.code !== 'EEXIST')
                throw error;
        });
        const directory = resolve(this.root, name);
        await mkdir(join(directory, 'tables'), { recursive: true });
        // Tables first, the manifest last: a backup cut short has no manifest and is refused.
        for (const [file, bytes] of files)
            if (file !== MANIFEST)
                await writeFile(join(directory, file), bytes, { flush: true });
        await writeFile(join(directory, MANIFEST), files.get(MANIFEST), { flush: true });
        return directory;
    }
    async load(location) {
        const files = new Map();
        let manifest;
        try {
            manifest = await readFile(join(location, MANIFEST));
        }
        catch (error) {
            throw new BackupError(`There is no backup at ${location} (${error.code ?? 'unreadable'}).`, 'Give the directory that holds manifest.json.');
        }
        files.set(MANIFEST, manifest);
        let listed;
        try {
            listed = JSON.parse(manifest.toString('utf8')).tables;
        }
        catch {
            return files; // parseBackup says what is wrong with it
        }
        for (const entry of Array.isArray(listed) ? listed : []) {
            const file = entry?.file;
            // Only plain names under tables/ are read; parseBackup refuses a manifest naming others.
            if (typeof file !== 'string' || !TABLE_FILE.test(file))
                continue;
            try {
                files.set(file, await readFile(join(location, file)));
            }
            catch {
                // A missing file is reported by parseBackup, with the table it belongs to.
            }
        }
        return files;
    }
}


/***/ }),

/***/ 98623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ restoreDifferencesMarkdown)
/* harmony export */ });
/* unused harmony export restoreDifferencesText */
/* harmony import */ var _plan_display_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65641);

/** How many differences a summary lists in full (the rest are counted). */
const LISTED = 200;
/** A cell value, or a whole row (missing or extra) described, for a markdown cell. */
function valueCell(value) {
    if (value === undefined)
        return '';
    if (value !== null && typeof value === 'object')
        return '<i>the row</i>';
    if (value === null)
        return '<i>absent</i>';
    return (0,_plan_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownValue */ .dI)(value);
}
/**
 * What a restore left different, as a markdown table (table, key, column, expected, actual),
 * and the operations that failed: for job summaries. Empty when the restore finished.
 */
function restoreDifferencesMarkdown(report) {
    if (report.restored)
        return [];
    const lines = [
        `**Still different after the restore (${report.remaining.length}), as read after the settle window:**`,
        '',
        '| table | key | column | expected (backup) | actual (live) |',
        '| --- | --- | --- | --- | --- |',
        ...report.remaining
            .slice(0, LISTED)
            .map((item) => item.key === undefined && item.column === undefined
            ? `| ${item.table ? (0,_plan_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(item.table) : ''} | | | ${(0,_plan_display_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(item.message)} | |`
            : `| ${(0,_plan_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(item.table)} | ${item.key === undefined ? '' : (0,_plan_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(item.key)} | ${item.column === undefined ? '' : (0,_plan_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(item.column)} | ${valueCell(item.expected)} | ${valueCell(item.actual)} |`),
    ];
    if (report.remaining.length > LISTED)
        lines.push('', `…and ${report.remaining.length - LISTED} more.`);
    if (report.failures.length > 0)
        lines.push('', '**Operations that failed:**', ...report.failures.slice(0, LISTED).map((item) => `- ${(0,_plan_display_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(item)}`));
    return lines;
}
/** The same for a terminal: one line per difference, then the failed operations. */
function restoreDifferencesText(report) {
    if (report.restored)
        return [];
    return [
        `  still different after the restore (${report.remaining.length}):`,
        ...report.remaining.map((item) => `    ${item.message}`),
        ...(report.failures.length > 0
            ? ['  operations that failed:', ...report.failures.map((item) => `    ${item}`)]
            : []),
    ];
}


/***/ }),

/***/ 95962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ guardPlan),
/* harmony export */   n: () => (/* binding */ PLAN_READ_MAX_AGE_MS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74471);
/* harmony import */ var _versions_table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49680);




/**
 * How old the plan's own read may be and still stand as the guard. Older (a confirmation
 * prompt left waiting), the tables are read again: someone may have changed them meanwhile.
 */
const PLAN_READ_MAX_AGE_MS = 60_000;
/**
 * The stale-plan guard: the live tables, read once (or as the plan's own read in this run
 * found them), must be exactly those the plan was computed from. Refuses with a
 * {@link RefusedError}, before any write, when one changed. The versions table, when one is
 * kept, is read with them and checked.
 */
async function guardPlan(plan, options) {
    const guarded = (await fromPlanRead(plan, options)) ?? (await readAgain(plan, options));
    const stale = plan.tables
        .filter((table, index) => (guarded.live[index]?.fingerprint ?? null) !== table.liveFingerprint)
        .map((table) => table.name);
    if (stale.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RefusedError */ .fk(`The plan is stale: ${stale.join(', ')} changed since it was computed (${plan.digest.slice(0, 19)}…). Nothing was written.`, 'Plan again against the live tables (and have the new plan approved), then deploy that plan.');
    }
    if (guarded.versions)
        (0,_versions_table_js__WEBPACK_IMPORTED_MODULE_2__/* .checkVersionsTable */ .AA)(guarded.versions);
    return guarded;
}
/** The plan's own read, when it is recent and holds every table of the plan. */
async function fromPlanRead(plan, options) {
    const { planRead, logger } = options;
    if (!planRead)
        return undefined;
    const age = options.clock.now() - planRead.readAt;
    if (age > PLAN_READ_MAX_AGE_MS) {
        logger.info(`▶ stale-plan guard: the plan's read is ${Math.round(age / 1000)} s old; reading the live tables again`);
        return undefined;
    }
    const byId = new Map(planRead.tables.flatMap((table) => (table ? [[table.id, table]] : [])));
    const live = plan.tables.map((table) => (table.id === undefined ? null : byId.get(table.id)));
    if (live.some((table) => table === undefined))
        return undefined;
    logger.info(`▶ stale-plan guard: the plan was computed from the live tables ${(age / 1000).toFixed(1)} s ago in this run; that read is the guard and the backup`);
    const name = options.versionsTable;
    return {
        live: live,
        versions: name ? { name, live: await readByName(options.tables, name) } : undefined,
    };
}
/** The plan came from elsewhere (a file, an approval): one read of the tables it names. */
async function readAgain(plan, options) {
    options.logger.info('▶ stale-plan guard: reading the live tables again');
    const refs = plan.tables.map((table) => (table.id ? { id: table.id } : { name: table.name }));
    const name = options.versionsTable;
    // The versions table is read with them (one listing), for its columns and highest version.
    const read = await (0,_plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .readTables */ .gb)(options.tables, [...refs, ...(name ? [{ name }] : [])]);
    return {
        live: read.slice(0, refs.length),
        versions: name ? { name, live: read[refs.length] ?? null } : undefined,
    };
}
/** One table by its exact name (a filtered listing, not the org's), or null. */
async function readByName(tables, name) {
    const found = await tables.findTableByName(name);
    if (!found)
        return null;
    const schema = found.schema ?? (await tables.getTable(found.id)).schema;
    return (0,_plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .liveTable */ .zV)({ ...found, schema }, await tables.listRows(found.id));
}


/***/ }),

/***/ 25332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GH: () => (/* binding */ FileJournal),
/* harmony export */   PB: () => (/* binding */ MemoryJournal),
/* harmony export */   Pm: () => (/* binding */ createdTablesOf),
/* harmony export */   RD: () => (/* binding */ JOURNAL_FILE),
/* harmony export */   Sq: () => (/* binding */ CreatedTablesRecorder),
/* harmony export */   z8: () => (/* binding */ parseJournal)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The journal's file name in a backup directory (the CLI writes it there). */
const JOURNAL_FILE = 'journal.jsonl';
/**
 * The tables a deploy's journal shows it created: `create-table` lines of the deploy phase that
 * are done and record an id. This is the evidence a restore needs to delete a table.
 */
function createdTablesOf(entries) {
    const created = new Map();
    for (const entry of entries)
        if (entry.phase === 'deploy' &&
            entry.op === 'create-table' &&
            entry.status === 'done' &&
            typeof entry.tableId === 'string')
            created.set(entry.table, entry.tableId);
    return created;
}
/**
 * Journal lines from a journal file's text. A last line cut short by a crash is skipped; so is
 * any other line that is not an entry (the journal is evidence, not something to fail on).
 */
function parseJournal(text) {
    const entries = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        try {
            const entry = JSON.parse(line);
            if (entry !== null && typeof entry === 'object' && typeof entry.table === 'string')
                entries.push(entry);
        }
        catch {
            // A torn write; the lines before it still count.
        }
    }
    return entries;
}
/**
 * A journal that passes every entry on and keeps the tables created in it, so that a rollback
 * knows what its own deploy created even when the apply failed half-way, and the rows it
 * started to write, which the restore writes back whatever a (possibly lagging) read shows.
 */
class CreatedTablesRecorder {
    inner;
    created = new Map();
    /** Row keys the deploy started writing, by table; tables it started an import job on. */
    touched = new Map();
    imported = new Set();
    constructor(inner) {
        this.inner = inner;
    }
    append(entry) {
        this.inner.append(entry);
        for (const [name, id] of createdTablesOf([{ at: '', ...entry }]))
            this.created.set(name, id);
        if (entry.phase !== 'deploy' || entry.status !== 'started')
            return;
        if (entry.op === 'import')
            this.imported.add(entry.table);
        if (entry.key !== undefined) {
            const keys = this.touched.get(entry.table) ?? new Set();
            keys.add(entry.key);
            this.touched.set(entry.table, keys);
        }
    }
    close() {
        this.inner.close();
    }
}
/**
 * The journal as JSON lines in a file, each line flushed to disk before the call it announces
 * is made: after a crash the file says what was done and what was in flight.
 */
class FileJournal {
    path;
    fd;
    /** The file is created with the first entry, so a deploy refused early leaves none. */
    constructor(path) {
        this.path = path;
    }
    append(entry) {
        if (this.fd === undefined) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.path), { recursive: true });
            this.fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(this.path, 'a');
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(this.fd, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fdatasyncSync)(this.fd);
    }
    close() {
        if (this.fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(this.fd);
        this.fd = undefined;
    }
}
/** A journal kept in memory (tests, and runs that keep no file). */
class MemoryJournal {
    entries = [];
    append(entry) {
        this.entries.push({ at: new Date().toISOString(), ...entry });
    }
    close() { }
}


/***/ }),

/***/ 44035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ settleWritten)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74471);
/* harmony import */ var _settle_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97548);




/** Row GETs at once (the client's rate budget and concurrency limit still apply). */
const ROW_READS_IN_FLIGHT = 8;
/**
 * Reads the written tables back until the differences settle (see settle.ts). The first read
 * covers every written row; each later one only what the last one still showed different: the
 * rows named by a difference, or the whole written part of a table for a difference that names
 * no row of it (a missing column, the row count, a missing table).
 */
function settleWritten(api, written, differences, options) {
    let views;
    let pending;
    return (0,_settle_js__WEBPACK_IMPORTED_MODULE_2__/* .settle */ .G9)(async () => {
        const again = pending;
        const next = await Promise.all(written.map((table, index) => {
            const doubt = again === undefined ? 'all' : doubtsOf(table, again);
            return doubt === 'none'
                ? (views[index] ?? null)
                : readWritten(api, table, views?.[index] ?? null, doubt);
        }));
        views = next;
        return next;
    }, (after) => (pending = differences(after)), options);
}
/** Which of a table's written rows a difference puts in doubt again. */
function doubtsOf(table, differences) {
    const written = new Set(table.keys);
    const keys = new Set();
    for (const item of differences) {
        if (item.table !== table.name)
            continue;
        if (item.key === undefined || !written.has(item.key))
            return 'all';
        keys.add(item.key);
    }
    return keys.size === 0 ? 'none' : keys;
}
/**
 * One table as it reads now. By pages: the table itself. By row GETs: `last` (the previous
 * read back, else the table before the writes) with the rows in doubt read again.
 */
async function readWritten(api, table, last, doubt) {
    if (table.id === undefined)
        return null;
    const pages = Math.max(1, Math.ceil(table.expectedRows / api.rowsPerPage));
    const keys = doubt === 'all' ? table.keys : [...doubt];
    try {
        const definition = table.definitionChanged ? await api.getTable(table.id) : undefined;
        const base = last ?? table.before;
        if (keys.length >= pages || !base) {
            const rows = await api.listRows(table.id);
            return (0,_plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .liveTable */ .zV)(definitionOf(table, definition, base), rows);
        }
        return (0,_plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .liveTable */ .zV)(definitionOf(table, definition, base), await withRowsRead(api, table.id, base.rows, keys));
    }
    catch (error) {
        // Rows that are not there read as absent (getRow), so a 404 here is the table's own.
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GenesysApiError */ .n_ && error.status === 404)
            return null;
        throw error;
    }
}
/** `rows` with the rows of these keys as they read now (gone where a GET finds none). */
async function withRowsRead(api, tableId, rows, keys) {
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)(ROW_READS_IN_FLIGHT);
    const read = await Promise.all(keys.map((key) => limit(() => api.getRow(tableId, key))));
    const byKey = new Map(rows.map((row) => [String(row.key), row]));
    keys.forEach((key, index) => {
        const row = read[index];
        if (row)
            byKey.set(key, row);
        else
            byKey.delete(key);
    });
    return [...byKey.values()];
}
function definitionOf(table, read, base) {
    if (read?.schema)
        return { ...read, schema: read.schema };
    if (base)
        return { ...tableOf(base), ...(read ?? {}) };
    throw new Error(`${table.name}: the table's definition could not be read back`);
}
const tableOf = (live) => ({
    id: live.id,
    name: live.name,
    ...(live.description === undefined ? {} : { description: live.description }),
    ...(live.divisionRef ? { division: live.divisionRef } : {}),
    schema: live.schema,
});


/***/ }),

/***/ 94685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ tellRestored),
/* harmony export */   K: () => (/* binding */ prepareManualRestore)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74471);
/* harmony import */ var _versions_table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49680);
/* harmony import */ var _webhook_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57074);




async function tellRestored(options) {
    const { context, versionsTable } = options;
    const hooks = options.webhooks?.urls.length ? options.webhooks : undefined;
    if (!versionsTable) {
        if (hooks)
            context.logger.info('invalidation webhooks: not sent after a restore without a versions table (the event carries its new versions)');
        return {};
    }
    context.logger.info(`▶ versions table: marking the restored tables in ${versionsTable}`);
    const marking = await (0,_versions_table_js__WEBPACK_IMPORTED_MODULE_2__/* .markRestored */ .Uu)(options.restored, versionsTable, {
        floor: options.floor,
        onlyUntrue: options.onlyUntrue,
        deployId: options.deployId,
        deployedAt: new Date(context.clock.now()).toISOString(),
        gitSha: options.gitSha,
    }, context);
    if ('problem' in marking)
        return { problem: marking.problem };
    const tables = Object.keys(marking.versions);
    if (!hooks || tables.length === 0)
        return { versions: marking.versions };
    context.logger.info('▶ invalidation webhooks');
    const webhooks = await (0,_webhook_js__WEBPACK_IMPORTED_MODULE_3__/* .announce */ .iP)(hooks, {
        event: 'datatables.deployed',
        reason: 'rollback',
        tables,
        version: Math.max(...Object.values(marking.versions)),
        versions: marking.versions,
        deployId: options.deployId,
        ...options.event,
        deployedAt: new Date(context.clock.now()).toISOString(),
    }, { ...options.announce, clock: context.clock, logger: context.logger }, 'the restore itself stands');
    return { versions: marking.versions, webhooks };
}
/**
 * A manual restore with a versions table: the backup without that table (the deploy keeps it,
 * a backup never puts it back: its rows would name versions readers already left), and a check
 * that it has the columns readers expect, before any write. Says what it left out.
 */
async function prepareManualRestore(backup, versionsTable, tables, note) {
    if (!versionsTable)
        return backup;
    const ours = (name) => name.toLowerCase() === versionsTable.toLowerCase();
    const [live] = await (0,_plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .readTables */ .gb)(tables, [{ name: versionsTable }]);
    (0,_versions_table_js__WEBPACK_IMPORTED_MODULE_2__/* .checkVersionsTable */ .AA)({ name: versionsTable, live: live ?? null });
    if (!backup.manifest.tables.some((table) => ours(table.name)))
        return backup;
    note(`${versionsTable} is the versions table: it is not restored from the backup; it is rewritten for the restored tables.`);
    const rest = backup.tables.filter((table) => !ours(table.name));
    if (rest.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The backup at ${backup.location} holds only ${versionsTable}, the versions table. Nothing was written.`, 'Restore another backup, or leave --versions-table (input versions-table) out if that table is not the versions table.');
    return {
        ...backup,
        manifest: { ...backup.manifest, tables: backup.manifest.tables.filter((table) => !ours(table.name)) },
        tables: rest,
    };
}


/***/ }),

/***/ 89360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cA: () => (/* binding */ forceTouched),
  nO: () => (/* binding */ restoreDifferences),
  VX: () => (/* binding */ restorePlans)
});

// EXTERNAL MODULE: ./src/genesys/schema.ts
var schema = __webpack_require__(17155);
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __webpack_require__(31440);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(22143);
;// CONCATENATED MODULE: ./src/config/from-live.ts



const NOWHERE = { line: 0, column: 0 };
/**
 * A config that describes a live table exactly: its columns in display order with their stored
 * attributes, and every row, leaving out cells that hold the column's default (the service
 * fills those, so a plan of the result shows no changes).
 */
function configFromLive(table, rows, options = {}) {
    const entries = Object.entries(table.schema.properties)
        .filter(([name]) => name !== 'key')
        .sort(([, a], [, b]) => (a.displayOrder ?? Infinity) - (b.displayOrder ?? Infinity) || 0);
    const columns = entries.map(([name, property]) => ({
        name,
        type: property.type,
        title: property.title !== undefined && property.title !== name ? property.title : undefined,
        description: typeof property.description === 'string' ? property.description : undefined,
        required: false,
        minLength: property.type === 'string' ? property.minLength : undefined,
        maxLength: property.type === 'string' ? property.maxLength : undefined,
        minimum: property.type === 'integer' || property.type === 'number' ? property.minimum : undefined,
        maximum: property.type === 'integer' || property.type === 'number' ? property.maximum : undefined,
        default: property.default,
        allow: [],
        position: NOWHERE,
    }));
    const desired = [...rows]
        .sort((a, b) => (0,keys/* compareKeys */.Y)(String(a.key), String(b.key)))
        .map((row) => {
        const cells = {};
        for (const [name, property] of entries) {
            const value = row[name];
            if (value !== undefined && value !== (0,schema/* defaultFor */.P)(property))
                cells[name] = value;
        }
        return { key: String(row.key), cells, position: NOWHERE, cellPositions: {} };
    });
    const key = table.schema.properties.key;
    return {
        file: options.file ?? `${table.name}.yaml`,
        table: { name: table.name },
        description: table.description,
        division: table.division?.name,
        environment: options.environment,
        keyTitle: key?.title ?? 'key',
        keyDescription: typeof key?.description === 'string' ? key.description : undefined,
        prune: true,
        limits: {
            ...types/* DEFAULT_LIMITS */.dR,
            maxRows: Math.max(types/* DEFAULT_LIMITS */.dR.maxRows, rows.length),
            maxColumns: Math.max(types/* DEFAULT_LIMITS */.dR.maxColumns, entries.length + 1),
        },
        columns,
        valueSchemas: {},
        allow: [],
        rows: desired,
        position: NOWHERE,
    };
}

// EXTERNAL MODULE: ./src/plan/build.ts + 1 modules
var build = __webpack_require__(8181);
// EXTERNAL MODULE: ./src/plan/diff.ts + 3 modules
var plan_diff = __webpack_require__(6102);
// EXTERNAL MODULE: ./src/plan/display.ts
var display = __webpack_require__(65641);
;// CONCATENATED MODULE: ./src/deploy/restore-plans.ts




/** What a restore plans: live → backup, table by table, and what still differs after it. */
/** Adds a write back to the backup value for each touched key the plan has no operation for. */
function forceTouched(plan, table, keys) {
    if (!keys || keys.size === 0)
        return plan;
    const planned = new Set([...plan.creates, ...plan.updates, ...plan.deletes].map((item) => item.key));
    const backupRows = new Map(table.rows.map((row) => [String(row.key), row]));
    const updates = [...plan.updates];
    const deletes = [...plan.deletes];
    for (const key of keys) {
        if (planned.has(key))
            continue;
        const row = backupRows.get(key);
        // A PUT of a row that is not there creates it (see row-writes.ts); a DELETE of one gone is done.
        if (row)
            updates.push({ key, cells: [], before: row, after: row });
        else
            deletes.push({ key, row: { key } });
    }
    return { ...plan, updates, deletes };
}
/** What differs between the backup and the tables read (backup tables first, then created ones). */
function restoreDifferences(backup, after, rate) {
    const remaining = [];
    const live = after.slice(0, backup.tables.length);
    for (const [index, plan] of restorePlans(backup.tables, live, rate).entries()) {
        const table = plan.name;
        if (!live[index]) {
            remaining.push({
                table,
                message: `${table}: the table does not exist; the backup holds its schema and rows, and a restore creates it again.`,
            });
            continue;
        }
        for (const item of plan.creates)
            remaining.push({
                table,
                key: item.key,
                expected: item.row,
                actual: null,
                message: `${table}: row "${item.key}" is missing`,
            });
        for (const item of plan.updates)
            for (const cell of item.cells)
                remaining.push({
                    table,
                    key: item.key,
                    column: cell.column,
                    expected: cell.after,
                    actual: cell.before,
                    message: `${table}: row "${item.key}", column "${cell.column}" is ${(0,display/* displayValue */.KN)(cell.before)}; the backup has ${(0,display/* displayValue */.KN)(cell.after)}`,
                });
        for (const item of plan.deletes)
            remaining.push({
                table,
                key: item.key,
                expected: null,
                actual: item.row,
                message: `${table}: row "${item.key}" should not be there`,
            });
    }
    for (const table of after.slice(backup.tables.length))
        if (table)
            remaining.push({
                table: table.name,
                message: `${table.name}: the table the deploy created still exists`,
            });
    return remaining;
}
/** For each backed-up table, the plan that turns the live table back into the backup. */
function restorePlans(tables, live, rate, strategy = 'auto') {
    return tables.map((table, index) => {
        const config = configFromLive(table, table.rows, { file: `backup of ${table.name}` });
        const diff = (0,plan_diff/* diffTable */.Y)(config, live[index] ?? null);
        // A column the deploy added cannot be removed: that is expected here, not a reason to stop.
        const restorable = { ...diff, blocked: [], schemaChanges: live[index] ? [] : diff.schemaChanges };
        return { ...restorable, prediction: (0,build/* predict */.K$)(restorable, { strategy }, rate) };
    });
}


/***/ }),

/***/ 12801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dH: () => (/* binding */ restoreBackup),
/* harmony export */   vC: () => (/* binding */ previewRestore)
/* harmony export */ });
/* unused harmony export LEFT_IN_PLACE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74471);
/* harmony import */ var _apply_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42427);
/* harmony import */ var _read_back_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44035);
/* harmony import */ var _restore_plans_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89360);
/* harmony import */ var _settle_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(97548);






/** Rounds of writes: a round whose operations failed is followed by another over what remains. */
const RESTORE_ROUNDS = 3;
const LEFT_IN_PLACE = 'left in place: no journal of this deploy shows it created it';
/**
 * Restores a backup: plans live → backup for every table it holds (rows created, updated and
 * deleted back, managed columns included; a table that is gone created again), applies that
 * plan with the same engine as a deploy (an import job when that is cheaper), deletes the
 * tables the deploy created, then reads
 * everything again to prove live equals the backup. Columns a deploy added stay (Genesys
 * cannot remove them); restored rows hold their defaults there. Throws a {@link BackupError},
 * before any write, when a table the backup names by id now has another name.
 */
async function restoreBackup(backup, context, rate = 300, options = {}) {
    const preview = options.preview ?? (await previewRestore(backup, context.tables, rate, options));
    const { plans, deletions } = preview;
    let live = preview.live;
    let pending = plans.map((plan, index) => (0,_restore_plans_js__WEBPACK_IMPORTED_MODULE_4__/* .forceTouched */ .cA)(plan, backup.tables[index], options.touched?.get(plan.name)));
    const report = {
        restored: false,
        tables: pending.map((plan, index) => ({
            name: plan.name,
            creates: plan.creates.length,
            updates: plan.updates.length,
            deletes: plan.deletes.length,
            ...(live[index] ? {} : { recreatedTable: true }),
        })),
        remaining: [],
        failures: [],
        leftInPlace: [...preview.leftInPlace],
        operations: 0,
    };
    for (let round = 1;; round++) {
        // A backed-up table that is gone (a tombstone deleted it) is created again with its schema,
        // division and description, and its rows written (an import job when that is cheaper).
        const applied = await (0,_apply_js__WEBPACK_IMPORTED_MODULE_2__/* .applyTables */ .e)(pending, live, { ...context, phase: 'restore', keepGoing: true });
        report.operations += applied.operations;
        report.failures.push(...applied.failures);
        if (round === 1)
            for (const table of deletions)
                await deleteCreatedTable(table, context, report);
        const ids = applied.tableIds;
        const proof = await proveRestored(backup, { live, pending, deletions, ids }, context, rate, options.settleMs);
        report.remaining = proof.remaining;
        // Another round only mends what failed; what settled and still differs is reported.
        if (proof.remaining.length === 0 || applied.failures.length === 0 || round >= RESTORE_ROUNDS)
            break;
        context.logger.warn(`restore: ${applied.failures.length} operation(s) failed; ${proof.remaining.length} difference(s) remain; trying those again`);
        live = proof.live;
        pending = (0,_restore_plans_js__WEBPACK_IMPORTED_MODULE_4__/* .restorePlans */ .VX)(backup.tables, live, rate, options.strategy);
    }
    report.restored = report.remaining.length === 0;
    return report;
}
/**
 * What a restore would do, read without writing: the backed-up tables (by id) and their
 * restore plans, and which tables the manifest says the deploy created may be deleted: those
 * the journal shows it created, by the recorded id, still under that name. Throws a
 * {@link BackupError} when a backed-up id now names another table.
 */
async function previewRestore(backup, tables, rate = 300, options = {}) {
    const createdTables = options.createdTables ?? new Map();
    const created = backup.manifest.tables.filter((entry) => !entry.existed);
    // Without journal evidence a table is looked up by name only to say that it is left alone.
    const found = await (0,_plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .readTables */ .gb)(tables, [
        ...backup.tables.map((table) => ({ id: table.id })),
        ...created.map((entry) => createdTables.has(entry.name) ? { id: createdTables.get(entry.name) } : { name: entry.name }),
    ]);
    const live = found.slice(0, backup.tables.length);
    const renewed = await findRecreated(backup, live, tables);
    for (const [index, table] of backup.tables.entries()) {
        const current = live[index];
        if (current && current.name !== table.name)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackupError */ .hj(`The backup at ${backup.location} holds table ${table.name} (id ${table.id}), but that id is now table ${current.name}. Nothing was written.`, 'Check that this backup belongs to this org; if the table was renamed since, rename it back before restoring.');
    }
    const deletions = [];
    const leftInPlace = [];
    for (const [index, entry] of created.entries()) {
        const current = found[backup.tables.length + index];
        if (!current)
            continue;
        if (!createdTables.has(entry.name))
            leftInPlace.push(`${entry.name}: ${LEFT_IN_PLACE}`);
        else if (current.name !== entry.name)
            leftInPlace.push(`${entry.name}: the id its journal entry records (${current.id}) is now table ${current.name}; left in place`);
        else
            deletions.push(current);
    }
    return {
        live,
        plans: (0,_restore_plans_js__WEBPACK_IMPORTED_MODULE_4__/* .restorePlans */ .VX)(backup.tables, live, rate, options.strategy),
        deletions,
        leftInPlace: [...renewed, ...leftInPlace],
    };
}
/**
 * A backed-up table gone by its id may have been created again under its name (by an earlier
 * restore of this backup, which gives it a new id; Genesys cannot create a table with a given
 * id). That table is the one to restore into: creating another would be refused (names are
 * unique). Fills `live` in place; returns a note per table found so.
 */
async function findRecreated(backup, live, tables) {
    const gone = backup.tables.flatMap((table, index) => (live[index] ? [] : [index]));
    if (gone.length === 0)
        return [];
    const byName = await (0,_plan_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .readTables */ .gb)(tables, gone.map((index) => ({ name: backup.tables[index].name })));
    return gone.flatMap((index, position) => {
        const current = byName[position];
        if (!current)
            return [];
        live[index] = current;
        const table = backup.tables[index];
        return [
            `${table.name}: the backed-up table (id ${table.id}) is gone; restoring into the table of that name created since (id ${current.id})`,
        ];
    });
}
/** Tables the deploy created did not exist before it: restoring means deleting them, by id. */
async function deleteCreatedTable(table, context, report) {
    context.journal.append({
        phase: 'restore',
        table: table.name,
        op: 'delete-table',
        status: 'started',
        tableId: table.id,
    });
    try {
        await context.tables.deleteTable(table.id, { force: true });
        context.journal.append({
            phase: 'restore',
            table: table.name,
            op: 'delete-table',
            status: 'done',
            tableId: table.id,
        });
        report.tables.push({ name: table.name, creates: 0, updates: 0, deletes: 0, deletedTable: true });
        report.operations += 1;
    }
    catch (error) {
        context.journal.append({
            phase: 'restore',
            table: table.name,
            op: 'delete-table',
            status: 'failed',
            tableId: table.id,
            error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error),
        });
        report.failures.push(`${table.name}: created by the deploy, and could not be deleted: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
    }
}
/**
 * Proves the restore: reads back what it wrote (and that the deleted tables are gone) and
 * plans once more: nothing may be left to do. The rows it did not write are as the restore's
 * own read found them, equal to the backup. The reads are repeated (with backoff) until they
 * show nothing left or the settle window is over, since a read right after the writes may not
 * show them yet.
 */
async function proveRestored(backup, round, context, rate, settleMs = _settle_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_SETTLE_MS */ .dk) {
    const written = [
        ...backup.tables.map((table, index) => {
            const plan = round.pending[index];
            return {
                name: table.name,
                id: round.live[index]?.id ?? round.ids.get(table.name),
                before: round.live[index] ?? null,
                keys: [...plan.creates, ...plan.updates, ...plan.deletes].map((item) => item.key),
                expectedRows: table.rows.length,
                definitionChanged: !round.live[index],
            };
        }),
        ...round.deletions.map((table) => ({
            name: table.name,
            id: table.id,
            before: table,
            keys: [],
            expectedRows: 0,
            definitionChanged: true,
        })),
    ];
    const settled = await (0,_read_back_js__WEBPACK_IMPORTED_MODULE_3__/* .settleWritten */ .j)(context.tables, written, (after) => (0,_restore_plans_js__WEBPACK_IMPORTED_MODULE_4__/* .restoreDifferences */ .nO)(backup, after, rate), { clock: context.clock, logger: context.logger, windowMs: settleMs, what: 'restore proof' });
    return { live: settled.value.slice(0, backup.tables.length), remaining: settled.differences };
}


/***/ }),

/***/ 97548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G9: () => (/* binding */ settle),
/* harmony export */   dk: () => (/* binding */ DEFAULT_SETTLE_MS),
/* harmony export */   jf: () => (/* binding */ SettleAborted)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * How long a read-back may disagree with what was written before it counts as a difference.
 * Genesys Cloud is eventually consistent: its own Terraform provider waits up to 60 s for a
 * deleted row to read back as gone, and up to 30 s for a deleted table (PR #2130 of
 * terraform-provider-genesyscloud, "eventual consistency in DCA regions").
 */
const DEFAULT_SETTLE_MS = 60_000;
/**
 * Reads until the read shows no differences or the settle window runs out, backing off between
 * reads (a tenth of the window at first, at most 1 s, doubling up to 10 s); the last read
 * falls on the window's end. One read is never proof either way: a read that differs may be a
 * lagging replica, and a read that fails (after the client's own retries) is read again. Only
 * when the window is over does a difference count; a read still failing then is thrown.
 */
async function settle(read, differences, options) {
    const { clock, logger } = options;
    const started = clock.now();
    const deadline = started + options.windowMs;
    let delay = Math.min(1_000, Math.max(50, options.windowMs / 10));
    for (let reads = 1;; reads++) {
        let outcome;
        try {
            const value = await read();
            outcome = { value, differences: differences(value) };
        }
        catch (error) {
            outcome = { error };
        }
        const now = clock.now();
        const settled = 'value' in outcome && outcome.differences.length === 0;
        if (settled || now >= deadline) {
            if ('error' in outcome)
                throw outcome.error;
            return { ...outcome, reads, elapsedMs: now - started };
        }
        if (options.signal?.aborted)
            throw new SettleAborted(options.what);
        const wait = Math.min(delay, deadline - now);
        logger.info('error' in outcome
            ? `${options.what}: the read failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(outcome.error)}); reading again in ${seconds(wait)}`
            : `${options.what}: ${outcome.differences.length} difference(s) so far; the service may not show its latest writes yet (eventual consistency), reading again in ${seconds(wait)}`);
        await clock.sleep(wait);
        delay = Math.min(10_000, delay * 2);
    }
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
/** The settling was stopped by its abort signal before the reads matched. */
class SettleAborted extends Error {
    constructor(what) {
        super(`${what}: stopped by the interruption before the reads matched`);
        this.name = 'SettleAborted';
    }
}


/***/ }),

/***/ 57074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iP: () => (/* binding */ announce)
/* harmony export */ });
/* unused harmony exports DELIVERY_HEADER, SIGNATURE_HEADER, signBody, postInvalidation */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _genesys_oauth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9385);
/* harmony import */ var _genesys_regions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57119);
/* harmony import */ var _genesys_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(36428);





/** Header naming one delivery: retries of it carry the same id, so receivers can drop repeats. */
const DELIVERY_HEADER = 'x-datatable-deploy-delivery';
const SIGNATURE_HEADER = 'x-datatable-deploy-signature';
/**
 * Posts the event (see {@link postInvalidation}) and logs each delivery; a failed one is a
 * warning saying that what was done stands (`done`: "the deploy itself succeeded").
 */
async function announce(target, event, options, done) {
    const results = await postInvalidation(target.urls, target.secret, event, {
        clock: options.clock,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
    });
    for (const result of results) {
        const url = (0,_genesys_regions_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(result.url);
        if (result.ok)
            options.logger.info(`webhook ${url}: delivered (${result.status})`);
        else
            options.logger.warn(`webhook ${url} failed after ${result.attempts} attempt(s): ${result.error}; ${done}`);
    }
    return results;
}
/** `sha256=<hex>`: HMAC-SHA256 of the exact body with the shared secret. */
function signBody(body, secret) {
    return `sha256=${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
/**
 * Posts the event to each URL, signed, retrying 429, 5xx and network failures with backoff
 * (a delivery id lets receivers drop repeats). Failures are reported, never thrown: a webhook
 * that is down must not undo a healthy deploy.
 */
async function postInvalidation(urls, secret, event, options) {
    const body = JSON.stringify(event);
    // A webhook receiver that is busy gets four attempts, not the Genesys client's time budget.
    const policy = {
        ..._genesys_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RETRY_POLICY */ .cO,
        maxAttempts: 4,
        maxRetryMs: undefined,
        ...options.retry,
    };
    const headers = {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(body, secret),
        'x-datatable-deploy-event': event.event,
        [DELIVERY_HEADER]: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        'user-agent': 'datatable-deploy',
    };
    return Promise.all(urls.map((url) => deliver(url, { headers, body }, policy, options)));
}
/** One URL: POSTs until it answers 2xx, a final status, or the retries are spent. */
async function deliver(url, request, policy, options) {
    for (let attempt = 1;; attempt++) {
        let outcome;
        let failure;
        let status;
        try {
            const response = await (options.fetch ?? fetch)(url, {
                method: 'POST',
                ...request,
                signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
            });
            await response.arrayBuffer();
            if (response.ok)
                return { url, ok: true, status: response.status, attempts: attempt };
            status = response.status;
            failure = `answered ${status}`;
            // Any 5xx is retried: the receiver may recover. Other statuses are final.
            outcome = {
                kind: 'response',
                status: status >= 500 ? 503 : status,
                retryAfterHeader: response.headers.get('retry-after'),
            };
        }
        catch (error) {
            outcome = { kind: 'network', timeout: error instanceof Error && error.name === 'TimeoutError' };
            failure = (0,_genesys_oauth_js__WEBPACK_IMPORTED_MODULE_2__/* .networkCause */ .u6)(error) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
        }
        const decision = (0,_genesys_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .decideRetry */ .tE)(outcome, attempt, true, policy);
        if (!decision.retry)
            return {
                url,
                ok: false,
                ...(status !== undefined ? { status } : {}),
                attempts: attempt,
                error: failure,
            };
        await options.clock.sleep(decision.delayMs);
    }
}


/***/ })

};

export const id = 244;
export const ids = [244];
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

/***/ 99373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()),
};


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
    return (0,canonical/* sha256Of */.B)(manifestBody(manifest));
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

/***/ 94685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ tellRestored),
/* harmony export */   Kk: () => (/* binding */ prepareManualRestore),
/* harmony export */   LH: () => (/* binding */ restoredRefs),
/* harmony export */   Yi: () => (/* binding */ restoreChanges)
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
/** The tables a manual restore put back or deleted, for {@link tellRestored}. */
const restoredRefs = (backup, preview) => [
    ...backup.tables.map((table) => ({ name: table.name, id: table.id })),
    ...preview.deletions.map((table) => ({ name: table.name, id: table.id })),
];
/** Whether a restore would write anything (rows, or a table to delete). */
const restoreChanges = (preview) => preview.deletions.length > 0 ||
    preview.plans.some((plan) => plan.creates.length + plan.updates.length + plan.deletes.length > 0);


/***/ }),

/***/ 3262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vC: () => (/* binding */ previewRestore),
  dH: () => (/* binding */ restoreBackup),
  nO: () => (/* binding */ restoreDifferences)
});

// UNUSED EXPORTS: LEFT_IN_PLACE, restorePlans

// EXTERNAL MODULE: ./src/genesys/schema.ts
var schema = __webpack_require__(17155);
// EXTERNAL MODULE: ./src/plan/snapshot.ts
var snapshot = __webpack_require__(74471);
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
        .sort((a, b) => (0,snapshot/* compareKeys */.YD)(String(a.key), String(b.key)))
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/plan/build.ts + 1 modules
var build = __webpack_require__(8181);
// EXTERNAL MODULE: ./src/plan/diff.ts + 2 modules
var plan_diff = __webpack_require__(7074);
// EXTERNAL MODULE: ./src/plan/display.ts
var display = __webpack_require__(65641);
// EXTERNAL MODULE: ./src/deploy/apply.ts + 2 modules
var apply = __webpack_require__(50554);
// EXTERNAL MODULE: ./src/deploy/settle.ts
var settle = __webpack_require__(97548);
;// CONCATENATED MODULE: ./src/deploy/restore.ts








/** Rounds of writes: a round whose operations failed is followed by another over what remains. */
const RESTORE_ROUNDS = 3;
const LEFT_IN_PLACE = 'left in place: no journal of this deploy shows it created it';
/**
 * Restores a backup: plans live → backup for every table it holds (rows created, updated and
 * deleted back, managed columns included), applies that plan with the same engine as a deploy
 * (an import job when that is cheaper), deletes the tables the deploy created, then reads
 * everything again to prove live equals the backup. Columns a deploy added stay (Genesys
 * cannot remove them); restored rows hold their defaults there. Throws a {@link BackupError},
 * before any write, when a table the backup names by id now has another name.
 */
async function restoreBackup(backup, context, rate = 300, options = {}) {
    const preview = await previewRestore(backup, context.tables, rate, options);
    const { plans, deletions } = preview;
    let live = preview.live;
    let pending = plans.map((plan, index) => forceTouched(plan, backup.tables[index], options.touched?.get(plan.name)));
    const report = {
        restored: false,
        tables: pending.map((plan) => ({
            name: plan.name,
            creates: plan.creates.length,
            updates: plan.updates.length,
            deletes: plan.deletes.length,
        })),
        remaining: [],
        failures: [],
        leftInPlace: [...preview.leftInPlace],
        operations: 0,
    };
    for (let round = 1;; round++) {
        const applied = await (0,apply/* applyTables */.e)(pending.filter((_, index) => live[index]), live.filter((table) => table !== null), { ...context, phase: 'restore', keepGoing: true });
        report.operations += applied.operations;
        report.failures.push(...applied.failures);
        if (round === 1)
            for (const table of deletions)
                await deleteCreatedTable(table, context, report);
        const proof = await proveRestored(backup, deletions, context, rate, options.settleMs);
        report.remaining = proof.remaining;
        // Another round only mends what failed; what settled and still differs is reported.
        if (proof.remaining.length === 0 || applied.failures.length === 0 || round >= RESTORE_ROUNDS)
            break;
        context.logger.warn(`restore: ${applied.failures.length} operation(s) failed; ${proof.remaining.length} difference(s) remain; trying those again`);
        live = proof.live;
        pending = restorePlans(backup.tables, live, rate, options.strategy);
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
    const found = await (0,snapshot/* readTables */.gb)(tables, [
        ...backup.tables.map((table) => ({ id: table.id })),
        ...created.map((entry) => createdTables.has(entry.name) ? { id: createdTables.get(entry.name) } : { name: entry.name }),
    ]);
    const live = found.slice(0, backup.tables.length);
    for (const [index, table] of backup.tables.entries()) {
        const current = live[index];
        if (current && current.name !== table.name)
            throw new errors/* BackupError */.hj(`The backup at ${backup.location} holds table ${table.name} (id ${table.id}), but that id is now table ${current.name}. Nothing was written.`, 'Check that this backup belongs to this org; if the table was renamed since, rename it back before restoring.');
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
    return { live, plans: restorePlans(backup.tables, live, rate, options.strategy), deletions, leftInPlace };
}
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
            error: (0,errors/* describeError */.Uc)(error),
        });
        report.failures.push(`${table.name}: created by the deploy, and could not be deleted: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
/**
 * Reads everything again and plans once more: nothing may be left to do. The read is repeated
 * (with backoff) until it shows nothing left or the settle window is over, since a read right
 * after the writes may not show them yet.
 */
async function proveRestored(backup, deletions, context, rate, settleMs = settle/* DEFAULT_SETTLE_MS */.dk) {
    const refs = [
        ...backup.tables.map((table) => ({ id: table.id })),
        ...deletions.map((table) => ({ id: table.id })),
    ];
    const settled = await (0,settle/* settle */.G9)(() => (0,snapshot/* readTables */.gb)(context.tables, refs), (after) => restoreDifferences(backup, after, rate), { clock: context.clock, logger: context.logger, windowMs: settleMs, what: 'restore proof' });
    return { live: settled.value.slice(0, backup.tables.length), remaining: settled.differences };
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
                message: `${table}: the table no longer exists, so it cannot be restored in place; the backup holds its schema and rows.`,
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
    return Promise.all(urls.map(async (url) => {
        for (let attempt = 1;; attempt++) {
            let outcome;
            let failure;
            let status;
            try {
                const response = await (options.fetch ?? fetch)(url, {
                    method: 'POST',
                    headers,
                    body,
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
    }));
}


/***/ }),

/***/ 9385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   e8: () => (/* binding */ networkCode),
/* harmony export */   oR: () => (/* binding */ ClientCredentialsTokenSource),
/* harmony export */   u6: () => (/* binding */ networkCause)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99373);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86999);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36428);




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
        const fetchFn = this.options.fetch ?? fetch;
        const clock = this.options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
        const policy = this.options.retry ?? _retry_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_RETRY_POLICY */ .cO;
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
                const decision = (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .decideRetry */ .tE)({ kind: 'network', timeout, unresolved: networkCode(error) === 'ENOTFOUND' }, attempt, true, policy);
                if (!decision.retry) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GenesysApiError */ .n_({
                        status: 0,
                        code: timeout ? 'client.timeout' : 'network.error',
                        serviceMessage: `could not reach the OAuth service at ${this.loginBase} (${networkCause(error)})`,
                        method: 'POST',
                        path: TOKEN_PATH,
                        attempts: attempt,
                    }, 'Check the region (or API URL) and that this machine can reach Genesys Cloud.');
                }
                logger.warn(`OAuth token request ${decision.reason}; retrying in ${formatSeconds(decision.delayMs)}`);
                await clock.sleep(decision.delayMs);
                continue;
            }
            const text = await response.text();
            if (response.ok)
                return this.parseToken(text, clock.now());
            const decision = (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .decideRetry */ .tE)({ kind: 'response', status: response.status, retryAfterHeader: response.headers.get('retry-after') }, attempt, true, policy);
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
/** A short, secret-free cause of a fetch failure (undici nests the system error). */
function networkCause(error) {
    if (!(error instanceof Error))
        return String(error);
    const cause = error.cause;
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
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(ms < 1000 ? 3 : 1)} s`;
}


/***/ }),

/***/ 57119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ resolveEndpoints),
/* harmony export */   BO: () => (/* binding */ redactUrl)
/* harmony export */ });
/* unused harmony exports REGION_DOMAINS, parseOrigin */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * Genesys Cloud regions and their domains. The API lives at `api.<domain>`, OAuth at
 * `login.<domain>`. Names follow the SDK (`us_east_1`); the Terraform provider's `us-east-1`
 * spelling is accepted too.
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
function normaliseRegion(region) {
    return region.trim().toLowerCase().replace(/-/g, '_');
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('No Genesys Cloud region or API URL was given.', `Set GENESYSCLOUD_REGION (e.g. us-east-1) or GENESYSCLOUD_API_URL; known regions: ${knownRegions()}.`);
    }
    const domain = REGION_DOMAINS[normaliseRegion(options.region)];
    if (!domain) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Unknown Genesys Cloud region "${options.region}".`, `Use one of: ${knownRegions()}; or give the API URL explicitly.`);
    }
    return { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}` };
}
function knownRegions() {
    return Object.keys(REGION_DOMAINS)
        .map((name) => name.replace(/_/g, '-'))
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

/***/ 36428:
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


/***/ }),

/***/ 86999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony export stderrLogger */
const silentLogger = { debug() { }, info() { }, warn() { } };
/** Writes info and warnings to stderr (stdout stays free for machine-readable output). */
function stderrLogger(options = {}) {
    return {
        debug: (message) => {
            if (options.verbose)
                process.stderr.write(`debug: ${message}\n`);
        },
        info: (message) => process.stderr.write(`${message}\n`),
        warn: (message) => process.stderr.write(`warning: ${message}\n`),
    };
}


/***/ }),

/***/ 70435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uD: () => (/* binding */ bindingMismatches),
/* harmony export */   zB: () => (/* binding */ describeBinding)
/* harmony export */ });
/* unused harmony exports serializePlan, readPlan, checkPlanBinding */
/* harmony import */ var _config_ajv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4913);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8181);
/* harmony import */ var _signing_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89072);





/**
 * The plan's JSON form: the contract for scripts, and what `apply --plan` reads back. With a
 * signing key the file carries `signature`, over everything else in it.
 */
function serializePlan(plan, signingKey) {
    const { signature: _old, ...unsigned } = plan;
    const signed = signingKey === undefined
        ? unsigned
        : { ...unsigned, signature: signatureOf('plan', unsigned, signingKey) };
    return `${JSON.stringify(signed, null, 1)}\n`;
}
const cell = { type: ['string', 'number', 'boolean', 'null'] };
const row = {
    type: 'object',
    required: ['key'],
    properties: { key: { type: 'string' } },
    additionalProperties: { type: ['string', 'number', 'boolean'] },
};
/** Enough of the plan's shape to refuse a file that is not a plan, or is damaged. */
const PLAN_SHAPE = {
    type: 'object',
    required: [
        'formatVersion',
        'digest',
        'createdAt',
        'producer',
        'apiHost',
        'deployment',
        'verdict',
        'thresholds',
        'totals',
        'tables',
    ],
    properties: {
        formatVersion: { type: 'integer' },
        digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        signature: { type: 'string' },
        createdAt: { type: 'string' },
        producer: {
            type: 'object',
            required: ['name', 'version'],
            properties: { name: { const: 'datatable-deploy' }, version: { type: 'string' } },
        },
        apiHost: { type: 'string', minLength: 1 },
        environment: { type: 'string', minLength: 1 },
        deployment: { type: 'string', minLength: 1 },
        verdict: { enum: ['no-changes', 'within-threshold', 'needs-approval', 'blocked'] },
        thresholds: { type: 'array' },
        totals: { type: 'object' },
        tables: {
            type: 'array',
            items: {
                type: 'object',
                required: [
                    'name',
                    'file',
                    'schema',
                    'managed',
                    'prune',
                    'schemaChanges',
                    'blocked',
                    'creates',
                    'updates',
                    'deletes',
                    'unchanged',
                    'liveRowCount',
                    'rowLimit',
                    'liveFingerprint',
                    'prediction',
                ],
                properties: {
                    name: { type: 'string', minLength: 1 },
                    id: { type: 'string', minLength: 1 },
                    creates: {
                        type: 'array',
                        items: { type: 'object', required: ['key', 'row'], properties: { row } },
                    },
                    updates: {
                        type: 'array',
                        items: {
                            type: 'object',
                            required: ['key', 'cells', 'before', 'after'],
                            properties: {
                                cells: {
                                    type: 'array',
                                    items: {
                                        type: 'object',
                                        required: ['column', 'before', 'after'],
                                        properties: { before: cell, after: cell },
                                    },
                                },
                                before: row,
                                after: row,
                            },
                        },
                    },
                    deletes: {
                        type: 'array',
                        items: { type: 'object', required: ['key', 'row'], properties: { row } },
                    },
                    liveFingerprint: { type: ['string', 'null'] },
                },
            },
        },
    },
};
let validateShape;
/**
 * Reads a plan file back: refuses anything that is not a plan of this format version, a plan
 * that does not name its org, a plan whose content no longer matches its digest (edited or
 * damaged) and, with a signing key, one that is unsigned or not signed with that key.
 */
function readPlan(text, source, options = {}) {
    const refuse = (why, hint = 'Write a new one with "datatable-deploy plan --out FILE".') => {
        throw new ConfigurationError(`${source} is not a usable plan: ${why}.`, hint);
    };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return refuse(`it is not JSON (${error.message})`);
    }
    const version = value?.formatVersion;
    if (version !== PLAN_FORMAT_VERSION) {
        return refuse(`its formatVersion is ${JSON.stringify(version)}, and this tool reads ${PLAN_FORMAT_VERSION}`, `Plan again with this version of datatable-deploy ("datatable-deploy plan --out FILE").`);
    }
    // With a key, authenticate the file before reading anything else in it.
    const { signature, ...unsigned } = value;
    const verdict = verifySignature('plan', unsigned, signature, options.signingKey);
    if (!verdict.ok)
        return refuse(verdict.why, verdict.hint);
    // Named apart from the shape errors: a plan that does not say which org it is for could be
    // applied to any org, so this is the refusal to recognise.
    if (typeof value.apiHost !== 'string')
        return refuse('it does not name the org it was planned against (apiHost)');
    validateShape ??= createAjv().compile(PLAN_SHAPE);
    if (!validateShape(value)) {
        const [first] = validateShape.errors ?? [];
        return refuse(`${first?.instancePath || 'the plan'} ${first?.message ?? 'has the wrong shape'}`);
    }
    const plan = value;
    const digest = planDigest(plan);
    if (digest !== plan.digest)
        return refuse(`its content does not match its digest (recorded ${plan.digest}, computed ${digest}); it was changed after planning`);
    if (verdict.unchecked)
        options.warn?.(UNCHECKED_SIGNATURE_WARNING);
    // Tables are applied by id; only a table the plan creates (or a blocked one) may lack one.
    const creates = (table) => table.schemaChanges.some((change) => change.kind === 'create-table');
    const unidentified = plan.tables.find((table) => table.id === undefined ? !creates(table) && table.blocked.length === 0 : creates(table));
    if (unidentified)
        return refuse(`table ${unidentified.name} ${unidentified.id === undefined ? 'has no id, and the plan does not create it' : 'has an id, and the plan creates it'}`);
    return deepFreeze(plan);
}
/** What differs between a recorded binding and the expected one; empty when it matches. */
function bindingMismatches(recorded, expected) {
    const problems = [];
    if (recorded.apiHost !== expected.apiHost)
        problems.push(`it was made against the org at ${recorded.apiHost}, not ${expected.apiHost}`);
    if (expected.environment !== undefined && recorded.environment !== expected.environment)
        problems.push(`it is for ${recorded.environment === undefined ? 'no environment' : `environment "${recorded.environment}"`}, not "${expected.environment}"`);
    if (expected.deployment !== undefined && recorded.deployment !== expected.deployment)
        problems.push(`it is for deployment "${recorded.deployment}", not "${expected.deployment}"`);
    return problems;
}
/**
 * Refuses a plan bound to another org, environment or deployment than the one about to be
 * written to, with a {@link ConfigurationError}.
 */
function checkPlanBinding(plan, expected, source = 'the plan') {
    const problems = bindingMismatches(plan, expected);
    if (problems.length === 0)
        return;
    throw new ConfigurationError(`Refusing to apply ${source}: ${problems.join('; ')}. Nothing was written.`, 'Apply a plan made for this org, environment and deployment: run "datatable-deploy plan --out FILE" with the same --environment and --deployment (and connection settings) as the apply.');
}
/** One line naming a binding, shown before anything asks for confirmation. */
function describeBinding(binding) {
    return `org ${binding.apiHost}, environment ${binding.environment ?? '(none)'}, deployment ${binding.deployment}`;
}


/***/ }),

/***/ 39642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ policyWindowStatus),
/* harmony export */   _: () => (/* binding */ judgeWindow)
/* harmony export */ });
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75107);
/* harmony import */ var _windows_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3423);


/** Whether a deploy may start now under every schedule of a policy: the first that is closed, else the first. */
function policyWindowStatus(policy, now) {
    const statuses = (policy.schedules.length > 0 ? policy.schedules : [{ windows: [], freezes: [] }]).map((schedule) => (0,_windows_js__WEBPACK_IMPORTED_MODULE_1__/* .windowStatus */ .T8)(schedule, now));
    return statuses.find((status) => !status.open) ?? statuses[0];
}
/**
 * May a deploy or rollback start now? Inside a window (and no freeze): yes. Outside: only with
 * an emergency override: a reason, and one of the policy's emergency approvers among
 * `grantors` (who asked, or who approved this exact plan). A rollback that a failing deploy
 * starts is never judged here: it always runs.
 */
function judgeWindow(policy, now, request) {
    const status = policyWindowStatus(policy, now);
    if (status.open)
        return { allowed: true, status };
    const where = policy.environment ? `environment "${policy.environment}"` : 'deploys';
    const approvers = policy.emergencyApprovers;
    const grantedBy = (0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .logins */ .NB)(request.grantors).filter((login) => approvers.includes(login));
    const reason = request.reason?.trim();
    if (reason && grantedBy.length > 0)
        return { allowed: true, status, override: { reason, grantedBy } };
    const howToOverride = approvers.length === 0
        ? `The policy (${policy.source}) names no emergency approvers for ${where}, so no override is possible.`
        : reason
            ? `The emergency override was asked, but none of the emergency approvers (${approvers.join(', ')}) asked for it or approved this exact plan (those who did: ${(0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .logins */ .NB)(request.grantors).join(', ') || 'nobody'}).`
            : `In an emergency, one of ${approvers.join(', ')} may override it with an emergency reason.`;
    return {
        allowed: false,
        status,
        refusal: `The change window of ${where} is ${status.text}. Nothing was written. ${howToOverride}`,
    };
}


/***/ })

};

export const id = 748;
export const ids = [748];
export const modules = {

/***/ 85748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INVALID_CONFIG: () => (/* binding */ INVALID_CONFIG),
  Vp: () => (/* binding */ planForAction),
  iS: () => (/* binding */ planOutputs),
  validateForAction: () => (/* binding */ validateForAction)
});

// UNUSED EXPORTS: DEFAULT_CONFIG

// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(70386);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(64533);
// EXTERNAL MODULE: ../../main/node_modules/yaml/dist/index.js
var dist = __webpack_require__(53645);
;// CONCATENATED MODULE: ./schema/datatable-contract.schema.json
const datatable_contract_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://datatable-deploy.dev/schema/datatable-contract.schema.json","title":"datatable-deploy consumer contract (format 1)","description":"What one consumer (a plugin) reads from the data tables: per table, the keys it reads, what each value must be, and which keys must exist. validate and plan check every config against it; the runtime reader loads the same file (contractFromFile).","type":"object","additionalProperties":false,"required":["consumer","tables"],"properties":{"format":{"description":"Version of this file format. Only 1 exists.","const":1},"consumer":{"description":"Name of the consumer (the plugin), as findings name it.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},"description":{"type":"string"},"tables":{"description":"The tables the consumer reads, by name.","type":"object","minProperties":1,"propertyNames":{"minLength":1,"maxLength":256,"pattern":"^[^/\\\\\\\\]+$"},"additionalProperties":{"$ref":"#/definitions/table"}}},"definitions":{"table":{"type":"object","additionalProperties":false,"properties":{"keys":{"description":"Per row key, what its value must be: a value kind, or a JSON Schema the typed value must match.","type":"object","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/keyContract"}},"required":{"description":"Keys the table must have. A key listed here that the config lacks is an error; a key only under keys is a warning.","type":"array","uniqueItems":true,"items":{"type":"string","minLength":1}},"valueColumn":{"description":"The column that holds each row\'s value. Default config_value (as the reader\'s).","type":"string","minLength":1},"typeColumn":{"description":"The column that names each row\'s value kind. Default data_type (as the reader\'s).","type":"string","minLength":1}}},"keyContract":{"description":"A value kind (string, integer, number, boolean, json), or a JSON Schema (a map of keywords).","type":["string","object"],"if":{"type":"string"},"then":{"enum":["string","integer","number","boolean","json"]}}}}');
// EXTERNAL MODULE: ./src/config/ajv.ts
var ajv = __webpack_require__(89464);
;// CONCATENATED MODULE: ./src/config/value-schemas.ts

/**
 * JSON Schemas for json values (`valueSchemas:`), each compiled once. A schema that cannot be
 * compiled, or that recurses without end (`$ref: "#"`), is reported once through `onBroken` and
 * then skipped, so that every row it would apply to does not repeat the finding.
 */
class ValueSchemas {
    schemas;
    onBroken;
    compiled = new Map();
    ajv;
    constructor(schemas, onBroken) {
        this.schemas = schemas;
        this.onBroken = onBroken;
    }
    /** Compiles every schema now, so that a broken one is reported even when no row uses it. */
    compileAll() {
        for (const key of Object.keys(this.schemas))
            this.validator(key);
    }
    /** A description of why `json` does not match the key's schema; undefined when it does (or there is none). */
    check(key, json) {
        if (!Object.hasOwn(this.schemas, key))
            return undefined;
        const validate = this.validator(key);
        if (validate === 'broken')
            return undefined;
        let valid;
        try {
            valid = validate(JSON.parse(json));
        }
        catch (error) {
            // Ajv compiles `$ref: "#"` (and other loops that consume no data) into a function that
            // calls itself until the stack runs out.
            this.compiled.set(key, 'broken');
            this.onBroken(key, error instanceof RangeError
                ? 'refers to itself without end (a $ref loop that reaches no keyword); give the recursion a base case.'
                : `could not be applied: ${error.message}.`);
            return undefined;
        }
        if (valid)
            return undefined;
        return (validate.errors ?? [])
            .map((error) => `${error.instancePath || 'the value'} ${error.message}`)
            .join('; ');
    }
    validator(key) {
        let validate = this.compiled.get(key);
        if (validate !== undefined)
            return validate;
        const schema = this.schemas[key];
        try {
            if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
                throw new Error('a JSON Schema must be a map');
            // Strict about the schema itself: an unknown format or a misspelt keyword ("minimun")
            // would otherwise be ignored, and the values it meant to hold would pass unchecked.
            this.ajv ??= (0,ajv/* createAjv */.g)({
                strictSchema: true,
                strictTypes: false,
                strictTuples: false,
                strictRequired: false,
            });
            validate = this.ajv.compile(schema);
        }
        catch (error) {
            validate = 'broken';
            this.onBroken(key, `is not a usable JSON Schema: ${error.message.replace(/\.$/, '')}.`);
        }
        this.compiled.set(key, validate);
        return validate;
    }
}

;// CONCATENATED MODULE: ./src/config/contract-checker.ts


/**
 * A consumer's contract for one table, schemas compiled once. The runtime reader and validate
 * share it, so that a value validate accepts is one the reader serves. By default a broken
 * schema throws (the reader fails at start-up); validate passes `onBroken` to report it instead.
 */
class ContractChecker {
    contract;
    schemas;
    constructor(table, contract, onBroken = (key, problem) => {
        throw new errors/* ConfigurationError */.j1(`The contract's JSON Schema for ${table}.${key} ${problem}`, 'Fix that schema in the consumer contract (a map of JSON Schema keywords).');
    }) {
        this.contract = contract;
        const schemas = Object.fromEntries([...contract].filter(([, expected]) => typeof expected !== 'string'));
        if (Object.keys(schemas).length === 0)
            return;
        this.schemas = new ValueSchemas(schemas, onBroken);
        this.schemas.compileAll();
    }
    get size() {
        return this.contract.size;
    }
    /** Why `value` breaks the contract of `key`; undefined when it keeps it (or the key has none). */
    check(key, value) {
        const expected = this.contract.get(key);
        if (expected === undefined)
            return undefined;
        if (typeof expected === 'string') {
            return holdsKind(value, expected) ? undefined : `expected ${expected}, got ${describe(value)}`;
        }
        return this.schemas?.check(key, JSON.stringify(value));
    }
}
function holdsKind(value, kind) {
    switch (kind) {
        case 'string':
            return typeof value === 'string';
        case 'integer':
            return typeof value === 'number' && Number.isSafeInteger(value);
        case 'number':
            return typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
            return typeof value === 'boolean';
        case 'json':
            return typeof value === 'object' && value !== null;
    }
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}

// EXTERNAL MODULE: ./src/config/findings.ts
var config_findings = __webpack_require__(6181);
// EXTERNAL MODULE: ./src/config/structure.ts + 1 modules
var config_structure = __webpack_require__(29492);
;// CONCATENATED MODULE: ./src/config/typed-value.ts
const DEFAULT_VALUE_COLUMNS = { valueColumn: 'config_value', typeColumn: 'data_type' };
/** Reads a cell's text as the kind its typing column names (a missing kind is a string). */
function parseTypedValue(cell, kind) {
    if (cell === undefined)
        return { ok: false, problem: 'the row has no value' };
    const text = typeof cell === 'string' ? cell.trim() : String(cell);
    switch ((kind === undefined || kind === '' ? 'string' : kind)) {
        case 'string':
            return { ok: true, value: typeof cell === 'string' ? cell : String(cell) };
        case 'integer':
            if (/^[-+]?\d+$/.test(text) && Number.isSafeInteger(Number(text)))
                return { ok: true, value: Number(text) };
            return { ok: false, problem: `${JSON.stringify(cell)} is not a whole number` };
        case 'number': {
            const number = text === '' ? NaN : Number(text);
            if (Number.isFinite(number))
                return { ok: true, value: number };
            return { ok: false, problem: `${JSON.stringify(cell)} is not a finite number` };
        }
        case 'boolean':
            if (text === 'true' || text === 'false')
                return { ok: true, value: text === 'true' };
            return { ok: false, problem: `${JSON.stringify(cell)} is not true or false` };
        case 'json':
            try {
                return { ok: true, value: deepFreeze(JSON.parse(text)) };
            }
            catch (error) {
                return { ok: false, problem: `the text is not JSON (${error.message})` };
            }
        default:
            return { ok: false, problem: `${JSON.stringify(kind)} is not a value kind` };
    }
}
/** Freezes a value and everything it holds. */
function deepFreeze(value) {
    if (value === null || typeof value !== 'object' || Object.isFrozen(value))
        return value;
    for (const member of Object.values(value))
        deepFreeze(member);
    return Object.freeze(value);
}

// EXTERNAL MODULE: ./src/config/yaml-source.ts + 4 modules
var yaml_source = __webpack_require__(83435);
;// CONCATENATED MODULE: ./src/config/contract-file.ts








let validator;
/**
 * Reads a consumer contract (`schema/datatable-contract.schema.json`): YAML 1.2 with the same
 * guards as config files, its structure, and every JSON Schema in it (a schema that cannot be
 * compiled is a finding at its place). `contract` is absent when there are errors.
 */
function parseContract(file, bytes, options = yaml_source/* DEFAULT_LOAD_OPTIONS */.wC) {
    const source = (0,yaml_source/* parseYamlSource */.WF)(file, bytes, options);
    if (Array.isArray(source))
        return { findings: source };
    const structure = (0,config_structure/* checkStructure */.w)(source, source.value, (validator ??= (0,ajv/* createAjv */.g)().compile(datatable_contract_schema_namespaceObject)));
    if (structure.length > 0)
        return { findings: structure.map(withContractHint) };
    const raw = source.value;
    const findings = [];
    const tables = Object.entries(raw.tables).map(([name, table]) => readTable(source, name, table, findings));
    if (findings.length > 0)
        return { findings };
    const contract = {
        file,
        consumer: raw.consumer,
        position: placeOf(source, ['consumer']),
        tables,
    };
    return { contract, findings };
}
/** The structure rules' own fixes speak of config files; the format of this file is elsewhere. */
function withContractHint(item) {
    if (item.rule !== 'schema-type' && item.rule !== 'schema-unknown-property')
        return item;
    return { ...item, hint: 'Write it as docs/contracts.md shows (schema/datatable-contract.schema.json).' };
}
function readTable(source, name, raw, findings) {
    const contract = raw.keys ?? {};
    const required = new Set(raw.required ?? []);
    const keys = Object.entries(contract).map(([key, expected]) => ({
        name: key,
        expected,
        required: required.has(key),
        position: placeOf(source, ['tables', name, 'keys', key]),
    }));
    // A key only under `required`: it must exist, whatever its value.
    (raw.required ?? []).forEach((key, index) => {
        if (!Object.hasOwn(contract, key))
            keys.push({
                name: key,
                required: true,
                position: placeOf(source, ['tables', name, 'required', index]),
            });
    });
    const checker = new ContractChecker(name, new Map(Object.entries(contract)), (key, problem) => findings.push((0,config_findings/* finding */.gk)('contract-schema-invalid', source.file, valuePlaceOf(source, ['tables', name, 'keys', key]), `The JSON Schema for key "${key}" of table "${name}" ${problem}`, { table: name, key })));
    const columns = {
        ...(raw.valueColumn !== undefined ? { valueColumn: raw.valueColumn } : {}),
        ...(raw.typeColumn !== undefined ? { typeColumn: raw.typeColumn } : {}),
    };
    return { name, position: placeOf(source, ['tables', name]), columns, keys, contract, checker };
}
/** The columns a table's values are read from: the file's, else the reader's defaults. */
function contractColumns(table) {
    return { ...DEFAULT_VALUE_COLUMNS, ...table.columns };
}
/** Where the path's last name is written (a map's key, a list's item); the nearest node found else. */
function placeOf(source, path) {
    return (0,yaml_source/* positionOf */.df)(source, walk(source, path, 'key'));
}
/** Where the value at the path starts. */
function valuePlaceOf(source, path) {
    return (0,yaml_source/* positionOf */.df)(source, walk(source, path, 'value'));
}
function walk(source, path, want) {
    let node = source.doc.contents;
    let found;
    for (const [index, segment] of path.entries()) {
        const last = index === path.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((item) => (0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(segment));
            if (!pair)
                break;
            found = (last && want === 'key' ? pair.key : pair.value);
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
            found = node.items[segment];
        }
        else
            break;
        node = found ?? null;
    }
    return found;
}

;// CONCATENATED MODULE: ./src/config/contract-checks.ts



/**
 * Checks every config against the contracts of the consumers that read its table: a value a
 * consumer could not use (as the runtime reader would type it) is an error at the config's
 * cell; a key or table the contract names and no config has is a finding at the contract.
 */
function checkContracts(configs, contracts) {
    const findings = [];
    for (const contract of contracts) {
        for (const table of contract.tables) {
            // Tables are matched by name: a config that names its table by id cannot be matched.
            const matching = configs.filter((config) => config.table.name === table.name);
            if (matching.length === 0) {
                findings.push((0,config_findings/* finding */.gk)('contract-table-missing', contract.file, table.position, `Consumer "${contract.consumer}" reads table "${table.name}", but no config file defines it.`, { table: table.name }));
            }
            for (const config of matching)
                checkTable(config, contract, table, findings);
        }
    }
    return findings;
}
function checkTable(config, contract, table, findings) {
    const { valueColumn, typeColumn } = contractColumns(table);
    if (!config.columns.some((column) => column.name === valueColumn)) {
        findings.push((0,config_findings/* finding */.gk)('contract-column-missing', contract.file, table.position, `Consumer "${contract.consumer}" reads values from column "${valueColumn}" of table "${table.name}", which ${config.file} does not define.`, { table: table.name, field: valueColumn }));
        return;
    }
    const rows = new Map(config.rows.map((row) => [row.key, row]));
    // A row that leaves its kind out has the typing column's default, as validate reads it.
    const defaultKind = config.columns.find((column) => column.name === typeColumn)?.default;
    for (const key of table.keys) {
        const row = rows.get(key.name);
        if (!row) {
            findings.push(missingKey(config, contract, table, key));
            continue;
        }
        if (key.expected === undefined)
            continue;
        const kind = row.cells[typeColumn] ?? defaultKind;
        const problem = valueProblem(row, valueColumn, kind === undefined ? undefined : String(kind), table, key);
        if (problem === undefined)
            continue;
        findings.push((0,config_findings/* finding */.gk)('contract-value', config.file, row.cellPositions[valueColumn] ?? row.position, `Row "${key.name}": consumer "${contract.consumer}" (${contract.file}:${key.position.line}) cannot use this value: ${problem}.`, { table: table.name, key: key.name, field: valueColumn }));
    }
}
/** Why the reader would not serve the row's value to this consumer; undefined when it would. */
function valueProblem(row, valueColumn, kind, table, key) {
    const parsed = parseTypedValue(row.cells[valueColumn], kind);
    if (!parsed.ok)
        return parsed.problem;
    return table.checker.check(key.name, parsed.value);
}
function missingKey(config, contract, table, key) {
    const message = `Consumer "${contract.consumer}" reads key "${key.name}" of table "${table.name}", but ${config.file} has no such row`;
    return key.required
        ? (0,config_findings/* finding */.gk)('contract-required-key-missing', contract.file, key.position, `${message}.`, {
            table: table.name,
            key: key.name,
        })
        : (0,config_findings/* finding */.gk)('contract-key-missing', contract.file, key.position, `${message}; the consumer will serve its safe default.`, { table: table.name, key: key.name });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../main/node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(55304);
;// CONCATENATED MODULE: ./src/config/discover.ts



// tinyglobby rather than fs/promises' glob, which Node 20 (allowed by "engines") does not have.
const nodeFileSystem = {
    glob: (pattern, cwd) => (0,tinyglobby_dist/* glob */.TI)(pattern, { cwd, absolute: (0,external_node_path_.isAbsolute)(pattern), expandDirectories: false }),
    kind: async (path, cwd) => {
        const found = await (0,promises_.stat)((0,external_node_path_.resolve)(cwd, path)).catch(() => undefined);
        return found?.isDirectory() ? 'directory' : found?.isFile() ? 'file' : undefined;
    },
    readFile: (path, cwd) => (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path)),
};
const DEFAULT_CONFIG_GLOB = 'datatables/**/*.{yml,yaml}';
/** What a directory given as a config path stands for, below it. */
const IN_DIRECTORY = '**/*.{yml,yaml}';
/**
 * Expands each pattern (globs are expanded here, so quoting in the shell does not matter) into
 * a sorted list of distinct files. A file that exists is taken as named, even with glob
 * characters in its name; a directory means every YAML file under it. Returns the patterns
 * that matched nothing, too.
 */
async function discoverConfigFiles(patterns, cwd, fs = nodeFileSystem) {
    const files = new Set();
    const unmatched = [];
    const emptyDirectories = [];
    for (const pattern of patterns) {
        const kind = await fs.kind(pattern, cwd);
        const matches = await expand(pattern, kind, cwd, fs);
        for (const path of matches)
            files.add(path.replace(/\\/g, '/'));
        if (matches.length === 0)
            (kind === 'directory' ? emptyDirectories : unmatched).push(pattern);
    }
    return { files: [...files].sort(), unmatched, emptyDirectories };
}
async function expand(pattern, kind, cwd, fs) {
    if (kind === 'file')
        return [(0,external_node_path_.normalize)(pattern)];
    if (kind !== 'directory')
        return fs.glob(pattern, cwd);
    const directory = (0,tinyglobby_dist/* escapePath */.ft)((0,external_node_path_.normalize)(pattern).replace(/[\\/]+$/, ''));
    return fs.glob(`${directory}/${IN_DIRECTORY}`, cwd);
}

;// CONCATENATED MODULE: ./src/config/contracts.ts






/** Where consumer contracts live by default: next to the policy file, one file per consumer. */
const DEFAULT_CONTRACTS_GLOB = '.github/datatable-deploy/consumers/*.{yml,yaml}';
/**
 * Reads the consumer contracts and checks the configs against them (validate, plan, the
 * action). Named globs must match; the default place may be absent (no contracts, no findings).
 * Makes no API call.
 */
async function contractFindings(configs, options) {
    const fs = options.fs ?? nodeFileSystem;
    const named = options.patterns !== undefined && options.patterns.length > 0;
    const patterns = named ? options.patterns : [DEFAULT_CONTRACTS_GLOB];
    const { files, unmatched, emptyDirectories } = await discoverConfigFiles(patterns, options.cwd, fs);
    const findings = [];
    if (named) {
        for (const pattern of [...unmatched, ...emptyDirectories])
            findings.push((0,config_findings/* finding */.gk)('no-contract-files', pattern, { line: 1, column: 1 }, `"${pattern}" matches no contract file.`));
    }
    const contracts = [];
    for (const file of files) {
        const read = await readContract(file, options, fs);
        for (const item of read.findings)
            findings.push(item);
        if (read.contract)
            contracts.push(read.contract);
    }
    const distinct = withoutDuplicates(contracts, findings);
    for (const item of checkContracts(configs, distinct))
        findings.push(item);
    return { files, contracts: distinct, findings: (0,config_findings/* sortFindings */.Tc)(findings) };
}
async function readContract(file, options, fs) {
    let bytes;
    try {
        bytes = await fs.readFile(file, options.cwd);
    }
    catch (error) {
        const reason = `The contract file cannot be read: ${(0,errors/* fileProblem */.Wj)(error).reason}.`;
        return { findings: [(0,config_findings/* finding */.gk)('file-unreadable', file, { line: 1, column: 1 }, reason)] };
    }
    return parseContract(file, bytes, options.load ?? yaml_source/* DEFAULT_LOAD_OPTIONS */.wC);
}
/** One contract per consumer: a second file for one would make which one holds ambiguous. */
function withoutDuplicates(contracts, findings) {
    const seen = new Map();
    for (const contract of contracts) {
        const first = seen.get(contract.consumer);
        if (!first) {
            seen.set(contract.consumer, contract);
            continue;
        }
        findings.push((0,config_findings/* finding */.gk)('contract-duplicate', contract.file, contract.position, `Consumer "${contract.consumer}" also has a contract in ${first.file} (line ${first.position.line}).`));
    }
    return [...seen.values()];
}

// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(95878);
// EXTERNAL MODULE: ./src/config/patterns.ts
var patterns = __webpack_require__(99996);
;// CONCATENATED MODULE: ./src/config/values.ts


/**
 * Words YAML 1.1 reads as booleans; YAML 1.2 (and this tool) read them as text. The single
 * letters y and n are left out: as text they are common, and few tools still read them as booleans.
 */
const YAML11_BOOLEANS = /^(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** Follows an alias to the node it names. */
function resolveNode(doc, node) {
    return (0,dist/* isAlias */.Vj)(node) ? (node.resolve(doc) ?? node) : node;
}
function describeScalar(node) {
    return node.type === 'PLAIN' ? String(node.source ?? node.value) : JSON.stringify(node.value);
}
function yaml11Warning(node) {
    const text = String(node.value);
    const result = { ok: true, value: text };
    if (node.type === 'PLAIN' && YAML11_BOOLEANS.test(text)) {
        result.warning = {
            rule: 'yaml11-boolean',
            message: `"${text}" is read as the text "${text}", not as a boolean (YAML 1.2).`,
        };
    }
    return result;
}
/** Reads a cell of a column that is not typed per row. */
function convertCell(column, node) {
    if ((0,dist/* isCollection */.P3)(node)) {
        return {
            ok: false,
            rule: 'value-type',
            message: `"${column.name}" is a ${column.type} column; a ${isMapLike(node) ? 'map' : 'list'} is only allowed where typedBy says json.`,
        };
    }
    if (!(0,dist/* isScalar */.jn)(node))
        return { ok: false, rule: 'value-type', message: `"${column.name}" needs a ${column.type}.` };
    const raw = node.value;
    const shown = describeScalar(node);
    switch (column.type) {
        case 'string':
            if (typeof raw === 'string')
                return yaml11Warning(node);
            return {
                ok: false,
                rule: 'value-type',
                message: `"${column.name}" is a string column, but ${shown} is read as a ${typeof raw}.`,
                hint: `Quote it: "${shown}".`,
            };
        case 'integer':
            return numericCell(column, raw, shown, Number.isSafeInteger, 'a whole number');
        case 'number':
            return numericCell(column, raw, shown, Number.isFinite, 'a finite number');
        case 'boolean':
            if (typeof raw === 'boolean')
                return { ok: true, value: raw };
            return {
                ok: false,
                rule: 'value-type',
                message: `"${column.name}" is a boolean column; ${shown} is not true or false.`,
                hint: YAML11_BOOLEANS.test(String(raw)) || /^(true|false)$/i.test(String(raw))
                    ? 'Write true or false without quotes (YAML 1.2 reads yes/no/on/off as text).'
                    : 'Write true or false.',
            };
    }
}
/** An integer or number cell: a YAML number that passes `isValid`; quoted digits get a hint. */
function numericCell(column, raw, shown, isValid, expected) {
    if (typeof raw === 'number' && isValid(raw))
        return { ok: true, value: raw };
    const kind = `"${column.name}" is ${column.type === 'integer' ? 'an' : 'a'} ${column.type} column`;
    if (typeof raw === 'string' && raw.trim() !== '' && isValid(Number(raw))) {
        return {
            ok: false,
            rule: 'value-type',
            message: `${kind}, but "${raw}" is quoted text.`,
            hint: `Write ${raw.trim()} without quotes.`,
        };
    }
    return { ok: false, rule: 'value-type', message: `${kind}; ${shown} is not ${expected}.` };
}
function isMapLike(node) {
    return ('items' in node &&
        node.items.some((item) => item && typeof item === 'object' && 'key' in item));
}
/**
 * Reads a cell of a string column typed per row (`typedBy`): the stored value is text, so a
 * YAML number or boolean becomes its text, and a YAML map or list (kind json) compact JSON.
 */
function convertTyped(column, kind, node, doc) {
    if (kind === 'json') {
        if ((0,dist/* isCollection */.P3)(node))
            return { ok: true, value: JSON.stringify(node.toJSON(doc)) };
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string') {
            try {
                return { ok: true, value: JSON.stringify(JSON.parse(node.value)) };
            }
            catch (error) {
                return {
                    ok: false,
                    rule: 'json-value-invalid',
                    message: `"${column}" is typed json here, but the text is not JSON: ${error.message}.`,
                };
            }
        }
        if ((0,dist/* isScalar */.jn)(node))
            return { ok: true, value: JSON.stringify(node.value) };
        return {
            ok: false,
            rule: 'json-value-invalid',
            message: `"${column}" is typed json here; write a YAML map or list, or JSON text.`,
        };
    }
    if ((0,dist/* isCollection */.P3)(node) || !(0,dist/* isScalar */.jn)(node)) {
        return {
            ok: false,
            rule: 'typed-value',
            message: `"${column}" is typed ${kind} here; a map or list is only allowed for json.`,
        };
    }
    const raw = node.value;
    const shown = describeScalar(node);
    switch (kind) {
        case 'string':
            if (typeof raw === 'string')
                return yaml11Warning(node);
            return {
                ok: false,
                rule: 'typed-value',
                message: `"${column}" is typed string here, but ${shown} is read as a ${typeof raw}.`,
                hint: `Quote it: "${shown}".`,
            };
        case 'integer': {
            const text = typeof raw === 'number' ? String(node.source ?? raw) : String(raw).trim();
            if (/^[-+]?\d+$/.test(text) && Number.isSafeInteger(Number(text)))
                return { ok: true, value: String(Number(text)) };
            return {
                ok: false,
                rule: 'typed-value',
                message: `"${column}" is typed integer here; ${shown} is not a whole number.`,
            };
        }
        case 'number': {
            const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
            if (Number.isFinite(number))
                return { ok: true, value: typeof raw === 'string' ? raw.trim() : String(node.source ?? raw) };
            return {
                ok: false,
                rule: 'typed-value',
                message: `"${column}" is typed number here; ${shown} is not a finite number.`,
            };
        }
        case 'boolean':
            if (typeof raw === 'boolean')
                return { ok: true, value: String(raw) };
            if (raw === 'true' || raw === 'false')
                return { ok: true, value: raw };
            return {
                ok: false,
                rule: 'typed-value',
                message: `"${column}" is typed boolean here; ${shown} is not true or false.`,
            };
        default:
            return {
                ok: false,
                rule: 'typed-value',
                message: `"${column}" is typed ${JSON.stringify(kind)} here, which is not a kind.`,
            };
    }
}
/** Checks enum, length, range and pattern; returns the broken rule, if any. */
function checkConstraints(column, value) {
    const name = `"${column.name}"`;
    if (column.enum && !column.enum.some((allowed) => allowed === value)) {
        return {
            rule: 'value-enum',
            message: `${name} must be one of ${column.enum.map((item) => JSON.stringify(item)).join(', ')}; got ${JSON.stringify(value)}.`,
        };
    }
    if (typeof value === 'string') {
        const length = [...value].length;
        if (column.minLength !== undefined && length < column.minLength) {
            return {
                rule: 'value-length',
                message: `${name} is ${length} characters long; at least ${column.minLength} are required.`,
            };
        }
        if (column.maxLength !== undefined && length > column.maxLength) {
            return {
                rule: 'value-length',
                message: `${name} is ${length} characters long; at most ${column.maxLength} are allowed.`,
            };
        }
        // A pattern that cannot be compiled is the column's finding, reported once; rows skip it.
        const pattern = column.pattern === undefined ? undefined : usablePattern(column.pattern);
        if (pattern !== undefined && !pattern.test(value)) {
            return { rule: 'value-pattern', message: `${name} does not match the pattern ${column.pattern}.` };
        }
    }
    if (typeof value === 'number') {
        if (column.minimum !== undefined && value < column.minimum) {
            return { rule: 'value-range', message: `${name} is ${value}; the minimum is ${column.minimum}.` };
        }
        if (column.maximum !== undefined && value > column.maximum) {
            return { rule: 'value-range', message: `${name} is ${value}; the maximum is ${column.maximum}.` };
        }
    }
    return undefined;
}
function usablePattern(source) {
    try {
        return (0,patterns/* compilePattern */.Eb)(source);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/config/guard.ts
var guard = __webpack_require__(47654);
;// CONCATENATED MODULE: ./src/config/columns.ts







/**
 * Reads the `columns:` map (already shaped by the JSON Schema) into column specs, and checks
 * what the schema cannot: settings that contradict the type, typedBy targets, managed columns,
 * the reserved `key` name and credential-like names.
 */
function readColumns(source, raw, table) {
    const findings = [];
    const columnsNode = source.doc.contents.get('columns', true);
    const positionOfColumn = (name) => {
        const pair = (0,dist/* isMap */.jh)(columnsNode)
            ? columnsNode.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === name)
            : undefined;
        return (0,yaml_source/* positionOf */.df)(source, pair?.key ?? columnsNode);
    };
    const columns = Object.entries(raw).map(([name, spec]) => ({
        name,
        type: spec.type,
        title: spec.title,
        description: spec.description,
        required: spec.required ?? false,
        enum: spec.enum,
        minLength: spec.minLength,
        maxLength: spec.maxLength,
        minimum: spec.minimum,
        maximum: spec.maximum,
        pattern: spec.pattern,
        default: spec.default,
        typedBy: spec.typedBy,
        managed: spec.managed,
        allow: spec.allow ?? [],
        position: positionOfColumn(name),
    }));
    const byName = new Map(columns.map((column) => [column.name, column]));
    const report = (rule, column, message) => findings.push((0,config_findings/* finding */.gk)(rule, source.file, column.position, message, { table, field: column.name }));
    for (const column of columns) {
        if (column.name === 'key') {
            report('column-reserved-key', column, 'The column name "key" is reserved for the key column.');
            continue;
        }
        if ((0,guard/* isSensitiveName */.eq)(column.name) && !column.allow.includes('secret-name')) {
            report('secret-name', column, `The column name "${column.name}" suggests it holds credentials.`);
        }
        for (const problem of contradictions(column))
            report('column-invalid', column, problem);
        if (column.managed === 'version' && column.type !== 'integer') {
            report('managed-column-type', column, `"${column.name}" is managed as a version, so it must be an integer column.`);
        }
        if (column.managed === 'actor' && column.type !== 'string') {
            report('managed-column-type', column, `"${column.name}" is managed as an actor, so it must be a string column.`);
        }
        if (column.typedBy !== undefined) {
            const problem = typedByProblem(column, byName.get(column.typedBy));
            if (problem)
                report('typedby-invalid', column, problem);
        }
    }
    return { columns, findings };
}
function contradictions(column) {
    const problems = [];
    const name = `"${column.name}"`;
    const isString = column.type === 'string';
    const isNumeric = column.type === 'integer' || column.type === 'number';
    if (!isString &&
        (column.minLength !== undefined || column.maxLength !== undefined || column.pattern !== undefined)) {
        problems.push(`${name} is a ${column.type} column; minLength, maxLength and pattern apply to strings only.`);
    }
    if (!isNumeric && (column.minimum !== undefined || column.maximum !== undefined)) {
        problems.push(`${name} is a ${column.type} column; minimum and maximum apply to numbers only.`);
    }
    if (column.minLength !== undefined &&
        column.maxLength !== undefined &&
        column.minLength > column.maxLength) {
        problems.push(`${name} has minLength ${column.minLength} above maxLength ${column.maxLength}.`);
    }
    // YAML reads 1e400 as Infinity: a limit must be a number the service can store.
    for (const setting of ['minLength', 'maxLength', 'minimum', 'maximum']) {
        const value = column[setting];
        if (value === undefined)
            continue;
        const safe = setting.endsWith('Length')
            ? Number.isSafeInteger(value)
            : Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
        if (!safe)
            problems.push(`${name} has ${setting} ${String(value)}, which is outside the safe range (at most ${Number.MAX_SAFE_INTEGER}).`);
    }
    if (column.minimum !== undefined && column.maximum !== undefined && column.minimum > column.maximum) {
        problems.push(`${name} has minimum ${column.minimum} above maximum ${column.maximum}.`);
    }
    const patternTrouble = column.pattern === undefined ? undefined : (0,patterns/* patternProblem */.AL)(column.pattern);
    if (patternTrouble)
        problems.push(`${name} has a pattern that ${patternTrouble}`);
    const fits = (value) => (column.type === 'string' && typeof value === 'string') ||
        (column.type === 'boolean' && typeof value === 'boolean') ||
        (column.type === 'integer' && typeof value === 'number' && Number.isSafeInteger(value)) ||
        (column.type === 'number' && typeof value === 'number' && Number.isFinite(value));
    for (const value of column.enum ?? []) {
        if (!fits(value))
            problems.push(`${name} lists ${JSON.stringify(value)} in its enum, which is not a ${column.type}.`);
    }
    if (column.default !== undefined) {
        if (!fits(column.default))
            problems.push(`${name} has the default ${JSON.stringify(column.default)}, which is not a ${column.type}.`);
        else if (problems.length === 0) {
            const broken = checkConstraints(column, column.default);
            if (broken)
                problems.push(`The default of ${name} breaks its own settings: ${broken.message}`);
        }
    }
    if (column.managed !== undefined && (column.required || column.default !== undefined)) {
        problems.push(`${name} is managed; it cannot also be required or have a default.`);
    }
    return problems;
}
function typedByProblem(column, target) {
    const name = `"${column.name}"`;
    if (column.type !== 'string')
        return `${name} is typed per row, so it must be a string column (values are stored as text).`;
    if (!target)
        return `${name} is typed by "${column.typedBy}", which is not a column of this table.`;
    if (target.name === column.name)
        return `${name} cannot be typed by itself.`;
    if (target.type !== 'string')
        return `${name} is typed by "${target.name}", which must be a string column.`;
    const kinds = target.enum ?? [];
    const unknown = kinds.filter((kind) => !types/* VALUE_KINDS */.wW.includes(kind));
    if (kinds.length === 0)
        return `"${target.name}" types ${name}, so it needs an enum of kinds (e.g. [string, integer, number, boolean, json]).`;
    if (unknown.length > 0)
        return `"${target.name}" types ${name}; its enum may only list ${types/* VALUE_KINDS */.wW.join(', ')} (not ${unknown.map((kind) => JSON.stringify(kind)).join(', ')}).`;
    if (target.default !== undefined && !types/* VALUE_KINDS */.wW.includes(target.default))
        return `"${target.name}" types ${name}; its default ${JSON.stringify(target.default)} is not a kind (use one of ${types/* VALUE_KINDS */.wW.join(', ')}).`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/config/row-entries.ts



const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const UNSAFE_KEY_CHARS = /[/?#%\\]/;
/** The rows with their keys, from either form. */
function rowEntries(source, rowsNode, keyTitle, report) {
    const entries = [];
    // With the default prune: true, a table read as empty deletes every live row: an empty table
    // must be said explicitly, never inferred from a null, a scalar or an alias.
    if ((0,dist/* isAlias */.Vj)(rowsNode) || (!(0,dist/* isMap */.jh)(rowsNode) && !(0,dist/* isSeq */.oP)(rowsNode))) {
        const position = rowsNode ? (0,yaml_source/* positionOf */.df)(source, rowsNode) : { line: 1, column: 1 };
        const what = (0,dist/* isAlias */.Vj)(rowsNode)
            ? 'an alias'
            : (0,dist/* isScalar */.jn)(rowsNode) && rowsNode.value !== null
                ? `the ${typeof rowsNode.value} ${JSON.stringify(rowsNode.value)}`
                : 'empty';
        report('rows-invalid', position, `"rows" is ${what}; it must be a map of key → row or a list of rows written out here.`, undefined, 'rows', 'For a table that is meant to be empty, write "rows: {}" (with prune: true that deletes every live row).');
        return entries;
    }
    if ((0,dist/* isMap */.jh)(rowsNode)) {
        for (const pair of rowsNode.items) {
            const keyNode = pair.key;
            const position = (0,yaml_source/* positionOf */.df)(source, keyNode);
            // A plain key such as 007 or 1e3 is a number to YAML; the key is the text as written.
            const key = (0,dist/* isScalar */.jn)(keyNode)
                ? keyNode.type === 'PLAIN' && keyNode.source !== undefined
                    ? keyNode.source
                    : String(keyNode.value)
                : undefined;
            if (key === undefined) {
                report('key-missing', position, 'A row key must be a plain value, not a map or a list.');
                continue;
            }
            const value = pair.value === null ? null : resolveNode(source.doc, pair.value);
            if (value !== null && !(0,dist/* isMap */.jh)(value) && !((0,dist/* isScalar */.jn)(value) && value.value === null)) {
                report('row-not-map', (0,yaml_source/* positionOf */.df)(source, value), `Row "${key}" must be a map of column → value.`, key);
                continue;
            }
            entries.push({ key, keyPosition: position, pairs: (0,dist/* isMap */.jh)(value) ? value.items : [] });
        }
    }
    else if ((0,dist/* isSeq */.oP)(rowsNode)) {
        for (const item of rowsNode.items) {
            const row = resolveNode(source.doc, item);
            const position = (0,yaml_source/* positionOf */.df)(source, row);
            if (!(0,dist/* isMap */.jh)(row)) {
                report('row-not-map', position, 'Each row in the list must be a map of column → value.');
                continue;
            }
            const pairs = row.items;
            const keyPairs = pairs.filter((pair) => (0,dist/* isScalar */.jn)(pair.key) && (pair.key.value === 'key' || pair.key.value === keyTitle));
            if (keyPairs.length === 0) {
                report('key-missing', position, `The row has no key: give it "key:"${keyTitle !== 'key' ? ` or "${keyTitle}:"` : ''}.`);
                continue;
            }
            if (keyPairs.length > 1) {
                report('key-duplicate', (0,yaml_source/* positionOf */.df)(source, keyPairs[1].key), `The row gives its key twice, under "key" and under "${keyTitle}".`);
                continue;
            }
            const keyValue = keyPairs[0].value;
            const key = (0,dist/* isScalar */.jn)(keyValue) && keyValue.value !== null
                ? keyValue.type === 'PLAIN' && keyValue.source !== undefined
                    ? keyValue.source
                    : String(keyValue.value)
                : undefined;
            if (key === undefined) {
                report('key-missing', (0,yaml_source/* positionOf */.df)(source, keyValue ?? keyPairs[0].key), "The row's key must be a plain value.");
                continue;
            }
            entries.push({
                key,
                keyPosition: (0,yaml_source/* positionOf */.df)(source, keyValue),
                pairs: pairs.filter((pair) => pair !== keyPairs[0]),
            });
        }
    }
    return entries;
}
function checkKey(key, position, seen, context, report) {
    if (key === '') {
        report('key-empty', position, 'The row key is empty.');
        return false;
    }
    const printable = JSON.stringify(key);
    if (CONTROL_CHARS.test(key)) {
        report('key-control-chars', position, `The row key ${printable} contains control characters.`, key);
        return false;
    }
    if (UNSAFE_KEY_CHARS.test(key)) {
        report('key-unsafe-chars', position, `The row key ${printable} contains / ? # % or \\, which are unsafe in row URLs.`, key);
        return false;
    }
    // Counted in code points, which never outnumber UTF-16 units: most keys need no count.
    if (key.length > context.limits.maxKeyLength && [...key].length > context.limits.maxKeyLength) {
        report('key-too-long', position, `The row key is ${[...key].length} characters long; at most ${context.limits.maxKeyLength} are allowed.`, key);
        return false;
    }
    const first = seen.get(key);
    if (first) {
        report('key-duplicate', position, `The key "${key}" is used twice (first at line ${first.line}).`, key);
        return false;
    }
    seen.set(key, position);
    return true;
}

;// CONCATENATED MODULE: ./src/config/row-read.ts





/** Reads one row whose key passed its checks: its key and cells through every rule. */
function readRow(reader, entry) {
    const { context } = reader;
    const key = entry.key;
    const row = {
        key,
        cells: {},
        cellPositions: {},
        nodes: new Map(),
        guarded: new Set(),
        allowed: (rule, column) => column?.allow.includes(rule) ||
            context.allow.some((allowance) => allowance.key === key &&
                (allowance.column === undefined || allowance.column === column?.name) &&
                allowance.rules.includes(rule)),
    };
    guardKey(reader, row, entry.keyPosition);
    collectNodes(reader, row, entry);
    convertCells(reader, row);
    checkEnvironment(reader, row, entry.keyPosition);
    checkValues(reader, row, entry.keyPosition);
    const bytes = rowBytesOver(key, row.cells, context.limits.maxRowBytes);
    if (bytes !== undefined) {
        reader.report('row-too-large', entry.keyPosition, `Row "${key}" is ${bytes} bytes as JSON; at most ${context.limits.maxRowBytes} are accepted.`, key);
    }
    // Cells in column order, whatever order they were read in.
    const ordered = {};
    for (const column of context.columns)
        if (row.cells[column.name] !== undefined)
            ordered[column.name] = row.cells[column.name];
    return { key, cells: ordered, position: entry.keyPosition, cellPositions: row.cellPositions };
}
/** A row key that names or looks like a credential or personal data. */
function guardKey(reader, row, position) {
    const { key } = row;
    if ((0,guard/* isSensitiveName */.eq)(key) && !row.allowed('secret-name')) {
        reader.report('secret-name', position, `The row key "${key}" suggests the row holds credentials.`, key);
    }
    for (const match of (0,guard/* detectSensitive */.CP)(key)) {
        if (!row.allowed(match.rule))
            reader.report(match.rule, position, `The row key looks like ${match.what}: ${(0,guard/* maskValue */.QS)(key)}.`, key);
    }
}
/** The value node of every cell the row sets; unknown and managed columns reported. */
function collectNodes(reader, row, entry) {
    const { source, report } = reader;
    const { key } = row;
    for (const pair of entry.pairs) {
        const name = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
        const position = (0,yaml_source/* positionOf */.df)(source, pair.key);
        const column = reader.columns.get(name);
        if (!column) {
            report('row-unknown-column', position, `Row "${key}" sets "${name}", which is not a column of the table.`, key, name);
        }
        else if (column.managed) {
            report('row-managed-column', position, `Row "${key}" sets "${name}", which each deploy stamps (${column.managed}).`, key, name);
        }
        else if (pair.value !== null && !((0,dist/* isScalar */.jn)(pair.value) && pair.value.value === null)) {
            row.nodes.set(name, {
                node: resolveNode(source.doc, pair.value),
                position: (0,yaml_source/* positionOf */.df)(source, pair.value),
            });
        }
    }
}
/**
 * Converts the cells: plain columns first, since typedBy columns read their kind from them;
 * json values are checked against their value schema.
 */
function convertCells(reader, row) {
    const { context, report } = reader;
    const { key } = row;
    for (const column of context.columns) {
        const cell = row.nodes.get(column.name);
        if (cell?.node && column.typedBy === undefined)
            acceptCell(reader, row, column, convertCell(column, cell.node), cell.position);
    }
    for (const column of context.columns) {
        const cell = row.nodes.get(column.name);
        if (!cell?.node || column.typedBy === undefined)
            continue;
        const kindColumn = reader.columns.get(column.typedBy);
        const kind = row.cells[column.typedBy] ?? kindColumn?.default ?? 'string';
        if (!types/* VALUE_KINDS */.wW.includes(kind)) {
            // The kind column's own check reports the value; the typed cell cannot be read without it.
            report('typed-value', cell.position, `Row "${key}": "${column.name}" is typed by "${column.typedBy}", whose value ${JSON.stringify(kind)} is not a kind; use one of ${types/* VALUE_KINDS */.wW.join(', ')}.`, key, column.name);
            continue;
        }
        const converted = convertTyped(column.name, kind, cell.node, reader.source.doc);
        acceptCell(reader, row, column, converted, cell.position);
        if (converted.ok && kind === 'json' && !row.guarded.has(column.name)) {
            const problem = reader.schemas.check(key, String(converted.value));
            if (problem)
                report('json-value-schema', cell.position, `Row "${key}", column "${column.name}": ${problem}`, key, column.name);
        }
    }
}
/** Takes a converted cell into the row, or reports why not (its value masked if sensitive). */
function acceptCell(reader, row, column, converted, position) {
    const { report } = reader;
    const { key } = row;
    if (!converted.ok) {
        report(converted.rule, position, `Row "${key}": ${converted.message}`, key, column.name, converted.hint);
        return;
    }
    if (typeof converted.value === 'string') {
        const matches = (0,guard/* detectSensitive */.CP)(converted.value).filter((match) => !row.allowed(match.rule, column));
        for (const match of matches) {
            report(match.rule, position, `Row "${key}", column "${column.name}" looks like ${match.what}: ${(0,guard/* maskValue */.QS)(converted.value)}.`, key, column.name);
        }
        if (matches.length > 0) {
            row.guarded.add(column.name);
            return;
        }
    }
    if (converted.warning)
        report(converted.warning.rule, position, `Row "${key}": ${converted.warning.message}`, key, column.name);
    row.cells[column.name] = converted.value;
    row.cellPositions[column.name] = position;
}
/** The file's environment: given to rows that leave it out, and required of those that give it. */
function checkEnvironment(reader, row, keyPosition) {
    const { context } = reader;
    const environmentColumn = reader.columns.get('environment');
    if (context.environment === undefined ||
        !environmentColumn ||
        environmentColumn.managed ||
        row.guarded.has('environment'))
        return;
    if (row.cells.environment === undefined && !row.nodes.has('environment')) {
        row.cells.environment = context.environment;
    }
    else if (row.cells.environment !== undefined && row.cells.environment !== context.environment) {
        reader.report('row-environment-mismatch', row.cellPositions.environment ?? keyPosition, `Row "${row.key}" says environment "${String(row.cells.environment)}", but the file is bound to "${context.environment}".`, row.key, 'environment');
    }
}
/** Required columns given, and every value within its column's constraints. */
function checkValues(reader, row, keyPosition) {
    const { key } = row;
    for (const column of reader.context.columns) {
        const value = row.cells[column.name];
        if (value === undefined) {
            if (column.required && !row.nodes.has(column.name) && !row.guarded.has(column.name)) {
                reader.report('value-required', keyPosition, `Row "${key}" has no value for the required column "${column.name}".`, key, column.name);
            }
            continue;
        }
        const broken = checkConstraints(column, value);
        if (broken)
            reader.report(broken.rule, row.cellPositions[column.name] ?? keyPosition, `Row "${key}": ${broken.message}`, key, column.name);
    }
}
/**
 * The row's size as JSON in UTF-8 bytes when it is over the limit, else undefined. Measured
 * only when it could be: a JSON text takes at most 6 bytes per UTF-16 unit of its strings
 * (\u001f; a non-ASCII character takes 3 bytes, a surrogate pair 4), so a bound from the
 * lengths settles most rows without writing them.
 */
function rowBytesOver(key, cells, limit) {
    let bound = 8 + 6 * key.length;
    for (const name in cells)
        bound += 6 * name.length + 6 * String(cells[name]).length + 4;
    if (bound <= limit)
        return undefined;
    const bytes = Buffer.byteLength(JSON.stringify({ key, ...cells }));
    return bytes > limit ? bytes : undefined;
}

;// CONCATENATED MODULE: ./src/config/rows.ts





/**
 * Reads `rows:` (a map keyed by key, or a list of rows) into desired rows, checking every key
 * and cell. Cells that trip the secret guard are reported without their value and not checked
 * further, so no other message can echo them.
 */
function readRows(source, context) {
    const findings = [];
    const report = (rule, position, message, key, field, hint) => findings.push((0,config_findings/* finding */.gk)(rule, source.file, position, message, {
        table: context.table,
        key,
        field,
        ...(hint ? { hint } : {}),
    }));
    const rowsNode = source.doc.contents.get('rows', true);
    const entries = rowEntries(source, rowsNode, context.keyTitle, report);
    const columns = new Map(context.columns.map((column) => [column.name, column]));
    const schemas = new ValueSchemas(context.valueSchemas, (key, problem) => {
        const root = source.doc.contents;
        const schemasNode = root.get('valueSchemas', true);
        const node = schemasNode?.get(key, true) ?? schemasNode ?? root;
        report('value-schema-invalid', (0,yaml_source/* positionOf */.df)(source, node), `The JSON Schema under valueSchemas."${key}" ${problem}`);
    });
    schemas.compileAll();
    const seen = new Map();
    const rows = [];
    const reader = { source, context, columns, schemas, report };
    for (const entry of entries) {
        if (entry.key === undefined)
            continue;
        if (!checkKey(entry.key, entry.keyPosition, seen, context, report))
            continue;
        rows.push(readRow(reader, entry));
    }
    if (entries.length > context.limits.maxRows) {
        report('limit-rows', (0,yaml_source/* positionOf */.df)(source, rowsNode), `The table has ${entries.length} rows; at most ${context.limits.maxRows} are allowed.`);
    }
    return { rows, findings };
}

;// CONCATENATED MODULE: ./src/config/load.ts







/**
 * Loads one config file from its bytes: YAML hazards, then the JSON Schema, then the column and
 * row rules. Pure: no I/O, no clock. A file whose YAML or structure is broken yields findings
 * only, since later rules would only repeat the damage.
 */
function loadConfig(file, bytes, options = yaml_source/* DEFAULT_LOAD_OPTIONS */.wC) {
    const source = (0,yaml_source/* parseYamlSource */.WF)(file, bytes, options);
    if (Array.isArray(source))
        return { findings: source };
    const value = source.value;
    const structure = (0,config_structure/* checkStructure */.w)(source, value);
    if (structure.length > 0)
        return { findings: structure };
    const raw = value;
    const root = source.doc.contents;
    const identity = root.get(raw.table !== undefined ? 'table' : 'table_id', true) ?? root;
    const table = raw.table ?? `id ${raw.table_id}`;
    const limits = { ...types/* DEFAULT_LIMITS */.dR, ...raw.limits };
    if (raw.delete === true)
        return tombstone(source, raw, limits, (0,yaml_source/* positionOf */.df)(source, identity));
    const keyTitle = raw.key?.title ?? 'key';
    const { columns, findings } = readColumns(source, raw.columns, table);
    if (columns.length + 1 > limits.maxColumns) {
        const columnsNode = root.get('columns', true);
        findings.push((0,config_findings/* finding */.gk)('limit-columns', file, (0,yaml_source/* positionOf */.df)(source, (0,dist/* isMap */.jh)(columnsNode) ? columnsNode : root), `The table has ${columns.length + 1} columns with the key; at most ${limits.maxColumns} are allowed.`, { table }));
    }
    const rows = readRows(source, {
        table,
        columns,
        keyTitle,
        environment: raw.environment,
        limits,
        valueSchemas: raw.valueSchemas ?? {},
        allow: raw.allow ?? [],
    });
    const config = {
        file,
        table: { name: raw.table, id: raw.table_id },
        description: raw.description,
        division: raw.division,
        environment: raw.environment,
        keyTitle,
        keyDescription: raw.key?.description,
        prune: raw.prune ?? true,
        limits,
        columns,
        valueSchemas: raw.valueSchemas ?? {},
        allow: raw.allow ?? [],
        rows: rows.rows,
        position: (0,yaml_source/* positionOf */.df)(source, identity),
    };
    return { config, findings: [...findings, ...rows.findings] };
}
/**
 * A tombstone (`delete: true`): the table is to be deleted, so the file holds no columns or
 * rows; where it does, the author may not mean to delete it, and that is a finding.
 */
function tombstone(source, raw, limits, position) {
    const root = source.doc.contents;
    const table = raw.table ?? `id ${raw.table_id}`;
    const findings = ['columns', 'rows']
        .filter((name) => raw[name] !== undefined)
        .map((name) => (0,config_findings/* finding */.gk)('tombstone-content', source.file, (0,yaml_source/* positionOf */.df)(source, root.items.find((pair) => (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === name)?.key ?? root), `"delete: true" deletes table ${table}, but the file also has "${name}".`, { table }));
    const config = {
        file: source.file,
        table: { name: raw.table, id: raw.table_id },
        description: raw.description,
        division: raw.division,
        environment: raw.environment,
        keyTitle: 'key',
        prune: false,
        limits,
        columns: [],
        valueSchemas: {},
        allow: [],
        rows: [],
        position,
        delete: true,
    };
    return { config, findings };
}

;// CONCATENATED MODULE: ./src/config/validate.ts






/**
 * Finds the config files, loads each, and checks what spans files: two files for one table.
 * Makes no API call.
 */
async function validateConfigFiles(patterns, options) {
    const fs = options.fs ?? nodeFileSystem;
    const wanted = patterns.length > 0 ? patterns : [DEFAULT_CONFIG_GLOB];
    const { files, unmatched, emptyDirectories } = await discoverConfigFiles(wanted, options.cwd, fs);
    const findings = [];
    const start = { line: 1, column: 1 };
    if (files.length === 0 && emptyDirectories.length > 0 && unmatched.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${emptyDirectories.map((pattern) => `"${pattern}"`).join(', ')} ${emptyDirectories.length > 1 ? 'are directories' : 'is a directory'} with no .yml or .yaml file under it (in ${options.cwd}).`, 'Give the directory that holds the config files, or a glob such as "datatables/**/*.yaml".');
    }
    if (files.length === 0) {
        throw new errors/* ConfigurationError */.j1(`No config files match ${wanted.map((pattern) => `"${pattern}"`).join(', ')} (in ${options.cwd}).`, `Check the --config globs, or put files under ${DEFAULT_CONFIG_GLOB}.`);
    }
    for (const pattern of unmatched) {
        findings.push((0,config_findings/* finding */.gk)('no-config-files', pattern, start, `"${pattern}" matches no file.`));
    }
    for (const pattern of emptyDirectories) {
        findings.push((0,config_findings/* finding */.gk)('no-config-files', pattern, start, `"${pattern}" is a directory with no .yml or .yaml file under it.`));
    }
    const configs = [];
    for (const file of files) {
        let bytes;
        try {
            bytes = await fs.readFile(file, options.cwd);
        }
        catch (error) {
            findings.push((0,config_findings/* finding */.gk)('file-unreadable', file, start, `The file cannot be read: ${(0,errors/* fileProblem */.Wj)(error).reason}.`));
            continue;
        }
        const loaded = loadConfig(file, bytes, options.load ?? yaml_source/* DEFAULT_LOAD_OPTIONS */.wC);
        // Not push(...findings): a file can have more findings than a call can take arguments.
        for (const item of loaded.findings)
            findings.push(item);
        if (loaded.config)
            configs.push(loaded.config);
    }
    findings.push(...duplicateTables(configs));
    return { files, configs, findings: (0,config_findings/* sortFindings */.Tc)(findings) };
}
/** Table names are unique in an org regardless of case, so two files must not share one. */
function duplicateTables(configs) {
    const findings = [];
    const seen = new Map();
    for (const config of configs) {
        const identity = config.table.id !== undefined
            ? `id:${config.table.id.toLowerCase()}`
            : `name:${config.table.name.toLowerCase()}`;
        const first = seen.get(identity);
        if (first) {
            findings.push((0,config_findings/* finding */.gk)('table-duplicate', config.file, config.position, `Table ${(0,types/* tableLabel */.Fr)(config)} is also defined in ${first.file} (line ${first.position.line}).`, {
                table: (0,types/* tableLabel */.Fr)(config),
            }));
        }
        else {
            seen.set(identity, config);
        }
    }
    return findings;
}

// EXTERNAL MODULE: ./src/plan/plan-configs.ts
var plan_configs = __webpack_require__(59957);
// EXTERNAL MODULE: ./src/policy/policy.ts + 1 modules
var policy = __webpack_require__(32310);
;// CONCATENATED MODULE: ./src/policy/local-policy.ts





/**
 * The policy for the CLI: the file named (which must exist), else the repository's policy file
 * under the working directory when there is one, else the built-in defaults.
 */
async function readLocalPolicy(cwd, named) {
    const path = resolve(cwd, named ?? POLICY_PATH);
    let bytes;
    try {
        bytes = await readFile(path);
    }
    catch (error) {
        if (named === undefined && error.code === 'ENOENT')
            return (environment) => policyFor(undefined, environment, 'built-in defaults');
        throw new ConfigurationError(`The policy file ${named ?? POLICY_PATH} cannot be read (${fileProblem(error).reason}).`, 'Check the --policy path.');
    }
    const label = named ?? POLICY_PATH;
    const file = parsePolicy(label, bytes);
    return (environment) => policyFor(file, environment, label);
}
/**
 * The findings of the policy file named, or of the repository's when there is one (validate):
 * reported like a config file's, each at its line and column.
 */
async function localPolicyFindings(cwd, named) {
    const file = named ?? policy/* POLICY_PATH */.l$;
    let bytes;
    try {
        bytes = await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, file));
    }
    catch (error) {
        if (named === undefined && error.code === 'ENOENT')
            return { findings: [], files: [] };
        const unreadable = (0,config_findings/* finding */.gk)('file-unreadable', file, { line: 1, column: 1 }, `The policy file cannot be read (${(0,errors/* fileProblem */.Wj)(error).reason}).`);
        return { findings: [unreadable], files: [file] };
    }
    return { findings: (0,policy/* policyFindings */.Js)(file, bytes).findings, files: [file] };
}

// EXTERNAL MODULE: ./src/plan/display.ts
var display = __webpack_require__(5116);
;// CONCATENATED MODULE: ./src/action/findings-summary.ts

/** Rows shown in the job summary; the annotations carry every finding. */
const SHOWN = 50;
/**
 * The job summary of a run whose config or policy files are not valid: what is wrong, where,
 * and the fix, so that the run page says more than "see the annotations".
 */
function findingsSummary(findings) {
    const errors = findings.filter((item) => item.severity === 'error').length;
    const warnings = findings.length - errors;
    const lines = [
        '## datatable-deploy: the files are not valid',
        '',
        `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}; nothing was planned or written. Fix them and push again (\`datatable-deploy validate\` shows the same locally).`,
        '',
        '| where | rule | problem | fix |',
        '| --- | --- | --- | --- |',
    ];
    for (const item of findings.slice(0, SHOWN)) {
        const cells = [
            `${item.file}:${item.line}:${item.column}`,
            `${item.severity === 'error' ? '❌' : '⚠️'} ${item.rule}`,
            item.message,
            item.hint ?? '',
        ];
        lines.push(`| ${cells.map(tableCell).join(' | ')} |`);
    }
    if (findings.length > SHOWN)
        lines.push('', `…and ${findings.length - SHOWN} more in the annotations.`);
    return `${lines.join('\n')}\n`;
}
/** Escaped for a markdown table cell: no pipe or newline may end the cell early. */
const tableCell = (text) => (0,display/* htmlText */.js)(text).replace(/\|/g, '&#124;').replace(/\r?\n/g, ' ');

;// CONCATENATED MODULE: ./src/action/planning.ts







const DEFAULT_CONFIG = ['datatables/**/*.{yml,yaml}'];
/**
 * Validates the config files and the checked-out policy file, and checks the configs against
 * the consumer contracts (as they are in the checkout: a consumer changes with its config),
 * annotating every finding;
 * `undefined` when they are invalid.
 */
async function validateForAction(context) {
    const result = await validateConfigFiles(context.settings.config.length > 0 ? context.settings.config : DEFAULT_CONFIG, { cwd: context.run.workspace });
    const policy = await localPolicyFindings(context.run.workspace, undefined);
    const contracts = await contractFindings(result.configs, {
        cwd: context.run.workspace,
        patterns: context.settings.contracts,
    });
    const findings = [...result.findings, ...policy.findings, ...contracts.findings];
    for (const item of findings)
        context.io.annotate(item);
    if ((0,config_findings/* hasErrors */.Cs)(findings)) {
        await context.io.summary(findingsSummary(findings));
        return undefined;
    }
    return result;
}
/**
 * Validates the config files, then plans them under the policy of their environment (the
 * input, else the one the files bind to). `undefined` when the files are not valid.
 */
async function planForAction(context, source) {
    const validation = await validateForAction(context);
    if (!validation)
        return undefined;
    const policy = source.of((0,plan_configs/* environmentOf */.p7)(validation.configs, context.settings.environment));
    // Kept for a deploy in this run: the plan's read is its stale-plan guard and backup.
    const planRead = { tables: [], readAt: clock/* systemClock */.m.now() };
    const plan = await (0,plan_configs/* planConfigs */.p8)(validation.configs, context.genesys(), {
        environment: context.settings.environment,
        deployment: context.settings.deployment,
        thresholds: policy.thresholds,
        logger: context.io,
        onRead: (snapshot) => (planRead.tables = snapshot),
    });
    return { plan, policy, planRead };
}
/** Outputs every mode that planned sets. */
function planOutputs(plan) {
    return {
        'plan-digest': plan.digest,
        'changed-rows': String(plan.totals.creates + plan.totals.updates + plan.totals.deletes),
        'requires-approval': String(plan.verdict === 'needs-approval'),
    };
}
/** What a mode returns when the config files are not valid (the findings are annotations). */
const INVALID_CONFIG = {
    result: 'failed',
    outputs: {},
    failure: 'The config files or the policy file are not valid, or a config breaks a consumer contract; see the annotations.',
};


/***/ })

};

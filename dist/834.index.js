export const id = 834;
export const ids = [834];
export const modules = {

/***/ 4913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ createAjv)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var ajv_formats__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82815);
/* harmony import */ var ajv_formats__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ajv_formats__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31563);



const addFormats = (ajv_formats__WEBPACK_IMPORTED_MODULE_0___default()["default"]) ??
    (ajv_formats__WEBPACK_IMPORTED_MODULE_0___default());
/**
 * An ajv instance with the standard formats (email, uri, date-time, …). Schema patterns run on
 * the linear-time engine: a user's `pattern` must not be able to hang a deploy.
 */
function createAjv(options = {}) {
    // No logger: ajv's warnings would go to the console, past every renderer and mask.
    const ajv = new ajv__WEBPACK_IMPORTED_MODULE_2__.Ajv({
        allErrors: true,
        strict: false,
        logger: false,
        code: { regExp: _patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .linearRegExp */ .Vm },
        ...options,
    });
    addFormats(ajv);
    return ajv;
}


/***/ }),

/***/ 74770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ hasErrors),
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   gk: () => (/* binding */ finding)
/* harmony export */ });
/* unused harmony export RULES */
/**
 * Every rule, its default severity and the fix it suggests. The README's rule table lists the
 * same ids (a test keeps them in step).
 */
const RULES = {
    // The file itself
    'file-unreadable': ['error', 'Check the path and the file permissions.'],
    'file-empty': ['error', 'Write the table definition, or delete the file.'],
    'file-too-large': ['error', 'Split the table into several files, or raise --max-file-bytes.'],
    'file-binary': ['error', 'Config files are UTF-8 text; this looks like a binary file.'],
    'file-encoding': ['error', 'Save the file as UTF-8.'],
    'no-config-files': ['error', 'Check the --config globs (quote them), or add files under datatables/.'],
    // YAML
    'yaml-syntax': [
        'error',
        'Fix the YAML at this position; quote values that contain ": " or start with a special character.',
    ],
    'yaml-tab-indent': ['error', 'Indent with spaces: YAML does not allow tabs for indentation.'],
    'yaml-duplicate-key': ['error', 'Remove or rename one of the two entries with the same name.'],
    'yaml-alias-limit': [
        'error',
        'Write the values out instead of expanding anchors and aliases so many times.',
    ],
    'key-reserved': ['error', 'Rename it: __proto__, constructor and prototype are not allowed as names.'],
    'text-hazard': [
        'error',
        'Remove the character: names must not hold control, zero-width or bidirectional-override characters.',
    ],
    'yaml-version': ['error', 'Remove the %YAML directive (or make it %YAML 1.2).'],
    'yaml-too-deep': ['error', 'Flatten the value: at most 32 levels of nesting are allowed.'],
    'yaml-multiple-documents': ['error', 'Put one table in each file; remove the extra "---" documents.'],
    'yaml11-boolean': [
        'warning',
        'Quote the value if you mean the text; write true or false if you mean a boolean.',
    ],
    // Structure (JSON Schema)
    'schema-type': [
        'error',
        'Use the shape shown in the README; e.g. "columns" is a map of column name to settings.',
    ],
    'schema-unknown-property': [
        'error',
        'Remove the property or fix its spelling; the README lists every property.',
    ],
    'schema-required': ['error', 'Add the missing property.'],
    'schema-value': ['error', 'Use one of the allowed values shown in the message.'],
    // Table and columns
    'tombstone-content': [
        'error',
        'A file with "delete: true" deletes its table: remove "columns" and "rows" from it, or remove "delete: true" to keep the table.',
    ],
    'table-duplicate': [
        'error',
        'Keep one file per table: merge the rows, or point one file at another table.',
    ],
    'column-reserved-key': [
        'error',
        'Remove the "key" column: the key is configured under "key:" and is always a string.',
    ],
    'column-invalid': ['error', 'Fix the column settings so that they agree with its type.'],
    'typedby-invalid': [
        'error',
        'Point typedBy at a string column whose enum lists only string, integer, number, boolean or json.',
    ],
    'managed-column-type': ['error', 'Make a "version" column an integer and an "actor" column a string.'],
    'limit-columns': [
        'error',
        'Use at most the allowed number of columns, or raise limits.maxColumns if Genesys raised it for your org.',
    ],
    'limit-rows': [
        'error',
        'Split the rows across tables, or raise limits.maxRows if Genesys raised it for your org.',
    ],
    // Rows and values
    'key-missing': [
        'error',
        'Give every row a key: the map key, or "key:" / the key column title in list form.',
    ],
    'key-empty': ['error', 'Use a non-empty key.'],
    'key-too-long': ['error', 'Shorten the key (at most 256 characters by default).'],
    'key-duplicate': ['error', 'Keys must be unique in a table; remove or rename one of the rows.'],
    'key-control-chars': ['error', 'Remove control characters (tabs, newlines, escapes) from the key.'],
    'key-unsafe-chars': [
        'error',
        "Rename the key without / ? # % \\: the service's handling of them in row URLs is not dependable.",
    ],
    'rows-invalid': [
        'error',
        'Write "rows:" as a map of key → row or a list of rows; "rows: {}" for an empty table.',
    ],
    'row-not-map': ['error', 'Write the row as a map of column name to value.'],
    'row-unknown-column': ['error', 'Add the column under "columns:", or fix the spelling in the row.'],
    'row-managed-column': ['error', 'Remove the value: managed columns are stamped by each deploy.'],
    'row-environment-mismatch': [
        'error',
        "Set the row's environment to the file's, or move the row to the file for that environment.",
    ],
    'row-too-large': ['error', 'Shorten the row: Genesys refuses request bodies over 512,000 bytes.'],
    'value-required': ['error', 'Give the column a value in this row, or give the column a default.'],
    'value-type': ['error', "Write the value as the column's type (the message says how)."],
    'value-enum': ['error', "Use one of the values the column's enum lists."],
    'value-length': ['error', 'Shorten or lengthen the value to fit minLength / maxLength.'],
    'value-range': ['error', 'Keep the number within minimum / maximum.'],
    'value-pattern': ['error', "Make the value match the column's pattern."],
    'typed-value': [
        'error',
        'Make the value parse as the type its typedBy column names in this row, or change that type.',
    ],
    'json-value-schema': ['error', 'Make the json value match its JSON Schema under valueSchemas.'],
    'value-schema-invalid': [
        'error',
        'Fix the JSON Schema under valueSchemas (the message says what is wrong); rows it applies to are not checked against it until then.',
    ],
    'json-value-invalid': ['error', 'Write valid JSON, or write the value as a YAML map or list.'],
    // Secret and personal-data guard
    'secret-name': [
        'error',
        "Do not keep credentials in data tables; if this name is harmless, add the rule to the column's or the row's allow list.",
    ],
    'secret-private-key': [
        'error',
        'Remove the private key: data tables are readable by every flow and admin. Keep it in a secret store.',
    ],
    'secret-jwt': ['error', 'Remove the token: keep credentials in a secret store, not in a data table.'],
    'secret-cloud-key': ['error', 'Remove the cloud credential and rotate it: it has been committed to git.'],
    'secret-high-entropy': [
        'error',
        'If this is not a secret (an id, a hash), add secret-high-entropy to the allow list for it.',
    ],
    'pii-card-number': ['error', 'Remove the card number: data tables must not hold payment data.'],
    'pii-email': [
        'error',
        'Data tables are not meant for personal data; if this is a shared mailbox, allow pii-email for it.',
    ],
    'pii-phone': [
        'error',
        'Data tables are not meant for personal data; if this is a public number, allow pii-phone for it.',
    ],
    // Consumer contracts (docs/contracts.md)
    'no-contract-files': [
        'error',
        'Check the --contracts globs (the contracts input), or put contracts under .github/datatable-deploy/consumers/.',
    ],
    'contract-duplicate': ['error', 'Keep one contract file per consumer: merge them, or rename one consumer.'],
    'contract-schema-invalid': [
        'error',
        'Fix the JSON Schema in the contract (the message says what is wrong); values are not checked against it until then.',
    ],
    'contract-value': [
        'error',
        'Give the key a value the consumer can read, or change the consumer and its contract first.',
    ],
    'contract-required-key-missing': [
        'error',
        "Add the row to the table, or drop the key from the contract's required list once the consumer no longer needs it.",
    ],
    'contract-key-missing': [
        'warning',
        'Add the row, or remove the key from the contract; until then the consumer serves its safe default.',
    ],
    'contract-table-missing': [
        'warning',
        'Add a config file for the table, or fix the table name in the contract.',
    ],
    'contract-column-missing': [
        'error',
        "Name the column that holds the values in the contract's valueColumn, or add the column to the config.",
    ],
    // Against the live table (--against-live)
    'schema-column-removed': [
        'error',
        'Genesys cannot remove a column: keep it in the file, or migrate to a new table.',
    ],
    'schema-column-retyped': [
        'error',
        "Genesys cannot change a column's type: add a new column, backfill it, switch readers to it, then stop writing the old one.",
    ],
    'schema-column-renamed': [
        'error',
        'Field ids cannot be renamed: keep the old name (change its title instead), or add the new column and backfill it.',
    ],
    'live-table-unreadable': ['error', "Check the connection settings and the OAuth client's permissions."],
};
/** Builds a finding with the rule's severity and fix. */
function finding(rule, file, position, message, context = {}) {
    const [severity, fix] = RULES[rule];
    return {
        severity,
        rule,
        file,
        line: position.line,
        column: position.column,
        ...(context.table !== undefined ? { table: context.table } : {}),
        ...(context.key !== undefined ? { key: context.key } : {}),
        ...(context.field !== undefined ? { field: context.field } : {}),
        message,
        hint: context.hint ?? fix,
    };
}
/** Sorts findings by file, line and column, so reports read top to bottom. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
const hasErrors = (findings) => findings.some((item) => item.severity === 'error');


/***/ }),

/***/ 13739:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ detectSensitive),
/* harmony export */   QS: () => (/* binding */ maskValue),
/* harmony export */   eq: () => (/* binding */ isSensitiveName)
/* harmony export */ });
/* unused harmony exports shannonEntropy, luhnValid */
const SECRET_NAME = /(passw(or)?d|(^|[^a-z])pass($|[^a-z])|secret|token|api[-_]?key|private[-_]?key|credential)/i;
/** True for column names and row keys that suggest a credential (`db_password`, `apiKey`, …). */
function isSensitiveName(name) {
    return SECRET_NAME.test(name);
}
const PRIVATE_KEY = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const CLOUD_KEYS = [
    [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
    [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
    [/\bgithub_pat_[A-Za-z0-9_]{50,}\b/, 'a GitHub token'],
    [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
    [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
    [/\b[rs]k_live_[0-9A-Za-z]{16,}\b/, 'a Stripe secret key'],
    [/AccountKey=[A-Za-z0-9+/=]{40,}/, 'an Azure storage key'],
];
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_LIKE = /^[A-Za-z0-9+/=_.-]+$/;
/** Every guard rule the value breaks (at most one match per rule). */
function detectSensitive(value) {
    const matches = [];
    if (PRIVATE_KEY.test(value))
        matches.push({ rule: 'secret-private-key', what: 'a private key' });
    if (JWT.test(value))
        matches.push({ rule: 'secret-jwt', what: 'a JSON Web Token' });
    const cloud = CLOUD_KEYS.find(([pattern]) => pattern.test(value));
    if (cloud)
        matches.push({ rule: 'secret-cloud-key', what: cloud[1] });
    if (matches.length === 0 && looksLikeRandomToken(value)) {
        matches.push({ rule: 'secret-high-entropy', what: 'a random token or key' });
    }
    if (containsCardNumber(value))
        matches.push({ rule: 'pii-card-number', what: 'a payment card number' });
    if (EMAIL.test(value))
        matches.push({ rule: 'pii-email', what: 'an e-mail address' });
    if (containsPhoneNumber(value))
        matches.push({ rule: 'pii-phone', what: 'a phone number' });
    return matches;
}
/**
 * A long single word of mixed letters and digits with high Shannon entropy: how API keys and
 * generated passwords look. UUIDs and plain hex (ids, hashes) are left alone.
 */
function looksLikeRandomToken(value) {
    if (value.length < 32 || value.length > 1_024 || !TOKEN_LIKE.test(value) || UUID.test(value))
        return false;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(value)).length;
    if (classes < 3)
        return false;
    return shannonEntropy(value) >= 4.2;
}
function shannonEntropy(value) {
    const counts = new Map();
    for (const char of value)
        counts.set(char, (counts.get(char) ?? 0) + 1);
    let entropy = 0;
    for (const count of counts.values()) {
        const p = count / value.length;
        entropy -= p * Math.log2(p);
    }
    return entropy;
}
/** 13–19 digits, optionally grouped by spaces or dashes, that pass the Luhn check. */
function containsCardNumber(value) {
    for (const match of value.matchAll(/\b\d(?:[ -]?\d){12,18}\b/g)) {
        if (luhnValid(match[0].replace(/[ -]/g, '')))
            return true;
    }
    return false;
}
function luhnValid(digits) {
    let sum = 0;
    for (let index = 0; index < digits.length; index++) {
        let digit = Number(digits[digits.length - 1 - index]);
        if (index % 2 === 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 === 0;
}
/**
 * Phone numbers as people write them: an international `+` form, or 10+ digits with the usual
 * separators. A bare run of digits is not flagged (it is more often an id or a count).
 */
function containsPhoneNumber(value) {
    for (const match of value.matchAll(/(?:\+\d[\d ().-]{7,}\d|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})/g)) {
        const digits = match[0].replace(/\D/g, '');
        if (digits.length >= 10 && digits.length <= 15)
            return true;
    }
    return false;
}
/** A preview that never shows the whole value: the first 4 characters and the length. */
function maskValue(value) {
    const shown = [...value].slice(0, 4).join('');
    return `${shown}…(${[...value].length} characters)`;
}


/***/ }),

/***/ 31563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ patternProblem),
/* harmony export */   Eb: () => (/* binding */ compilePattern),
/* harmony export */   Vm: () => (/* binding */ linearRegExp)
/* harmony export */ });
/* unused harmony export PatternError */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);

class PatternError extends Error {
    source;
    reason;
    constructor(source, reason) {
        super(`The pattern ${JSON.stringify(source)} ${reason}`);
        this.source = source;
        this.reason = reason;
        this.name = 'PatternError';
    }
}
// Config files are bounded, so the cache is too; a full cache is cleared, not kept in order.
const MAX_CACHED = 2000;
const cache = new Map();
/** The pattern compiled for linear-time matching; throws a PatternError that says the fix. */
function compilePattern(source) {
    let compiled = cache.get(source);
    if (compiled === undefined) {
        compiled = compileUncached(source);
        if (cache.size >= MAX_CACHED)
            cache.clear();
        cache.set(source, compiled);
    }
    if (compiled instanceof PatternError)
        throw compiled;
    return compiled;
}
/** Why the pattern cannot be used (a sentence without the pattern itself), or undefined. */
function patternProblem(source) {
    try {
        compilePattern(source);
        return undefined;
    }
    catch (error) {
        return error.reason;
    }
}
function compileUncached(source) {
    // First as JavaScript (with the u flag, as JSON Schema asks): what the author wrote must be
    // a valid pattern in the language they think in.
    try {
        new RegExp(source, 'u');
    }
    catch (error) {
        const detail = error.message.replace(/^Invalid regular expression: \/.*\/u?: /s, '');
        return new PatternError(source, `is not a regular expression (${detail}); fix its syntax.`);
    }
    try {
        const engine = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.translateRegExp(source));
        return {
            source,
            test: (text) => engine.test(text),
            toString: () => `/${source}/u`,
        };
    }
    catch (error) {
        const detail = error.message.replace(/^error parsing regexp: /, '');
        return new PatternError(source, `uses what the linear-time engine cannot run (${detail}): lookahead, lookbehind, backreferences and repeat counts above 1000 are not supported; rewrite it without them.`);
    }
}
/**
 * The same engine in the shape ajv's `code.regExp` option takes. Ajv calls it with the `u`
 * flag; RE2 is always Unicode-aware.
 */
function linearRegExp(pattern) {
    return compilePattern(pattern);
}
linearRegExp.code = 'linearRegExp';


/***/ }),

/***/ 26149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ checkStructure)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./schema/datatable-config.schema.json
const datatable_config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://datatable-deploy.dev/schema/datatable-config.schema.json","title":"datatable-deploy config file (format 1)","description":"One Genesys Cloud Architect data table: its identity, columns and rows.","type":"object","additionalProperties":false,"oneOf":[{"required":["table"]},{"required":["table_id"]}],"if":{"properties":{"delete":{"not":{"const":false}}},"required":["delete"]},"then":{},"else":{"required":["columns","rows"]},"properties":{"format":{"description":"Version of this file format. Only 1 exists.","const":1},"table":{"description":"Name of the data table (unique in the org, at most 256 characters, no / or \\\\).","type":"string","minLength":1,"maxLength":256,"pattern":"^[^/\\\\\\\\]+$"},"table_id":{"description":"Id of an existing data table, instead of its name.","type":"string","pattern":"^[0-9a-fA-F-]{36}$"},"delete":{"description":"true: a tombstone. The deploy deletes the table (always with an approval; the backup keeps it, and a rollback re-creates it). A tombstone has no columns or rows.","type":"boolean"},"description":{"type":"string"},"division":{"description":"Division of the table, by name. Used when the table is created.","type":"string","minLength":1},"environment":{"description":"Environment binding: the file deploys only where the environment setting equals this. If a column named \'environment\' exists, every row must hold this value (rows that omit it get it).","type":"string","minLength":1},"key":{"description":"The key column. Its field id is always \'key\' (a string); \'title\' is its label in the Genesys UI.","type":"object","additionalProperties":false,"properties":{"title":{"type":"string","minLength":1},"description":{"type":"string"}}},"prune":{"description":"true (default): the file owns the table, and rows missing from it are deleted. false: unknown rows are left alone.","type":"boolean"},"limits":{"description":"Limits checked before any call, for orgs where Genesys raised them.","type":"object","additionalProperties":false,"properties":{"maxRows":{"type":"integer","minimum":1},"maxColumns":{"type":"integer","minimum":1},"maxRowBytes":{"type":"integer","minimum":1},"maxKeyLength":{"type":"integer","minimum":1}}},"columns":{"description":"The table\'s columns other than the key, by field id (names may contain spaces and hyphens).","type":"object","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/column"}},"valueSchemas":{"description":"JSON Schemas that json values must match, by row key.","type":"object","additionalProperties":{"type":["object","boolean"]}},"allow":{"description":"Exceptions to the secret and personal-data guard, for values that only look sensitive.","type":"array","items":{"$ref":"#/definitions/allowance"}},"rows":{"description":"The rows: a map keyed by the key value, or a list of rows that each carry the key under \'key\' or under the key column\'s title.","oneOf":[{"type":"object","additionalProperties":{"type":["object","null"]}},{"type":"array","items":{"type":"object"}}]}},"definitions":{"scalar":{"type":["string","number","boolean"]},"column":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["string","integer","number","boolean"]},"title":{"type":"string","minLength":1},"description":{"type":"string"},"required":{"type":"boolean"},"enum":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/scalar"}},"minLength":{"type":"integer","minimum":0},"maxLength":{"type":"integer","minimum":0},"minimum":{"type":"number"},"maximum":{"type":"number"},"pattern":{"type":"string"},"default":{"$ref":"#/definitions/scalar"},"typedBy":{"description":"Name of another string column whose value in the same row (string, integer, number, boolean or json) says what this string column holds.","type":"string","minLength":1},"managed":{"description":"Stamped by each deploy and left out of the diff: \'version\' (integer) or \'actor\' (string).","enum":["version","actor"]},"allow":{"description":"Guard rules this column is exempt from, e.g. [pii-email].","type":"array","items":{"$ref":"#/definitions/guardRule"}}}},"allowance":{"type":"object","additionalProperties":false,"required":["key","rules"],"properties":{"key":{"type":"string","minLength":1},"column":{"type":"string","minLength":1},"rules":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/guardRule"}},"reason":{"type":"string"}}},"guardRule":{"enum":["secret-name","secret-private-key","secret-jwt","secret-cloud-key","secret-high-entropy","pii-card-number","pii-email","pii-phone"]}}}');
// EXTERNAL MODULE: ./src/config/ajv.ts
var ajv = __webpack_require__(4913);
// EXTERNAL MODULE: ./src/config/findings.ts
var findings = __webpack_require__(74770);
// EXTERNAL MODULE: ./src/config/yaml-source.ts + 4 modules
var yaml_source = __webpack_require__(79017);
;// CONCATENATED MODULE: ./src/config/structure.ts





let validator;
/** The compiled JSON Schema of the config file format (compiled once, on first use). */
function configValidator() {
    validator ??= (0,ajv/* createAjv */.g)().compile(datatable_config_schema_namespaceObject);
    return validator;
}
/**
 * Checks a parsed file against a JSON Schema (by default `schema/datatable-config.schema.json`)
 * and turns each ajv error into a finding at the YAML node it concerns.
 */
function checkStructure(source, value, validate = configValidator()) {
    if (validate(value))
        return [];
    const findings = new Map();
    const errors = validate.errors ?? [];
    // Where a value has the wrong type, other complaints about the same value only repeat it.
    const mistyped = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
    for (const error of errors) {
        if (error.keyword !== 'type' && mistyped.has(error.instancePath))
            continue;
        const converted = toFinding(source, error);
        if (!converted)
            continue;
        findings.set(`${converted.rule}:${converted.line}:${converted.column}:${converted.message}`, converted);
    }
    return [...findings.values()];
}
function toFinding(source, error) {
    // Errors inside oneOf branches are noise: the oneOf error itself says what is wrong.
    if (error.schemaPath.includes('/oneOf/'))
        return undefined;
    // An if/then pair reports its `then` keyword's own error too; "must match then" adds nothing.
    if (error.keyword === 'if')
        return undefined;
    const path = pointerSegments(error.instancePath);
    const node = nodeAt(source, path);
    const where = path.length > 0 ? `"${path.join('.')}"` : 'The file';
    const at = (0,yaml_source/* positionOf */.df)(source, node);
    switch (error.keyword) {
        case 'additionalProperties': {
            const name = String(error.params.additionalProperty);
            const key = keyNode(node, name);
            const within = path.length > 0 ? ` in "${path.join('.')}"` : '';
            return (0,findings/* finding */.gk)('schema-unknown-property', source.file, (0,yaml_source/* positionOf */.df)(source, key ?? node), `Unknown property "${name}"${within}.`);
        }
        case 'required':
            return (0,findings/* finding */.gk)('schema-required', source.file, at, `${where} needs the property "${String(error.params.missingProperty)}".`);
        case 'oneOf':
            if (path.length === 0) {
                return (0,findings/* finding */.gk)('schema-required', source.file, at, 'The file needs exactly one of "table" (a name) or "table_id" (an id), not both.');
            }
            if (path.join('.') === 'rows') {
                return (0,findings/* finding */.gk)('schema-type', source.file, at, '"rows" must be a map of key → row, or a list of rows.');
            }
            return (0,findings/* finding */.gk)('schema-type', source.file, at, `${where} does not have an accepted shape.`);
        case 'type':
            return (0,findings/* finding */.gk)('schema-type', source.file, at, `${where} must be ${article(String(error.params.type))}.`);
        case 'enum':
        case 'const': {
            const allowed = error.params.allowedValues ?? [error.params.allowedValue];
            return (0,findings/* finding */.gk)('schema-value', source.file, at, `${where} must be one of: ${allowed.map((item) => JSON.stringify(item)).join(', ')}.`);
        }
        case 'pattern':
            if (path.join('.') === 'table')
                return (0,findings/* finding */.gk)('schema-value', source.file, at, 'A table name may not contain / or \\.');
            if (path.join('.') === 'table_id')
                return (0,findings/* finding */.gk)('schema-value', source.file, at, '"table_id" must be a table id (a UUID such as 6a1f0c2e-3b7d-4a51-9c1e-2f4d8b7a9e10).');
            return (0,findings/* finding */.gk)('schema-value', source.file, at, `${where} must match the pattern ${String(error.params.pattern)}.`);
        default:
            return (0,findings/* finding */.gk)('schema-value', source.file, at, `${where} ${error.message ?? 'is not valid'}.`);
    }
}
function article(type) {
    const names = type
        .split(',')
        .map((name) => (name === 'object' ? 'a map' : name === 'array' ? 'a list' : `a ${name}`));
    return names.join(' or ');
}
function pointerSegments(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** The deepest node along the path (map keys compared as text, so `1:` matches "1"). */
function nodeAt(source, path) {
    let node = source.doc.contents;
    for (const segment of path) {
        if (!node)
            break;
        let next;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((item) => (0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === segment);
            next = pair?.value ?? pair?.key;
        }
        else if ('items' in node && Array.isArray(node.items)) {
            next = node.items[Number(segment)];
        }
        if (!next)
            break;
        node = next;
    }
    return node ?? undefined;
}
function keyNode(node, name) {
    if (!node || !(0,dist/* isMap */.jh)(node))
        return undefined;
    const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === name);
    return pair?.key;
}


/***/ }),

/***/ 79017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wC: () => (/* binding */ DEFAULT_LOAD_OPTIONS),
  WF: () => (/* binding */ parseYamlSource),
  df: () => (/* binding */ positionOf)
});

// EXTERNAL MODULE: ./src/config/findings.ts
var config_findings = __webpack_require__(74770);
;// CONCATENATED MODULE: ./src/config/file-bytes.ts

/**
 * A config file's bytes as text, or the finding that refuses them at the exact place: files
 * larger than `maxFileBytes`, binary files (a NUL byte) and files that are not UTF-8. A
 * leading byte-order mark is dropped.
 */
function decodeConfigBytes(file, bytes, maxFileBytes) {
    if (bytes.length > maxFileBytes) {
        return (0,config_findings/* finding */.gk)('file-too-large', file, { line: 1, column: 1 }, `The file is ${bytes.length} bytes; at most ${maxFileBytes} are read.`);
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        return (0,config_findings/* finding */.gk)('file-binary', file, positionInBytes(bytes, nul), 'The file contains a NUL byte: it is not a text file.');
    }
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        const offset = firstInvalidUtf8(bytes);
        return (0,config_findings/* finding */.gk)('file-encoding', file, positionInBytes(bytes, offset), `The file is not valid UTF-8 (byte 0x${bytes[offset].toString(16).padStart(2, '0')}).`);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Line and column (in characters) of a byte offset, counting only the bytes before it. */
function positionInBytes(bytes, offset) {
    const before = bytes.subarray(0, offset);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
    return { line, column };
}
/**
 * Offset of the first byte that breaks UTF-8, by the well-formed sequences of the Unicode
 * standard (table 3-7): overlong forms, UTF-16 surrogates (ED A0..BF) and code points above
 * U+10FFFF are ill-formed too, as the decoder that refused the file says.
 */
function firstInvalidUtf8(bytes) {
    let index = 0;
    while (index < bytes.length) {
        const byte = bytes[index];
        const [length, secondLow, secondHigh] = utf8Lead(byte);
        if (length === 0)
            return index;
        for (let next = 1; next < length; next++) {
            const low = next === 1 ? secondLow : 0x80;
            const high = next === 1 ? secondHigh : 0xbf;
            const continuation = bytes[index + next];
            if (continuation === undefined || continuation < low || continuation > high)
                return index;
        }
        index += length;
    }
    // Unreachable for bytes the decoder refused; the last byte is the best guess.
    return Math.max(0, bytes.length - 1);
}
/** The length of the sequence a lead byte starts (0: not a lead byte) and its second byte's range. */
function utf8Lead(byte) {
    if (byte < 0x80)
        return [1, 0, 0];
    if (byte >= 0xc2 && byte <= 0xdf)
        return [2, 0x80, 0xbf];
    if (byte === 0xe0)
        return [3, 0xa0, 0xbf];
    if (byte === 0xed)
        return [3, 0x80, 0x9f];
    if (byte >= 0xe1 && byte <= 0xef)
        return [3, 0x80, 0xbf];
    if (byte === 0xf0)
        return [4, 0x90, 0xbf];
    if (byte >= 0xf1 && byte <= 0xf3)
        return [4, 0x80, 0xbf];
    if (byte === 0xf4)
        return [4, 0x80, 0x8f];
    return [0, 0, 0];
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/config/yaml-parse.ts


/** yaml's error codes that have a rule of their own; everything else is `yaml-syntax`. */
const YAML_CODES = {
    TAB_AS_INDENT: 'yaml-tab-indent',
    MULTIPLE_DOCS: 'yaml-multiple-documents',
};
/**
 * Parses the text into one YAML 1.2 document, or refuses it with findings at the exact places:
 * YAML errors, several documents, nesting too deep for the parser, a parser that breaks on the
 * text, and a %YAML directive for another version.
 */
function parseConfigYaml(file, text, at, maxDepth) {
    const doc = parseYaml(text);
    if (doc === undefined) {
        return [
            (0,config_findings/* finding */.gk)('yaml-syntax', file, at(parserOverflowOffset(text)), 'The YAML breaks the parser from here on (its stack ran out); fix the first error at this position.'),
        ];
    }
    // Nesting deep enough to exhaust the stack: yaml says so at places that depend on the stack's
    // size, and may say it more than once; one finding, where the nesting passes the limit.
    if (doc.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION'))
        return [
            (0,config_findings/* finding */.gk)('yaml-too-deep', file, at(tooDeepOffset(text, maxDepth)), `The value is nested too deeply to read (at most ${maxDepth} levels are allowed).`),
        ];
    if (doc.errors.length > 0) {
        const findings = new Map();
        for (const error of doc.errors) {
            const rule = YAML_CODES[error.code] ?? 'yaml-syntax';
            const position = at(error.pos[0]);
            // One finding per place: a broken token often makes yaml report the same spot twice.
            const id = `${position.line}:${position.column}`;
            if (!findings.has(id))
                findings.set(id, (0,config_findings/* finding */.gk)(rule, file, position, yamlMessage(error.code, error.message)));
        }
        return [...findings.values()];
    }
    // A %YAML 1.1 directive would switch the file to YAML 1.1 (n, yes, off become booleans, 010
    // octal): the format is YAML 1.2 only.
    const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
    if (directive && directive[1] !== '1.2')
        return [
            (0,config_findings/* finding */.gk)('yaml-version', file, at(directive.index), `The file declares YAML ${directive[1]}; config files are read as YAML 1.2 only.`),
        ];
    return doc;
}
/**
 * Where each line starts, from the text itself. yaml's own LineCounter misses the line breaks
 * its lexer swallows into a broken token (a stray "}" at the start of a line), which would put
 * every later error lines too early and columns past the end of the line.
 */
function lineStartsOf(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    lineCounter.addNewLine(0);
    for (let offset = text.indexOf('\n'); offset >= 0; offset = text.indexOf('\n', offset + 1))
        lineCounter.addNewLine(offset + 1);
    return lineCounter;
}
function parseYaml(text) {
    try {
        // uniqueKeys is off: yaml's check is quadratic in the size of a map (seconds for 5,000 rows);
        // inspectTree finds duplicates in one pass instead.
        return (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: false, strict: true });
    }
    catch (error) {
        // yaml's parser recurses per line in some broken states (thousands of lines like `"a"0: x`)
        // and can run out of stack; that is the file's fault, not a crash.
        if (error instanceof RangeError)
            return undefined;
        throw error;
    }
}
/**
 * Where a file that overflows yaml's parser goes wrong: the first error of the longest prefix
 * of whole lines that still parses (found by bisection), or the line after that prefix.
 */
function parserOverflowOffset(text) {
    const lineEnds = [...lineStartsOf(text).lineStarts.slice(1), text.length];
    let low = 0;
    let high = lineEnds.length - 1;
    let best;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        const prefix = parseYaml(text.slice(0, lineEnds[middle - 1]));
        if (prefix) {
            low = middle;
            best = prefix;
        }
        else
            high = middle - 1;
    }
    return best?.errors[0]?.pos[0] ?? (low > 0 ? lineEnds[low - 1] : 0);
}
/**
 * Where the nesting first passes `maxDepth`, found in yaml's concrete syntax tree (which its
 * parser builds without recursion), walked without recursion too.
 */
function tooDeepOffset(text, maxDepth) {
    const stack = [];
    const documents = [...new dist/* Parser */.iX().parse(text)].filter((token) => token.type === 'document');
    for (const document of documents.reverse())
        stack.push([document.value, 1]);
    while (stack.length > 0) {
        const [token, depth] = stack.pop();
        if (!token || !('items' in token))
            continue;
        if (depth > maxDepth)
            return token.offset;
        const items = token.items;
        for (let index = items.length - 1; index >= 0; index--) {
            stack.push([items[index].value, depth + 1]);
            stack.push([items[index].key, depth + 1]);
        }
    }
    return 0;
}
/** yaml's messages, reworded where they speak of the library rather than the file. */
function yamlMessage(code, message) {
    if (code === 'MULTIPLE_DOCS')
        return 'The file holds more than one YAML document (a second "---").';
    return message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
}

;// CONCATENATED MODULE: ./src/config/text-hazards.ts

/**
 * Names that would reach an object's prototype machinery when a map becomes a JavaScript
 * object (yaml drops or rewires `__proto__`): refused as column names, row keys and any key.
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Characters that make two different texts look the same, or hide text: C0 and C1 controls
 * (tab, newline and carriage return included: no name needs them), zero-width characters,
 * bidirectional overrides and isolates, and the byte-order mark.
 */
const HAZARD = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/** The first hazardous character of a text, as U+XXXX, or undefined. */
function hazardIn(text) {
    const match = HAZARD.exec(text);
    return match ? `U+${match[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
/**
 * The problems of one item's key: a reserved name, a hazardous character (with the code point
 * shown), or a key that is a map, a list, an alias or a tagged non-text scalar (!!binary) (it
 * would become the text of its YAML, and an alias would bring in a name these checks never
 * saw). Called for every item of every collection (see yaml-tree.ts).
 */
function itemKeyProblems(item, problems) {
    if (!(0,dist/* isPair */.tO)(item))
        return;
    const key = item.key;
    // A scalar can hold an object too: !!binary makes bytes, !!timestamp a date.
    const objectScalar = (0,dist/* isScalar */.jn)(key) && typeof key.value === 'object' && key.value !== null;
    if (key !== null && (!(0,dist/* isScalar */.jn)(key) || objectScalar)) {
        const what = (0,dist/* isAlias */.Vj)(key)
            ? 'an alias'
            : (0,dist/* isMap */.jh)(key)
                ? 'a map'
                : (0,dist/* isScalar */.jn)(key)
                    ? `tagged ${(key.tag ?? '').replace('tag:yaml.org,2002:', '!!')}`
                    : 'a list';
        problems.push({
            node: key,
            rule: 'schema-type',
            message: `A name must be written out as text; this one is ${what}.`,
        });
    }
    if ((0,dist/* isScalar */.jn)(key) && typeof key.value === 'string') {
        const name = key.value;
        if (RESERVED_NAMES.has(name))
            problems.push({ node: key, rule: 'key-reserved', message: `The name "${name}" is reserved.` });
        const hazard = hazardIn(name);
        if (hazard)
            problems.push({
                node: key,
                rule: 'text-hazard',
                message: `The name ${JSON.stringify(name)} holds the invisible or control character ${hazard}.`,
            });
    }
}
/** Hazardous characters in the `table` and `environment` values at the top level. */
function rootValueProblems(root, problems) {
    if (!(0,dist/* isMap */.jh)(root))
        return;
    for (const field of ['table', 'environment']) {
        const value = root.get(field, true);
        if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string') {
            const hazard = hazardIn(value.value);
            if (hazard)
                problems.push({
                    node: value,
                    rule: 'text-hazard',
                    message: `"${field}" holds the invisible or control character ${hazard}.`,
                });
        }
    }
}

;// CONCATENATED MODULE: ./src/config/yaml-tree.ts


/**
 * YAML 1.1 collection tags that yaml still resolves: they become a JavaScript Set or Map, which
 * the JSON Schema check would take for an empty map (`columns: !!set {a}` would mean no columns).
 */
const SET_LIKE_TAGS = new Set(['set', 'omap', 'pairs'].map((name) => `tag:yaml.org,2002:${name}`));
/**
 * One iterative walk (no recursion limit) over every collection of the document, each sorted
 * by position.
 */
function inspectTree(root, maxDepth) {
    const inspection = { keyProblems: [], duplicateKeys: [], setLike: [] };
    const stack = [[root, 1]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (!(0,dist/* isCollection */.P3)(node))
            continue;
        if (depth > maxDepth)
            return { ...inspection, tooDeep: node };
        if (node.tag !== undefined && SET_LIKE_TAGS.has(node.tag))
            inspection.setLike.push(node);
        const seen = (0,dist/* isMap */.jh)(node) ? new Set() : undefined;
        for (const item of node.items) {
            itemKeyProblems(item, inspection.keyProblems);
            if (seen && (0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key)) {
                // Texts equal after Unicode normalisation (NFC) are the same name to a reader.
                const identity = `${typeof item.key.value}:${String(item.key.value).normalize('NFC')}`;
                if (seen.has(identity))
                    inspection.duplicateKeys.push(item.key);
                seen.add(identity);
            }
            const value = (0,dist/* isPair */.tO)(item) ? item.value : item;
            if (value && (0,dist/* isCollection */.P3)(value))
                stack.push([value, depth + 1]);
        }
    }
    rootValueProblems(root, inspection.keyProblems);
    const byOffset = (a, b) => offsetOf(a) - offsetOf(b);
    inspection.keyProblems.sort((a, b) => byOffset(a.node, b.node));
    inspection.duplicateKeys.sort(byOffset);
    inspection.setLike.sort(byOffset);
    return inspection;
}
function offsetOf(node) {
    return node.range?.[0] ?? 0;
}
/** The first alias in document order, where an alias limit was passed. */
function firstAlias(root) {
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,dist/* isAlias */.Vj)(node))
            return node;
        if ((0,dist/* isCollection */.P3)(node)) {
            for (const item of [...node.items].reverse()) {
                const value = (0,dist/* isPair */.tO)(item) ? item.value : item;
                if (value)
                    stack.push(value);
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/config/yaml-source.ts




const DEFAULT_LOAD_OPTIONS = {
    maxFileBytes: 5 * 1024 * 1024,
    maxAliasCount: 100,
    maxDepth: 32,
};
/** Where a node starts; the file's start for nodes without a range. */
function positionOf(source, node) {
    return positionAt(source.lineCounter, node?.range?.[0] ?? 0);
}
/**
 * Line and column of an offset: a binary search over the line starts (as yaml's LineCounter
 * does, without the intermediate object: a large file asks this once per cell).
 */
function positionAt(lines, offset) {
    const starts = lines.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (starts[middle] < offset)
            low = middle + 1;
        else
            high = middle;
    }
    if (starts[low] === offset)
        return { line: low + 1, column: 1 };
    if (low === 0)
        return { line: 0, column: offset };
    return { line: low, column: offset - starts[low - 1] + 1 };
}
/**
 * Reads and parses one config file. Refuses, with a finding at the exact place, what would make
 * the rest unreliable: unreadable, empty, huge, binary or non-UTF-8 files, YAML errors, several
 * documents, alias bombs and very deep nesting.
 */
function parseYamlSource(file, bytes, options = DEFAULT_LOAD_OPTIONS) {
    const text = decodeConfigBytes(file, bytes, options.maxFileBytes);
    if (typeof text !== 'string')
        return [text];
    const lineCounter = lineStartsOf(text);
    const doc = parseConfigYaml(file, text, (offset) => positionAt(lineCounter, offset), options.maxDepth);
    if (Array.isArray(doc))
        return doc;
    if (doc.contents === null)
        return [
            (0,config_findings/* finding */.gk)('file-empty', file, { line: 1, column: 1 }, 'The file has no content (only comments or whitespace).'),
        ];
    const source = { file, doc, lineCounter, value: undefined };
    const refused = treeFindings(source, doc.contents, options.maxDepth);
    if (refused.length > 0)
        return refused;
    try {
        source.value = doc.toJS({ maxAliasCount: options.maxAliasCount });
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        return [
            (0,config_findings/* finding */.gk)('yaml-alias-limit', file, positionOf(source, firstAlias(doc.contents)), `Aliases expand more than ${options.maxAliasCount} times (${error.message}).`),
        ];
    }
    return source;
}
/**
 * What the document's shape makes unreliable, the first kind found in this order: nesting too
 * deep, names that are not plain text, sets and ordered maps, names that repeat in a map.
 */
function treeFindings(source, root, maxDepth) {
    const tree = inspectTree(root, maxDepth);
    const at = (node) => positionOf(source, node);
    if (tree.tooDeep)
        return [
            (0,config_findings/* finding */.gk)('yaml-too-deep', source.file, at(tree.tooDeep), `The value is nested more than ${maxDepth} levels deep.`),
        ];
    if (tree.keyProblems.length > 0)
        return tree.keyProblems.map((problem) => (0,config_findings/* finding */.gk)(problem.rule, source.file, at(problem.node), problem.message));
    if (tree.setLike.length > 0)
        return tree.setLike.map((node) => (0,config_findings/* finding */.gk)('schema-type', source.file, at(node), `The tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} makes a set or an ordered map, which a config file cannot hold; write a map or a list.`));
    return tree.duplicateKeys.map((key) => (0,config_findings/* finding */.gk)('yaml-duplicate-key', source.file, at(key), `The name "${String(key.value)}" appears twice in the same map.`));
}


/***/ }),

/***/ 8181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gg: () => (/* binding */ buildPlan),
  K$: () => (/* binding */ predict)
});

// UNUSED EXPORTS: defaultDeployment, freezePlan, planDigest

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/plan/canonical.ts
var canonical = __webpack_require__(34917);
// EXTERNAL MODULE: ./src/plan/diff.ts + 3 modules
var diff = __webpack_require__(6102);
// EXTERNAL MODULE: ./src/plan/thresholds.ts
var plan_thresholds = __webpack_require__(70755);
;// CONCATENATED MODULE: ./src/plan/types.ts
/**
 * Version of the plan's JSON form; readers refuse other versions. 2: the plan is bound to its
 * org (`apiHost`, required), environment and deployment, and names its producer.
 */
const PLAN_FORMAT_VERSION = 2;

;// CONCATENATED MODULE: ./src/plan/build.ts





/** The calls an import job takes besides its deletes: create, upload, and about three polls. */
const IMPORT_CALLS = 5;
/**
 * Builds the plan: a pure function of the desired configs and the live snapshot (same inputs,
 * same plan, same digest). Tables are ordered by name, rows by key.
 */
function buildPlan(configs, snapshot, options) {
    const rate = options.ratePerMinute ?? 300;
    const tables = configs
        .map((config, index) => (0,diff/* diffTable */.Y)(config, snapshot[index] ?? null))
        .map((diff) => ({ ...diff, prediction: predict(diff, options, rate) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const thresholds = (0,plan_thresholds/* evaluateThresholds */.S)(tables, options.thresholds ?? plan_thresholds/* DEFAULT_THRESHOLDS */.J);
    const totals = totalsOf(tables, rate);
    const verdict = tables.some((table) => table.blocked.length > 0)
        ? 'blocked'
        : totals.creates + totals.updates + totals.deletes + totals.schemaChanges === 0
            ? 'no-changes'
            : thresholds.length > 0
                ? 'needs-approval'
                : 'within-threshold';
    const body = {
        formatVersion: PLAN_FORMAT_VERSION,
        producer: { name: 'datatable-deploy', version: version/* VERSION */.x },
        apiHost: options.apiHost,
        environment: options.environment,
        deployment: options.deployment ?? defaultDeployment(options.environment),
        verdict,
        thresholds,
        totals,
        tables,
    };
    return freezePlan({
        ...body,
        digest: planDigest(body),
        createdAt: (options.now ?? new Date()).toISOString(),
    });
}
/** A deployment's name when none is given: the environment's, else "default" (as the action's). */
function defaultDeployment(environment) {
    return environment ?? 'default';
}
/**
 * The digest covers everything but `digest`, `signature` and `createdAt`: the binding (org,
 * environment, deployment), the producer and the tables, live fingerprints included. The time
 * is left out so that planning the same change twice gives the same digest (approvals bind to it).
 */
function planDigest(plan) {
    const { digest: _digest, createdAt: _createdAt, signature: _signature, ...body } = plan;
    return (0,canonical/* sha256Of */.Bj)(body);
}
/** How apply would write a table's changes, and the calls and time that takes. */
function predict(diff, options, rate) {
    const pageSize = options.pageSize ?? 500;
    const upserts = diff.creates.length + diff.updates.length;
    const wanted = options.strategy ?? 'auto';
    const strategy = wanted === 'auto' ? (upserts >= (options.importMinRows ?? 100) ? 'import' : 'rows') : wanted;
    const schemaCalls = diff.schemaChanges.length > 0 ? 1 : 0;
    const writes = strategy === 'import' && upserts > 0 ? IMPORT_CALLS : upserts;
    const finalRows = diff.liveRowCount + diff.creates.length - diff.deletes.length;
    // The stale-plan guard re-reads the live rows; verify reads the result.
    const reads = Math.ceil(diff.liveRowCount / pageSize) + 1 + Math.max(1, Math.ceil(finalRows / pageSize));
    const changes = schemaCalls + upserts + diff.deletes.length;
    const calls = changes === 0 ? 0 : schemaCalls + writes + diff.deletes.length + reads;
    return { strategy, calls, seconds: Math.round((calls / rate) * 60 * 10) / 10 };
}
function totalsOf(tables, rate) {
    let [creates, updates, deletes, unchanged, schemaChanges, calls] = [0, 0, 0, 0, 0, 0];
    for (const table of tables) {
        creates += table.creates.length;
        updates += table.updates.length;
        deletes += table.deletes.length;
        unchanged += table.unchanged;
        schemaChanges += table.schemaChanges.length;
        calls += table.prediction.calls;
    }
    const seconds = Math.round((calls / rate) * 60 * 10) / 10;
    return { tables: tables.length, creates, updates, deletes, unchanged, schemaChanges, calls, seconds };
}
/**
 * Freezes a plan's structure: the plan, its tables, and every list and record in them down to
 * the lists of row changes, but not each row change and row: freezing those cost as much as
 * the diff itself. Rows are read-only by type ({@link PlanRow}); a stage that wanted to change
 * one could not compile, and could not add, drop or replace a change at run time.
 */
function freezePlan(plan) {
    for (const table of plan.tables) {
        deepFreeze(table.schema);
        deepFreeze(table.managed);
        deepFreeze(table.schemaChanges);
        deepFreeze(table.blocked);
        deepFreeze(table.prediction);
        Object.freeze(table.creates);
        Object.freeze(table.updates);
        Object.freeze(table.deletes);
        Object.freeze(table);
    }
    deepFreeze(plan.producer);
    deepFreeze(plan.thresholds);
    deepFreeze(plan.totals);
    Object.freeze(plan.tables);
    return Object.freeze(plan);
}
/** Freezes a value and everything in it (small values: a schema, a list of findings). */
function deepFreeze(value) {
    const stack = [value];
    while (stack.length > 0) {
        const item = stack.pop();
        if (item === null || typeof item !== 'object' || Object.isFrozen(item))
            continue;
        Object.freeze(item);
        for (const child of Object.values(item))
            if (child !== null && typeof child === 'object')
                stack.push(child);
    }
    return value;
}


/***/ }),

/***/ 6102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ diffTable)
});

// EXTERNAL MODULE: ./src/genesys/schema.ts
var genesys_schema = __webpack_require__(17155);
;// CONCATENATED MODULE: ./src/config/desired-schema.ts

/**
 * The Genesys table schema a config asks for: the key plus every column, with the attributes
 * the service stores (title, type, default, lengths, range) and Terraform's `$id` and
 * `displayOrder` conventions. enum, pattern and typedBy stay client-side: they are checked
 * before any call.
 */
function desiredTableSchema(config) {
    const properties = {
        key: {
            title: config.keyTitle,
            type: 'string',
            $id: '/properties/key',
            displayOrder: 0,
            ...(config.keyDescription !== undefined ? { description: config.keyDescription } : {}),
        },
    };
    config.columns.forEach((column, index) => {
        const property = {
            title: column.title ?? column.name,
            type: column.type,
            $id: `/properties/${column.name}`,
            displayOrder: index + 1,
        };
        if (column.description !== undefined)
            property.description = column.description;
        if (column.default !== undefined)
            property.default = column.default;
        if (column.minLength !== undefined)
            property.minLength = column.minLength;
        if (column.maxLength !== undefined)
            property.maxLength = column.maxLength;
        if (column.minimum !== undefined)
            property.minimum = column.minimum;
        if (column.maximum !== undefined)
            property.maximum = column.maximum;
        properties[column.name] = property;
    });
    const schema = (0,genesys_schema/* tableSchema */._)(properties);
    if (config.description !== undefined)
        schema.description = config.description;
    return schema;
}

// EXTERNAL MODULE: ./src/config/findings.ts
var config_findings = __webpack_require__(74770);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(22143);
;// CONCATENATED MODULE: ./src/config/evolution.ts


/**
 * Compares the columns a config wants with the live table's schema. Adding columns is the only
 * change Genesys accepts; anything else is refused here with the way to get there instead.
 * A removed column and an added one of the same type are reported as a likely rename.
 */
function compareWithLive(config, live) {
    const table = (0,types/* tableLabel */.Fr)(config);
    const liveColumns = Object.entries(live.properties).filter(([name]) => name !== 'key');
    const desired = new Map(config.columns.map((column) => [column.name, column]));
    const added = config.columns.filter((column) => !(column.name in live.properties));
    const findings = [];
    const renameCandidates = [...added];
    for (const [name, column] of liveColumns) {
        const wanted = desired.get(name);
        if (wanted && wanted.type !== column.type) {
            findings.push((0,config_findings/* finding */.gk)('schema-column-retyped', config.file, wanted.position, `Column "${name}" is ${column.type} in the live table; the file makes it ${wanted.type}.`, {
                table,
                field: name,
            }));
            continue;
        }
        if (wanted)
            continue;
        const renameIndex = renameCandidates.findIndex((candidate) => candidate.type === column.type);
        if (renameIndex >= 0) {
            const [renamed] = renameCandidates.splice(renameIndex, 1);
            findings.push((0,config_findings/* finding */.gk)('schema-column-renamed', config.file, renamed.position, `Column "${name}" of the live table is missing from the file, and "${renamed.name}" (also ${column.type}) is new: a rename?`, {
                table,
                field: name,
                hint: `Field ids cannot be renamed. Keep "${name}" and change its title to the new label, or keep both columns: add "${renamed.name}", backfill it, switch readers, and stop writing "${name}".`,
            }));
        }
        else {
            findings.push((0,config_findings/* finding */.gk)('schema-column-removed', config.file, config.position, `Column "${name}" (${column.type}) exists in the live table but not in the file.`, {
                table,
                field: name,
                hint: `Genesys cannot remove a column once it exists. Add "${name}: { type: ${column.type} }" back under columns (it can stay unused), or migrate to a new table.`,
            }));
        }
    }
    return { added, findings };
}

// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __webpack_require__(31440);
// EXTERNAL MODULE: ./src/plan/equality.ts
var equality = __webpack_require__(32335);
;// CONCATENATED MODULE: ./src/plan/diff-rows.ts



/**
 * Diffs the rows: creates and updates in key order, then deletes (or unmanaged rows) in key
 * order. Allocates only for what changes: a row that is the same costs lookups, nothing more.
 */
function diffRows(config, liveRows, schema, managed) {
    const columns = diffColumns(config, schema, managed);
    const diff = { creates: [], updates: [], deletes: [], unchanged: 0, unmanagedRows: 0 };
    const pairs = {
        desired: (desired, current) => diffRow(diff, desired, current, columns),
        liveOnly: (key, row) => {
            if (config.prune)
                diff.deletes.push({ key, row });
            else
                diff.unmanagedRows += 1;
        },
    };
    // Both sides usually come in key order (files are kept sorted, the service pages by key):
    // then one walk pairs them, with no index of the live rows and no sort of the deletes.
    if (strictlyOrdered(config.rows, liveRows))
        mergeRows(config.rows, liveRows, pairs);
    else {
        indexRows(config.rows, liveRows, pairs);
        diff.deletes.sort((a, b) => (0,keys/* compareKeys */.Y)(a.key, b.key));
    }
    return diff;
}
/** Whether both lists are in key order with no key twice. */
function strictlyOrdered(desired, live) {
    for (let index = 1; index < desired.length; index++)
        if (!(desired[index - 1].key < desired[index].key))
            return false;
    for (let index = 1; index < live.length; index++)
        if (!(String(live[index - 1].key) < String(live[index].key)))
            return false;
    return true;
}
/** Pairs two lists in strict key order in one walk. */
function mergeRows(desired, live, pairing) {
    let next = 0;
    for (const row of desired) {
        while (next < live.length && String(live[next].key) < row.key) {
            pairing.liveOnly(String(live[next].key), live[next]);
            next += 1;
        }
        if (next < live.length && String(live[next].key) === row.key) {
            pairing.desired(row, live[next]);
            next += 1;
        }
        else
            pairing.desired(row, undefined);
    }
    for (; next < live.length; next++)
        pairing.liveOnly(String(live[next].key), live[next]);
}
/** Pairs lists in any order (a repeated live key: the last one counts) through an index. */
function indexRows(desiredRows, liveRows, pairing) {
    const live = new Map();
    for (const row of liveRows)
        live.set(String(row.key), row);
    const desiredKeys = new Set();
    for (const desired of (0,keys/* sortedByKey */.A)(desiredRows, (row) => row.key)) {
        desiredKeys.add(desired.key);
        pairing.desired(desired, live.get(desired.key));
    }
    for (const [key, row] of live)
        if (!desiredKeys.has(key))
            pairing.liveOnly(key, row);
}
function diffRow(diff, desired, current, columns) {
    if (!current) {
        diff.creates.push({ key: desired.key, row: { key: desired.key, ...desired.cells } });
        return;
    }
    const cells = changedCells(desired, current, columns.compared);
    if (cells === undefined)
        diff.unchanged += 1;
    else
        diff.updates.push({
            key: desired.key,
            cells,
            before: current,
            after: fullRow(desired, current, columns),
        });
}
/** The columns compared (all but the key and the managed ones, in schema order), and the row order. */
function diffColumns(config, schema, managed) {
    const specs = new Map(config.columns.map((column) => [column.name, column]));
    const compared = Object.entries(schema.properties)
        .filter(([name]) => name !== 'key' && !managed.has(name))
        .map(([name, definition]) => {
        const by = specs.get(name)?.typedBy;
        return {
            name,
            definition,
            fallback: (0,genesys_schema/* defaultFor */.P)(definition),
            typedBy: by === undefined ? undefined : { column: by, fallback: specs.get(by)?.default },
        };
    });
    const after = [
        { name: 'key', from: 'key' },
        ...compared.map((column) => ({ name: column.name, from: 'desired', column })),
        ...[...managed].filter((name) => name !== 'key').map((name) => ({ name, from: 'live' })),
    ];
    const template = after.every((member) => member.from !== 'live')
        ? Object.fromEntries(after.map((member) => [member.name, '']))
        : undefined;
    return { compared, after, template };
}
/** Whether a cell holds json: its column is typed per row, and the row's kind is json. */
function holdsJson(desired, column) {
    if (column.typedBy === undefined)
        return false;
    return (desired.cells[column.typedBy.column] ?? column.typedBy.fallback) === 'json';
}
/** The cells of a row that change, in column order; undefined when none does. */
function changedCells(desired, current, compared) {
    let cells;
    for (let index = 0; index < compared.length; index++) {
        const column = compared[index];
        const wanted = desired.cells[column.name];
        const live = current[column.name];
        // The same value (or both missing) is the same cell whatever the column: no lookups.
        if (wanted === live)
            continue;
        if ((0,equality/* sameCell */.n)(wanted, live, column.definition, holdsJson(desired, column)))
            continue;
        cells ??= [];
        // Members in sorted (canonical) order: the digest writes the change as it is, without a copy.
        cells.push({
            after: wanted === undefined ? column.fallback : wanted,
            before: live ?? null,
            column: column.name,
        });
    }
    return cells;
}
/**
 * The whole row a PUT sends: every compared column (a left-out cell would revert to its default
 * anyway, so it is written as that default), plus the managed columns as they are live; the
 * deploy stamps those.
 */
function fullRow(desired, current, columns) {
    const row = columns.template ? { ...columns.template } : {};
    for (const member of columns.after) {
        if (member.from === 'desired') {
            const value = desired.cells[member.name];
            row[member.name] = value === undefined ? member.column.fallback : value;
        }
        else if (member.from === 'key')
            row.key = desired.key;
        else if (current[member.name] !== undefined)
            row[member.name] = current[member.name];
    }
    return row;
}

;// CONCATENATED MODULE: ./src/plan/diff.ts



/**
 * Diffs one table: the config's desired state against the live table (or nothing, when the
 * table does not exist). Pure and deterministic: rows come out sorted by key.
 */
function diffTable(config, live) {
    if (config.delete)
        return tombstoneDiff(config, live);
    const { schema, schemaChanges, blocked } = diffSchema(config, live);
    const managed = {
        version: config.columns.find((column) => column.managed === 'version')?.name,
        actor: config.columns.find((column) => column.managed === 'actor')?.name,
    };
    const managedNames = new Set([managed.version, managed.actor].filter((column) => column !== undefined));
    const rows = diffRows(config, live?.rows ?? [], schema, managedNames);
    const liveRowCount = live?.rows.length ?? 0;
    const tooMany = rowLimitProblem(config, liveRowCount, rows);
    return {
        name: live?.name ?? config.table.name ?? config.table.id,
        id: live?.id,
        file: config.file,
        division: config.division ?? live?.division,
        description: config.description,
        schema,
        managed,
        prune: config.prune,
        schemaChanges,
        blocked: tooMany ? [...blocked, tooMany] : blocked,
        ...rows,
        liveRowCount,
        rowLimit: config.limits.maxRows,
        liveFingerprint: live?.fingerprint ?? null,
    };
}
/**
 * A tombstone: the whole table is deleted, its rows with it (they are in the backup, not in
 * row deletes); a table that does not exist is already gone, and nothing is done.
 */
function tombstoneDiff(config, live) {
    return {
        name: live?.name ?? config.table.name ?? config.table.id,
        id: live?.id,
        file: config.file,
        division: live?.division,
        description: live?.description,
        schema: live?.schema ?? desiredTableSchema(config),
        managed: {},
        prune: false,
        schemaChanges: live ? [{ kind: 'delete-table', rows: live.rows.length }] : [],
        blocked: [],
        creates: [],
        updates: [],
        deletes: [],
        unchanged: 0,
        unmanagedRows: 0,
        liveRowCount: live?.rows.length ?? 0,
        rowLimit: config.limits.maxRows,
        liveFingerprint: live?.fingerprint ?? null,
        tombstone: true,
    };
}
/** The schema the table will have, the changes that take it there, and those refused. */
function diffSchema(config, live) {
    const desiredSchema = desiredTableSchema(config);
    const blocked = [];
    if (!live) {
        if (config.table.id !== undefined) {
            blocked.push({
                rule: 'table-not-found',
                message: `No data table has the id ${config.table.id}.`,
                hint: 'Check table_id, or give the table by name ("table:") so that it can be created.',
            });
        }
        const columns = Object.keys(desiredSchema.properties).length;
        return { schema: desiredSchema, schemaChanges: [{ kind: 'create-table', columns }], blocked };
    }
    const evolution = compareWithLive(config, live.schema);
    for (const item of evolution.findings)
        blocked.push({ rule: item.rule, column: item.field, message: item.message, hint: item.hint });
    // Existing columns keep their live definition: the service accepts only added fields.
    const properties = { ...live.schema.properties };
    const schemaChanges = [];
    for (const column of evolution.added) {
        const definition = desiredSchema.properties[column.name];
        properties[column.name] = { ...definition, displayOrder: Object.keys(properties).length };
        schemaChanges.push({
            kind: 'add-column',
            column: column.name,
            type: column.type,
            definition: properties[column.name],
        });
    }
    return { schema: { ...live.schema, properties }, schemaChanges, blocked };
}
/**
 * The service refuses a create past the table's row limit, so the rows the table ends with
 * must fit (unmanaged rows count too); apply orders deletes first when only they make room.
 */
function rowLimitProblem(config, liveRowCount, rows) {
    const finalRows = liveRowCount + rows.creates.length - rows.deletes.length;
    if (finalRows <= config.limits.maxRows)
        return undefined;
    const unmanaged = rows.unmanagedRows > 0 ? `, ${rows.unmanagedRows} of them not in the file` : '';
    return {
        rule: 'row-limit',
        message: `After this deploy the table would hold ${finalRows} rows (${liveRowCount} now, ${rows.creates.length} created, ${rows.deletes.length} deleted${unmanaged}); at most ${config.limits.maxRows} fit.`,
        hint: 'Remove rows from the file, set prune: true so that rows missing from it are deleted, or raise limits.maxRows if Genesys raised the limit for your org.',
    };
}


/***/ }),

/***/ 65641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ markdownCode),
/* harmony export */   KN: () => (/* binding */ displayValue),
/* harmony export */   dI: () => (/* binding */ markdownValue),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   vu: () => (/* binding */ tombstoneText)
/* harmony export */ });
/* harmony import */ var _config_guard_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13739);

/**
 * A cell value as a person should see it in a plan: values the secret guard would flag are
 * masked (whatever their source: live rows can hold anything), long values are shortened, and
 * "not set" and "empty" are said in words.
 */
function displayValue(value, maxLength = 120) {
    if (value === null || value === undefined)
        return '(not set)';
    if (typeof value !== 'string')
        return String(value);
    if (value === '')
        return '(empty)';
    if ((0,_config_guard_js__WEBPACK_IMPORTED_MODULE_0__/* .detectSensitive */ .CP)(value).length > 0)
        return `(masked: ${(0,_config_guard_js__WEBPACK_IMPORTED_MODULE_0__/* .maskValue */ .QS)(value)})`;
    const characters = [...value];
    return characters.length > maxLength
        ? `${characters.slice(0, maxLength).join('')}…(${characters.length} characters)`
        : value;
}
const CODE_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '@': '&#64;',
    '#': '&#35;',
    '`': '&#96;',
    '\\': '&#92;',
    '\n': '⏎',
    '\r': '',
};
/**
 * Text safe inside a GitHub markdown table cell as inline code: HTML-escaped (so no markup or
 * HTML gets through), pipes escaped (so the table holds), `@` and `#` escaped (so no one is
 * mentioned and no issue is linked), newlines shown as ⏎. One pass, so no escape is escaped.
 */
function markdownCode(text) {
    return `<code>${text.replace(/[&<>|@#`\\\r\n]/g, (char) => CODE_ESCAPES[char])}</code>`;
}
/** Text for HTML contexts (summaries): escaped, with mentions and references neutralised. */
function htmlText(text) {
    return text.replace(/[&<>@#]/g, (char) => CODE_ESCAPES[char]);
}
/** A value for a markdown table cell: masked, shortened, escaped. */
function markdownValue(value, maxLength = 120) {
    if (value === null || value === undefined || value === '')
        return `<i>${displayValue(value)}</i>`;
    return markdownCode(displayValue(value, maxLength));
}
/** What a tombstone does to its table, in the words both plan renderings use. */
function tombstoneText(table) {
    const deleted = table.schemaChanges.find((change) => change.kind === 'delete-table');
    if (!deleted)
        return `already gone: no table ${table.name} exists, nothing to delete`;
    const rows = deleted.rows ?? 0;
    return `DELETE TABLE ${table.name} (${rows} row${rows === 1 ? '' : 's'})`;
}


/***/ }),

/***/ 32335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ effectiveValue),
/* harmony export */   n: () => (/* binding */ sameCell)
/* harmony export */ });
/* harmony import */ var _genesys_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17155);
/* harmony import */ var _canonical_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34917);


/**
 * Cell equality as the service sees it: a missing cell is the default the service fills; numbers
 * compare by value (1 and 1.0 are one number); json text compares by parsed value, so that
 * re-serialising (spacing, key order) is not a change.
 */
function effectiveValue(value, column) {
    return value === undefined ? (0,_genesys_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultFor */ .P)(column) : value;
}
function sameCell(desired, live, column, json) {
    const a = effectiveValue(desired, column);
    const b = effectiveValue(live, column);
    if (a === b)
        return true;
    if (column.type === 'integer' || column.type === 'number')
        return Number(a) === Number(b);
    if (json && typeof a === 'string' && typeof b === 'string')
        return sameJson(a, b);
    return false;
}
function sameJson(a, b) {
    try {
        return (0,_canonical_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(JSON.parse(a)) === (0,_canonical_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(JSON.parse(b));
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 67442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gz: () => (/* binding */ apiHostOf),
/* harmony export */   p7: () => (/* binding */ environmentOf),
/* harmony export */   p8: () => (/* binding */ planConfigs)
/* harmony export */ });
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22143);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8181);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74471);




/**
 * Plans valid configs against the live tables: picks the files for the environment, reads
 * their tables within the client's rate budget and builds the plan, bound to the client's org
 * (API host), the environment and the deployment. The one way the CLI and the action plan.
 * Throws a {@link ConfigurationError} when no environment is given and the files bind to more
 * than one.
 */
async function planConfigs(configs, client, options) {
    const { logger } = options;
    const environment = environmentOf(configs, options.environment);
    const selected = configs.filter((config) => {
        const included = environment === undefined || config.environment === undefined || config.environment === environment;
        if (!included)
            logger.info(`skipping ${config.file}: bound to environment "${config.environment}"`);
        return included;
    });
    if (selected.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`No config file is bound to environment "${environment}".`, 'Check the environment setting, and the "environment:" of the files.');
    }
    logger.info(`Reading ${selected.length} table${selected.length === 1 ? '' : 's'} from ${client.endpoints.apiBase}…`);
    const snapshot = await (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .readSnapshot */ .RA)(client.tables, selected, {
        onTable: (name, rows) => logger.info(`  ${name}: ${rows} rows`),
    });
    selected.forEach((config, index) => {
        if (!snapshot[index])
            logger.info(`  ${(0,_config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .tableLabel */ .Fr)(config)}: does not exist yet`);
    });
    refuseSameLiveTable(selected, snapshot);
    options.onRead?.(snapshot);
    return (0,_build_js__WEBPACK_IMPORTED_MODULE_2__/* .buildPlan */ .Gg)(selected, snapshot, {
        apiHost: apiHostOf(client),
        environment,
        deployment: options.deployment,
        thresholds: options.thresholds,
        ratePerMinute: client.budget.stats().currentRatePerMinute,
        strategy: options.strategy,
    });
}
/**
 * Two files that name one live table in two ways (by name and by `table_id`) would plan it
 * twice, back it up twice and write it from both: refused before anything is written.
 */
function refuseSameLiveTable(configs, snapshot) {
    const fileById = new Map();
    snapshot.forEach((live, index) => {
        if (!live)
            return;
        const file = configs[index].file;
        const other = fileById.get(live.id);
        if (other !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${other} and ${file} both describe the live table ${live.name} (id ${live.id}): one names it, the other gives its table_id.`, 'Keep one file per table: delete one of the two files, or merge them.');
        fileById.set(live.id, file);
    });
}
/** The host plans and backups record, and are checked against: `api.mypurecloud.com`, `127.0.0.1:8080`. */
function apiHostOf(client) {
    return new URL(client.endpoints.apiBase).host;
}
/** The environment given, else the one the files bind to (the policy and the plan's binding). */
function environmentOf(configs, given) {
    return given ?? soleEnvironment(configs);
}
/**
 * The one environment the files bind to, when no environment was given. Files bound to several
 * would otherwise deploy together, each to whatever org the credentials reach: refused.
 */
function soleEnvironment(configs) {
    const bound = [...new Set(configs.flatMap((config) => config.environment ?? []))].sort();
    if (bound.length <= 1)
        return bound[0];
    const names = `${bound.slice(0, -1).join(', ')} and ${bound.at(-1)}`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`The config files bind to ${names}; a deploy goes to one environment.`, 'Pass --environment (CLI) or the environment input (action) to choose one; files bound to other environments are skipped.');
}


/***/ }),

/***/ 70755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ DEFAULT_THRESHOLDS),
/* harmony export */   S: () => (/* binding */ evaluateThresholds)
/* harmony export */ });
const DEFAULT_THRESHOLDS = {
    maxChangedRows: 50,
    maxChangedPercent: 20,
    maxDeletedRows: 0,
    maxTotalChangedRows: 200,
    schemaChangesNeedApproval: true,
};
/** Every threshold the tables cross, with the limit and the actual figure. */
function evaluateThresholds(tables, settings = DEFAULT_THRESHOLDS) {
    const crossings = [];
    let total = 0;
    for (const table of tables) {
        const changed = table.creates.length + table.updates.length + table.deletes.length;
        total += changed;
        if (changed > settings.maxChangedRows) {
            crossings.push({
                kind: 'changed-rows',
                table: table.name,
                limit: settings.maxChangedRows,
                actual: changed,
                message: `${table.name}: ${rows(changed)} change; the limit is ${settings.maxChangedRows}.`,
            });
        }
        // A share of an empty or new table means nothing; the count and the schema rule cover it.
        // Compared exactly: 500 of 2,495 rows (20.04 %) crosses a 20 % limit; rounding is for display.
        if (table.liveRowCount > 0 && changed * 100 > settings.maxChangedPercent * table.liveRowCount) {
            const percent = shownAbove((changed / table.liveRowCount) * 100, settings.maxChangedPercent);
            crossings.push({
                kind: 'changed-percent',
                table: table.name,
                limit: settings.maxChangedPercent,
                actual: percent,
                message: `${table.name}: ${percent}% of its ${table.liveRowCount} rows change; the limit is ${settings.maxChangedPercent}%.`,
            });
        }
        if (table.deletes.length > settings.maxDeletedRows) {
            crossings.push({
                kind: 'deleted-rows',
                table: table.name,
                limit: settings.maxDeletedRows,
                actual: table.deletes.length,
                message: `${table.name}: ${rows(table.deletes.length)} ${table.deletes.length === 1 ? 'is' : 'are'} deleted; the limit is ${settings.maxDeletedRows}.`,
            });
        }
        const deleted = table.schemaChanges.find((change) => change.kind === 'delete-table');
        // Deleting a table always needs an approval, whatever the settings.
        if (deleted) {
            crossings.push({
                kind: 'table-delete',
                table: table.name,
                limit: 0,
                actual: deleted.rows,
                message: `${table.name}: the table is deleted with its ${rows(deleted.rows)}; deleting a table always needs approval.`,
            });
        }
        else if (settings.schemaChangesNeedApproval && table.schemaChanges.length > 0) {
            const what = table.schemaChanges.some((change) => change.kind === 'create-table')
                ? 'the table is created'
                : `${table.schemaChanges.length} column${table.schemaChanges.length === 1 ? ' is' : 's are'} added`;
            crossings.push({
                kind: 'schema-change',
                table: table.name,
                limit: 0,
                actual: table.schemaChanges.length,
                message: `${table.name}: ${what}; schema changes need approval.`,
            });
        }
    }
    if (total > settings.maxTotalChangedRows) {
        crossings.push({
            kind: 'total-changed-rows',
            limit: settings.maxTotalChangedRows,
            actual: total,
            message: `${rows(total)} change across all tables; the limit is ${settings.maxTotalChangedRows}.`,
        });
    }
    return crossings;
}
/** A percentage with as few decimals as still show it above the limit (20.04, not 20.0). */
function shownAbove(percent, limit) {
    for (const decimals of [1, 2, 3, 4, 6]) {
        const shown = Math.round(percent * 10 ** decimals) / 10 ** decimals;
        if (shown > limit)
            return shown;
    }
    return percent;
}
const rows = (count) => `${count} row${count === 1 ? '' : 's'}`;


/***/ }),

/***/ 75107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l$: () => (/* binding */ POLICY_PATH),
  NB: () => (/* binding */ logins),
  ON: () => (/* binding */ parsePolicy),
  Js: () => (/* binding */ policyFindings),
  KV: () => (/* binding */ policyFor),
  OI: () => (/* binding */ strictest),
  kL: () => (/* binding */ tighten)
});

;// CONCATENATED MODULE: ./schema/datatable-policy.schema.json
const datatable_policy_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://datatable-deploy.dev/schema/datatable-policy.schema.json","title":"datatable-deploy policy file (format 1)","description":"The deploy policy: approval thresholds, required approvals and approvers, change windows, freezes and emergency approvers, with per-environment sections. The action reads it as it is on the base branch, so a pull request is judged by the policy it would change.","type":"object","additionalProperties":false,"required":["version"],"properties":{"version":{"description":"Version of this file format. Only 1 exists.","const":1},"defaults":{"description":"What applies to every environment, unless its own section says otherwise.","$ref":"#/definitions/section"},"environments":{"description":"Per environment (the environment setting of the action or CLI): settings that replace the defaults. Thresholds are merged one by one; every other setting is replaced whole.","type":"object","propertyNames":{"pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},"additionalProperties":{"$ref":"#/definitions/section"}}},"definitions":{"login":{"description":"A GitHub login (case does not matter; a leading @ is allowed).","type":"string","pattern":"^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\\\[bot\\\\])?$"},"section":{"type":"object","additionalProperties":false,"properties":{"thresholds":{"description":"Above any of these a plan needs an approval.","type":"object","additionalProperties":false,"properties":{"maxChangedRows":{"description":"Rows created, updated and deleted in one table. Default 50.","type":"integer","minimum":0},"maxChangedPercent":{"description":"The same as a percentage of the table\'s live rows. Default 20.","type":"number","minimum":0,"maximum":100},"maxDeletedRows":{"description":"Rows deleted in one table. Default 0: any delete needs approval.","type":"integer","minimum":0},"maxTotalChangedRows":{"description":"Rows changed across all tables. Default 200.","type":"integer","minimum":0},"schemaChangesNeedApproval":{"description":"Whether creating a table or adding a column needs approval. Default true.","type":"boolean"}}},"approvals":{"description":"Who may approve a plan that needs approval, and how many must.","type":"object","additionalProperties":false,"properties":{"required":{"description":"Approvals of the current plan needed. Default 1; at least 1.","type":"integer","minimum":1,"maximum":20},"approvers":{"description":"When given, only these logins may approve (never the pull request\'s author). When empty or absent, anyone with write, maintain or admin permission may.","type":"array","items":{"$ref":"#/definitions/login"},"uniqueItems":true}}},"timezone":{"description":"IANA time zone of the windows and freezes that do not name their own. Default UTC.","type":"string","minLength":1},"windows":{"description":"Weekly windows in which a deploy or rollback may start. None: any time (except freezes).","type":"array","items":{"type":"object","additionalProperties":false,"required":["days","from","to"],"properties":{"days":{"type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["mon","tue","wed","thu","fri","sat","sun"]}},"from":{"description":"Local start time, HH:MM (inclusive).","type":"string","pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]$"},"to":{"description":"Local end time, HH:MM (exclusive; 24:00 allowed). Earlier than from: the window runs past midnight.","type":"string","pattern":"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"},"timezone":{"type":"string","minLength":1}}}},"freezes":{"description":"Periods in which no deploy or rollback may start (whole local dates, inclusive).","type":"array","items":{"type":"object","additionalProperties":false,"required":["from","to","reason"],"properties":{"from":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"},"to":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"},"reason":{"type":"string","minLength":1,"maxLength":200},"timezone":{"type":"string","minLength":1}}}},"emergency":{"description":"The emergency override of windows and freezes.","type":"object","additionalProperties":false,"properties":{"approvers":{"description":"Logins who may grant an emergency override. Empty or absent: no override is possible.","type":"array","items":{"$ref":"#/definitions/login"},"uniqueItems":true}}}}}}}');
// EXTERNAL MODULE: ./src/config/ajv.ts
var ajv = __webpack_require__(4913);
// EXTERNAL MODULE: ./src/config/findings.ts
var config_findings = __webpack_require__(74770);
// EXTERNAL MODULE: ./src/config/structure.ts + 1 modules
var structure = __webpack_require__(26149);
// EXTERNAL MODULE: ./src/config/yaml-source.ts + 4 modules
var yaml_source = __webpack_require__(79017);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/plan/thresholds.ts
var thresholds = __webpack_require__(70755);
// EXTERNAL MODULE: ./src/policy/windows.ts + 2 modules
var windows = __webpack_require__(3423);
;// CONCATENATED MODULE: ./src/policy/policy.ts








/**
 * Where the policy lives in the repository. Fixed on purpose: were it an input, a change to a
 * workflow file could point the gate at a looser file. Under .github/ so that the CODEOWNERS
 * rule that protects the workflows protects it too.
 */
const POLICY_PATH = '.github/datatable-deploy/policy.yaml';
let validator;
/**
 * Everything wrong with a policy file, each at its line and column: YAML, the schema
 * (schema/datatable-policy.schema.json), and the windows and freezes (zones, dates, times).
 */
function policyFindings(file, bytes) {
    const source = (0,yaml_source/* parseYamlSource */.WF)(file, bytes);
    if (Array.isArray(source))
        return { findings: source };
    const findings = (0,structure/* checkStructure */.w)(source, source.value, (validator ??= (0,ajv/* createAjv */.g)().compile(datatable_policy_schema_namespaceObject)));
    if (findings.length > 0)
        return { findings };
    const policy = source.value;
    for (const [name, section] of sections(policy)) {
        try {
            (0,windows/* checkSchedule */.qB)(scheduleOf(section, 'UTC'), `${file} ${name}`);
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigurationError */.j1))
                throw error;
            const node = source.doc.getIn(name.split('.'), true);
            findings.push((0,config_findings/* finding */.gk)('schema-value', file, (0,yaml_source/* positionOf */.df)(source, node), error.message, error.hint ? { hint: error.hint } : {}));
        }
    }
    return findings.length > 0 ? { findings } : { policy, findings };
}
/** Parses and checks a policy file; a broken one is refused with every finding's place. */
function parsePolicy(file, bytes) {
    const { policy, findings } = policyFindings(file, bytes);
    if (policy)
        return policy;
    throw new errors/* ConfigurationError */.j1(
    // The findings' own hints speak of config files; the schema reference is the fix here.
    `The policy file ${file} is not valid:\n${findings.map((item) => `  ${item.file}:${item.line}:${item.column} ${item.message}`).join('\n')}`, 'Correct it against schema/datatable-policy.schema.json (see "The policy file" in the README).');
}
/** The policy for `environment`: the defaults, with the environment's own section over them. */
function policyFor(file, environment, source) {
    const defaults = file?.defaults ?? {};
    const own = (environment !== undefined && file?.environments?.[environment]) || {};
    const merged = { ...defaults, ...own };
    const timezone = merged.timezone ?? 'UTC';
    return {
        source,
        environment,
        thresholds: { ...thresholds/* DEFAULT_THRESHOLDS */.J, ...defaults.thresholds, ...own.thresholds },
        approvals: {
            required: merged.approvals?.required ?? 1,
            approvers: logins(merged.approvals?.approvers),
            narrowedTo: [],
        },
        schedules: [scheduleOf({ ...merged, timezone }, timezone)],
        emergencyApprovers: logins(merged.emergency?.approvers),
    };
}
/**
 * Applies inputs to a policy, only ever tightening it: a lower limit wins, more approvals win,
 * and an approver list narrows who may approve, never widens it.
 */
function tighten(policy, tightening) {
    const thresholds = { ...policy.thresholds };
    for (const [field, value] of Object.entries(tightening.thresholds ?? {}))
        thresholds[field] = Math.min(thresholds[field], value);
    return {
        ...policy,
        thresholds,
        approvals: {
            ...policy.approvals,
            required: Math.max(policy.approvals.required, tightening.requiredApprovals ?? 0),
            narrowedTo: logins(tightening.approvers),
        },
    };
}
/**
 * The strictest of several policies of one environment (the base's, and others a deploy must
 * also honour): the lowest limits, the most approvals, and every window and freeze. Who may
 * approve or override stays the primary's: a list from another commit (the change itself,
 * say) must not name new people.
 */
function strictest(primary, others) {
    return others.reduce((strict, other) => {
        const thresholds = { ...strict.thresholds };
        for (const field of [
            'maxChangedRows',
            'maxChangedPercent',
            'maxDeletedRows',
            'maxTotalChangedRows',
        ])
            thresholds[field] = Math.min(thresholds[field], other.thresholds[field]);
        thresholds.schemaChangesNeedApproval ||= other.thresholds.schemaChangesNeedApproval;
        return {
            ...strict,
            source: strict.source === other.source ? strict.source : `${strict.source}, and ${other.source}`,
            thresholds,
            approvals: {
                ...strict.approvals,
                required: Math.max(strict.approvals.required, other.approvals.required),
            },
            schedules: [...strict.schedules, ...other.schedules],
        };
    }, primary);
}
/** Logins as compared: lower case, without a leading @. */
function logins(list) {
    return (list ?? []).map((login) => login.replace(/^@/, '').toLowerCase());
}
function sections(policy) {
    return [
        ['defaults', policy.defaults ?? {}],
        ...Object.entries(policy.environments ?? {}).map(([name, section]) => [
            `environments.${name}`,
            section,
        ]),
    ];
}
function scheduleOf(section, fallbackZone) {
    const timezone = section.timezone ?? fallbackZone;
    return {
        windows: (section.windows ?? []).map((window) => ({
            ...window,
            days: window.days,
            timezone: window.timezone ?? timezone,
        })),
        freezes: (section.freezes ?? []).map((freeze) => ({ ...freeze, timezone: freeze.timezone ?? timezone })),
    };
}


/***/ }),

/***/ 3423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qB: () => (/* reexport */ checkSchedule),
  T8: () => (/* binding */ windowStatus)
});

// UNUSED EXPORTS: NEXT_OPEN_SEARCH_DAYS

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/policy/zone-clock.ts
// The time-zone clock for schedules: local wall-clock times and UTC offsets via Intl, with caches.
// Zone arithmetic. A "wall" value is a local date and time written as milliseconds since the
// epoch as if it were UTC, so that day and minute fall out by division.
const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map();
function formatterFor(zone) {
    let formatter = formatters.get(zone);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
        });
        formatters.set(zone, formatter);
    }
    return formatter;
}
/** The last answer per zone: a step of the search asks the same of every freeze in a zone. */
const lastWallClock = new Map();
/** The local wall clock in `zone` at `instant`, to the second. */
function wallClockAt(instant, zone) {
    const last = lastWallClock.get(zone);
    if (last?.instant === instant)
        return last.wall;
    const wall = formatWallClock(instant, zone);
    lastWallClock.set(zone, { instant, wall });
    return wall;
}
function formatWallClock(instant, zone) {
    const fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    for (const part of formatterFor(zone).formatToParts(instant)) {
        if (part.type in fields)
            fields[part.type] = Number(part.value);
    }
    const { year, month, day, hour, minute, second } = fields;
    return Date.UTC(year, month - 1, day, hour % 24, minute, second);
}
/** The zone's UTC offset at `instant`, in milliseconds. */
function offsetAt(instant, zone) {
    return wallClockAt(instant, zone) - Math.floor(instant / 1000) * 1000;
}
/**
 * Every instant at which the wall clock in `zone` reads `wall`: one normally, two in a repeated
 * (autumn) hour. A time skipped by a spring-forward jump never shows on the clock; the instant of
 * the jump stands in for it, as the first moment at or after that local time.
 */
function instantsOfWall(wall, zone) {
    const offsetBefore = offsetAt(wall - DAY, zone);
    const offsetAfter = offsetAt(wall + DAY, zone);
    const instants = [...new Set([wall - offsetBefore, wall - offsetAfter])]
        .filter((instant) => wallClockAt(instant, zone) === wall)
        .sort((a, b) => a - b);
    if (instants.length > 0)
        return instants;
    return [firstInstantWithNewOffset(wall - offsetAfter, wall - offsetBefore, zone)];
}
/**
 * The instant at which the zone's offset changes between `low` (old offset) and `high` (new
 * offset), by bisection. Offsets change only on whole minutes, so minute steps find it exactly.
 */
function firstInstantWithNewOffset(low, high, zone) {
    let before = Math.floor(low / MINUTE);
    let after = Math.ceil(high / MINUTE);
    const oldOffset = offsetAt(before * MINUTE, zone);
    while (after - before > 1) {
        const middle = Math.floor((before + after) / 2);
        if (offsetAt(middle * MINUTE, zone) === oldOffset)
            before = middle;
        else
            after = middle;
    }
    return after * MINUTE;
}
/** The first offset change (DST jump) in (start, end], or undefined. Assumes at most one a day. */
function firstOffsetChangeBetween(start, end, zone) {
    const startOffset = offsetAt(start, zone);
    for (let low = start; low < end; low += DAY) {
        const high = Math.min(low + DAY, end);
        if (offsetAt(high, zone) !== startOffset)
            return firstInstantWithNewOffset(low, high, zone);
    }
    return undefined;
}
function dayOf(wall) {
    return Math.floor(wall / DAY);
}
/** 0 is Sunday; day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day) {
    return (((day + 4) % 7) + 7) % 7;
}

;// CONCATENATED MODULE: ./src/policy/schedule-check.ts
// Schedule validation: checkSchedule, and the compiling of times, dates, days, zones and lists it checks.


/** Indexed like `Date.prototype.getUTCDay`: 0 is Sunday. */
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_LIST = 'mon, tue, wed, thu, fri, sat, sun';
/**
 * Throws ConfigurationError naming `where` and the fix, for a bad timezone, weekday, time
 * ("25:00", "9:5"), date (2026-02-30), from > to in a freeze, empty days, or a missing list.
 * `where` locates the object that holds `windows` and `freezes` (e.g.
 * 'policy.yaml environments.prod'); messages append the path below it, such as
 * `.windows[0].from`.
 */
function checkSchedule(schedule, where) {
    compileSchedule(schedule, where);
}
/** Checks `schedule` as `checkSchedule` does, and returns it compiled for matching and search. */
function compileSchedule(schedule, where) {
    const windows = requireList(schedule?.windows, `${where}.windows`, 'change windows');
    const freezes = requireList(schedule?.freezes, `${where}.freezes`, 'freezes');
    return {
        windows: windows.map((window, index) => compileWindow(window, `${where}.windows[${index}]`)),
        freezes: freezes.map((freeze, index) => compileFreeze(freeze, `${where}.freezes[${index}]`)),
    };
}
function requireList(value, location, what) {
    if (Array.isArray(value))
        return value;
    throw new errors/* ConfigurationError */.j1(`${location}: expected a list of ${what}, got ${shown(value)}.`, `Give a list, or [] for none.`);
}
function compileWindow(window, location) {
    requireObject(window, location, 'a change window with days, from, to and timezone');
    checkTimeZone(window.timezone, `${location}.timezone`);
    return {
        source: window,
        days: parseDays(window.days, `${location}.days`),
        from: parseTime(window.from, `${location}.from`, false),
        to: parseTime(window.to, `${location}.to`, true),
    };
}
function compileFreeze(freeze, location) {
    requireObject(freeze, location, 'a freeze with from, to, reason and timezone');
    checkTimeZone(freeze.timezone, `${location}.timezone`);
    const firstDay = parseDate(freeze.from, `${location}.from`);
    const lastDay = parseDate(freeze.to, `${location}.to`);
    if (firstDay > lastDay) {
        throw new errors/* ConfigurationError */.j1(`${location}: from ${freeze.from} is after to ${freeze.to}; expected from on or before to.`, 'Swap the two dates; for a one-day freeze give the same date twice.');
    }
    if (typeof freeze.reason !== 'string' || freeze.reason.trim() === '') {
        throw new errors/* ConfigurationError */.j1(`${location}.reason: expected a short text saying why deploys are frozen, got ${shown(freeze.reason)}.`, 'Add a reason, e.g. reason: "Year-end"; it is shown to whoever is refused.');
    }
    return { source: freeze, firstDay, lastDay };
}
function requireObject(value, location, expected) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return;
    throw new errors/* ConfigurationError */.j1(`${location}: expected ${expected}, got ${shown(value)}.`, `Write it as a map.`);
}
function checkTimeZone(zone, location) {
    // Intl also accepts offsets such as "+01:00" on newer Node, but they know nothing of DST.
    const known = typeof zone === 'string' && /^[A-Za-z]/.test(zone) && isKnownTimeZone(zone);
    if (known)
        return;
    throw new errors/* ConfigurationError */.j1(`${location}: ${shown(zone)} is not a known IANA time zone; expected a name such as "Europe/Berlin".`, 'Use a name from the IANA time-zone database, e.g. "Europe/Berlin", "America/New_York", "Asia/Kolkata" or "UTC".');
}
function isKnownTimeZone(zone) {
    try {
        formatterFor(zone);
        return true;
    }
    catch {
        return false;
    }
}
function parseDays(days, location) {
    if (!Array.isArray(days) || days.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${location}: expected at least one weekday (${WEEKDAY_LIST}), got ${shown(days)}.`, 'List the days on which the window opens, e.g. days: [mon, tue, wed, thu]; to allow any time, remove all windows.');
    }
    return new Set(days.map((day, index) => {
        const weekday = WEEKDAYS.indexOf(day);
        if (weekday >= 0)
            return weekday;
        throw new errors/* ConfigurationError */.j1(`${location}[${index}]: ${shown(day)} is not a weekday; expected one of ${WEEKDAY_LIST}.`, 'Write weekdays as three lower-case letters, e.g. [mon, tue, wed, thu].');
    }));
}
/** Minutes after midnight for "HH:MM"; "24:00" only where `allowMidnightEnd`. */
function parseTime(value, location, allowMidnightEnd) {
    const match = typeof value === 'string' ? /^(\d\d):(\d\d)$/.exec(value) : null;
    const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
    const valid = match !== null && Number(match[2]) < 60 && (minutes < 1440 || (allowMidnightEnd && minutes === 1440));
    if (valid)
        return minutes;
    const range = allowMidnightEnd ? '00:00 to 24:00' : '00:00 to 23:59';
    throw new errors/* ConfigurationError */.j1(`${location}: ${shown(value)} is not a time; expected "HH:MM" in 24-hour form, ${range}.`, 'Write two-digit hours and minutes, e.g. "09:00" or "16:30", and quote the value in YAML.');
}
/** Days since 1970-01-01 for a real calendar date "YYYY-MM-DD". */
function parseDate(value, location) {
    const match = typeof value === 'string' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(value) : null;
    if (match) {
        const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
        const date = new Date(Date.UTC(year, month - 1, day));
        // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
        if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
            return date.getTime() / DAY;
        }
    }
    throw new errors/* ConfigurationError */.j1(`${location}: ${shown(value)} is not a date; expected a calendar date written YYYY-MM-DD.`, 'Write a date that exists, e.g. "2026-12-20", and quote it in YAML.');
}
function shown(value) {
    if (value === undefined)
        return 'nothing';
    if (value instanceof Date)
        return `a timestamp (${value.toISOString()})`;
    return JSON.stringify(value) ?? String(value);
}

;// CONCATENATED MODULE: ./src/policy/windows.ts



/** How far ahead `nextOpen` is searched. */
const NEXT_OPEN_SEARCH_DAYS = 400;
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
// ---------------------------------------------------------------------------------------------
// Membership and search
function isInsideWindow(window, instant) {
    const wall = wallClockAt(instant, window.source.timezone);
    const day = dayOf(wall);
    const minute = Math.floor((wall - day * DAY) / MINUTE);
    const startsToday = window.days.has(weekdayOf(day)) && minute >= window.from;
    if (window.from < window.to)
        return startsToday && minute < window.to;
    const startedYesterday = window.days.has(weekdayOf(day - 1)) && minute < window.to;
    return startsToday || startedYesterday;
}
function windowAt(windows, instant) {
    return windows.find((window) => isInsideWindow(window, instant));
}
function isInsideWindows(windows, instant) {
    return windows.length === 0 || windowAt(windows, instant) !== undefined;
}
function freezeAt(freezes, instant) {
    return freezes.find((freeze) => {
        const day = dayOf(wallClockAt(instant, freeze.source.timezone));
        return day >= freeze.firstDay && day <= freeze.lastDay;
    });
}
/** The first instant after `instant` at which the freeze's last local date is over. */
function freezeEndAfter(freeze, instant) {
    const midnights = instantsOfWall((freeze.lastDay + 1) * DAY, freeze.source.timezone);
    return midnights.find((midnight) => midnight > instant) ?? instant + MINUTE;
}
/**
 * The first instant after `instant` at which the window may open: its start time on one of its
 * days, or a DST jump (which can move the wall clock into the window).
 */
function nextStartOfWindow(window, instant) {
    const zone = window.source.timezone;
    const today = dayOf(wallClockAt(instant, zone));
    let start;
    for (let day = today - 1; day <= today + 8 && start === undefined; day++) {
        if (!window.days.has(weekdayOf(day)))
            continue;
        start = instantsOfWall(day * DAY + window.from * MINUTE, zone).find((candidate) => candidate > instant);
    }
    const jump = firstOffsetChangeBetween(instant, start ?? instant + 9 * DAY, zone);
    return jump !== undefined && (start === undefined || jump < start) ? jump : start;
}
function nextStartOfAnyWindow(windows, instant) {
    let earliest;
    for (const window of windows) {
        const start = nextStartOfWindow(window, instant);
        if (start !== undefined && (earliest === undefined || start < earliest))
            earliest = start;
    }
    return earliest;
}
/**
 * The earliest instant >= `now` inside a window and inside no freeze, at minute resolution, or
 * undefined if none within the search horizon. Jumps from candidate to candidate (window starts,
 * freeze ends, DST jumps), so a freeze costs one step however long it lasts.
 */
function findNextOpen(schedule, now) {
    const horizon = now + NEXT_OPEN_SEARCH_DAYS * DAY;
    let moment = now;
    while (moment <= horizon) {
        const freeze = freezeAt(schedule.freezes, moment);
        if (freeze) {
            moment = freezeEndAfter(freeze, moment);
            continue;
        }
        if (isInsideWindows(schedule.windows, moment))
            return moment;
        const next = nextStartOfAnyWindow(schedule.windows, moment);
        if (next === undefined)
            return undefined;
        moment = next;
    }
    return undefined;
}
// ---------------------------------------------------------------------------------------------
// Status and text
/**
 * Whether a deploy may start at `now` under `schedule`, and if not, why and when it next may.
 * Checks the schedule first (as `checkSchedule(schedule, 'schedule')`), so a bad schedule throws
 * ConfigurationError rather than answering wrongly.
 */
function windowStatus(schedule, now) {
    const compiled = compileSchedule(schedule, 'schedule');
    const instant = now.getTime();
    if (Number.isNaN(instant))
        throw new RangeError('windowStatus: `now` is an invalid Date.');
    const freeze = freezeAt(compiled.freezes, instant);
    const window = windowAt(compiled.windows, instant);
    if (!freeze && (window || compiled.windows.length === 0)) {
        const where = window ? `window ${describeWindow(window)}` : 'no change windows set, no freeze in force';
        return { open: true, window: window?.source, text: `open now (${where})` };
    }
    const found = findNextOpen(compiled, instant);
    const nextOpen = found === undefined ? undefined : new Date(found);
    const nextWindow = found === undefined ? undefined : windowAt(compiled.windows, found);
    const zone = nextWindow?.source.timezone ?? freeze?.source.timezone ?? 'UTC';
    const closed = { open: false, nextOpen, window: nextWindow?.source };
    if (freeze) {
        const then = nextOpen
            ? `deploys open again ${describeMoment(nextOpen, zone)}`
            : `deploys do not open again within ${NEXT_OPEN_SEARCH_DAYS} days`;
        const text = `closed: freeze ${describeFreeze(freeze)}; ${then}`;
        return { ...closed, closedBy: 'freeze', freeze: freeze.source, text };
    }
    const then = nextOpen
        ? `the next window opens ${describeMoment(nextOpen, zone)}`
        : `no window opens within ${NEXT_OPEN_SEARCH_DAYS} days outside the freezes`;
    const text = `closed: outside the change windows (${compiled.windows.map(describeWindow).join('; ')}); ${then}`;
    return { ...closed, closedBy: 'outside-window', text };
}
/** "Mon–Thu 09:00–16:00 Europe/Berlin". */
function describeWindow(window) {
    const { from, to, timezone } = window.source;
    return `${describeDays(window.days)} ${from}–${to} ${timezone}`;
}
/** Runs of three or more days as "Mon–Thu", others listed: "Mon, Wed, Fri–Sun". */
function describeDays(days) {
    const runs = [];
    for (const day of WEEK_ORDER.filter((weekday) => days.has(weekday))) {
        const run = runs.at(-1);
        const previous = run?.at(-1);
        if (run && previous !== undefined && WEEK_ORDER.indexOf(previous) + 1 === WEEK_ORDER.indexOf(day)) {
            run.push(day);
        }
        else
            runs.push([day]);
    }
    return runs
        .flatMap((run) => (run.length >= 3 ? [`${dayName(run[0])}–${dayName(run.at(-1))}`] : run.map(dayName)))
        .join(', ');
}
function dayName(weekday) {
    const name = WEEKDAYS[weekday];
    return name[0].toUpperCase() + name.slice(1);
}
/** "\"Year-end\" 2026-12-20 to 2027-01-04 (Europe/Berlin)". */
function describeFreeze(freeze) {
    const { from, to, reason, timezone } = freeze.source;
    const dates = from === to ? from : `${from} to ${to}`;
    return `${JSON.stringify(reason)} ${dates} (${timezone})`;
}
/** "Tue 2026-11-24 09:00 Europe/Berlin (2026-11-24T08:00:00Z)". */
function describeMoment(moment, zone) {
    const wall = wallClockAt(moment.getTime(), zone);
    const local = new Date(wall).toISOString();
    const utc = moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return `${dayName(weekdayOf(dayOf(wall)))} ${local.slice(0, 10)} ${local.slice(11, 16)} ${zone} (${utc})`;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The product version, reported by the CLI and in backups and user agents. */
const VERSION = '0.1.0';


/***/ })

};

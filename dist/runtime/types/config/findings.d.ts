import type { SourcePosition } from './types.js';
export type Severity = 'error' | 'warning';
/** One problem found in a config file. */
export interface Finding {
    severity: Severity;
    /** Stable rule id, e.g. `value-type`; documented with its fix in the README. */
    rule: string;
    file: string;
    line: number;
    column: number;
    table?: string | undefined;
    key?: string | undefined;
    /** The data-table column concerned (not the text column: that is `column`). */
    field?: string | undefined;
    message: string;
    hint?: string | undefined;
}
/**
 * Every rule, its default severity and the fix it suggests. The README's rule table lists the
 * same ids (a test keeps them in step).
 */
export declare const RULES: {
    readonly 'file-unreadable': readonly ["error", "Check the path and the file permissions."];
    readonly 'file-empty': readonly ["error", "Write the table definition, or delete the file."];
    readonly 'file-too-large': readonly ["error", "Split the table into several files, or raise --max-file-bytes."];
    readonly 'file-binary': readonly ["error", "Config files are UTF-8 text; this looks like a binary file."];
    readonly 'file-encoding': readonly ["error", "Save the file as UTF-8."];
    readonly 'no-config-files': readonly ["error", "Check the --config globs (quote them), or add files under datatables/."];
    readonly 'yaml-syntax': readonly ["error", "Fix the YAML at this position; quote values that contain \": \" or start with a special character."];
    readonly 'yaml-tab-indent': readonly ["error", "Indent with spaces: YAML does not allow tabs for indentation."];
    readonly 'yaml-duplicate-key': readonly ["error", "Remove or rename one of the two entries with the same name."];
    readonly 'yaml-alias-limit': readonly ["error", "Write the values out instead of expanding anchors and aliases so many times."];
    readonly 'key-reserved': readonly ["error", "Rename it: __proto__, constructor and prototype are not allowed as names."];
    readonly 'text-hazard': readonly ["error", "Remove the character: names must not hold control, zero-width or bidirectional-override characters."];
    readonly 'yaml-version': readonly ["error", "Remove the %YAML directive (or make it %YAML 1.2)."];
    readonly 'yaml-too-deep': readonly ["error", "Flatten the value: at most 32 levels of nesting are allowed."];
    readonly 'yaml-multiple-documents': readonly ["error", "Put one table in each file; remove the extra \"---\" documents."];
    readonly 'yaml11-boolean': readonly ["warning", "Quote the value if you mean the text; write true or false if you mean a boolean."];
    readonly 'schema-type': readonly ["error", "Use the shape shown in the README; e.g. \"columns\" is a map of column name to settings."];
    readonly 'schema-unknown-property': readonly ["error", "Remove the property or fix its spelling; the README lists every property."];
    readonly 'schema-required': readonly ["error", "Add the missing property."];
    readonly 'schema-value': readonly ["error", "Use one of the allowed values shown in the message."];
    readonly 'tombstone-content': readonly ["error", "A file with \"delete: true\" deletes its table: remove \"columns\" and \"rows\" from it, or remove \"delete: true\" to keep the table."];
    readonly 'table-duplicate': readonly ["error", "Keep one file per table: merge the rows, or point one file at another table."];
    readonly 'column-reserved-key': readonly ["error", "Remove the \"key\" column: the key is configured under \"key:\" and is always a string."];
    readonly 'column-invalid': readonly ["error", "Fix the column settings so that they agree with its type."];
    readonly 'typedby-invalid': readonly ["error", "Point typedBy at a string column whose enum lists only string, integer, number, boolean or json."];
    readonly 'managed-column-type': readonly ["error", "Make a \"version\" column an integer and an \"actor\" column a string."];
    readonly 'limit-columns': readonly ["error", "Use at most the allowed number of columns, or raise limits.maxColumns if Genesys raised it for your org."];
    readonly 'limit-rows': readonly ["error", "Split the rows across tables, or raise limits.maxRows if Genesys raised it for your org."];
    readonly 'key-missing': readonly ["error", "Give every row a key: the map key, or \"key:\" / the key column title in list form."];
    readonly 'key-empty': readonly ["error", "Use a non-empty key."];
    readonly 'key-too-long': readonly ["error", "Shorten the key (at most 256 characters by default)."];
    readonly 'key-duplicate': readonly ["error", "Keys must be unique in a table; remove or rename one of the rows."];
    readonly 'key-control-chars': readonly ["error", "Remove control characters (tabs, newlines, escapes) from the key."];
    readonly 'key-unsafe-chars': readonly ["error", "Rename the key without / ? # % \\: the service's handling of them in row URLs is not dependable."];
    readonly 'rows-invalid': readonly ["error", "Write \"rows:\" as a map of key → row or a list of rows; \"rows: {}\" for an empty table."];
    readonly 'row-not-map': readonly ["error", "Write the row as a map of column name to value."];
    readonly 'row-unknown-column': readonly ["error", "Add the column under \"columns:\", or fix the spelling in the row."];
    readonly 'row-managed-column': readonly ["error", "Remove the value: managed columns are stamped by each deploy."];
    readonly 'row-environment-mismatch': readonly ["error", "Set the row's environment to the file's, or move the row to the file for that environment."];
    readonly 'row-too-large': readonly ["error", "Shorten the row: Genesys refuses request bodies over 512,000 bytes."];
    readonly 'value-required': readonly ["error", "Give the column a value in this row, or give the column a default."];
    readonly 'value-type': readonly ["error", "Write the value as the column's type (the message says how)."];
    readonly 'value-enum': readonly ["error", "Use one of the values the column's enum lists."];
    readonly 'value-length': readonly ["error", "Shorten or lengthen the value to fit minLength / maxLength."];
    readonly 'value-range': readonly ["error", "Keep the number within minimum / maximum."];
    readonly 'value-pattern': readonly ["error", "Make the value match the column's pattern."];
    readonly 'typed-value': readonly ["error", "Make the value parse as the type its typedBy column names in this row, or change that type."];
    readonly 'json-value-schema': readonly ["error", "Make the json value match its JSON Schema under valueSchemas."];
    readonly 'value-schema-invalid': readonly ["error", "Fix the JSON Schema under valueSchemas (the message says what is wrong); rows it applies to are not checked against it until then."];
    readonly 'json-value-invalid': readonly ["error", "Write valid JSON, or write the value as a YAML map or list."];
    readonly 'secret-name': readonly ["error", "Do not keep credentials in data tables; if this name is harmless, add the rule to the column's or the row's allow list."];
    readonly 'secret-private-key': readonly ["error", "Remove the private key: data tables are readable by every flow and admin. Keep it in a secret store."];
    readonly 'secret-jwt': readonly ["error", "Remove the token: keep credentials in a secret store, not in a data table."];
    readonly 'secret-cloud-key': readonly ["error", "Remove the cloud credential and rotate it: it has been committed to git."];
    readonly 'secret-high-entropy': readonly ["error", "If this is not a secret (an id, a hash), add secret-high-entropy to the allow list for it."];
    readonly 'pii-card-number': readonly ["error", "Remove the card number: data tables must not hold payment data."];
    readonly 'pii-email': readonly ["error", "Data tables are not meant for personal data; if this is a shared mailbox, allow pii-email for it."];
    readonly 'pii-phone': readonly ["error", "Data tables are not meant for personal data; if this is a public number, allow pii-phone for it."];
    readonly 'no-contract-files': readonly ["error", "Check the --contracts globs (the contracts input), or put contracts under .github/datatable-deploy/consumers/."];
    readonly 'contract-duplicate': readonly ["error", "Keep one contract file per consumer: merge them, or rename one consumer."];
    readonly 'contract-schema-invalid': readonly ["error", "Fix the JSON Schema in the contract (the message says what is wrong); values are not checked against it until then."];
    readonly 'contract-value': readonly ["error", "Give the key a value the consumer can read, or change the consumer and its contract first."];
    readonly 'contract-required-key-missing': readonly ["error", "Add the row to the table, or drop the key from the contract's required list once the consumer no longer needs it."];
    readonly 'contract-key-missing': readonly ["warning", "Add the row, or remove the key from the contract; until then the consumer serves its safe default."];
    readonly 'contract-table-missing': readonly ["warning", "Add a config file for the table, or fix the table name in the contract."];
    readonly 'contract-column-missing': readonly ["error", "Name the column that holds the values in the contract's valueColumn, or add the column to the config."];
    readonly 'schema-column-removed': readonly ["error", "Genesys cannot remove a column: keep it in the file, or migrate to a new table."];
    readonly 'schema-column-retyped': readonly ["error", "Genesys cannot change a column's type: add a new column, backfill it, switch readers to it, then stop writing the old one."];
    readonly 'schema-column-renamed': readonly ["error", "Field ids cannot be renamed: keep the old name (change its title instead), or add the new column and backfill it."];
    readonly 'live-table-unreadable': readonly ["error", "Check the connection settings and the OAuth client's permissions."];
};
export type RuleId = keyof typeof RULES;
/** Builds a finding with the rule's severity and fix. */
export declare function finding(rule: RuleId, file: string, position: SourcePosition, message: string, context?: {
    table?: string | undefined;
    key?: string | undefined;
    field?: string | undefined;
    hint?: string;
}): Finding;
/** Sorts findings by file, line and column, so reports read top to bottom. */
export declare function sortFindings(findings: Finding[]): Finding[];
export declare const hasErrors: (findings: readonly Finding[]) => boolean;

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
export const RULES = {
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
} as const satisfies Record<string, readonly [Severity, string]>;

export type RuleId = keyof typeof RULES;

/** Builds a finding with the rule's severity and fix. */
export function finding(
  rule: RuleId,
  file: string,
  position: SourcePosition,
  message: string,
  context: {
    table?: string | undefined;
    key?: string | undefined;
    field?: string | undefined;
    hint?: string;
  } = {},
): Finding {
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
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((item) => item.severity === 'error');

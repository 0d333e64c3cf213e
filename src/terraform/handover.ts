/**
 * The hand-over from Terraform: `terraform state rm` makes Terraform forget a resource without
 * destroying it, so that the imported file becomes the one owner. Only what was imported is
 * handed over; unresolved resources stay with Terraform until they are fixed and imported.
 */
export function stateRmCommands(addresses: readonly string[]): string[] {
  // One command per table keeps a failure local; addresses go in single quotes for the shell
  // (for_each keys hold double quotes and brackets).
  return addresses.map((address) => `terraform state rm ${shellQuote(address)}`);
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A file name for a table name: characters other than letters, digits, `.`, `-` and `_`
 * become `_`, and a name already used gets a numbered suffix (two tables may differ only in
 * characters a file name cannot hold).
 */
export function fileNames(tableNames: readonly string[]): string[] {
  const used = new Set<string>();
  return tableNames.map((name) => {
    const base = name.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\.+/, '_') || 'table';
    let candidate = `${base}.yaml`;
    for (let suffix = 2; used.has(candidate.toLowerCase()); suffix++) candidate = `${base}-${suffix}.yaml`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * The small JSONPath subset health checks need: `$`, `.name`, `['name']` and `[index]`.
 * Returns `{ found: false }` when the path leads nowhere.
 */
export function selectPath(value: unknown, path: string): { found: true; value: unknown } | { found: false } {
  const tokens = /^\$((?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\['[^']*'\]|\["[^"]*"\])*)$/.exec(path.trim());
  if (!tokens) throw new SyntaxError(`"${path}" is not a supported JSON path (use $.a.b[0] or $['a b'])`);
  let current: unknown = value;
  for (const [, name, index, quoted] of tokens[1]!.matchAll(
    /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[['"]([^'"]*)['"]\]/g,
  )) {
    if (current === null || typeof current !== 'object') return { found: false };
    const step = index !== undefined ? Number(index) : (name ?? quoted)!;
    if (
      Array.isArray(current) ? typeof step !== 'number' || step >= current.length : !(String(step) in current)
    )
      return { found: false };
    current = (current as Record<string | number, unknown>)[step];
  }
  return { found: true, value: current };
}

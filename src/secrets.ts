/**
 * Secret values no output may show: logs, the job summary, PR comments, commit statuses,
 * step outputs, artifacts and files the tool writes all pass through `maskSecrets`. The
 * registry is process-wide on purpose, like the runner's own mask list: a value registered
 * where it is read (an input, a connection setting, a health-check template) must be masked
 * by every sink, including ones that never see the settings.
 */

/** Shorter values would mask ordinary words; no credential is this short. */
const MIN_LENGTH = 6;

/**
 * Environment variables whose values are secrets whatever the tool does with them: its own
 * credentials, the runner's tokens, and anything a workflow named like a secret.
 */
const SECRET_VARIABLE =
  /(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API[_-]?KEY|ACCESS[_-]?KEY|SIGNING[_-]?KEY)/i;

/** Proxy variables: their URLs may carry a password (`http://user:password@proxy:3128`). */
const PROXY_VARIABLE = /^(HTTPS?|ALL)_PROXY$/i;

const registered = new Set<string>();
let ordered: string[] | undefined;

/** Registers a secret, with the forms it takes once escaped into JSON, a URL or Base64. */
export function registerSecret(value: string | undefined): void {
  if (value === undefined) return;
  const trimmed = value.trim();
  if (trimmed.length < MIN_LENGTH) return;
  for (const form of [
    value,
    trimmed,
    JSON.stringify(trimmed).slice(1, -1),
    encodeURIComponent(trimmed),
    Buffer.from(trimmed).toString('base64').replace(/=+$/, ''),
  ]) {
    if (form.length >= MIN_LENGTH && !registered.has(form)) {
      registered.add(form);
      ordered = undefined;
    }
  }
}

/** Registers the value of every variable whose name says it holds a secret, and proxy passwords. */
export function registerSecretsFromEnvironment(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) {
    if (SECRET_VARIABLE.test(name)) registerSecret(value);
    else if (PROXY_VARIABLE.test(name) && value) registerUrlPassword(value);
  }
}

/** Registers the password of a URL (`scheme://user:password@host`), as given and decoded. */
export function registerUrlPassword(value: string): void {
  let password: string;
  try {
    password = new URL(/^[a-z][\w+.-]*:\/\//i.test(value.trim()) ? value.trim() : `http://${value.trim()}`)
      .password;
  } catch {
    return;
  }
  registerSecret(password);
  try {
    registerSecret(decodeURIComponent(password));
  } catch {
    // Not percent-encoded as it should be: the raw form is registered.
  }
}

/** The text with every registered secret replaced by `***`; longest first, so no tail survives. */
export function maskSecrets(text: string): string {
  if (registered.size === 0 || text.length === 0) return text;
  ordered ??= [...registered].sort((a, b) => b.length - a.length);
  let masked = text;
  for (const secret of ordered) if (masked.includes(secret)) masked = masked.split(secret).join('***');
  return masked;
}

/** Masks first, then cuts to `limit` characters (cutting first could leave a secret's prefix). */
export function maskThenCut(text: string, limit: number, from: 'start' | 'end' = 'start'): string {
  const masked = maskSecrets(text);
  if (masked.length <= limit) return masked;
  return from === 'start' ? `${masked.slice(0, limit)}…` : `…${masked.slice(-limit)}`;
}

/** For tests: forgets every registered secret. */
export function clearSecrets(): void {
  registered.clear();
  ordered = undefined;
}

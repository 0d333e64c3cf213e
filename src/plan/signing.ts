import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConfigurationError } from '../errors.js';
import { sha256Of } from './canonical.js';

/**
 * Keyed integrity for plan files and backup manifests.
 *
 * A digest or checksum (sha256) proves a file was not damaged, not that we wrote it: anyone who
 * can edit the file can recompute it. With a signing key configured, files also carry
 * `hmac-sha256:<hex>`, which only a holder of the key can produce, and files read back must
 * carry a valid one. Without a key, signatures are not checked (the caller says so once).
 */
export const SIGNATURE_PREFIX = 'hmac-sha256:';

/** The environment variable the CLI reads the key from; the action has an input of its own. */
export const SIGNING_KEY_VARIABLE = 'DATATABLE_DEPLOY_SIGNING_KEY';

/** What a signature is over; part of the signed text, so a plan's cannot pass for a backup's. */
export type SignedKind = 'plan' | 'backup-manifest';

/** Keys shorter than this can be guessed offline from one signed file. */
const MIN_KEY_LENGTH = 16;

/** What to say on stderr when a signed file is read without a key to check it. */
export const UNCHECKED_SIGNATURE_WARNING = 'signature not checked: no signing key configured';

/**
 * `hmac-sha256:<hex>` over the kind and the sha256 of the value's canonical JSON (hash, then
 * MAC: the value can be megabytes of rows and is hashed as it is serialised).
 */
export function signatureOf(kind: SignedKind, value: unknown, key: string): string {
  const mac = createHmac('sha256', key).update(`datatable-deploy ${kind}\n${sha256Of(value)}`);
  return `${SIGNATURE_PREFIX}${mac.digest('hex')}`;
}

export type SignatureVerdict =
  | { ok: true; /** It carried a signature, and there was no key to check it. */ unchecked: boolean }
  | { ok: false; why: string; hint: string };

/**
 * Checks a value's signature. With a key, the value must carry a signature made with that key
 * (compared in constant time). Without one, any value passes on its sha256 alone.
 */
export function verifySignature(
  kind: SignedKind,
  value: unknown,
  signature: unknown,
  key: string | undefined,
): SignatureVerdict {
  if (key === undefined) return { ok: true, unchecked: signature !== undefined };
  if (signature === undefined)
    return {
      ok: false,
      why: 'it is not signed, and a signing key is configured',
      hint: `Use a ${kind === 'plan' ? 'plan' : 'backup'} written with the same signing key (${SIGNING_KEY_VARIABLE}); an unsigned one may have been forged.`,
    };
  const expected = Buffer.from(signatureOf(kind, value, key));
  const actual = Buffer.from(typeof signature === 'string' ? signature : '');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return {
      ok: false,
      why: 'its signature does not match its content with the configured signing key; it was changed after it was written, or signed with another key',
      hint: `Use a ${kind === 'plan' ? 'plan' : 'backup'} written with this signing key, or check that ${SIGNING_KEY_VARIABLE} (or the action's signing-key input) is the key it was signed with.`,
    };
  return { ok: true, unchecked: false };
}

/**
 * The signing key as configured: `undefined` when none is, refused when it is set but empty or
 * short (an empty secret in a workflow expands to "", which must not silently turn checks off).
 */
export function signingKeyFrom(value: string | undefined, source: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.length < MIN_KEY_LENGTH)
    throw new ConfigurationError(
      `${source} is set but ${value === '' ? 'empty' : `only ${value.length} characters long`}; a signing key needs at least ${MIN_KEY_LENGTH}.`,
      `Set it to a long random secret (e.g. the output of "openssl rand -hex 32"), or unset it to work without signatures.`,
    );
  return value;
}

import type { GuardRule } from './types.js';

/**
 * The secret and personal-data guard. Data tables are readable by every Architect flow and by
 * every admin with view rights, and config files live in git: neither is a place for
 * credentials or personal data. Detection is by pattern; the README explains how to allow a
 * value that only looks sensitive.
 */

export interface SensitiveMatch {
  rule: GuardRule;
  /** What it looks like, for the message ("a JWT"). Never contains the value. */
  what: string;
}

const SECRET_NAME =
  /(passw(or)?d|(^|[^a-z])pass($|[^a-z])|secret|token|api[-_]?key|private[-_]?key|credential)/i;

/** True for column names and row keys that suggest a credential (`db_password`, `apiKey`, …). */
export function isSensitiveName(name: string): boolean {
  return SECRET_NAME.test(name);
}

const PRIVATE_KEY = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const CLOUD_KEYS: Array<[RegExp, string]> = [
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
export function detectSensitive(value: string): SensitiveMatch[] {
  const matches: SensitiveMatch[] = [];
  if (PRIVATE_KEY.test(value)) matches.push({ rule: 'secret-private-key', what: 'a private key' });
  if (JWT.test(value)) matches.push({ rule: 'secret-jwt', what: 'a JSON Web Token' });
  const cloud = CLOUD_KEYS.find(([pattern]) => pattern.test(value));
  if (cloud) matches.push({ rule: 'secret-cloud-key', what: cloud[1] });
  if (matches.length === 0 && looksLikeRandomToken(value)) {
    matches.push({ rule: 'secret-high-entropy', what: 'a random token or key' });
  }
  if (containsCardNumber(value)) matches.push({ rule: 'pii-card-number', what: 'a payment card number' });
  if (EMAIL.test(value)) matches.push({ rule: 'pii-email', what: 'an e-mail address' });
  if (containsPhoneNumber(value)) matches.push({ rule: 'pii-phone', what: 'a phone number' });
  return matches;
}

/**
 * A long single word of mixed letters and digits with high Shannon entropy: how API keys and
 * generated passwords look. UUIDs and plain hex (ids, hashes) are left alone.
 */
function looksLikeRandomToken(value: string): boolean {
  if (value.length < 32 || value.length > 1_024 || !TOKEN_LIKE.test(value) || UUID.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(value)).length;
  if (classes < 3) return false;
  return shannonEntropy(value) >= 4.2;
}

export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** 13–19 digits, optionally grouped by spaces or dashes, that pass the Luhn check. */
function containsCardNumber(value: string): boolean {
  for (const match of value.matchAll(/\b\d(?:[ -]?\d){12,18}\b/g)) {
    if (luhnValid(match[0].replace(/[ -]/g, ''))) return true;
  }
  return false;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Phone numbers as people write them: an international `+` form, or 10+ digits with the usual
 * separators. A bare run of digits is not flagged (it is more often an id or a count).
 */
function containsPhoneNumber(value: string): boolean {
  for (const match of value.matchAll(/(?:\+\d[\d ().-]{7,}\d|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})/g)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 10 && digits.length <= 15) return true;
  }
  return false;
}

/** A preview that never shows the whole value: the first 4 characters and the length. */
export function maskValue(value: string): string {
  const shown = [...value].slice(0, 4).join('');
  return `${shown}…(${[...value].length} characters)`;
}

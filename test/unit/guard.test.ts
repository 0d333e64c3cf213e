import { describe, expect, it } from 'vitest';
import {
  detectSensitive,
  isSensitiveName,
  luhnValid,
  maskValue,
  shannonEntropy,
} from '../../src/config/guard.js';

const rules = (value: string) => detectSensitive(value).map((match) => match.rule);

describe('the secret and personal-data guard', () => {
  it.each([
    ['-----BEGIN PRIVATE KEY-----\nMIIE…', 'secret-private-key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'secret-private-key'],
    ['Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMxMjMifQ.c2lnbmF0dXJlLXZhbHVl', 'secret-jwt'],
    ['AKIAIOSFODNN7EXAMPLE', 'secret-cloud-key'],
    ['ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'secret-cloud-key'],
    ['xoxb-123456789012-abcdefghij', 'secret-cloud-key'],
    ['AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'secret-cloud-key'],
    ['sk_live_abcdefghijklmnop1234', 'secret-cloud-key'],
    ['q8Vd2LmZ7xR4tKp9Wn3Bj6Hc1Ys5Fg0Ea', 'secret-high-entropy'],
    ['4111 1111 1111 1111', 'pii-card-number'],
    ['card 5500-0000-0000-0004 on file', 'pii-card-number'],
    ['jane.doe@example.com', 'pii-email'],
    ['call +44 20 7946 0958', 'pii-phone'],
    ['(555) 010-0199', 'pii-phone'],
  ])('flags %j as %s', (value, rule) => {
    expect(rules(value)).toEqual([rule]);
  });

  it.each([
    'Welcome to Example Co. Calls may be recorded.',
    '6a1f0c2e-3b7d-4a51-9c1e-2f4d8b7a9e10',
    'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    'weekday-8-to-20',
    '{"queueId":"q123","priority":1}',
    '4111111111111112',
    '1234567890',
    'https://example.com/hooks/routing',
    'max_concurrent_calls',
    'QueueRoutingFallbackPrimarySalesEmea',
  ])('leaves %j alone', (value) => {
    expect(rules(value)).toEqual([]);
  });

  it('knows credential-like names', () => {
    for (const name of [
      'db_password',
      'API_KEY',
      'apiKey',
      'client-secret',
      'oauth_token',
      'privateKey',
      'passwd',
    ]) {
      expect(isSensitiveName(name), name).toBe(true);
    }
    for (const name of ['config_value', 'queue_id', 'passage_time', 'keyboard'])
      expect(isSensitiveName(name), name).toBe(false);
  });

  it('checks Luhn and entropy correctly', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  it('masks values: four characters and the length, never more', () => {
    expect(maskValue('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…(20 characters)');
    expect(maskValue('ab')).toBe('ab…(2 characters)');
    expect(maskValue('🙂🙂🙂🙂🙂')).toBe('🙂🙂🙂🙂…(5 characters)');
  });
});

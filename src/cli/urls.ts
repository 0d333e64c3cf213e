import { ConfigurationError } from '../errors.js';
import { redactUrl } from '../genesys/regions.js';

/** Refuses a --webhook that is not an absolute http(s) URL, before anything is planned. */
export function checkWebhookUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:' || url?.protocol === 'http:') return;
  throw new ConfigurationError(
    `--webhook ${JSON.stringify(redactUrl(value))} is not an http(s) URL.`,
    'Give the full address the receiver listens on, such as --webhook https://cache.example.com/invalidate.',
  );
}

import type { WebhookTarget } from '../deploy/webhook.js';
import { ConfigurationError } from '../errors.js';
import type { CliIo } from './io.js';
import { checkWebhookUrl } from './urls.js';

/** The --webhook option of apply and rollback (repeatable). */
export const WEBHOOK_OPTION = { webhook: { type: 'string', multiple: true } } as const;

/**
 * The webhooks given with --webhook, each an http(s) URL, signed with the secret from
 * DATATABLE_DEPLOY_WEBHOOK_SECRET (required with any); undefined when none is given. Checked
 * before anything is read or written.
 */
export function webhookTargetOf(urls: readonly string[] | undefined, io: CliIo): WebhookTarget | undefined {
  for (const url of urls ?? []) checkWebhookUrl(url);
  if (!urls?.length) return undefined;
  const secret = io.env.DATATABLE_DEPLOY_WEBHOOK_SECRET;
  if (!secret)
    throw new ConfigurationError(
      '--webhook needs a signing secret.',
      'Set DATATABLE_DEPLOY_WEBHOOK_SECRET to the secret the receiver checks.',
    );
  return { urls: [...urls], secret };
}

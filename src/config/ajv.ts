import { Ajv, type Options } from 'ajv';
import formatsModule from 'ajv-formats';
import { linearRegExp } from './patterns.js';

// ajv-formats is CommonJS with `exports.default`; under Node's ESM interop the default import is
// the whole module object, under a bundler it may already be the function.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ??
  (formatsModule as unknown as FormatsPlugin);

/**
 * An ajv instance with the standard formats (email, uri, date-time, …). Schema patterns run on
 * the linear-time engine: a user's `pattern` must not be able to hang a deploy.
 */
export function createAjv(options: Options = {}): Ajv {
  // No logger: ajv's warnings would go to the console, past every renderer and mask.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    logger: false,
    code: { regExp: linearRegExp },
    ...options,
  });
  addFormats(ajv);
  return ajv;
}

import { Ajv, type Options } from 'ajv';
import formatsModule from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`; under Node's ESM interop the default import is
// the whole module object, under a bundler it may already be the function.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ??
  (formatsModule as unknown as FormatsPlugin);

/** An ajv instance with the standard formats (email, uri, date-time, …). */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  return ajv;
}

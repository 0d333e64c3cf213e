import { Ajv, type Options } from 'ajv';
/**
 * An ajv instance with the standard formats (email, uri, date-time, …). Schema patterns run on
 * the linear-time engine: a user's `pattern` must not be able to hang a deploy.
 */
export declare function createAjv(options?: Options): Ajv;

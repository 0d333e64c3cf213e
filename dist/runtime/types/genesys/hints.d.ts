import type { ApiFailure } from '../errors.js';
/** The permission a data-table call needs, or undefined for other paths. */
export declare function permissionFor(method: string, path: string): string | undefined;
/** One or two sentences that tell a person what to do about a failed call. */
export declare function hintFor(failure: Pick<ApiFailure, 'status' | 'code' | 'method' | 'path'>): string | undefined;

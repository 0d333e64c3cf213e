/**
 * Genesys Cloud regions and their domains (the SDKs' `PureCloudRegionHosts`). The API lives at
 * `api.<domain>`, OAuth at `login.<domain>`. Names follow the SDK (`us_east_1`); the Terraform
 * provider's `us-east-1` spelling is accepted too, and so is the domain itself, in the forms
 * people copy from the admin UI or other tools (`mypurecloud.ie`, `api.mypurecloud.ie`,
 * `https://api.mypurecloud.ie`).
 */
export declare const REGION_DOMAINS: Readonly<Record<string, string>>;
/** Where the client sends API calls and token requests. */
export interface Endpoints {
    /** Origin of the REST API, e.g. `https://api.mypurecloud.com` (no trailing slash). */
    apiBase: string;
    /** Origin of the OAuth service, e.g. `https://login.mypurecloud.com`. */
    loginBase: string;
}
/**
 * The domain of a region given by name (`eu-west-1`, `eu_west_1`) or by domain, with or without
 * a scheme, a service host prefix (`api.`, `login.`, `apps.`), a port, a path or a trailing dot.
 */
export declare function regionDomain(region: string): string | undefined;
/**
 * Resolves the endpoints from a region name or an explicit API URL. An explicit URL wins (the
 * emulator, a proxy, tests); it serves both the API and `/oauth/token` on one origin unless a
 * separate login URL is given.
 */
export declare function resolveEndpoints(options: {
    region?: string;
    apiUrl?: string;
    loginUrl?: string;
}): Endpoints;
/**
 * Checks an API or login URL and returns its origin (with a proxy's path prefix, if any).
 * `label` names where it came from (an option, a variable or an input). Genesys serves
 * `/api/v2` and `/oauth` itself, so a URL that already ends in them is refused with the
 * base URL to give instead, rather than failing later as an unreachable OAuth service.
 */
export declare function parseOrigin(value: string, label: string, service?: 'api' | 'login'): string;
/** A URL as it may be printed: a user name, password and query values are hidden. */
export declare function redactUrl(value: string): string;

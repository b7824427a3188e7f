// Type declarations for gatehouse.js (hand-written; the module has no build step).

/** Where the server publishes the sign-in page's settings: `/gatehouse-web.json`. */
export const SETTINGS_PATH: string;

/** What GatehouseClient needs to sign and send, as loadSettings() returns it. */
export interface GatehouseSettings {
  /** The API's base URL; '' for the page's own origin. */
  readonly baseUrl: string;
  /** Sent as x-platform: 'web' for a browser. */
  readonly platform: string;
  /** Sent as x-app-version: MAJOR.MINOR.PATCH. */
  readonly appVersion: string;
  /** The app key's id, named in every signed payload. */
  readonly kid: string;
  /** The app key's secret: its UTF-8 bytes are the HMAC key. */
  readonly secret: string;
}

/** Where the refresh token is kept: sessionStorage unless given. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface GatehouseClientOptions extends Partial<GatehouseSettings> {
  readonly platform: string;
  readonly appVersion: string;
  readonly kid: string;
  readonly secret: string;
  /** Sent as the `locale` header; the server's messages come back in it. Default 'en'. */
  readonly locale?: string;
  readonly storage?: TokenStorage;
  /** Called when the session could not be renewed, before the call rejects. */
  readonly onSessionEnded?: (error: SessionEndedError) => void;
}

/** One field that failed validation (400 validation-failed). */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A username check's answer (docs/contract.md §3). */
export interface UsernameCheck {
  readonly exists: boolean;
  readonly hasCustomer: boolean;
  readonly customerId: string | null;
  readonly stripeCustomerId: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly subscriptionStatus: string | null;
  readonly pinSet: boolean;
}

export interface SignRequestInput {
  readonly key: CryptoKey;
  readonly kid: string;
  readonly ts: number;
  readonly nonce: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly accessToken?: string | null;
}

export interface SignedRequest {
  /** The canonical payload, compact JSON. */
  readonly payloadJson: string;
  /** x-app-payload: the payload, base64url. */
  readonly payload: string;
  /** x-app-signature: HMAC-SHA256 of the payload, base64url. */
  readonly signature: string;
}

/** A failed call: the problem+json of docs/contract.md §5, or a failure of the client's own. */
export class GatehouseError extends Error {
  constructor(problem: {
    status: number;
    code: string;
    title?: string | null;
    detail?: string | null;
    requestId?: string | null;
    retryAfter?: number | null;
    errors?: FieldError[];
  });
  readonly status: number;
  readonly code: string;
  readonly title: string | null;
  readonly detail: string | null;
  readonly requestId: string | null;
  /** Seconds to wait, from Retry-After, or null. */
  readonly retryAfter: number | null;
  readonly errors: FieldError[];
}

/** The server could not be reached (status 0, code 'network-error'). */
export class NetworkError extends GatehouseError {
  constructor(requestId: string, cause?: unknown);
  readonly cause: unknown;
}

/** The session could not be renewed (status 401, code 'session-ended'): sign in again. */
export class SessionEndedError extends GatehouseError {
  constructor(problem?: { detail?: string | null; requestId?: string | null } | null);
}

/** Fetches the settings the server publishes; rejects with a GatehouseError or NetworkError. */
export function loadSettings(url?: string): Promise<GatehouseSettings>;

/** base64url without padding. */
export function base64url(bytes: Uint8Array): string;

/** The HMAC key of an app secret (its UTF-8 bytes). */
export function importAppKey(secret: string): Promise<CryptoKey>;

/** 16 random bytes, base64url. */
export function newNonce(): string;

/** Signs one request (docs/contract.md §1). */
export function signRequest(input: SignRequestInput): Promise<SignedRequest>;

/** NFKC, lower case, then ^[a-z0-9._]{3,32}$; null for a username the server refuses. */
export function normalizeUsername(input: string): string | null;

/** The `sub` claim of a JWT, read without verification; null when unreadable. */
export function subjectOf(accessToken: string): string | null;

/** One client per page: signs, renews tokens once, fetches CSRF tokens, throws GatehouseErrors. */
export class GatehouseClient {
  constructor(options: GatehouseClientOptions);
  /** Sent as the `locale` header. */
  locale: string;
  /** The signed-in user's username; null for a guest or no session. */
  readonly username: string | null;
  /** Whether a refresh token from an earlier page load is waiting in this tab. */
  readonly canResume: boolean;
  /** Renews the session kept in this tab; the username, or null when there is none. */
  resume(): Promise<string | null>;
  /** POST /api/auth/token; the username. */
  login(username: string, password: string): Promise<string | null>;
  /** POST /api/auth/register under the current (guest) session: the new account's record. */
  register(account: { username: string; email: string; phone: string; password: string }): Promise<UsernameCheck>;
  /** GET /api/customers/check-username/{username}; the username must be normalised. */
  checkUsername(username: string): Promise<UsernameCheck>;
  /** POST /api/customers: the caller's record with hasCustomer true. */
  createCustomer(): Promise<UsernameCheck>;
  /** PUT /api/customers/me/pin. */
  setPin(pin: string): Promise<void>;
  /** POST /api/auth/logout; the local tokens are dropped whatever the server answers. */
  logout(): Promise<void>;
}

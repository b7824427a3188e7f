// Gatehouse for the browser: what the Java SDK does, with WebCrypto and fetch.
// Every request is signed (docs/contract.md §1), tokens are renewed once on 401, CSRF tokens are
// fetched once more on 403, and every failure is a GatehouseError carrying the server's
// localized detail and request id. No setting is written here: the app passes them to
// GatehouseClient, usually as loadSettings() fetched them from the server.

/** Where the server publishes the sign-in page's settings (outside /api, unsigned). */
export const SETTINGS_PATH = '/gatehouse-web.json';

const REFRESH_TOKEN_KEY = 'gatehouse.refreshToken';

// A local clock this far from the server's is corrected from the response's Date header.
const CLOCK_TOLERANCE_MS = 30_000;

const SIGNATURE_CODES = new Set(['signature-missing', 'signature-invalid', 'request-expired', 'request-replayed']);
const CSRF_CODES = new Set(['csrf-missing', 'csrf-invalid']);
const TOKEN_CODES = new Set(['missing-token', 'invalid-token']);

const encoder = new TextEncoder();

/** base64url without padding, of bytes. */
export function base64url(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64urlDecode(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function sha256(text) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

/** The HMAC key of an app secret (its UTF-8 bytes). */
export function importAppKey(secret) {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** A fresh nonce: 16 random bytes, base64url. */
export function newNonce() {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Signs one request (docs/contract.md §1): the canonical payload is compact JSON with the fields in
 * the order kid, ts, nonce, method, path, bodySha256, ath; ath only with an access token.
 * `key` is a CryptoKey from importAppKey. Returns the payload JSON and both header values.
 */
export async function signRequest({ key, kid, ts, nonce, method, path, body = '', accessToken = null }) {
  const fields = { kid, ts, nonce, method, path, bodySha256: await sha256(body) };
  if (accessToken != null) {
    fields.ath = await sha256(accessToken);
  }
  const payloadJson = JSON.stringify(fields);
  const payload = base64url(encoder.encode(payloadJson));
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(payload));
  return { payloadJson, payload, signature: base64url(new Uint8Array(mac)) };
}

/**
 * The contract's username rule (docs/contract.md §3): NFKC, lower case, then ^[a-z0-9._]{3,32}$.
 * Returns the normalised username, or null for one the server answers invalid-username.
 */
export function normalizeUsername(input) {
  const normalized = String(input).normalize('NFKC').toLowerCase();
  return /^[a-z0-9._]{3,32}$/.test(normalized) ? normalized : null;
}

/** The `sub` claim of a JWT, read without verification: only for display and routing. */
export function subjectOf(accessToken) {
  try {
    const claims = JSON.parse(new TextDecoder().decode(base64urlDecode(accessToken.split('.')[1])));
    return typeof claims.sub === 'string' ? claims.sub : null;
  }
  catch {
    return null;
  }
}

/** A failed call: the problem+json of docs/contract.md §5, or a failure of our own making. */
export class GatehouseError extends Error {
  constructor({ status, code, title = null, detail = null, requestId = null, retryAfter = null, errors = [] }) {
    super(`${status} ${code}${detail ? ': ' + detail : ''}`);
    this.name = 'GatehouseError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.requestId = requestId;
    /** Seconds to wait, from Retry-After, or null. */
    this.retryAfter = retryAfter;
    /** For validation-failed: [{field, code, message}]. */
    this.errors = errors;
  }
}

/** The server could not be reached; requestId is the one this client sent. */
export class NetworkError extends GatehouseError {
  constructor(requestId, cause) {
    super({ status: 0, code: 'network-error', requestId });
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/** The session could not be renewed: the user must sign in again. */
export class SessionEndedError extends GatehouseError {
  constructor(problem) {
    super({ status: 401, code: 'session-ended', detail: problem?.detail ?? null, requestId: problem?.requestId ?? null });
    this.name = 'SessionEndedError';
  }
}

/**
 * The settings the server publishes for its web page (GET /gatehouse-web.json): the API's
 * base URL, platform, app version and the web app key. The web key ships to every browser
 * and so proves nothing about the caller (docs/contract.md §1); it still binds each request to
 * its method, path, body, token and moment, and stops replays. Fetched at every start, never
 * cached, so a rotated key reaches the next page load. Rejects with a GatehouseError (or
 * NetworkError) when the server has none to give.
 */
export async function loadSettings(url = SETTINGS_PATH) {
  const requestId = crypto.randomUUID();
  let response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json, application/problem+json', 'x-request-id': requestId },
      cache: 'no-store',
      credentials: 'omit',
    });
  }
  catch (e) {
    throw new NetworkError(requestId, e);
  }
  if (!response.ok) {
    throw await toProblem(response, requestId);
  }
  const body = await readSuccess(response, requestId);
  const settings = {
    baseUrl: body?.apiBase ?? '',
    platform: body?.platform,
    appVersion: body?.appVersion,
    kid: body?.kid,
    secret: body?.secret,
  };
  if (['platform', 'appVersion', 'kid', 'secret'].some((name) => typeof settings[name] !== 'string' || settings[name] === '')
    || typeof settings.baseUrl !== 'string') {
    throw new GatehouseError({ status: response.status, code: 'unexpected-response', requestId });
  }
  return Object.freeze(settings);
}

/**
 * One client per page. The access token lives in this object only; the refresh token in
 * sessionStorage (docs/decisions/0004-browser-token-storage.md). Every setting comes from the
 * caller: `platform`, `appVersion`, `kid` and `secret` are required; `baseUrl` is the API's
 * origin ('' for the page's own).
 */
export class GatehouseClient {
  #config;
  #baseUrl;
  #storage;
  #onSessionEnded;
  #key;
  #accessToken = null;
  #scope = null;
  #csrfToken = null;
  #clockOffsetMs = 0;
  // In-flight work shared by concurrent calls: one refresh, one guest token, one CSRF fetch.
  #renewing = null;
  #csrfFetching = null;

  constructor({
    platform, appVersion, kid, secret, baseUrl = '', locale = 'en',
    storage = globalThis.sessionStorage, onSessionEnded = () => {},
  } = {}) {
    for (const [name, value] of Object.entries({ platform, appVersion, kid, secret })) {
      if (typeof value !== 'string' || value === '') {
        throw new TypeError(`GatehouseClient: ${name} is required`);
      }
    }
    this.locale = locale;
    this.#config = Object.freeze({ platform, appVersion, kid });
    this.#baseUrl = baseUrl;
    this.#storage = storage;
    this.#onSessionEnded = onSessionEnded;
    this.#key = importAppKey(secret);
  }

  /** The username of the signed-in user, or null for a guest or no session. */
  get username() {
    return this.#scope === 'guest' || this.#accessToken == null ? null : subjectOf(this.#accessToken);
  }

  /** Whether a refresh token from an earlier page load is waiting in this tab. */
  get canResume() {
    return this.#storage.getItem(REFRESH_TOKEN_KEY) != null;
  }

  /** Renews the session kept in this tab; the username, or null when there is none. */
  async resume() {
    if (!this.canResume) {
      return null;
    }
    this.#scope = 'user';
    await this.#renew();
    return this.username;
  }

  /** POST /api/auth/token. */
  async login(username, password) {
    const tokens = await this.#call('POST', '/api/auth/token', { body: { username, password }, auth: false });
    this.#startSession(tokens);
    return this.username;
  }

  /** POST /api/auth/register under the current (guest) session: the new account's record. */
  register({ username, email, phone, password }) {
    return this.#call('POST', '/api/auth/register', { body: { username, email, phone, password }, csrf: true });
  }

  /** GET /api/customers/check-username/{username}; the username must be normalised. */
  checkUsername(username) {
    return this.#call('GET', '/api/customers/check-username/' + encodeURIComponent(username), {
      csrf: true,
      headers: { 'x-username': username },
    });
  }

  /** POST /api/customers: the caller's username-check record with hasCustomer true. */
  createCustomer() {
    return this.#call('POST', '/api/customers', { csrf: true });
  }

  /** PUT /api/customers/me/pin. */
  async setPin(pin) {
    await this.#call('PUT', '/api/customers/me/pin', { body: { pin }, csrf: true });
  }

  /**
   * POST /api/auth/logout, renewing an expired access token first so that the server ends
   * the session everywhere. The local tokens are dropped whatever the server answers: the
   * user asked to leave, and a session the server could not end expires on its own.
   */
  async logout() {
    try {
      if (this.#accessToken != null) {
        await this.#call('POST', '/api/auth/logout', { csrf: true });
      }
    }
    finally {
      this.#clearSession();
    }
  }

  async #call(method, path, { body = null, auth = true, csrf = false, headers = {} } = {}) {
    const requestId = crypto.randomUUID();
    const text = body == null ? null : JSON.stringify(body);
    let resigned = false;
    let csrfRetried = false;
    let renewed = false;
    for (;;) {
      if (auth && this.#accessToken == null) {
        await this.#renew();
      }
      if (csrf && this.#csrfToken == null) {
        await this.#fetchCsrf();
      }
      const sentToken = auth ? this.#accessToken : null;
      const response = await this.#send(method, path, text, { accessToken: sentToken, csrf, headers, requestId });
      if (response.ok) {
        return response.status === 204 ? null : readSuccess(response, requestId);
      }
      const problem = await toProblem(response, requestId);
      if (SIGNATURE_CODES.has(problem.code) && !resigned) {
        resigned = true;
        continue;
      }
      if (CSRF_CODES.has(problem.code) && csrf && !csrfRetried) {
        csrfRetried = true;
        this.#csrfToken = null;
        continue;
      }
      if (TOKEN_CODES.has(problem.code) && auth && !renewed) {
        renewed = true;
        // Another call may have renewed the session while this one was in flight.
        if (this.#accessToken === sentToken) {
          await this.#renew();
        }
        continue;
      }
      throw problem;
    }
  }

  async #send(method, path, body, { accessToken, csrf, headers, requestId }) {
    const url = new URL(this.#baseUrl + path, globalThis.location?.href);
    const target = url.pathname + url.search;
    const signed = await signRequest({
      key: await this.#key,
      kid: this.#config.kid,
      ts: Date.now() + this.#clockOffsetMs,
      nonce: newNonce(),
      method,
      path: target,
      body: body ?? '',
      accessToken,
    });
    const all = {
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
      'x-platform': this.#config.platform,
      'x-app-version': this.#config.appVersion,
      'x-app-payload': signed.payload,
      'x-app-signature': signed.signature,
      'x-request-id': requestId,
      locale: this.locale,
      ...headers,
    };
    if (accessToken != null) {
      all.Authorization = 'Bearer ' + accessToken;
    }
    if (csrf) {
      all['x-csrf-token'] = this.#csrfToken;
    }
    let response;
    try {
      response = await fetch(url, { method, headers: all, body, cache: 'no-store', credentials: 'omit' });
    }
    catch (e) {
      throw new NetworkError(requestId, e);
    }
    this.#observeClock(response);
    return response;
  }

  #observeClock(response) {
    const serverMs = Date.parse(response.headers.get('Date') ?? '');
    if (!Number.isNaN(serverMs) && Math.abs(serverMs - (Date.now() + this.#clockOffsetMs)) > CLOCK_TOLERANCE_MS) {
      this.#clockOffsetMs = serverMs - Date.now();
    }
  }

  // One renewal at a time, shared by every call that found its token refused.
  #renew() {
    if (this.#renewing == null) {
      this.#renewing = this.#renewNow().finally(() => {
        this.#renewing = null;
      });
    }
    return this.#renewing;
  }

  async #renewNow() {
    const refreshToken = this.#storage.getItem(REFRESH_TOKEN_KEY);
    if (this.#scope == null || this.#scope === 'guest') {
      // A guest session has no refresh token: it asks for a new guest token instead.
      this.#startSession(await this.#call('POST', '/api/auth/guest', { auth: false }));
      return;
    }
    if (refreshToken == null) {
      this.#endSession(null);
    }
    let tokens;
    try {
      tokens = await this.#call('POST', '/api/auth/refresh', { body: { refreshToken }, auth: false });
    }
    catch (e) {
      // Only the server's refusal of the refresh token (401 invalid-refresh-token or
      // refresh-token-reused, docs/contract.md §5) ends the session. A network failure, a busy
      // server or an app too old (426) leave the token for the next try.
      if (e.status !== 401) {
        throw e;
      }
      this.#endSession(e);
    }
    // A refresh keeps the session (sid), and so its CSRF token.
    this.#storeTokens(tokens);
  }

  #fetchCsrf() {
    if (this.#csrfFetching == null) {
      this.#csrfFetching = this.#call('GET', '/api/auth/csrf-token')
        .then((answer) => {
          this.#csrfToken = answer.csrfToken;
        })
        .finally(() => {
          this.#csrfFetching = null;
        });
    }
    return this.#csrfFetching;
  }

  #startSession(tokens) {
    this.#csrfToken = null;
    this.#storeTokens(tokens);
  }

  #storeTokens(tokens) {
    this.#accessToken = tokens.accessToken;
    this.#scope = tokens.scope;
    if (tokens.refreshToken != null) {
      this.#storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    }
    else {
      this.#storage.removeItem(REFRESH_TOKEN_KEY);
    }
  }

  #clearSession() {
    this.#accessToken = null;
    this.#scope = null;
    this.#csrfToken = null;
    this.#storage.removeItem(REFRESH_TOKEN_KEY);
  }

  #endSession(problem) {
    this.#clearSession();
    const ended = new SessionEndedError(problem);
    this.#onSessionEnded(ended);
    throw ended;
  }
}

/** A success body; one that is not JSON (a captive portal's page, say) is a GatehouseError. */
async function readSuccess(response, requestId) {
  try {
    return await response.json();
  }
  catch {
    throw new GatehouseError({
      status: response.status,
      code: 'unexpected-response',
      requestId: response.headers.get('x-request-id') ?? requestId,
    });
  }
}

async function toProblem(response, requestId) {
  let body = {};
  try {
    const parsed = await response.json();
    // `null`, a number or a string is no problem object: the status alone speaks.
    if (parsed != null && typeof parsed === 'object') {
      body = parsed;
    }
  }
  catch {
    // Not JSON (a proxy's error page, say): the status alone speaks.
  }
  const retryAfter = retryAfterSeconds(response);
  return new GatehouseError({
    status: response.status,
    code: body.code ?? fallbackCode(response.status),
    title: body.title ?? null,
    detail: body.detail ?? null,
    requestId: body.requestId ?? response.headers.get('x-request-id') ?? requestId,
    retryAfter,
    errors: Array.isArray(body.errors) ? body.errors.filter((e) => e != null && typeof e === 'object') : [],
  });
}

/**
 * The wait Retry-After asks for, in seconds: a number of seconds, or an HTTP date counted
 * from the response's Date (the server's clock, so a wrong local clock does not matter).
 */
function retryAfterSeconds(response) {
  const value = (response.headers.get('Retry-After') ?? '').trim();
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  const until = Date.parse(value);
  if (Number.isNaN(until)) {
    return null;
  }
  const serverNow = Date.parse(response.headers.get('Date') ?? '');
  const now = Number.isNaN(serverNow) ? Date.now() : serverNow;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

function fallbackCode(status) {
  if (status === 503) {
    return 'service-unavailable';
  }
  return status >= 500 ? 'internal-error' : 'invalid-request';
}

import { currentLanguage, readCookie } from './i18n';

/** The server's error shape: `{ error: { code, message, fields? } }`, message in the request's language. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** Machine-readable extras some codes carry: retryAfterSeconds (423, 429), check (422), …. */
  [extra: string]: unknown;
}

/** Any non-2xx answer. `status` 0 means the request never got an HTTP answer (network down, CORS, abort). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string>;
  /** The whole error object, for the extras a page needs (see ApiErrorBody). */
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.body = body;
  }

  /** Seconds until a lock or rate limit ends (423 login_locked, 429), when the server said so. */
  get retryAfterSeconds(): number | undefined {
    const value = this.body.retryAfterSeconds;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
}

export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ApiClientOptions {
  /** Prefix for paths; '' in the browser (same origin), an absolute origin in tests. */
  baseUrl?: string;
  language: () => string;
  /** Value of the readable `csrf_token` cookie (double-submit), if any. */
  csrfToken: () => string | undefined;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: string;
  /** JSON-serialised, except a FormData (sent as multipart/form-data). */
  body?: unknown;
  signal?: AbortSignal;
}

export type ApiClient = <T>(path: string, options?: RequestOptions) => Promise<T>;

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ApiErrorBody).code === 'string' &&
    typeof (error as ApiErrorBody).message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return async <T>(path: string, request: RequestOptions = {}): Promise<T> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': options.language(),
    };
    // FormData (file uploads) goes as multipart/form-data: fetch sets the type with its boundary.
    const isForm = typeof FormData !== 'undefined' && request.body instanceof FormData;
    if (request.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    if (!SAFE_METHODS.has(method)) {
      const token = options.csrfToken();
      if (token) headers[CSRF_HEADER] = token;
    }
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
        method,
        headers,
        body:
          request.body === undefined
            ? undefined
            : isForm
              ? (request.body as FormData)
              : JSON.stringify(request.body),
        credentials: 'same-origin',
        signal: request.signal,
      });
    } catch (cause) {
      if (request.signal?.aborted) throw cause;
      throw new ApiError(0, { code: 'network_error', message: String(cause) });
    }
    const payload = await readJson(response);
    if (!response.ok) {
      throw new ApiError(
        response.status,
        isErrorBody(payload)
          ? payload.error
          : { code: `http_${response.status}`, message: response.statusText || `HTTP ${response.status}` },
      );
    }
    return payload as T;
  };
}

/** The browser client: same origin, current UI language, CSRF token from the cookie. */
export const api: ApiClient = createApiClient({
  language: currentLanguage,
  csrfToken: () => readCookie(document.cookie, CSRF_COOKIE),
});

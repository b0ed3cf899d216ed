import type { AuthResponse, ErrorResponse } from '@btb/contracts';

/** Every failed request surfaces as one of these. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Array<{ path: string; message: string }>;
  readonly retryAfter?: number;

  constructor(status: number, body: Partial<ErrorResponse> | null, fallback = 'Something went wrong') {
    super(body?.error ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'network_error' : 'unknown_error');
    this.details = body?.details ?? [];
    this.retryAfter = body?.retryAfter;
  }

  /** For a read of one resource by its id: missing, or addressed by an id that cannot exist. */
  get notFound(): boolean {
    return this.status === 404 || (this.status === 400 && this.code === 'validation_failed');
  }
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Where the client reads and writes tokens (the auth store in the app, a stub in tests). */
export interface TokenStore {
  get(): TokenPair | null;
  set(pair: AuthResponse): void;
  clear(): void;
  /** Re-reads tokens another tab may have rotated (persisted stores). */
  reload?(): void;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send no Authorization header and never refresh (auth endpoints). */
  anonymous?: boolean;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  del<T>(path: string): Promise<T>;
  /** Raw authorised fetch for binary responses (blobs). */
  fetchRaw(path: string): Promise<Response>;
  /** Refreshes the token pair now (single-flight); false when signed out. */
  refresh(): Promise<boolean>;
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  let url = baseUrl + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    }
    const s = params.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  return url;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createApiClient(options: {
  tokens: TokenStore;
  baseUrl?: string;
  fetch?: typeof fetch;
  onSignedOut?: () => void;
  /** Serialises refreshes across tabs (Web Locks in the app): a spent refresh token looks like theft. */
  lock?: <T>(fn: () => Promise<T>) => Promise<T>;
}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const { tokens } = options;
  let inFlightRefresh: Promise<boolean> | null = null;

  /** One refresh at a time: concurrent callers share the same promise. */
  function refresh(): Promise<boolean> {
    if (inFlightRefresh) return inFlightRefresh;
    const spent = tokens.get()?.refreshToken;
    const run = async (): Promise<boolean> => {
      tokens.reload?.();
      const current = tokens.get();
      if (!current?.refreshToken) return false;
      // Another tab rotated the pair while we waited for the lock: use theirs.
      if (current.refreshToken !== spent) return true;
      try {
        const res = await doFetch(`${baseUrl}/api/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ refreshToken: current.refreshToken }),
        });
        if (!res.ok) {
          tokens.clear();
          options.onSignedOut?.();
          return false;
        }
        tokens.set((await res.json()) as AuthResponse);
        return true;
      } catch {
        // A network failure is not proof the session is gone: keep the tokens.
        return false;
      }
    };
    inFlightRefresh = (options.lock ? options.lock(run) : run()).finally(() => {
      inFlightRefresh = null;
    });
    return inFlightRefresh;
  }

  async function send(method: string, path: string, opts: RequestOptions, accessToken?: string) {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    let body: BodyInit | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    try {
      return await doFetch(buildUrl(baseUrl, path, opts.query), {
        method,
        headers,
        body,
        signal: opts.signal,
      });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new ApiError(0, null, 'Could not reach the server. Check your connection and try again.');
    }
  }

  async function authorisedResponse(method: string, path: string, opts: RequestOptions): Promise<Response> {
    if (opts.anonymous) return send(method, path, opts);
    const used = tokens.get()?.accessToken;
    let res = await send(method, path, opts, used);
    if (res.status === 401 && used) {
      // Someone else may already have refreshed while this request was in flight.
      const latest = tokens.get()?.accessToken;
      const ok = latest && latest !== used ? true : await refresh();
      if (ok) res = await send(method, path, opts, tokens.get()?.accessToken);
      // The session is dead (revoked, suspended, expired) and has been dropped: a read is
      // answered as for an anonymous visitor, so public pages still render.
      else if (!tokens.get() && (method === 'GET' || method === 'HEAD')) res = await send(method, path, opts);
    }
    return res;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await authorisedResponse(method, path, opts);
    const data = await readBody(res);
    if (!res.ok) {
      const body = data && typeof data === 'object' ? (data as Partial<ErrorResponse>) : null;
      const retryHeader = res.headers.get('retry-after');
      const err = new ApiError(res.status, {
        ...body,
        retryAfter: body?.retryAfter ?? (retryHeader ? Number(retryHeader) : undefined),
      } as Partial<ErrorResponse>);
      throw err;
    }
    return data as T;
  }

  return {
    request,
    get: (path, query, signal) => request('GET', path, { query, signal }),
    post: (path, body, headers) => request('POST', path, { body, headers }),
    put: (path, body) => request('PUT', path, { body }),
    patch: (path, body) => request('PATCH', path, { body }),
    del: (path) => request('DELETE', path),
    fetchRaw: (path) => authorisedResponse('GET', path, { headers: { accept: '*/*' } }),
    refresh,
  };
}

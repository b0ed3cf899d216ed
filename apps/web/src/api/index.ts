import type {
  AdminStats,
  AdminUpdateDesignBody,
  AdminUpdateUserBody,
  AuthResponse,
  CreateDesignBody,
  CreateOrderBody,
  Design,
  DesignVersionList,
  LikeResponse,
  ListDesignsQuery,
  LoginBody,
  Notification,
  Order,
  OrderStatus,
  Page,
  PaymentResult,
  Product,
  PublicConfig,
  RegisterBody,
  StreamTicket,
  Trends,
  UpdateDesignBody,
  UpdateProfileBody,
  User,
} from '@btb/contracts';
import { type MockupLook, mockupQueryOf, type PrintOptions } from '@btb/contracts';
import { useAuth } from '../stores/auth.ts';
import { type ApiClient, createApiClient, type Query } from './client.ts';

export { ApiError } from './client.ts';

export const client: ApiClient = createApiClient({
  tokens: {
    get: () => {
      const { accessToken, refreshToken } = useAuth.getState();
      return accessToken && refreshToken ? { accessToken, refreshToken } : null;
    },
    set: (auth) => useAuth.getState().signIn(auth),
    clear: () => useAuth.getState().signOut(),
    reload: () => {
      void useAuth.persist.rehydrate();
    },
  },
  lock:
    typeof navigator !== 'undefined' && navigator.locks
      ? <T>(fn: () => Promise<T>) => navigator.locks.request('btb-token-refresh', fn) as Promise<T>
      : undefined,
});

const enc = encodeURIComponent;

/** Typed endpoints of the HTTP API (ARCHITECTURE.md). */
export const api = {
  config: () => client.get<PublicConfig>('/api/config'),
  auth: {
    register: (body: RegisterBody) =>
      client.request<AuthResponse>('POST', '/api/auth/register', { body, anonymous: true }),
    login: (body: LoginBody) =>
      client.request<AuthResponse>('POST', '/api/auth/login', { body, anonymous: true }),
    logout: (refreshToken: string) =>
      client.request<void>('POST', '/api/auth/logout', { body: { refreshToken }, anonymous: true }),
  },
  me: {
    get: () => client.get<User>('/api/users/me'),
    update: (body: UpdateProfileBody) => client.patch<User>('/api/users/me', body),
  },
  designs: {
    list: (query: ListDesignsQuery, signal?: AbortSignal) =>
      client.get<Page<Design>>('/api/designs', query as Query, signal),
    get: (id: string) => client.get<Design>(`/api/designs/${enc(id)}`),
    create: (body: CreateDesignBody) => client.post<Design>('/api/designs', body),
    update: (id: string, body: UpdateDesignBody) => client.patch<Design>(`/api/designs/${enc(id)}`, body),
    remove: (id: string) => client.del<void>(`/api/designs/${enc(id)}`),
    regenerate: (id: string) => client.post<Design>(`/api/designs/${enc(id)}/regenerate`),
    versions: (id: string) => client.get<DesignVersionList>(`/api/designs/${enc(id)}/versions`),
    selectVersion: (id: string, versionId: string) =>
      client.post<Design>(`/api/designs/${enc(id)}/versions/${enc(versionId)}/select`),
    like: (id: string) => client.put<LikeResponse>(`/api/designs/${enc(id)}/like`),
    unlike: (id: string) => client.del<LikeResponse>(`/api/designs/${enc(id)}/like`),
    mockupUrl: (id: string, productId: string, options: PrintOptions = {}, look: MockupLook = {}) =>
      `/api/designs/${enc(id)}/mockups/${enc(productId)}${mockupQueryOf(options, look)}`,
    eventsUrl: (id: string) => `/api/designs/${enc(id)}/events`,
  },
  trends: () => client.get<Trends>('/api/trends'),
  catalog: {
    products: async () => (await client.get<Page<Product>>('/api/catalog/products')).items,
  },
  orders: {
    create: (body: CreateOrderBody, idempotencyKey: string) =>
      client.post<Order>('/api/orders', body, { 'idempotency-key': idempotencyKey }),
    pay: (id: string, paymentMethod: string) =>
      client.post<PaymentResult>(`/api/orders/${enc(id)}/pay`, { paymentMethod }),
    /** Back from the bank (3-D Secure): how the payment ended, recorded once. */
    confirmPayment: (id: string, paymentIntent?: string) =>
      client.post<PaymentResult>(
        `/api/orders/${enc(id)}/pay/confirm`,
        paymentIntent ? { paymentIntent } : {},
      ),
    cancel: (id: string) => client.post<Order>(`/api/orders/${enc(id)}/cancel`),
    list: (cursor?: string) => client.get<Page<Order>>('/api/orders', { cursor }),
    get: (id: string) => client.get<Order>(`/api/orders/${enc(id)}`),
  },
  notifications: {
    list: () => client.get<Page<Notification>>('/api/notifications'),
    read: (id: string) => client.post<unknown>(`/api/notifications/${enc(id)}/read`),
    readAll: () => client.post<unknown>('/api/notifications/read-all'),
    streamUrl: '/api/notifications/stream',
  },
  admin: {
    users: (q?: string, cursor?: string) => client.get<Page<User>>('/api/admin/users', { q, cursor }),
    updateUser: (id: string, body: AdminUpdateUserBody) =>
      client.patch<User>(`/api/admin/users/${enc(id)}`, body),
    designs: (q?: string, cursor?: string) => client.get<Page<Design>>('/api/admin/designs', { q, cursor }),
    updateDesign: (id: string, body: AdminUpdateDesignBody) =>
      client.patch<Design>(`/api/admin/designs/${enc(id)}`, body),
    orders: (status?: OrderStatus | '', cursor?: string) =>
      client.get<Page<Order>>('/api/admin/orders', { status, cursor }),
    retryFulfillment: (id: string) => client.post<Order>(`/api/admin/orders/${enc(id)}/retry-fulfillment`),
    stats: () => client.get<AdminStats>('/api/admin/stats'),
  },
};

/**
 * URL of an SSE route for the signed-in user: EventSource cannot send headers, so the query carries
 * a one-minute stream ticket, never the access token.
 */
export async function streamUrl(path: string): Promise<string> {
  if (!useAuth.getState().accessToken) return path;
  const { ticket } = await client.post<StreamTicket>('/api/auth/stream-ticket');
  return `${path}?ticket=${enc(ticket)}`;
}

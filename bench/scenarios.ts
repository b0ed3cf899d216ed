/** What the benchmark drives. Each scenario may prepare data through the API before it is measured. */
export interface Prepared {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Different request bodies per request (e.g. unique emails); overrides `body`. */
  requests?: { method: string; path: string; headers?: Record<string, string>; body?: string }[];
}

export interface Scenario {
  name: string;
  /** Fewer connections for CPU-heavy work (hashing, rendering). */
  connections?: number;
  amount?: number;
  prepare(baseUrl: string): Promise<Prepared>;
}

export const scenarios: Scenario[] = [
  { name: 'GET /health', prepare: async () => ({ path: '/health' }) },
  { name: 'GET /ready (database, cache, bus)', prepare: async () => ({ path: '/ready' }) },
];

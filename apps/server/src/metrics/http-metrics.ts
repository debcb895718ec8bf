import type { MetricFamily } from './prometheus-text.ts';

/** Counts HTTP answers by method, route pattern (not raw URL: bounded cardinality) and status. */
export class HttpMetrics {
  readonly #counts = new Map<string, { method: string; route: string; status: string; count: number }>();

  record(method: string, route: string, status: number): void {
    const key = `${method} ${route} ${status}`;
    const entry = this.#counts.get(key);
    if (entry) entry.count += 1;
    else this.#counts.set(key, { method, route, status: String(status), count: 1 });
  }

  families(): MetricFamily[] {
    return [
      {
        name: 'vigil_http_requests_total',
        help: 'HTTP requests answered, by method, route and status.',
        type: 'counter',
        samples: [...this.#counts.values()].map((e) => ({
          labels: { method: e.method, route: e.route, status: e.status },
          value: e.count,
        })),
      },
    ];
  }
}

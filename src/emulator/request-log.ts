/** One answered (or dropped) request, as the admin API reports it. */
export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  /** Route template, e.g. `GET /api/v2/flows/datatables/{datatableId}/rows`. */
  route: string;
  /** 0 when the connection was dropped by a fault. */
  status: number;
  clientId?: string | undefined;
  correlationId: string;
  durationMs: number;
  fault?: boolean;
  /** The client had gone before the answer (it timed out or aborted); the request was still served. */
  clientGone?: boolean;
}

/** Counters per route and status, and the most recent requests. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private counters: Record<string, number> = {};
  private statuses: Record<string, number> = {};
  private total = 0;

  constructor(private readonly keep = 5_000) {}

  record(entry: LoggedRequest): void {
    this.total += 1;
    this.counters[entry.route] = (this.counters[entry.route] ?? 0) + 1;
    this.statuses[String(entry.status)] = (this.statuses[String(entry.status)] ?? 0) + 1;
    this.entries.push(entry);
    if (this.entries.length > this.keep) this.entries.splice(0, this.entries.length - this.keep);
  }

  snapshot(): {
    total: number;
    byRoute: Record<string, number>;
    byStatus: Record<string, number>;
    recent: LoggedRequest[];
  } {
    return {
      total: this.total,
      byRoute: { ...this.counters },
      byStatus: { ...this.statuses },
      recent: [...this.entries],
    };
  }

  reset(): void {
    this.entries = [];
    this.counters = {};
    this.statuses = {};
    this.total = 0;
  }
}

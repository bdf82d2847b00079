// Whether the database answers, known without waiting for it. PGlite has one connection: a
// `select 1` per health check would queue behind the writes in progress (and a load balancer's
// checks would pile up there). Health reads the last probe's result; a probe runs, one at a time,
// when the last success is older than `probeAfterMs`, and the database counts as ready while a
// probe succeeded within `staleAfterMs`.
export interface ReadinessOptions {
  probeAfterMs?: number;
  staleAfterMs?: number;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
}

export class DatabaseReadiness {
  private lastSuccessAt: number | null = null;
  private lastFailed = false;
  private inFlight: Promise<void> | null = null;
  private readonly probeAfterMs: number;
  private readonly staleAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly check: () => Promise<unknown>,
    options: ReadinessOptions = {},
  ) {
    this.probeAfterMs = options.probeAfterMs ?? 5_000;
    this.staleAfterMs = options.staleAfterMs ?? 30_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Asks the database once (joining a probe already under way). */
  probe(): Promise<void> {
    this.inFlight ??= this.check()
      .then(
        () => {
          this.lastSuccessAt = this.now();
          this.lastFailed = false;
        },
        () => {
          this.lastFailed = true;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** The last known answer, at once; starts a probe in the background when it is getting old. */
  ready(): boolean {
    const age = this.lastSuccessAt === null ? Infinity : this.now() - this.lastSuccessAt;
    if (age >= this.probeAfterMs || this.lastFailed) void this.probe();
    return !this.lastFailed && age < this.staleAfterMs;
  }
}

// Admission control: every request that uses the database takes one of `maxActive` slots, or waits
// in a first-come queue of at most `maxWaiting` for at most `maxWaitMs`; beyond that it is answered at
// once with 503 and Retry-After, before anything has read or written (the hook runs first, ahead of
// the session lookup). PGlite has one connection: without a bound every request queued on it and a
// burst waited 46 s. On PostgreSQL the slots are twice the pool, so connections stay busy while an
// admitted request is in Node code, and the pool's own (unbounded, untimed) queue stays short.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { BUSY_MESSAGE, serviceUnavailable, type AppError } from './errors';
import type { App } from './context';

export interface AdmissionLimits {
  maxActive: number;
  maxWaiting: number;
  maxWaitMs: number;
}

export interface AdmissionStats {
  active: number;
  waiting: number;
  /** Answered 503 since start: the queue was full, or the wait too long. */
  rejected: number;
}

/** The configured limits, or the engine's defaults (README, "Capacity of the embedded engine"). */
export function admissionLimits(config: Config['admission'], database: Pick<Database, 'engine' | 'connections'>) {
  const pglite = database.engine === 'pglite';
  return {
    maxActive: config.maxActive ?? (pglite ? 8 : 2 * database.connections),
    maxWaiting: config.maxWaiting ?? (pglite ? 64 : 1000),
    maxWaitMs: config.maxWaitMs,
  } satisfies AdmissionLimits;
}

export { BUSY_MESSAGE };
export const WAITED_TOO_LONG_MESSAGE = 'Máy chủ đang bận (chờ quá lâu), vui lòng thử lại sau ít giây';

type TicketState = 'waiting' | 'active' | 'done';

/** One request's place: waiting for a slot, holding one, or done (released, rejected or gone). */
export interface Ticket {
  readonly admitted: Promise<void>;
}

interface TicketInternal extends Ticket {
  state: TicketState;
  admit(): void;
  reject(error: AppError): void;
  timer: NodeJS.Timeout | null;
}

export class AdmissionQueue {
  private active = 0;
  private rejected = 0;
  // A Set keeps insertion order (first come, first served) and removes a leaving waiter in O(1).
  private readonly queue = new Set<TicketInternal>();

  constructor(readonly limits: AdmissionLimits) {
    if (!Number.isInteger(limits.maxActive) || limits.maxActive < 1) throw new Error('maxActive must be at least 1');
  }

  stats(): AdmissionStats {
    return { active: this.active, waiting: this.queue.size, rejected: this.rejected };
  }

  /** A slot now, a place in the queue, or (queue full) a ticket already rejected with 503. */
  enter(): Ticket {
    let admit!: () => void;
    let reject!: (error: AppError) => void;
    const admitted = new Promise<void>((resolve, fail) => {
      admit = resolve;
      reject = fail;
    });
    const ticket: TicketInternal = { admitted, state: 'waiting', admit, reject, timer: null };
    if (this.active < this.limits.maxActive && this.queue.size === 0) {
      this.activate(ticket);
    } else if (this.queue.size < this.limits.maxWaiting) {
      this.queue.add(ticket);
      ticket.timer = setTimeout(() => this.refuse(ticket, WAITED_TOO_LONG_MESSAGE), this.limits.maxWaitMs);
    } else {
      this.refuse(ticket, BUSY_MESSAGE);
    }
    return ticket;
  }

  /**
   * The request is over (its reply is being sent) or its client left. Safe to call any number of
   * times: a held slot is freed once, a waiter leaves the queue (its hook answers 503 to nobody).
   */
  leave(ticket: Ticket): void {
    const own = ticket as TicketInternal;
    if (own.state === 'waiting') {
      this.refuse(own, BUSY_MESSAGE);
    } else if (own.state === 'active') {
      own.state = 'done';
      this.active--;
      this.next();
    }
  }

  /** Whether the ticket still waits in the queue (a client leaving then frees its place at once). */
  isWaiting(ticket: Ticket): boolean {
    return (ticket as TicketInternal).state === 'waiting';
  }

  private activate(ticket: TicketInternal): void {
    ticket.state = 'active';
    this.active++;
    ticket.admit();
  }

  private refuse(ticket: TicketInternal, message: string): void {
    if (ticket.timer) clearTimeout(ticket.timer);
    ticket.timer = null;
    ticket.state = 'done';
    this.queue.delete(ticket);
    this.rejected++;
    ticket.reject(serviceUnavailable(message, this.retryAfterSeconds()));
  }

  private next(): void {
    while (this.active < this.limits.maxActive && this.queue.size > 0) {
      const first = this.queue.values().next().value as TicketInternal;
      this.queue.delete(first);
      if (first.timer) clearTimeout(first.timer);
      first.timer = null;
      this.activate(first);
    }
  }

  // Spread over 1 … the wait limit (in seconds), so clients refused together do not all come back
  // in the same second.
  private retryAfterSeconds(): number {
    const span = Math.max(1, Math.ceil(this.limits.maxWaitMs / 1000));
    return 1 + Math.floor(Math.random() * span);
  }
}

/**
 * Whether a request takes a slot: API routes do, except the documentation, unknown addresses and
 * routes marked `admission: false` (health). The web app's files never do.
 */
function needsSlot(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.is404) return false;
  return request.routeOptions.config.admission !== false;
}

/** Registered before the session hook: the session lookup itself uses (and may write) the database. */
export function registerAdmission(app: App, queue: AdmissionQueue): void {
  const tickets = new WeakMap<FastifyRequest, Ticket>();
  app.decorate('admission', queue);

  app.addHook('onRequest', async (request) => {
    if (!needsSlot(request)) return;
    const ticket = queue.enter();
    tickets.set(request, ticket);
    await ticket.admitted;
  });
  // The reply is on its way (success or error): the handler is done with the database. Released
  // here rather than when the client has read it all, so a slow download holds no slot.
  app.addHook('onSend', async (request, _reply, payload) => {
    const ticket = tickets.get(request);
    if (ticket) queue.leave(ticket);
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    const ticket = tickets.get(request);
    if (ticket) queue.leave(ticket);
  });
  // A client that leaves while waiting frees its place at once. One that leaves while its handler
  // runs keeps the slot until the handler replies (onSend): the handler is still using the database.
  app.addHook('onRequestAbort', async (request) => {
    const ticket = tickets.get(request);
    if (ticket && queue.isWaiting(ticket)) queue.leave(ticket);
  });
}

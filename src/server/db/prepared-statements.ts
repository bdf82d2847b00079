// Named prepared statements for the PostgreSQL pool. Kysely sends every statement as an unnamed
// one, so PostgreSQL parses and plans it again each time: with a create's 20-odd statements that
// was most of the server's work per request (parse 1.7 ms and bind — where an unnamed statement is
// planned — 3.8 ms of about 7 ms a create, from the server's own statement log; issue 13). A
// statement text seen often enough gets a name; pg then parses it once per connection, and
// PostgreSQL plans it once it has settled on a generic plan (its `plan_cache_mode` auto rule).
//
// Bounded: at most `maxNames` texts are named (each is kept by every connection of the pool for as
// long as it lives), and a text is named only at its `minUses`-th use, so one-off statements (an
// import's, a migration's) never take a place. Statements without parameters go as they went: pg
// sends them in the simple protocol, which is cheaper than a prepared statement.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface PreparedStatementOptions {
  /** How many distinct texts may be named (default 400). */
  maxNames?: number;
  /** The use of a text at which it gets its name (default 3). */
  minUses?: number;
  /** Texts longer than this stay unnamed (default 16 KB): the big analytic queries. */
  maxLength?: number;
}

export class StatementNames {
  private readonly uses = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly maxNames: number;
  private readonly minUses: number;
  private readonly maxLength: number;

  constructor(options: PreparedStatementOptions = {}) {
    this.maxNames = options.maxNames ?? 400;
    this.minUses = options.minUses ?? 3;
    this.maxLength = options.maxLength ?? 16_384;
  }

  /** The name this text runs under, or undefined: unnamed. */
  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known) return known;
    if (this.names.size >= this.maxNames || text.length > this.maxLength) return undefined;
    const n = (this.uses.get(text) ?? 0) + 1;
    if (n < this.minUses) {
      // The counts are bounded too: a flood of distinct texts forgets the oldest.
      if (this.uses.size >= this.maxNames * 10) this.uses.delete(this.uses.keys().next().value!);
      this.uses.set(text, n);
      return undefined;
    }
    this.uses.delete(text);
    const name = `phoihop_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

const patched = Symbol('phoihop.namedStatements');

/** A pool whose clients send often-used parameterised statements as named prepared statements. */
export function withNamedStatements(pool: pg.Pool, names = new StatementNames()): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const patch = (client: pg.PoolClient) => {
    const marked = client as pg.PoolClient & { [patched]?: true };
    if (marked[patched]) return client;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2) {
        const name = names.nameOf(text);
        if (name) return query({ name, text, values });
      }
      return query(...args);
    };
    marked[patched] = true;
    return client;
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect')
        return (...args: unknown[]) => {
          if (args.length > 0) throw new Error('withNamedStatements: connect() takes no callback here');
          return connect().then(patch);
        };
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

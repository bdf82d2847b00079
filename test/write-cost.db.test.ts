// How many SQL statements a day's commonest writes cost. Each statement is a round trip that
// holds its transaction's locks a little longer; under national load round trips are where the
// time goes (issue 13). Counted with a Kysely plugin that sees every query the app runs (BEGIN
// and COMMIT are not queries and are not counted). The bounds are what the write path needs;
// a change that builds a view twice or loops a statement per cell breaks them.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';
import { analyticsWorld, ETHNIC, PLACES, recordBody, type AnalyticsWorld } from './analytics-fixtures';

/** "select aggregate_value": the kind of statement and its first table, for the failure message. */
function describe_(node: RootOperationNode): string {
  const kind = node.kind.replace('QueryNode', '').toLowerCase();
  const n = node as unknown as Record<string, unknown>;
  const target = (n.from as { froms?: unknown[] } | undefined)?.froms?.[0] ?? n.into ?? n.table ?? (n.from as unknown);
  const name = JSON.stringify(target ?? '').match(/"name":"([a-z_]+)"/)?.[1] ?? '';
  return `${kind} ${name}`.trim();
}

/** Counts the statements executed. Kysely runs `transformQuery` for every query builder turned into
 * a node — subqueries built on `db` too — but `transformResult` only for a statement that ran, so a
 * statement is counted at its result (its description kept from its node under its query id). */
class StatementCounter implements KyselyPlugin {
  counting = false;
  statements: string[] = [];
  private readonly described = new WeakMap<object, string>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.counting) this.described.set(args.queryId, describe_(args.node));
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.counting) this.statements.push(this.described.get(args.queryId) ?? '?');
    return Promise.resolve(args.result);
  }
  async count(fn: () => Promise<unknown>): Promise<number> {
    this.statements = [];
    this.counting = true;
    try {
      await fn();
    } finally {
      this.counting = false;
    }
    return this.statements.length;
  }
}

const counter = new StatementCounter();
let t: TestApp;
let w: AnalyticsWorld;
beforeAll(async () => {
  t = await createTestApp({}, { plugins: [counter] });
  w = await analyticsWorld(t);
});
afterAll(async () => {
  await t.close();
});

/** Ten participant cells: 2 sexes × 5 (ethnic group, target group) pairs. */
const grid = (['female', 'male'] as const).flatMap((sex) =>
  [ETHNIC.kinh, ETHNIC.thai, ETHNIC.mong, ETHNIC.dao].flatMap((ethnicGroupId, i) =>
    i < 2
      ? [
          { sex, ethnicGroupId, targetGroup: 'community_member', count: 3 + i },
          { sex, ethnicGroupId, targetGroup: 'union_member', count: 2 },
        ]
      : i === 2
        ? [{ sex, ethnicGroupId, targetGroup: 'community_member', count: 4 }]
        : [],
  ),
);

describe('statements per write', () => {
  it('creates a record with a 10-cell participant grid in a handful of statements', async () => {
    expect(grid).toHaveLength(10);
    const body = recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-05-12', grid);
    // A first save in this commune: the commune's geography is then known for the process (it is
    // reference data, fixed while the server runs), as it is on a server that has been up a while.
    expect((await w.central.post('/api/records', { ...body, title: 'Lần đầu ở phường này' })).statusCode).toBe(201);
    let status = 0;
    const n = await counter.count(async () => {
      const res = await w.central.post('/api/records', body, { 'idempotency-key': 'write-cost-create-1' });
      status = res.statusCode;
    });
    expect(status).toBe(201);
    expect(n, counter.statements.join(', ')).toBeLessThanOrEqual(11);
  });

  it('updates that record without rebuilding its view twice', async () => {
    const created = (
      await w.central.post(
        '/api/records',
        recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-05-13', grid),
      )
    ).json() as { id: number; version: number };
    const body = recordBody(w.activities[0]!, 'training', PLACES.dienBien, '2026-05-14', grid.slice(0, 8));
    let status = 0;
    const n = await counter.count(async () => {
      status = (await w.central.put(`/api/records/${created.id}`, { ...body, version: created.version })).statusCode;
    });
    expect(status).toBe(200);
    expect(n, counter.statements.join(', ')).toBeLessThanOrEqual(15);
  });

  it('saves ten indicator values in a number of statements that does not grow with the cells', async () => {
    // One cell per distinct (sex, ethnic group) of the grid: NL03 is disaggregated by those two.
    const pairs = [...new Map(grid.map((c) => [`${c.sex}:${c.ethnicGroupId}`, c])).values()];
    const put = async (period: string, k: number, value: number) => {
      const payload = {
        indicator: 'NL03',
        unit: { generation: 2025, code: '11' },
        period,
        values: pairs.slice(0, k).map((c) => ({ sex: c.sex, ethnicGroupId: c.ethnicGroupId, value })),
      };
      let status = 0;
      const n = await counter.count(async () => {
        status = (await w.central.put('/api/indicator-values', payload)).statusCode;
      });
      expect(status).toBe(200);
      return n;
    };
    await put('2026Q1', pairs.length, 1);
    const one = await put('2026Q2', 1, 5);
    const many = await put('2026Q3', pairs.length, 5);
    const again = await put('2026Q3', pairs.length, 6);
    expect(many, counter.statements.join(', ')).toBe(one);
    expect(again).toBeLessThanOrEqual(many);
    expect(many).toBeLessThanOrEqual(12);
  });
});

// Several app instances over one PostgreSQL test database, as production runs them behind a load
// balancer: each its own app and its own pool, one database, one clock. A client logged in on one
// instance can be pointed at any other (`instances.on(i, client)`).
import type { Config } from '../src/server/config';
import { createTestApp, clientOn, type ApiClient, type TestApp } from './test-app';
import { openAnotherPool, type TestDatabase } from './test-db';

export interface Instances {
  /** The instances; the first created the database (users, factories and fixtures go through it). */
  all: TestApp[];
  /** `client`'s session, sent to instance `i`. */
  on(i: number, client: ApiClient): ApiClient;
  close(): Promise<void>;
}

export async function startInstances(count: number, overrides: Partial<Config> = {}): Promise<Instances> {
  const first = await createTestApp(overrides);
  const all = [first];
  for (let i = 1; i < count; i++) {
    const database = openAnotherPool(first.database as TestDatabase);
    all.push(await createTestApp(overrides, { database, clock: first.clock }));
  }
  return {
    all,
    on: (i, client) => clientOn(all[i]!.app, client),
    async close() {
      // The others first: closing the first instance drops the database.
      for (const instance of all.slice(1).reverse()) await instance.close();
      await first.close();
    },
  };
}

// Vitest global setup for the database projects. PGlite: a migrated image dumped to a file that
// each test file loads. PostgreSQL: a template database each test file clones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/server/db/database';
import { prepareTemplate } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    postgresTemplate: string;
  }
}

export function adminUrl(url: string, database = 'postgres'): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const engine = project.config.env?.PHOIHOP_TEST_ENGINE ?? 'pglite';
  if (engine === 'postgresql') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set');
    const name = `phoihop_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const database = openPostgres(adminUrl(base, name), 4);
    await prepareTemplate(database);
    await database.close();
    project.provide('postgresTemplate', name);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openPglite();
  await prepareTemplate(database);
  const file = path.join(os.tmpdir(), `phoihop-template-${process.pid}.tar.gz`);
  fs.writeFileSync(file, await dumpPglite(database));
  await database.close();
  project.provide('pgliteImage', file);
  return () => fs.rmSync(file, { force: true });
}

async function dumpPglite(database: Awaited<ReturnType<typeof openPglite>>): Promise<Buffer> {
  const blob = await database.dump!();
  return Buffer.from(await blob.arrayBuffer());
}

// Loads the reference data kept in refdata/ into the database. Each dataset is reloaded only
// when its files change (checksum), and loading is idempotent (upserts), so it runs at every start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from '../../db/database';
import { loadAdminUnits } from './load-admin-units';
import { loadEthnicGroups } from './load-ethnic-groups';
import { loadAgencies } from './load-agencies';
import { loadAgencyPositions } from './load-agency-positions';
import { newTransaction } from '../../db/transaction';
import { ADVISORY_LOCKS, transactionLock } from '../../db/advisory-locks';

export const REFDATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../refdata');

interface Dataset {
  name: string;
  /** Bump when the loader changes, so existing databases reload the dataset. */
  version: number;
  files: string[];
  load(db: Queryable, dir: string): Promise<number>;
}

// Order matters: agencies are generated per province, so they come after administrative units.
const DATASETS: Dataset[] = [
  {
    name: 'admin-units',
    version: 1,
    files: [
      'admin-units-2024/provinces.csv',
      'admin-units-2024/districts.csv',
      'admin-units-2024/wards.csv',
      'admin-units-2025/provinces.csv',
      'admin-units-2025/wards.csv',
      'admin-units-2025/changes-2026.csv',
      'admin-units-2025/changes-2026-dates.csv',
      'admin-units-2025/mapping-provinces-old-to-new.csv',
      'admin-units-2025/mapping-wards-old-to-new.csv',
    ],
    load: loadAdminUnits,
  },
  {
    name: 'ethnic-groups',
    version: 1,
    files: ['ethnic-groups.csv', 'ethnic-group-aliases.csv'],
    load: loadEthnicGroups,
  },
  {
    name: 'agencies',
    version: 1,
    files: ['agencies.json', 'admin-units-2024/provinces.csv', 'admin-units-2025/provinces.csv'],
    load: loadAgencies,
  },
  {
    // After agencies (positions are per agency and per branch); reloaded when the agencies change.
    name: 'agency-positions',
    version: 1,
    files: [
      'agency-positions.json',
      'agencies.json',
      'admin-units-2024/provinces.csv',
      'admin-units-2025/provinces.csv',
    ],
    load: loadAgencyPositions,
  },
];

function checksum(dir: string, dataset: Dataset): string {
  const hash = crypto.createHash('sha256').update(`v${dataset.version}`);
  for (const file of dataset.files) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex');
}

export async function ensureReferenceData(db: Db, dir = REFDATA_DIR): Promise<{ loaded: string[] }> {
  const loaded: string[] = [];
  for (const dataset of DATASETS) {
    const sum = checksum(dir, dataset);
    const current = await db
      .selectFrom('reference_data_load')
      .select('checksum')
      .where('dataset', '=', dataset.name)
      .executeTakeFirst();
    if (current?.checksum === sum) continue;
    // Several instances may start at once on a database whose reference data is stale: one loads
    // each dataset, the others wait for it and then find it current.
    const done = await newTransaction(db, async (tx) => {
      await transactionLock(tx, ADVISORY_LOCKS.referenceData);
      const now = await tx
        .selectFrom('reference_data_load')
        .select('checksum')
        .where('dataset', '=', dataset.name)
        .executeTakeFirst();
      if (now?.checksum === sum) return false;
      const rows = await dataset.load(tx, dir);
      await tx
        .insertInto('reference_data_load')
        .values({ dataset: dataset.name, checksum: sum, row_count: rows })
        .onConflict((oc) => oc.column('dataset').doUpdateSet({ checksum: sum, row_count: rows, loaded_at: new Date() }))
        .execute();
      return true;
    });
    if (done) loaded.push(dataset.name);
  }
  return { loaded };
}

/** Reads a CSV file of refdata/ into objects keyed by the header row. */
export { readCsv } from './csv';

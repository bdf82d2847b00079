// Generates disaggregated values for the pivot benchmark as a PostgreSQL COPY text file (tab
// separated, \N for null) with the columns of data_value, so PostgreSQL, PGlite and DuckDB all load
// the very same rows. Deterministic (seeded): the same arguments give the same file.
//
// Shape: every 2025 commune (3,321 in 34 provinces, from refdata) has a few ethnic groups living in
// it (Kinh almost everywhere, plus minorities drawn with decreasing weights over the 54 groups);
// for each commune × month (60, 2021-01 … 2025-12) × indicator (20) there are two or three values,
// each for a different sex × ethnic group of that commune, until the total is reached.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REFDATA_DIR } from '../src/server/modules/reference/reference-data';

export const DATA_COLUMNS = [
  'indicator_id',
  'province_code',
  'province_2024',
  'commune_code',
  'commune_2024',
  'source_unit_generation',
  'source_unit_code',
  'lineage_partial',
  'month',
  'sex',
  'ethnic_group_id',
  'target_group',
  'age_band',
  'agency_id',
  'plan_id',
  'source_kind',
  'source_id',
  'value',
] as const;

export const MONTHS = Array.from({ length: 60 }, (_, i) => (2021 + Math.floor(i / 12)) * 100 + (i % 12) + 1);

interface Commune {
  code: string;
  province: string;
  province2024: string | null;
  commune2024: string | null;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(REFDATA_DIR, file)), { columns: true, skip_empty_lines: true, bom: true });
}

/** The 2025 communes with their old province / commune when the lineage names exactly one. */
export function communes(): Commune[] {
  const lineage = new Map<string, { provinces: Set<string>; communes: { code: string; kind: string }[] }>();
  for (const r of readCsv('admin-units-2025/mapping-wards-old-to-new.csv')) {
    const code = r.new_ward_code_resolved!;
    const entry = lineage.get(code) ?? { provinces: new Set(), communes: [] };
    entry.provinces.add(r.old_province_code!);
    entry.communes.push({ code: r.old_ward_code!, kind: r.merge_type! });
    lineage.set(code, entry);
  }
  return readCsv('admin-units-2025/wards.csv').map((r) => {
    const l = lineage.get(r.code!);
    return {
      code: r.code!,
      province: r.province_code!,
      province2024: l && l.provinces.size === 1 ? [...l.provinces][0]! : null,
      commune2024: l && l.communes.length === 1 && l.communes[0]!.kind === 'full' ? l.communes[0]!.code : null,
    };
  });
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedFile {
  file: string;
  rows: number;
}

export async function generateValues(target: number, indicatorIds: number[], dir: string): Promise<GeneratedFile> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `values-${target}-${indicatorIds[0]}-${indicatorIds.length}.tsv`);
  if (fs.existsSync(`${file}.done`)) return { file, rows: Number(fs.readFileSync(`${file}.done`, 'utf8')) };
  const list = communes();
  const next = random(20221807);
  const combos = list.length * MONTHS.length * indicatorIds.length;
  const perCombo = target / combos;
  const out = fs.createWriteStream(file);
  let rows = 0;
  let sourceId = 0;
  let carry = 0;
  let buffer: string[] = [];
  const flush = async () => {
    if (!out.write(buffer.join(''))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    buffer = [];
  };
  for (const c of list) {
    // Kinh (1) in nine communes out of ten, plus one to four minorities weighted towards the larger groups.
    const groups = new Set<number>();
    if (next() < 0.9) groups.add(1);
    const minorities = 1 + Math.floor(next() * 4);
    while (groups.size < minorities + (groups.has(1) ? 1 : 0)) groups.add(2 + Math.floor(53 * next() ** 2.5));
    const pairs = [...groups].flatMap((g) => [`female\t${g}`, `male\t${g}`]);
    const place = `${c.province}\t${c.province2024 ?? '\\N'}\t${c.code}\t${c.commune2024 ?? '\\N'}\t2025\t${c.code}\tf`;
    for (const month of MONTHS) {
      for (const indicator of indicatorIds) {
        sourceId++;
        // Carry what a commune with few groups could not take to the next ones, so the total is reached.
        carry += perCombo;
        const n = Math.min(Math.floor(carry + next()), pairs.length, target - rows);
        carry -= n;
        // A partial Fisher–Yates shuffle picks n distinct sex × ethnic pairs.
        for (let k = 0; k < n; k++) {
          const j = k + Math.floor(next() * (pairs.length - k));
          [pairs[k], pairs[j]] = [pairs[j]!, pairs[k]!];
          const value = 1 + Math.floor(next() * 50);
          const agency = 1 + Math.floor(next() * 8);
          buffer.push(
            `${indicator}\t${place}\t${month}\t${pairs[k]}\t\\N\t\\N\t${agency}\t\\N\trecord\t${sourceId}\t${value}\n`,
          );
          rows++;
        }
        if (buffer.length >= 20000) await flush();
      }
    }
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  fs.writeFileSync(`${file}.done`, String(rows));
  return { file, rows };
}

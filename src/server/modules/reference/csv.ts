import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** A refdata CSV (UTF-8, header row, RFC 4180) as records; codes stay strings. */
export function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dir, file)), { columns: true, skip_empty_lines: true, bom: true });
}

/** Inserts rows in chunks so one statement stays well under the parameter limit. */
export function chunks<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkedValues, DB_TYPES_FILE, generateDbTypes } from './gen-db';

describe('the committed row types', () => {
  it('match what the migrations produce, so the Kysely types never drift from the database', async () => {
    const committed = fs.existsSync(DB_TYPES_FILE) ? fs.readFileSync(DB_TYPES_FILE, 'utf8') : '';
    // On failure: run `npm run gen:db` and commit src/server/db/schema.generated.ts.
    expect(committed, 'src/server/db/schema.generated.ts is stale: run npm run gen:db').toBe(await generateDbTypes());
  }, 180_000);

  it('types a text column by the values its IN check lists, and leaves other checks alone', () => {
    expect(checkedValues("CHECK ((status = ANY (ARRAY['open'::text, 'it''s'::text])))")).toEqual({
      column: 'status',
      values: ['open', "it's"],
    });
    expect(checkedValues(`CHECK (("grant" = 'case_data'::text))`)).toEqual({ column: 'grant', values: ['case_data'] });
    expect(checkedValues('CHECK ((size_bytes >= 0))')).toBeNull();
    expect(checkedValues("CHECK (((sex = ANY (ARRAY['female'::text])) OR (sex IS NULL)))")).toBeNull();
  });
});

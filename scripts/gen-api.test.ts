import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSpec, generateTypes, SPEC_FILE, TYPES_FILE } from './gen-api';

describe('the committed API description', () => {
  it('matches what the server generates, so the typed web client never drifts', async () => {
    const spec = await generateSpec();
    const committed = fs.existsSync(SPEC_FILE) ? fs.readFileSync(SPEC_FILE, 'utf8') : '';
    // On failure: run `npm run gen:api` and commit src/web/api/.
    expect(committed, 'src/web/api/openapi.json is stale: run npm run gen:api').toBe(spec);
    const types = await generateTypes(spec);
    const committedTypes = fs.existsSync(TYPES_FILE) ? fs.readFileSync(TYPES_FILE, 'utf8') : '';
    expect(committedTypes, 'src/web/api/schema.d.ts is stale: run npm run gen:api').toBe(types);
  }, 180_000);
});

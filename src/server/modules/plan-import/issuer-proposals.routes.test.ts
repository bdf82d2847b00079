// A real plan whose issuer the registry does not hold (corpus 01: Ủy ban nhân dân Thành phố Hồ Chí
// Minh): the preview says so and proposes the agency, an administrator adds it, and from then on
// the preview and the import recognise it — the draft is the city's provincial plan.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';

const corpusDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/corpus');
const file = fs.readdirSync(corpusDir).find((f) => f.startsWith('01_') && f.endsWith('.txt'))!;
const text = fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n').slice(2).join('\n');

let t: TestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as({ role: 'admin' });
});
afterAll(async () => t?.close());

describe('issuers the registry does not hold', () => {
  it('are proposed by the preview, added by an administrator, then recognised by preview and import', async () => {
    const first = await admin.post('/api/plans/import/preview', { text });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().issuerMatches).toEqual([
      {
        name: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
        agency: null,
        proposal: {
          name: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
          shortName: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
          abbreviation: 'UBND',
          level: 'provincial',
          provinceCode: '79',
          generation: 2025,
        },
      },
    ]);

    const created = await admin.post('/api/agencies', first.json().issuerMatches[0].proposal);
    expect(created.statusCode, created.body).toBe(201);

    const second = (await admin.post('/api/plans/import/preview', { text })).json();
    expect(second.issuerMatches).toEqual([
      {
        name: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
        agency: { id: created.json().id, name: 'Ủy ban nhân dân thành phố Hồ Chí Minh', abbreviation: 'UBND' },
        proposal: null,
      },
    ]);

    const imported = await admin.post('/api/plans/import', { text });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().warnings.map((w: { field: string }) => w.field)).not.toContain('issuers.0');
    const plan = (await admin.get(`/api/plans/${imported.json().planId}`)).json();
    expect(plan).toMatchObject({ kind: 'provincial', provinceCode: '79' });
    expect(plan.issuers.map((i: { id: number }) => i.id)).toEqual([created.json().id]);
  });
});

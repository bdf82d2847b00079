// Adding an agency the reference data does not hold: only with refdata:manage, each field checked
// with a 400 naming it, a known name refused with 409, the new agency listed and found by its name
// and abbreviation afterwards, one audit entry in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { abbreviate, proposeAgency } from './agencies.service';
import { findAgencyByName } from './agencies.repo';

let t: TestApp;
let admin: ApiClient;
let coordinator: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as({ role: 'admin' });
  coordinator = await t.as({ role: 'central_coordinator' });
});
afterAll(async () => t?.close());

const soYTe = { name: 'Sở Y tế tỉnh Lào Cai', abbreviation: 'SYT', level: 'provincial', provinceCode: '15' };

describe('POST /api/agencies', () => {
  it('is refused without refdata:manage, and nothing is written', async () => {
    const res = await coordinator.post('/api/agencies', soYTe);
    expect(res.statusCode).toBe(403);
    expect(await findAgencyByName(t.database.db, soYTe.name, '2026-01-01')).toBeUndefined();
  });

  it('names the field of each bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...soYTe, provinceCode: undefined }, 'provinceCode'],
      [{ ...soYTe, provinceCode: '01', level: 'central' }, 'provinceCode'],
      [{ ...soYTe, provinceCode: '99' }, 'provinceCode'],
      [{ ...soYTe, provinceCode: '02', generation: 2025 }, 'provinceCode'], // Hà Giang: a 2024 province only
      [{ ...soYTe, name: '123' }, 'name'],
      [{ ...soYTe, abbreviation: '' }, 'abbreviation'],
      [{ ...soYTe, name: 'Sở\u0000' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/agencies', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toBe(field);
    }
  });

  it('adds the agency, lists it, finds it by name and abbreviation, audits it; the same name again is 409', async () => {
    const res = await admin.post('/api/agencies', soYTe);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'Sở Y tế tỉnh Lào Cai',
      abbreviation: 'SYT',
      level: 'provincial',
      provinceCode: '15',
      generation: 2025,
      kind: 'other',
    });
    const listed = (await coordinator.get('/api/agencies?q=so%20y%20te&province=15')).json();
    expect(listed.items.map((a: { id: number }) => a.id)).toContain(created.id);
    expect((await findAgencyByName(t.database.db, 'SỞ Y TẾ TỈNH LÀO CAI', '2026-01-01'))?.id).toBe(created.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'agency')
      .where('entity_id', '=', String(created.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');

    const again = await admin.post('/api/agencies', { ...soYTe, name: 'SỞ Y TẾ TỈNH LÀO CAI' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('name');
    const known = await admin.post('/api/agencies', {
      name: 'Hội Liên hiệp Phụ nữ Việt Nam',
      abbreviation: 'HLHPN',
      level: 'central',
    });
    expect(known.statusCode).toBe(409);
  });
});

describe('proposeAgency', () => {
  it('reads a province at the end of the name, in the date’s generation, and writes capitals as a sentence', async () => {
    const db = t.database.db;
    expect(await proposeAgency(db, 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', '2025-10-01')).toEqual({
      name: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
      shortName: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
      abbreviation: 'UBND',
      level: 'provincial',
      provinceCode: '79',
      generation: 2025,
    });
    // Before 1/7/2025 Hà Giang was a province of its own; after, it is part of Tuyên Quang.
    expect(await proposeAgency(db, 'Sở Giáo dục và Đào tạo tỉnh Hà Giang', '2023-03-01')).toMatchObject({
      name: 'Sở Giáo dục và Đào tạo tỉnh Hà Giang',
      abbreviation: 'SGDĐT',
      level: 'provincial',
      provinceCode: '02',
      generation: 2024,
    });
    expect(await proposeAgency(db, 'Sở Giáo dục và Đào tạo tỉnh Hà Giang', '2026-03-01')).toMatchObject({
      level: 'central',
      provinceCode: null,
    });
    expect(await proposeAgency(db, 'Bộ Tư pháp', '2011-01-01')).toMatchObject({
      abbreviation: 'BTP',
      level: 'central',
      provinceCode: null,
      generation: null,
    });
  });

  it('abbreviates as offices do', () => {
    expect(abbreviate('Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh')).toBe('TUĐTNCSHCM');
    expect(abbreviate('Ban Chấp hành')).toBe('BCH');
  });
});

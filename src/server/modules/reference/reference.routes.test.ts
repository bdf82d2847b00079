import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';

interface Unit {
  code: string;
  name: string;
  fullName: string;
  level: string;
  generation: number;
  unitType: string;
  parentCode: string | null;
  provinceCode: string;
  provinceName: string | null;
}
interface Lineage {
  generation: number;
  code: string;
  name: string;
  fullName: string;
  level: string;
  kind: string;
  splitCount: number;
}
interface Detail extends Unit {
  parents: Unit[];
  lineage: { successors: Lineage[]; predecessors: Lineage[] };
  changes: { effectiveOn: string; kind: string; newFullName: string }[];
  children: number;
}
interface Page<T> {
  items: T[];
  total: number;
}

let t: TestApp;
let viewer: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  viewer = await t.as({ role: 'viewer' });
});
afterAll(async () => t?.close());

async function list(query: string): Promise<Page<Unit>> {
  const res = await viewer.get(`/api/admin-units?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page<Unit>;
}

async function detail(generation: number, code: string, query = ''): Promise<Detail> {
  const res = await viewer.get(`/api/admin-units/${generation}/${code}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

describe('GET /api/admin-units', () => {
  it('counts 63 provinces, 696 districts and 10,035 communes before the 2025 reform', async () => {
    expect((await list('generation=2024&level=province&limit=1')).total).toBe(63);
    expect((await list('generation=2024&level=district&limit=1')).total).toBe(696);
    expect((await list('generation=2024&level=commune&limit=1')).total).toBe(10035);
  });

  it('counts 34 provinces and 3,321 communes after it, and defaults to the 2025 generation', async () => {
    expect((await list('generation=2025&level=province&limit=1')).total).toBe(34);
    expect((await list('generation=2025&level=commune&limit=1')).total).toBe(3321);
    expect((await list('level=province&limit=1')).total).toBe(34);
  });

  it('finds the province Điện Biên from "dien bien" in both generations, ranking names that start with it first', async () => {
    for (const generation of [2024, 2025]) {
      const page = await list(`generation=${generation}&q=dien%20bien`);
      expect(page.items[0]).toMatchObject({ code: '11', level: 'province', fullName: 'Tỉnh Điện Biên', generation });
      const firstOther = page.items.findIndex((u) => !u.name.startsWith('Điện Biên'));
      const lastStarting = page.items.map((u) => u.name.startsWith('Điện Biên')).lastIndexOf(true);
      if (firstOther >= 0) expect(lastStarting).toBeLessThan(firstOther);
    }
  });

  it('matches "hoa", "hòa" and "hoà" alike', async () => {
    const plain = await list('q=hoa&limit=1');
    const modern = await list(`q=${encodeURIComponent('hòa')}&limit=1`);
    const old = await list(`q=${encodeURIComponent('hoà')}&limit=1`);
    expect(plain.total).toBeGreaterThan(0);
    expect(modern.total).toBe(plain.total);
    expect(old.total).toBe(plain.total);
  });

  it('lists the communes of a 2024 district and of a 2025 province by parent', async () => {
    const district = await list('generation=2024&parent=001&limit=500');
    expect(
      district.items.every((u) => u.level === 'commune' && u.parentCode === '001' && u.provinceCode === '01'),
    ).toBe(true);
    expect(district.items.map((u) => u.code)).toContain('00001');
    const province = await list('generation=2025&province=11&level=commune&limit=1');
    expect(province.total).toBeGreaterThan(0);
  });

  it('shows Đồng Nai as a province until 30/4/2026 and as a centrally-run city from then on', async () => {
    const before = await list('level=province&q=dong%20nai&at=2026-01-01');
    const after = await list('level=province&q=dong%20nai&at=2026-05-01');
    expect(before.items.find((u) => u.code === '75')?.fullName).toBe('Tỉnh Đồng Nai');
    expect(after.items.find((u) => u.code === '75')).toMatchObject({
      fullName: 'Thành phố Đồng Nai',
      unitType: 'Thành phố trực thuộc trung ương',
    });
    const commune = await list('generation=2025&q=loc%20ninh&province=75&at=2026-05-01');
    expect(commune.items.find((u) => u.code === '25270')).toMatchObject({
      fullName: 'Phường Lộc Ninh',
      provinceName: 'Thành phố Đồng Nai',
    });
  });

  it('rejects an unknown generation naming the field', async () => {
    const res = await viewer.get('/api/admin-units?generation=2023');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('generation');
  });

  it('rejects the district level in the 2025 generation with a Vietnamese message', async () => {
    const res = await viewer.get('/api/admin-units?generation=2025&level=district');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'level', message: 'Từ 1/7/2025 không còn cấp huyện' });
  });

  it('rejects an unknown level naming the field', async () => {
    const res = await viewer.get('/api/admin-units?level=village');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('level');
  });

  it('asks for a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin-units' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/admin-units/{generation}/{code}', () => {
  it('tells reused codes apart by generation: 15 is Yên Bái in 2024 and Lào Cai in 2025', async () => {
    expect((await detail(2024, '15')).fullName).toBe('Tỉnh Yên Bái');
    expect((await detail(2025, '15')).fullName).toBe('Tỉnh Lào Cai');
    const oldLaoCai = await detail(2024, '10');
    expect(oldLaoCai.fullName).toBe('Tỉnh Lào Cai');
    expect(oldLaoCai.lineage.successors).toEqual([
      {
        generation: 2025,
        code: '15',
        name: 'Lào Cai',
        fullName: 'Tỉnh Lào Cai',
        level: 'province',
        kind: 'full',
        splitCount: 1,
      },
    ]);
  });

  it('finds Hà Giang from "ha giang" and shows Tuyên Quang as its successor', async () => {
    const page = await list('generation=2024&level=province&q=ha%20giang');
    expect(page.items.map((u) => u.code)).toEqual(['02']);
    const haGiang = await detail(2024, '02');
    expect(haGiang.lineage.successors.map((s) => [s.code, s.name])).toEqual([['08', 'Tuyên Quang']]);
    expect(haGiang.children).toBeGreaterThan(0);
  });

  it('shows every successor of a commune split across several new communes, each marked partial', async () => {
    const haiLang = await detail(2024, '06886');
    expect(haiLang.parents.map((p) => p.level)).toEqual(['district', 'province']);
    expect(haiLang.parents.map((p) => p.code)).toEqual(['199', '22']);
    // 06978 is TLQ's code for Xã Ba Chẽ, which DV25's mapping writes 06970.
    expect(haiLang.lineage.successors.map((s) => s.code)).toEqual(['06799', '06886', '06978']);
    expect(haiLang.lineage.successors.every((s) => s.kind === 'partial' && s.splitCount === 3)).toBe(true);
  });

  it('lists the predecessors of a 2025 commune', async () => {
    const baDinh = await detail(2025, '00004');
    expect(baDinh.parents.map((p) => p.code)).toEqual(['01']);
    const byCode = new Map(baDinh.lineage.predecessors.map((p) => [p.code, p]));
    expect(byCode.get('00004')).toMatchObject({ generation: 2024, fullName: 'Phường Trúc Bạch', kind: 'full' });
    expect(byCode.get('00019')).toMatchObject({ fullName: 'Phường Điện Biên', kind: 'partial', splitCount: 4 });
    expect(baDinh.lineage.successors).toEqual([]);
  });

  it('applies the dated changes to a unit and lists them', async () => {
    const before = await detail(2025, '75', '?at=2026-01-01');
    const after = await detail(2025, '75', '?at=2026-05-01');
    expect(before.fullName).toBe('Tỉnh Đồng Nai');
    expect(after.fullName).toBe('Thành phố Đồng Nai');
    expect(after.changes).toMatchObject([
      { effectiveOn: '2026-04-30', kind: 'reclassified', newFullName: 'Thành phố Đồng Nai' },
    ]);
  });

  it('rejects a malformed code naming the field', async () => {
    const res = await viewer.get('/api/admin-units/2025/1234');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('code');
  });

  it('rejects an unknown generation in the path naming the field', async () => {
    const res = await viewer.get('/api/admin-units/2023/01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('generation');
  });

  it('answers 404 for a code that does not exist in the generation', async () => {
    const res = await viewer.get('/api/admin-units/2025/99');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await viewer.get('/api/admin-units/2025/001')).statusCode).toBe(404);
  });
});

describe('GET /api/ethnic-groups', () => {
  it('lists the 54 groups in the order of the 2008 list', async () => {
    const res = await viewer.get('/api/ethnic-groups');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Page<{ id: number; code2008: string; name: string }>;
    expect(body.total).toBe(54);
    expect(body.items.slice(0, 4).map((g) => g.name)).toEqual(['Kinh', 'Tày', 'Thái', 'Mường']);
    expect(body.items.map((g) => g.id)).toEqual(body.items.map((g) => Number(g.code2008)));
  });

  it('finds Mông from "hmong"', async () => {
    const res = await viewer.get('/api/ethnic-groups?q=hmong');
    const body = res.json() as Page<{ name: string; otherNames: string[] }>;
    expect(body.items.map((g) => g.name)).toEqual(['Mông']);
    expect(body.items[0]?.otherNames).toContain("H'Mông");
  });

  it('returns one group with both codes, and 404 for an unknown id', async () => {
    const res = await viewer.get('/api/ethnic-groups/6');
    expect(res.json()).toMatchObject({ id: 6, name: 'Hoa', code1979: '04', code2008: '06', isMinority: true });
    expect((await viewer.get('/api/ethnic-groups/99')).statusCode).toBe(404);
  });

  it('asks for a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/ethnic-groups' })).statusCode).toBe(401);
  });
});

import contentDisposition from 'content-disposition';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/test-app';
import { monitoringWorld, type MonitoringWorld } from '../../../../test/monitoring-fixtures';
import { DIEN_BIEN_WARD, LAO_CAI_WARD, trainingBody } from '../../../../test/record-fixtures';

let t: TestApp;
let w: MonitoringWorld;
let dienBienEntry: ApiClient;
let laoCaiEntry: ApiClient;

/** 2^53 + 1 and 2^53 + 3: a double cannot hold either. */
const BIG_A = '9007199254740993';
const BIG_B = '9007199254740995';

beforeAll(async () => {
  t = await createTestApp();
  w = await monitoringWorld(t);
  dienBienEntry = w.dienBienEntry;
  laoCaiEntry = await t.as({ role: 'data_entry', agency: 'HLHPN-2025-15', provinces: ['15'] });
});
afterAll(async () => {
  await t.close();
});

async function plan(
  client: ApiClient,
  planActivityId: number,
  provinceCode: string | null,
  amounts: Record<string, string>,
) {
  const res = await client.put('/api/budgets/lines', {
    planActivityId,
    provinceCode,
    amounts: Object.entries(amounts).map(([fundingSource, amount]) => ({ fundingSource, amount })),
  });
  if (res.statusCode !== 200) throw new Error(`budget failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function record(client: ApiClient, activityId: number, place: object | null, costs: Record<string, string>) {
  const res = await client.post(
    '/api/records',
    trainingBody(activityId, {
      place,
      costs: Object.entries(costs).map(([fundingSource, amount]) => ({ fundingSource, amount })),
    }),
  );
  if (res.statusCode !== 201) throw new Error(`record failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; totalCost: string };
}

const sum = (amounts: string[]) => amounts.reduce((s, a) => s + BigInt(a), 0n).toString();

describe('budgets', () => {
  it('stores planned amounts exactly, per activity, province and funding source', async () => {
    const cell = await plan(w.women, w.central[0]!, '11', { ctmtqg: BIG_A, ngan_sach_dia_phuong: '0001000000' });
    expect(cell).toEqual({
      planActivityId: w.central[0],
      provinceCode: '11',
      amounts: [
        { fundingSource: 'ctmtqg', amount: BIG_A },
        { fundingSource: 'ngan_sach_dia_phuong', amount: '1000000' },
      ],
      total: '9007199255740993',
    });
    const lines = (await w.dienBien.get(`/api/budgets/lines?plan=${w.planId}&province=11`)).json();
    expect(lines.editable).toBe(true);
    expect(lines.activities.find((a: { id: number }) => a.id === w.central[0])).toMatchObject({
      total: '9007199255740993',
    });
    // Setting a source to zero removes it; the audit keeps before and after.
    const again = await plan(w.women, w.central[0]!, '11', { ctmtqg: BIG_A, ngan_sach_dia_phuong: '0' });
    expect(again.amounts).toEqual([{ fundingSource: 'ctmtqg', amount: BIG_A }]);
    await plan(w.women, w.central[0]!, '11', { ctmtqg: BIG_A, ngan_sach_dia_phuong: '1000000' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'plan_activity')
      .where('entity_id', '=', String(w.central[0]))
      .where('action', '=', 'plan_budget')
      .orderBy('audit_id')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit[1]!.after).toEqual({ provinceCode: '11', amounts: [{ fundingSource: 'ctmtqg', amount: BIG_A }] });
  });

  it('answers 401, 403, 404 and 400 on planning, naming the field', async () => {
    const body = {
      planActivityId: w.central[0],
      provinceCode: '11',
      amounts: [{ fundingSource: 'ctmtqg', amount: '5' }],
    };
    expect((await t.app.inject({ method: 'PUT', url: '/api/budgets/lines', payload: body })).statusCode).toBe(401);
    expect((await w.viewer.put('/api/budgets/lines', body)).statusCode).toBe(403);
    expect((await dienBienEntry.put('/api/budgets/lines', body)).statusCode).toBe(403);
    expect((await w.dienBien.put('/api/budgets/lines', { ...body, provinceCode: '15' })).statusCode).toBe(403);
    expect((await w.dienBien.put('/api/budgets/lines', { ...body, provinceCode: null })).statusCode).toBe(403);
    expect((await w.dienBien.put('/api/budgets/lines', { ...body, planActivityId: w.laoCaiPlan[0] })).statusCode).toBe(
      404,
    );
    expect((await w.women.put('/api/budgets/lines', { ...body, planActivityId: 999999 })).statusCode).toBe(404);
    const cases: [Record<string, unknown>, string][] = [
      [{ amounts: [{ fundingSource: 'ctmtqg', amount: 5 }] }, 'amounts.0.amount'],
      [{ amounts: [{ fundingSource: 'ctmtqg', amount: '1.5' }] }, 'amounts.0.amount'],
      [{ amounts: [{ fundingSource: 'ctmtqg', amount: '-5' }] }, 'amounts.0.amount'],
      [{ amounts: [{ fundingSource: 'xo_so', amount: '5' }] }, 'amounts.0.fundingSource'],
      [
        {
          amounts: [
            { fundingSource: 'ctmtqg', amount: '5' },
            { fundingSource: 'ctmtqg', amount: '6' },
          ],
        },
        'amounts.1.fundingSource',
      ],
      [{ provinceCode: '99' }, 'provinceCode'],
      [{ planActivityId: w.dienBienPlan[0], provinceCode: '15' }, 'provinceCode'],
    ];
    for (const [over, field] of cases) {
      const res = await w.women.put('/api/budgets/lines', { ...body, ...over });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await w.laoCai.get(`/api/budgets/lines?plan=${w.planId}&province=11`)).statusCode).toBe(404);
  });

  it('shows planned vs spent by section, province and source; totals match the records to the đồng', async () => {
    // Activity 3 is led by the ethnic-affairs side: its budget is theirs to plan.
    await plan(w.ethnic, w.central[2]!, null, { ngan_sach_trung_uong: '500000000' });
    await plan(w.laoCai, w.laoCaiPlan[1]!, '15', { ngan_sach_dia_phuong: BIG_B, huy_dong: '7' });
    const spent = [
      await record(dienBienEntry, w.dienBienPlan[0]!, DIEN_BIEN_WARD, { ctmtqg: BIG_B, huy_dong: '1' }),
      await record(dienBienEntry, w.central[0]!, DIEN_BIEN_WARD, { ctmtqg: '2500000' }),
      await record(laoCaiEntry, w.laoCaiPlan[1]!, LAO_CAI_WARD, { ngan_sach_dia_phuong: BIG_A }),
      await record(w.women, w.central[2]!, null, { ngan_sach_trung_uong: '250000000' }),
    ];
    const res = await w.women.get(`/api/budgets/summary?plan=${w.planId}`);
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    const plannedTotal = sum([BIG_A, '1000000', '500000000', BIG_B, '7']);
    const spentTotal = sum(spent.map((r) => r.totalCost));
    expect(spentTotal).toBe(sum([BIG_B, '1', '2500000', BIG_A, '250000000']));
    expect(summary.total).toEqual({
      planned: plannedTotal,
      spent: spentTotal,
      share: expect.any(String),
    });
    // The same figure from the records themselves, plan by plan.
    let fromRecords = 0n;
    for (const planId of [w.planId, ...(await derivedPlans())]) {
      const listed = (await w.women.get(`/api/records?plan=${planId}&limit=200`)).json();
      fromRecords += listed.items.reduce((s: bigint, r: { totalCost: string }) => s + BigInt(r.totalCost), 0n);
    }
    expect(fromRecords.toString()).toBe(spentTotal);
    for (const part of ['bySection', 'byProvince', 'bySource', 'byActivity'] as const) {
      expect(sum(summary[part].map((x: { spent: string }) => x.spent)), part).toBe(spentTotal);
      expect(sum(summary[part].map((x: { planned: string }) => x.planned)), part).toBe(plannedTotal);
    }
    expect(summary.byProvince.map((p: { code: string | null; name: string }) => [p.code, p.name])).toEqual([
      [null, 'Trung ương'],
      ['11', 'Điện Biên'],
      ['15', 'Lào Cai'],
    ]);
    const dienBien = summary.byProvince.find((p: { code: string }) => p.code === '11');
    expect(dienBien).toEqual({
      code: '11',
      name: 'Điện Biên',
      planned: '9007199255740993',
      spent: sum([BIG_B, '1', '2500000']),
      share: '100.0',
    });
    const central = summary.byProvince.find((p: { code: string | null }) => p.code === null);
    expect(central).toMatchObject({ planned: '500000000', spent: '250000000', share: '50.0' });
    // Spending on the provincial plans' derived activities counts under the central activity.
    const first = summary.byActivity.find((a: { id: number }) => a.id === w.central[0]);
    expect(first.spent).toBe(sum([BIG_B, '1', '2500000']));
    expect(first.bySource).toEqual([
      { code: 'ngan_sach_dia_phuong', planned: '1000000', spent: '0' },
      { code: 'ctmtqg', planned: BIG_A, spent: sum([BIG_B, '2500000']) },
      { code: 'huy_dong', planned: '0', spent: '1' },
    ]);
    expect(summary.bySource.map((s: { code: string }) => s.code)).toEqual([
      'ngan_sach_trung_uong',
      'ngan_sach_dia_phuong',
      'ctmtqg',
      'huy_dong',
    ]);
    expect(summary.bySection.map((s: { number: string }) => s.number)).toEqual(['1', '2']);
    expect(summary.recordCount).toBe(4);
    // The year gives the same plans here.
    expect((await w.women.get('/api/budgets/summary?year=2026')).json().total).toEqual(summary.total);
    // One province only.
    const only = (await w.women.get(`/api/budgets/summary?plan=${w.planId}&province=15`)).json();
    expect(only.total).toEqual({ planned: sum([BIG_B, '7']), spent: BIG_A, share: '100.0' });
  });

  it('shows a province its own figures and the central level only', async () => {
    const summary = (await w.dienBien.get(`/api/budgets/summary?plan=${w.planId}`)).json();
    expect(summary.byProvince.map((p: { code: string | null }) => p.code)).toEqual([null, '11']);
    expect(summary.allowedActions).toEqual(['plan']);
    expect((await w.viewer.get(`/api/budgets/summary?plan=${w.planId}`)).json().allowedActions).toEqual([]);
  });

  it('exports the tables as .xlsx, exact beyond what a spreadsheet number can hold', async () => {
    const res = await w.women.get(`/api/budgets/export.xlsx?plan=${w.planId}`);
    expect(res.statusCode).toBe(200);
    // The plan is named by its document number, not by its database id.
    expect(contentDisposition.parse(res.headers['content-disposition']!).parameters.filename).toBe(
      'kinh-phi-ke-hoach-01-KH-HLHPNVN-BDTTG.xlsx',
    );
    expect((await w.women.get('/api/budgets/export.xlsx?plan=999999')).statusCode).toBe(404);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Theo nội dung',
      'Theo tỉnh',
      'Theo nguồn',
      'Theo hoạt động',
    ]);
    const provinces = workbook.getWorksheet('Theo tỉnh')!;
    // The headers in the first row under a filter; the title in the page header, printed on every page.
    expect(provinces.headerFooter.oddHeader).toContain(
      'KINH PHÍ DỰ TOÁN VÀ ĐÃ CHI (KẾ HOẠCH SỐ 01/KH-HLHPNVN-BDTTG) — THEO TỈNH, THÀNH PHỐ',
    );
    expect(provinces.autoFilter).toBe('A1:E1');
    expect(provinces.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Tỉnh, thành phố',
      'Dự toán (đồng)',
      'Đã chi (đồng)',
      'Tỷ lệ đã chi (%)',
    ]);
    const central = provinces.getRow(2);
    expect(central.getCell(2).value).toBe('Trung ương');
    expect(central.getCell(3).value).toBe(500000000);
    expect(central.getCell(3).numFmt).toBe('#,##0');
    // 50 % spent: the fraction with a percent format, so a spreadsheet computes with it.
    expect(central.getCell(5).value).toBe(0.5);
    expect(central.getCell(5).numFmt).toBe('0.0%');
    const dienBien = provinces.getRow(3);
    expect(dienBien.getCell(3).value).toBe('9.007.199.255.740.993');
    const total = provinces.getRow(provinces.rowCount);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(2).font.bold).toBe(true);
  });
});

async function derivedPlans(): Promise<number[]> {
  const rows = await t.database.db
    .selectFrom('plan')
    .select('plan_id')
    .where('parent_plan_id', '=', w.planId)
    .orderBy('plan_id')
    .execute();
  return rows.map((r) => r.plan_id);
}

describe('saving a set of planned amounts', () => {
  const url = () => `/api/budgets/plans/${w.planId}/lines`;
  const laoCaiLines = async () =>
    (await w.women.get(`/api/budgets/lines?plan=${w.planId}&province=15`)).json() as {
      activities: { id: number; amounts: { fundingSource: string; amount: string }[]; total: string }[];
      total: string;
    };
  const budgetAudits = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', 'plan_budget')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes every row in one transaction, or none: a bad row is a 400 naming its field', async () => {
    const before = await laoCaiLines();
    const audits = await budgetAudits();
    const good = (activityId: number, amount: string) => ({
      planActivityId: activityId,
      amounts: [{ fundingSource: 'ctmtqg', amount }],
    });
    const cases: [unknown[], string][] = [
      [[good(w.central[0]!, BIG_A), good(w.central[1]!, '1.234.567')], 'rows.1.amounts.0.amount'],
      [
        [
          good(w.central[0]!, BIG_A),
          { planActivityId: w.central[1], amounts: [{ fundingSource: 'ctmtqg', amount: 5 }] },
        ],
        'rows.1.amounts.0.amount',
      ],
      [
        [
          good(w.central[0]!, BIG_A),
          { planActivityId: w.central[1], amounts: [{ fundingSource: 'xo_so', amount: '5' }] },
        ],
        'rows.1.amounts.0.fundingSource',
      ],
      [[good(w.central[0]!, BIG_A), good(w.central[0]!, '7')], 'rows.1.planActivityId'],
      [[good(w.central[0]!, BIG_A), good(w.central[1]!, '7'), good(w.laoCaiPlan[0]!, '9')], 'rows.2.planActivityId'],
    ];
    for (const [rows, field] of cases) {
      const res = await w.women.put(url(), { provinceCode: '15', rows });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await laoCaiLines()).toEqual(before);
    expect(await budgetAudits()).toBe(audits);

    const body = { provinceCode: '15', rows: [good(w.central[0]!, BIG_A), good(w.central[1]!, BIG_B)] };
    expect((await t.app.inject({ method: 'PUT', url: url(), payload: body })).statusCode).toBe(401);
    expect((await w.viewer.put(url(), body)).statusCode).toBe(403);
    expect((await w.dienBien.put(url(), body)).statusCode).toBe(403);
    expect((await w.laoCai.put(`/api/budgets/plans/999999/lines`, body)).statusCode).toBe(404);
    expect(
      (await w.laoCai.put(`/api/budgets/plans/${w.planId}/lines`, { ...body, provinceCode: '99' })).json().error.field,
    ).toBe('provinceCode');
    expect(await laoCaiLines()).toEqual(before);

    const saved = await w.laoCai.put(url(), body);
    expect(saved.statusCode, saved.body).toBe(200);
    const expectedTotal = (
      BigInt(before.total) +
      BigInt(BIG_A) +
      BigInt(BIG_B) -
      BigInt(before.activities[0]!.total) -
      BigInt(before.activities[1]!.total)
    ).toString();
    expect(saved.json()).toMatchObject({
      planId: w.planId,
      provinceCode: '15',
      rows: [
        { planActivityId: w.central[0], amounts: [{ fundingSource: 'ctmtqg', amount: BIG_A }], total: BIG_A },
        { planActivityId: w.central[1], amounts: [{ fundingSource: 'ctmtqg', amount: BIG_B }], total: BIG_B },
      ],
      total: expectedTotal,
    });
    const after = await laoCaiLines();
    expect(after.total).toBe(expectedTotal);
    expect(after.activities.find((a) => a.id === w.central[1])!.amounts).toEqual([
      { fundingSource: 'ctmtqg', amount: BIG_B },
    ]);
    expect(await budgetAudits()).toBe(audits + 2);
  });
});

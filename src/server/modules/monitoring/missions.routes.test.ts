import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import {
  createMission,
  lockPeriod,
  missionBody,
  monitoringWorld,
  seededTemplateId,
  type MonitoringWorld,
} from '../../../../test/monitoring-fixtures';
import { docxToText } from '../plan-import/docx-to-text';

let t: TestApp;
let w: MonitoringWorld;
let templateId: number;

beforeAll(async () => {
  t = await createTestApp();
  w = await monitoringWorld(t);
  templateId = await seededTemplateId(t);
});
afterAll(async () => {
  await t.close();
});

describe('checklist templates', () => {
  it('are seeded with gender-mainstreaming and Dự án 8 items', async () => {
    const res = await w.viewer.get('/api/checklist-templates');
    expect(res.statusCode).toBe(200);
    const seeded = res.json().find((x: { id: number }) => x.id === templateId);
    expect(seeded.name).toBe('Giám sát lồng ghép giới và thực hiện Dự án 8');
    const texts = seeded.items.map((i: { text: string }) => i.text).join('\n');
    expect(texts).toContain('có lồng ghép giới');
    expect(texts).toContain('tách biệt theo giới tính');
    expect(texts).toContain('Tổ truyền thông cộng đồng có hoạt động');
    expect(texts).toContain('bình đẳng giới có được bố trí và giải ngân');
    expect(texts).toContain('Địa chỉ tin cậy có hoạt động');
    expect(new Set(seeded.items.map((i: { group: string }) => i.group))).toEqual(
      new Set(['Lồng ghép giới', 'Dự án 8']),
    );
  });

  it('are configured by an administrator: items keep their ids, dropped ones leave the list', async () => {
    const admin = await t.as({ role: 'admin' });
    const created = await admin.post('/api/checklist-templates', {
      code: 'thu_nghiem',
      name: 'Bảng kiểm thử',
      items: [{ group: 'A', text: 'Câu 1?' }, { text: 'Câu 2?' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const [first] = created.json().items;
    const updated = await admin.put(`/api/checklist-templates/${created.json().id}`, {
      code: 'thu_nghiem',
      name: 'Bảng kiểm thử (sửa)',
      items: [{ text: 'Câu mới?' }, { id: first.id, group: 'A', text: 'Câu 1 (sửa)?' }],
      version: created.json().version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().items).toEqual([
      { id: expect.any(Number), group: '', text: 'Câu mới?' },
      { id: first.id, group: 'A', text: 'Câu 1 (sửa)?' },
    ]);
    expect(
      (await w.women.post('/api/checklist-templates', { code: 'x', name: 'x', items: [{ text: 'y' }] })).statusCode,
    ).toBe(403);
    expect(
      (await admin.post('/api/checklist-templates', { code: 'thu_nghiem', name: 'x', items: [{ text: 'y' }] }))
        .statusCode,
    ).toBe(409);
  });
});

describe('checklist template administration', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    code: 'giam_sat_dia_chi_tin_cay',
    name: 'Giám sát Địa chỉ tin cậy',
    description: 'Bảng kiểm cho các Địa chỉ tin cậy ở cộng đồng',
    items: [
      { group: 'Hoạt động', text: 'Địa chỉ tin cậy có nơi tạm lánh an toàn không?' },
      { group: 'Hoạt động', text: 'Có sổ theo dõi các trường hợp được hỗ trợ không?' },
    ],
    ...over,
  });

  it('answers 401, 403, 404, 400 naming the field and 409 on a stale version', async () => {
    const admin = await t.as({ role: 'admin' });
    expect((await t.app.inject({ method: 'POST', url: '/api/checklist-templates', payload: body() })).statusCode).toBe(
      401,
    );
    expect((await w.viewer.post('/api/checklist-templates', body())).statusCode).toBe(403);
    expect((await w.dienBien.post('/api/checklist-templates', body())).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'Giám sát' }, 'code'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ items: [] }, 'items'],
      [{ items: [{ text: 'Câu 1?' }, { group: 'A', text: '  ' }] }, 'items.1.text'],
      [{ items: [{ id: 1, text: 'Câu 1?' }] }, 'items'],
      [{ active: 'yes' }, 'active'],
    ];
    for (const [over, field] of cases) {
      const res = await admin.post('/api/checklist-templates', body(over));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    // A blank question is named with a message a user can act on.
    const blank = await admin.post('/api/checklist-templates', body({ items: [{ text: 'Câu 1?' }, { text: '' }] }));
    expect(blank.json().error).toMatchObject({ field: 'items.1.text', message: 'Cần nhập nội dung câu hỏi' });
    const created = await admin.post('/api/checklist-templates', body());
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json();
    const url = `/api/checklist-templates/${template.id}`;
    expect((await admin.put('/api/checklist-templates/999999', { ...body(), version: 1 })).statusCode).toBe(404);
    expect((await w.women.put(url, { ...body(), version: template.version })).statusCode).toBe(403);
    const missingVersion = await admin.put(url, body());
    expect(missingVersion.json().error.field).toBe('version');
    const seeded = await admin.put(url, {
      ...body({ items: [{ id: (await w.viewer.get('/api/checklist-templates')).json()[0].items[0].id, text: 'x' }] }),
      version: template.version,
    });
    expect(seeded.statusCode).toBe(400);
    expect(seeded.json().error.field).toBe('items.0.id');
    const taken = await admin.put(url, { ...body({ code: 'long_ghep_gioi_du_an_8' }), version: template.version });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('code');

    const retired = await admin.put(url, {
      ...body({
        active: false,
        items: [{ id: template.items[1].id, group: 'Hoạt động', text: template.items[1].text }],
      }),
      version: template.version,
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({
      active: false,
      version: template.version + 1,
      items: [{ id: template.items[1].id }],
    });
    const stale = await admin.put(url, { ...body(), version: template.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    // A retired template is not chosen for a new mission.
    const mission = await w.women.post('/api/missions', missionBody(w, template.id));
    expect(mission.json().error.field).toBe('checklistTemplateId');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'checklist_template')
      .where('entity_id', '=', String(template.id))
      .orderBy('audit_id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', actor_user_id: admin.userId },
      { action: 'update', actor_user_id: admin.userId },
    ]);
  });
});

describe('monitoring missions', () => {
  it('plans a joint mission to two provinces with members from each agency', async () => {
    const mission = await createMission(w.women, missionBody(w, templateId));
    const res = await w.women.get(`/api/missions/${mission.id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      title: 'Đoàn giám sát liên ngành thực hiện Dự án 8 năm 2026',
      leadAgency: { id: w.agencies.hlhpn, name: 'Hội Liên hiệp Phụ nữ Việt Nam' },
      activity: { id: w.central[0], number: '1.1', planId: w.planId },
      startDate: '2026-09-07',
      endDate: '2026-09-11',
      // The test clock reads 28/11/2026: the September mission is over.
      phase: 'finished',
      version: 1,
      allowedActions: ['edit', 'export'],
    });
    expect(view.members.map((m: { agency: { id: number }; role: string }) => [m.agency.id, m.role])).toEqual([
      [w.agencies.hlhpn, 'head'],
      [w.agencies.ubdt, 'deputy'],
      [w.agencies.hlhpnDienBien, 'member'],
    ]);
    expect(
      view.places.map((p: { provinceCode: string; provinceName: string }) => [p.provinceCode, p.provinceName]),
    ).toEqual([
      ['15', 'Lào Cai'],
      ['11', 'Điện Biên'],
    ]);
    expect(view.places[1].label).toBe('Phường Điện Biên Phủ, tỉnh Điện Biên');
    expect(view.checklist.items.length).toBeGreaterThanOrEqual(10);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('entity_type', '=', 'mission')
      .where('entity_id', '=', String(mission.id))
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_username: w.women.username }]);
  });

  it('answers 401 without a session, 403 to a reader, 400 naming the field for bad input', async () => {
    const body = missionBody(w, templateId);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/missions', payload: body });
    expect(anonymous.statusCode).toBe(401);
    expect((await w.viewer.post('/api/missions', body)).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ members: [] }, 'members'],
      [{ endDate: '2026-09-01' }, 'endDate'],
      [{ places: [{ generation: 2025, code: '99999' }] }, 'places.0.code'],
      [{ places: [{ generation: 2025, code: '15', visitDate: '2026-10-01' }] }, 'places.0.visitDate'],
      [{ leadAgencyId: 999999 }, 'leadAgencyId'],
      [{ checklistTemplateId: 999999 }, 'checklistTemplateId'],
      [{ planActivityId: 999999 }, 'planActivityId'],
      [{ title: 7 }, 'title'],
    ];
    for (const [over, field] of cases) {
      const res = await w.women.post('/api/missions', missionBody(w, templateId, over));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  it('lets a provincial coordinator plan missions only within their province', async () => {
    const outside = await w.dienBien.post(
      '/api/missions',
      missionBody(w, templateId, { leadAgencyId: w.agencies.hlhpnDienBien }),
    );
    expect(outside.statusCode).toBe(403);
    const inside = await w.dienBien.post(
      '/api/missions',
      missionBody(w, templateId, {
        leadAgencyId: w.agencies.hlhpnDienBien,
        planActivityId: w.dienBienPlan[0],
        places: [{ generation: 2025, code: '11' }],
      }),
    );
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json().places[0]).toMatchObject({ level: 'province', label: 'Tỉnh Điện Biên' });
  });

  it('shows a mission only to users of the provinces it visits (404 elsewhere)', async () => {
    const mission = await createMission(
      w.women,
      missionBody(w, templateId, { places: [{ generation: 2025, code: '15' }] }),
    );
    expect((await w.laoCai.get(`/api/missions/${mission.id}`)).statusCode).toBe(200);
    expect((await w.dienBien.get(`/api/missions/${mission.id}`)).statusCode).toBe(404);
    const listed = (await w.dienBien.get('/api/missions?limit=200')).json();
    expect(listed.items.map((m: { id: number }) => m.id)).not.toContain(mission.id);
    const laoCaiList = (await w.laoCai.get('/api/missions?province=15&limit=200')).json();
    expect(laoCaiList.items.find((m: { id: number }) => m.id === mission.id)).toMatchObject({
      provinces: [{ code: '15', name: 'Lào Cai' }],
      // Lào Cai's union is neither the lead nor a member agency: it reads and exports only.
      allowedActions: ['export'],
    });
    const search = (await w.women.get('/api/missions?q=giam sat lien nganh du an 8&limit=200')).json();
    expect(search.items.map((m: { id: number }) => m.id)).toContain(mission.id);
  });

  it('is edited with its version; a stale version is a 409', async () => {
    const mission = await createMission(w.women, missionBody(w, templateId));
    const body = missionBody(w, templateId, {
      title: 'Đoàn giám sát (sửa)',
      places: [
        { generation: 2025, code: '15' },
        { generation: 2025, code: '11' },
      ],
      version: mission.version,
    });
    const res = await w.ethnic.put(`/api/missions/${mission.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Đoàn giám sát (sửa)', version: 2 });
    expect((await w.women.put(`/api/missions/${mission.id}`, body)).statusCode).toBe(409);
    // A member agency's provincial branch may not edit a mission reaching beyond its province.
    expect((await w.dienBien.put(`/api/missions/${mission.id}`, { ...body, version: 2 })).statusCode).toBe(403);
    expect((await w.laoCai.put(`/api/missions/999999`, { ...body, version: 2 })).statusCode).toBe(404);
  });

  it('records the checklist per place, findings, and keeps answers of places that stay', async () => {
    const mission = await createMission(w.women, missionBody(w, templateId));
    const [laoCaiPlace, dienBienPlace] = mission.places;
    const items = mission.checklist!.items;
    const answers = [
      { itemId: items[0]!.id, answer: 'yes', note: 'Có lồng ghép trong Nghị quyết HĐND' },
      { itemId: items[1]!.id, answer: 'partly' },
      { itemId: items[6]!.id, answer: 'no', note: 'Địa chỉ tin cậy chưa hoạt động' },
    ];
    let res = await w.women.put(`/api/missions/${mission.id}/places/${dienBienPlace!.id}/checklist`, { answers });
    expect(res.statusCode, res.body).toBe(200);
    const place = res.json().places.find((p: { id: number }) => p.id === dienBienPlace!.id);
    expect(place.answers).toEqual([
      { itemId: items[0]!.id, answer: 'yes', note: 'Có lồng ghép trong Nghị quyết HĐND' },
      { itemId: items[1]!.id, answer: 'partly', note: '' },
      { itemId: items[6]!.id, answer: 'no', note: 'Địa chỉ tin cậy chưa hoạt động' },
    ]);
    res = await w.women.put(`/api/missions/${mission.id}/places/${dienBienPlace!.id}/checklist`, {
      answers: [{ itemId: 999999, answer: 'yes' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('answers.0.itemId');
    expect((await w.women.put(`/api/missions/${mission.id}/places/999999/checklist`, { answers: [] })).statusCode).toBe(
      404,
    );
    expect(
      (
        await w.women.put(`/api/missions/${mission.id}/places/${laoCaiPlace!.id}/checklist`, {
          answers: [{ itemId: items[0]!.id, answer: 'maybe' }],
        })
      ).statusCode,
    ).toBe(400);

    res = await w.women.post(`/api/missions/${mission.id}/findings`, {
      text: 'Địa chỉ tin cậy tại phường chưa có người trực',
      placeId: dienBienPlace!.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const finding = res.json().findings[0];
    expect(finding).toMatchObject({ placeId: dienBienPlace!.id });
    res = await w.women.put(`/api/missions/${mission.id}/findings/${finding.id}`, {
      text: 'Sửa nhận xét',
      placeId: null,
    });
    expect(res.json().findings[0]).toMatchObject({ text: 'Sửa nhận xét', placeId: null });
    expect((await w.viewer.post(`/api/missions/${mission.id}/findings`, { text: 'x' })).statusCode).toBe(403);
    expect((await w.women.post(`/api/missions/${mission.id}/findings`, { text: '' })).statusCode).toBe(400);

    // Removing Lào Cai from the plan keeps Điện Biên's answers.
    const current = (await w.women.get(`/api/missions/${mission.id}`)).json();
    res = await w.women.put(
      `/api/missions/${mission.id}`,
      missionBody(w, templateId, { places: [{ generation: 2025, code: '03127' }], version: current.version }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().places).toHaveLength(1);
    expect(res.json().places[0].answers).toHaveLength(3);
  });

  it('exports the mission report as a Decree 30 .docx', async () => {
    const mission = await createMission(
      w.women,
      missionBody(w, templateId, { report: { number: '12/BC-ĐKT', date: '2026-09-20' } }),
    );
    const items = mission.checklist!.items;
    await w.women.put(`/api/missions/${mission.id}/places/${mission.places[1]!.id}/checklist`, {
      answers: [{ itemId: items[0]!.id, answer: 'partly', note: 'Chưa có chỉ tiêu giới' }],
    });
    await w.women.post(`/api/missions/${mission.id}/findings`, { text: 'Số liệu chưa tách biệt theo giới' });
    await w.women.post(`/api/missions/${mission.id}/recommendations`, {
      text: 'Bố trí kinh phí cho Địa chỉ tin cậy',
      addressee: { provinceCode: '11' },
      dueDate: '2026-12-31',
    });
    const res = await w.laoCai.get(`/api/missions/${mission.id}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = (await docxToText(res.rawPayload)).replace(/(?<!\n)\n(?!\n)/g, ' ');
    for (const expected of [
      'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM',
      'ĐOÀN KIỂM TRA LIÊN NGÀNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 12/BC-ĐKT',
      'Hà Nội, ngày 20 tháng 9 năm 2026',
      'BÁO CÁO',
      'Kết quả giám sát liên ngành thực hiện Dự án 8 năm 2026',
      'Thực hiện hoạt động 1.1 (Thành lập và duy trì Tổ truyền thông cộng đồng) của Kế hoạch số 01/KH-HLHPNVN-BDTTG.',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. THÀNH PHẦN ĐOÀN',
      '- Nguyễn Thị Lan, Trưởng Ban Dân tộc - Tôn giáo, Hội Liên hiệp Phụ nữ Việt Nam — Trưởng đoàn',
      'III. THỜI GIAN, ĐỊA BÀN KIỂM TRA, GIÁM SÁT',
      '- Phường Điện Biên Phủ, tỉnh Điện Biên (ngày 10/09/2026)',
      'IV. KẾT QUẢ KIỂM TRA THEO BẢNG KIỂM',
      'Một phần',
      'V. NHẬN XÉT, ĐÁNH GIÁ',
      '1. Số liệu chưa tách biệt theo giới',
      'TRƯỞNG ĐOÀN',
      'Nơi nhận:',
    ])
      expect(text).toContain(expected);
    // Lào Cai's coordinator does not read what was addressed to Điện Biên.
    expect(text).not.toContain('Bố trí kinh phí cho Địa chỉ tin cậy');
    const full = await docxToText((await w.women.get(`/api/missions/${mission.id}/report.docx`)).rawPayload);
    expect(full).toContain('VI. KIẾN NGHỊ');
    expect(full).toContain('1. Đối với tỉnh Điện Biên');
    expect(full).toContain('- Bố trí kinh phí cho Địa chỉ tin cậy (thời hạn: 31/12/2026).');
    expect(full).toContain('- Tỉnh Điện Biên;');
  });
});

describe('held missions and indicator GS01', () => {
  async function gs01(): Promise<number> {
    const res = await w.women.get(`/api/pivot?rows=year&indicator=GS01&plan=${w.planId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().totals.grand ?? 0;
  }

  it('keeps one monitoring_mission record while the report is issued, counted by GS01 through the pivot', async () => {
    const baseline = await gs01();
    const body = missionBody(w, templateId, { title: 'Đoàn giám sát Dự án 8 tại Lào Cai, Điện Biên (GS01)' });
    const mission = await createMission(w.women, body);
    expect(mission).toMatchObject({ recordId: null });
    expect(await gs01()).toBe(baseline);

    // A report dated before the end of the visits, or after today, is refused and writes nothing.
    for (const date of ['2026-09-10', '2026-11-29']) {
      const res = await w.women.put(`/api/missions/${mission.id}`, {
        ...body,
        report: { number: '30/BC-ĐKT', date },
        version: mission.version,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe('report.date');
    }
    const badPlace = await w.women.put(`/api/missions/${mission.id}`, {
      ...body,
      report: { number: '30/BC-ĐKT', date: '2026-09-20' },
      places: [{ generation: 2025, code: '99999' }],
      version: mission.version,
    });
    expect(badPlace.json().error.field).toBe('places.0.code');
    expect(await gs01()).toBe(baseline);

    const issued = await w.women.put(`/api/missions/${mission.id}`, {
      ...body,
      report: { number: '30/BC-ĐKT', date: '2026-09-20', conclusion: 'Dự án 8 được triển khai đúng kế hoạch.' },
      version: mission.version,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const recordId = issued.json().recordId as number;
    expect(recordId).toEqual(expect.any(Number));
    expect((await w.women.get(`/api/records/${recordId}`)).json()).toMatchObject({
      type: 'monitoring_mission',
      title: body.title,
      startDate: '2026-09-07',
      endDate: '2026-09-11',
      activity: { id: w.central[0] },
      organiser: { id: w.agencies.hlhpn },
    });
    expect(await gs01()).toBe(baseline + 1);

    // Saving the mission again updates the same record: still one, still counted once.
    const renamed = await w.women.put(`/api/missions/${mission.id}`, {
      ...body,
      title: 'Đoàn giám sát Dự án 8 (GS01, sửa)',
      report: { number: '30/BC-ĐKT', date: '2026-09-20' },
      version: issued.json().version,
    });
    expect(renamed.json().recordId).toBe(recordId);
    expect((await w.women.get(`/api/records/${recordId}`)).json().title).toBe('Đoàn giám sát Dự án 8 (GS01, sửa)');
    const live = await t.database.db
      .selectFrom('implementation_record')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('type', '=', 'monitoring_mission')
      .where('title', 'like', 'Đoàn giám sát Dự án 8 (GS01%')
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(1);
    expect(await gs01()).toBe(baseline + 1);

    // Clearing the report date takes the mission out of the indicator; issuing it again brings it back.
    const cleared = await w.women.put(`/api/missions/${mission.id}`, {
      ...body,
      report: { number: '30/BC-ĐKT', date: null },
      version: renamed.json().version,
    });
    expect(cleared.json().recordId).toBeNull();
    expect((await w.women.get(`/api/records/${recordId}`)).statusCode).toBe(404);
    expect(await gs01()).toBe(baseline);
    const again = await w.women.put(`/api/missions/${mission.id}`, {
      ...body,
      report: { number: '30/BC-ĐKT', date: '2026-09-21' },
      version: cleared.json().version,
    });
    expect(again.json().recordId).toEqual(expect.any(Number));
    expect(await gs01()).toBe(baseline + 1);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'record')
      .where('entity_id', 'in', [recordId, again.json().recordId])
      .orderBy('audit_id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete', 'create']);
  });

  it('leaves the record of a period locked by an approved report alone: changing it is a 423', async () => {
    const body = missionBody(w, templateId, { title: 'Đoàn trong quý đã duyệt báo cáo' });
    const held = await createMission(w.women, { ...body, report: { date: '2026-09-20' } });
    const unlock = await lockPeriod(t, {
      province: null,
      from: '2026-07-01',
      to: '2026-09-30',
      periodCode: '2026Q3',
      agencyId: w.agencies.hlhpn,
    });
    try {
      const before = (await w.women.get(`/api/records/${held.recordId}`)).json();
      // A change the record does not carry (a new member) goes through and leaves the record as it was.
      const members = [...body.members, { name: 'Hà Thị Mai', title: '', agencyId: w.agencies.ubdt, role: 'member' }];
      const added = await w.women.put(`/api/missions/${held.id}`, {
        ...body,
        members,
        report: { date: '2026-09-20' },
        version: held.version,
      });
      expect(added.statusCode, added.body).toBe(200);
      expect((await w.women.get(`/api/records/${held.recordId}`)).json().version).toBe(before.version);
      for (const over of [{ title: 'Đoàn đổi tên' }, { report: { date: null } }]) {
        const res = await w.women.put(`/api/missions/${held.id}`, {
          ...body,
          members,
          report: { date: '2026-09-20' },
          ...over,
          version: added.json().version,
        });
        expect(res.statusCode, res.body).toBe(423);
      }
      // Nor is a new held mission recorded into the locked quarter; nothing is written.
      const missions = (await w.women.get('/api/missions?limit=200')).json().total;
      const refused = await w.women.post('/api/missions', { ...body, report: { date: '2026-09-20' } });
      expect(refused.statusCode).toBe(423);
      expect((await w.women.get('/api/missions?limit=200')).json().total).toBe(missions);
      expect((await w.women.get(`/api/missions/${held.id}`)).json()).toMatchObject({
        title: body.title,
        recordId: held.recordId,
      });
    } finally {
      await unlock();
    }
  });

  it('counts a mission created with its report at once, and none without a plan activity', async () => {
    const baseline = await gs01();
    const held = await createMission(
      w.women,
      missionBody(w, templateId, { title: 'Đoàn đã báo cáo', report: { date: '2026-09-15' } }),
    );
    expect(held).toMatchObject({ recordId: expect.any(Number) });
    const unlinked = await createMission(
      w.women,
      missionBody(w, templateId, {
        title: 'Đoàn chưa gắn hoạt động',
        planActivityId: null,
        report: { date: '2026-09-15' },
      }),
    );
    expect(unlinked).toMatchObject({ recordId: null });
    expect(await gs01()).toBe(baseline + 1);
  });
});

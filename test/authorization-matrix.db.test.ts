// The authorization matrix: every operation of the OpenAPI document on an implementation record,
// its attachments, a community model (members, status, logs, cases) and a budget line, for every
// demo user (both agencies, central and provincial, in and out of the province, and the read-only
// roles), against rows of each agency in Lào Cai (15). Everyone reads across agencies within their
// province scope; only the owner agency, the agency above it, and administrators change a row; a
// refused write changes nothing (the object as an administrator reads it, and the audit log).
// Operations elsewhere in the document must be listed in OTHER_OPERATIONS with the rule that
// covers them, so a new route cannot be left out of this matrix silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { roleHas, type Permission } from '../src/shared/permissions';
import { AGENCY_CHOICE_REFUSAL, AGENCY_REFUSAL } from '../src/server/access/policies/agency.policy';
import { DEMO_USERS, ensureDemoUsers, type DemoUser } from '../src/server/modules/demo/demo-users';
import { createTestApp, type ApiClient, type TestApp } from './test-app';
import { agencyId } from './factories';
import { cascadedPlan, form, issuedPlan, LAO_CAI_WARD, PNG, trainingBody } from './record-fixtures';
import { COMMUNES, ethnicGroupId, modelBody } from './registry-fixtures';

const P = '15';
const PASSWORD = 'mat-khau-ma-tran-phan-quyen';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Family = 'HLHPN' | 'UBDT';
type Level = 'central' | 'provincial';

interface Person {
  demo: DemoUser;
  client: ApiClient;
  family: Family;
  level: Level;
}

/** Whose a row is: the agency family and level that organised or owns it. */
interface Owner {
  family: Family;
  level: Level;
  /** The demo user who creates it (that agency's coordinator). */
  creator: string;
  agencyId: number;
}

/** A row to act on, made fresh for each write that may succeed. */
interface Target {
  recordId: number;
  recordVersion: number;
  attachmentId: number;
  activityId: number;
  modelId: number;
  modelVersion: number;
  caseId: number;
  planId: number;
  /** A word in its title, to find it in a list. */
  tag: string;
}

type Kind = 'record' | 'model' | 'budget';

interface WriteSpec {
  kind: Kind;
  request(target: Target, owner: Owner): Promise<{ url: string; payload?: unknown }>;
}

interface ReadSpec {
  kind: Kind;
  /** 'object': 200 in scope, 404 outside; 'list': the row is listed in scope, not outside; 'open': no row. */
  shape: 'object' | 'list' | 'open';
  url(target: Target): string;
  /** Ids in a list answer. */
  ids?(body: unknown): number[];
  /** The allowed actions an object answer gives the caller on the target. */
  actions?(body: unknown, target: Target): string[];
}

let t: TestApp;
let people: Person[];
let admin: Person;
let owners: Owner[];
let laoCaiPlanId: number;
/** The Lào Cai plan's activity led by each family's provincial branch. */
const ledBy = new Map<Family, number>();
const centralLedBy = new Map<Family, number>();

const family = (code: string): Family => (code.startsWith('HLHPN') ? 'HLHPN' : 'UBDT');
const person = (username: string) => people.find((p) => p.demo.username === username)!;

async function ok(res: LightMyRequestResponse, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

const caseBody = async () => ({
  receivedOn: '2026-10-12',
  caseType: 'violence',
  personInitials: 'L.T.X',
  age: 34,
  sex: 'female',
  ethnicGroupId: await ethnicGroupId(t.database.db, 'Thái'),
  referral: 'Công an xã',
});

const recordBody = (activityId: number, organiser: number, over: Record<string, unknown> = {}) =>
  trainingBody(activityId, { place: LAO_CAI_WARD, organiserAgencyId: organiser, ...over });

const trustedModel = (over: Record<string, unknown> = {}) =>
  modelBody(t.database.db, { modelType: 'dia_chi_tin_cay', communeCode: COMMUNES.laoCai, ...over });

let serial = 0;

/** The rows of this owner in Lào Cai that a write of `kind` acts on: a record with one attachment,
 * a trusted-address model with one case, or a budget cell of the activity its agency leads. */
async function makeTarget(owner: Owner, kind: Kind): Promise<Target> {
  const creator = person(owner.creator).client;
  const activityId = owner.level === 'provincial' ? ledBy.get(owner.family)! : centralLedBy.get(owner.family)!;
  const x: Target = {
    recordId: 0,
    recordVersion: 0,
    attachmentId: 0,
    activityId,
    modelId: 0,
    modelVersion: 0,
    caseId: 0,
    planId: laoCaiPlanId,
    tag: `matran${(serial += 1)}`,
  };
  if (kind === 'record') {
    const record = await ok(
      await creator.post('/api/records', recordBody(activityId, owner.agencyId, { title: `Tập huấn ${x.tag}` })),
      'record',
    );
    const attachment = await ok(
      await creator.post(`/api/records/${record.id as number}/attachments`, form('anh.png', PNG)),
      'attachment',
    );
    Object.assign(x, { recordId: record.id, recordVersion: record.version, attachmentId: attachment.id });
  } else if (kind === 'model') {
    const model = await ok(
      await creator.post('/api/models', await trustedModel({ name: `Địa chỉ tin cậy ${x.tag}` })),
      'model',
    );
    const kase = await ok(await creator.post(`/api/models/${model.id as number}/cases`, await caseBody()), 'case');
    // A new model is its creator's agency's, and says so.
    if ((model.ownerAgency as { id: number } | null)?.id !== owner.agencyId)
      throw new Error(`model owner ${JSON.stringify(model.ownerAgency)}, expected agency ${owner.agencyId}`);
    Object.assign(x, { modelId: model.id, modelVersion: model.version, caseId: kase.id });
  }
  return x;
}

async function auditCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_log')
    .where('action', '!=', 'read_cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const amounts = [{ fundingSource: 'ctmtqg', amount: '1250000' }];

/** Every write on a row of an agency, by its operation in the OpenAPI document. */
const WRITES: Record<string, WriteSpec> = {
  'PUT /api/records/{id}': {
    kind: 'record',
    request: async (x, owner) => ({
      url: `/api/records/${x.recordId}`,
      payload: {
        ...recordBody(x.activityId, owner.agencyId, { title: 'Tập huấn (đã sửa)' }),
        version: x.recordVersion,
      },
    }),
  },
  'DELETE /api/records/{id}': {
    kind: 'record',
    request: async (x) => ({ url: `/api/records/${x.recordId}?version=${x.recordVersion}` }),
  },
  'POST /api/records/{id}/attachments': {
    kind: 'record',
    request: async (x) => ({ url: `/api/records/${x.recordId}/attachments`, payload: form('bien-ban.png', PNG) }),
  },
  'DELETE /api/records/{id}/attachments/{attachmentId}': {
    kind: 'record',
    request: async (x) => ({ url: `/api/records/${x.recordId}/attachments/${x.attachmentId}` }),
  },
  'PUT /api/models/{id}': {
    kind: 'model',
    request: async (x) => ({
      url: `/api/models/${x.modelId}`,
      payload: { ...(await trustedModel({ name: 'Địa chỉ tin cậy (đã sửa)' })), version: x.modelVersion },
    }),
  },
  'PUT /api/models/{id}/members': {
    kind: 'model',
    request: async (x) => ({
      url: `/api/models/${x.modelId}/members`,
      payload: {
        version: x.modelVersion,
        members: [{ sex: 'female', ethnicGroupId: await ethnicGroupId(t.database.db, 'Dao'), count: 5 }],
      },
    }),
  },
  'POST /api/models/{id}/status': {
    kind: 'model',
    request: async (x) => ({
      url: `/api/models/${x.modelId}/status`,
      payload: { version: x.modelVersion, status: 'inactive', effectiveOn: '2026-11-01' },
    }),
  },
  'PUT /api/models/{id}/activity': {
    kind: 'model',
    request: async (x) => ({
      url: `/api/models/${x.modelId}/activity`,
      payload: { entries: [{ month: '2026-10', kind: 'meeting', count: 2 }] },
    }),
  },
  'PUT /api/models/{id}/case-counts': {
    kind: 'model',
    request: async (x) => ({
      url: `/api/models/${x.modelId}/case-counts`,
      payload: { entries: [{ month: '2026-10', caseType: 'violence', count: 1 }] },
    }),
  },
  'POST /api/models/{id}/cases': {
    kind: 'model',
    request: async (x) => ({ url: `/api/models/${x.modelId}/cases`, payload: await caseBody() }),
  },
  'PUT /api/models/{id}/cases/{caseId}': {
    kind: 'model',
    request: async (x) => ({
      url: `/api/models/${x.modelId}/cases/${x.caseId}`,
      payload: { ...(await caseBody()), age: 35 },
    }),
  },
  'DELETE /api/models/{id}/cases/{caseId}': {
    kind: 'model',
    request: async (x) => ({ url: `/api/models/${x.modelId}/cases/${x.caseId}` }),
  },
  'PUT /api/budgets/lines': {
    kind: 'budget',
    request: async (x) => ({
      url: '/api/budgets/lines',
      payload: { planActivityId: x.activityId, provinceCode: P, amounts },
    }),
  },
  'PUT /api/budgets/plans/{id}/lines': {
    kind: 'budget',
    request: async (x) => ({
      url: `/api/budgets/plans/${x.planId}/lines`,
      payload: { provinceCode: P, rows: [{ planActivityId: x.activityId, amounts }] },
    }),
  },
};

/** Creates: the new row is the caller's agency's, so the agency rule is about the agency it names. */
const CREATES: Record<string, { request(owner: Owner): Promise<{ url: string; payload: unknown }> }> = {
  'POST /api/records': {
    request: async (owner) => ({
      url: '/api/records',
      payload: recordBody(
        owner.level === 'provincial' ? ledBy.get(owner.family)! : centralLedBy.get(owner.family)!,
        owner.agencyId,
      ),
    }),
  },
  'POST /api/models': { request: async () => ({ url: '/api/models', payload: await trustedModel() }) },
};

const ids = (body: unknown) => (body as { items: { id: number }[] }).items.map((i) => i.id);

/** Every read of these families. */
const READS: Record<string, ReadSpec> = {
  'GET /api/records': { kind: 'record', shape: 'list', url: (x) => `/api/records?q=${x.tag}`, ids },
  'GET /api/records/{id}': {
    kind: 'record',
    shape: 'object',
    url: (x) => `/api/records/${x.recordId}`,
    actions: (b) => (b as { allowedActions: string[] }).allowedActions,
  },
  'GET /api/records/{id}/attachments/{attachmentId}': {
    kind: 'record',
    shape: 'object',
    url: (x) => `/api/records/${x.recordId}/attachments/${x.attachmentId}`,
  },
  'GET /api/records/import/template.xlsx': {
    kind: 'record',
    shape: 'open',
    url: () => '/api/records/import/template.xlsx',
  },
  'GET /api/models': { kind: 'model', shape: 'list', url: (x) => `/api/models?q=${x.tag}`, ids },
  'GET /api/models/{id}': {
    kind: 'model',
    shape: 'object',
    url: (x) => `/api/models/${x.modelId}`,
    actions: (b) => (b as { allowedActions: string[] }).allowedActions.filter((a) => a !== 'read_cases'),
  },
  'GET /api/models/{id}/case-counts': {
    kind: 'model',
    shape: 'object',
    url: (x) => `/api/models/${x.modelId}/case-counts?year=2026`,
  },
  'GET /api/models/{id}/cases': { kind: 'model', shape: 'object', url: (x) => `/api/models/${x.modelId}/cases` },
  'GET /api/models/import/template.xlsx': {
    kind: 'model',
    shape: 'open',
    url: () => '/api/models/import/template.xlsx',
  },
  'GET /api/models/stats': { kind: 'model', shape: 'open', url: () => '/api/models/stats?year=2026' },
  'GET /api/model-types': { kind: 'model', shape: 'open', url: () => '/api/model-types' },
  'GET /api/model-targets': { kind: 'model', shape: 'open', url: () => '/api/model-targets?year=2026' },
  'GET /api/budgets/lines': {
    kind: 'budget',
    shape: 'object',
    url: (x) => `/api/budgets/lines?plan=${x.planId}&province=${P}`,
    actions: (b, x) =>
      (b as { activities: { id: number; allowedActions: string[] }[] }).activities.find((a) => a.id === x.activityId)!
        .allowedActions,
  },
  'GET /api/budgets/summary': { kind: 'budget', shape: 'open', url: (x) => `/api/budgets/summary?plan=${x.planId}` },
  // The export names its plan: a plan outside the caller's scope is not found (the summary answers empty).
  'GET /api/budgets/export.xlsx': {
    kind: 'budget',
    shape: 'object',
    url: (x) => `/api/budgets/export.xlsx?plan=${x.planId}`,
  },
};

/** The rest of the document, with the rule that covers it instead. */
const OTHER_OPERATIONS: [RegExp, string][] = [
  [
    /^POST \/api\/(records|models)\/import$/,
    'creates rows of the caller: the organiser is checked by prepareRecord, a model is the importer’s',
  ],
  [
    /^PUT \/api\/model-targets$/,
    'targets per model type and province: the programme’s, owned by no agency (province scope only)',
  ],
  [/^\w+ \/api\/plans/, 'plan.policy: the issuing agencies'],
  [
    /^GET \/api\/records\/form-data$/,
    'the record form’s lists in one answer: the plans in scope as GET /api/plans, and reference data',
  ],
  [/^\w+ \/api\/activities/, 'record.policy mayComplete: the lead agency'],
  [
    /^\w+ \/api\/(missions|recommendations|checklist-templates)/,
    'mission.policy: the mission’s agencies, the addressee',
  ],
  [/^\w+ \/api\/policy-reviews/, 'policy-review.policy: the receiving agency'],
  [/^\w+ \/api\/(reports|report-periods|report-types)/, 'report.policy: the reporting agency and its recipient'],
  [/^\w+ \/api\/(users|audit|me|auth|health|notifications)/, 'accounts, sessions and the audit log: not agency rows'],
  [/^\w+ \/api\/saved-views/, 'saved-view.policy: the owner changes, the owner’s agency reads what is shared'],
  [
    /^GET \/api\/search$/,
    'reads only: each kind through its own module’s scope (modules/search/search.db.test.ts), writes nothing',
  ],
  [
    /^\w+ \/api\/(admin-units|agencies|ethnic-groups|funding-sources|indicators|indicator-targets|indicator-values|analytics|pivot|exchange)/,
    'reference data and indicators: not agency rows',
  ],
];

function operations(): { key: string; permission: Permission | null }[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, { description?: string }>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({
        key: `${m.toUpperCase() as Method} ${path}`,
        permission: (/Quyền cần có: `([a-z]+:[a-z]+)`/.exec(op.description ?? '')?.[1] ?? null) as Permission | null,
      })),
  );
}

const covers = (p: Person, province: string) => p.demo.provinces.length === 0 || p.demo.provinces.includes(province);

/** What the write should answer: done (a 2xx), or refused by role (403), by province (404) or by agency (403). */
function expected(p: Person, permission: Permission | null, owner: Owner): 'done' | 'role' | 'province' | 'agency' {
  if (permission && !roleHas(p.demo.role, permission)) return 'role';
  if (!covers(p, P)) return 'province';
  if (p.demo.role === 'admin') return 'done';
  if (p.family === owner.family && (p.level === 'central' || owner.level === 'provincial')) return 'done';
  return 'agency';
}

/** The target as an administrator sees it, and the audit log's length: what a refused write must not change. */
async function state(kind: Kind, x: Target) {
  const urls =
    kind === 'record'
      ? [`/api/records/${x.recordId}`]
      : kind === 'model'
        ? [`/api/models/${x.modelId}`, `/api/models/${x.modelId}/cases`]
        : [`/api/budgets/lines?plan=${x.planId}&province=${P}`];
  const bodies = [];
  for (const url of urls) bodies.push((await admin.client.get(url)).body);
  return { bodies, audit: await auditCount() };
}

function check(
  failures: string[],
  cell: string,
  want: ReturnType<typeof expected>,
  res: LightMyRequestResponse,
  /** A create names a place outside the caller's scope: refused as 403 (no row to hide), or 404 for an unseen plan. */
  create = false,
) {
  const error = res.statusCode >= 400 ? (res.json() as { error?: { message?: string } }).error : undefined;
  const got = `${res.statusCode} ${error?.message ?? ''}`.trim();
  const fail = (why: string) => failures.push(`${cell}: expected ${why}, got ${got}`);
  if (want === 'done') {
    // Each request here is made to succeed on a fresh row: anything but a 2xx is a failure.
    if (res.statusCode >= 300) fail('2xx');
  } else if (want === 'agency') {
    if (res.statusCode !== 403 || ![AGENCY_REFUSAL, AGENCY_CHOICE_REFUSAL].includes(error?.message ?? ''))
      fail('403 (agency)');
  } else if (want === 'province') {
    if (res.statusCode !== 404 && !(create && res.statusCode === 403)) fail('404 (province)');
  } else if (res.statusCode !== 403) fail('403 (role)');
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await ensureDemoUsers(db, PASSWORD, t.clock.now());
  people = [];
  for (const demo of DEMO_USERS) {
    people.push({
      demo,
      client: await t.login(demo.username, PASSWORD),
      family: family(demo.agency),
      level: demo.provinces.length === 0 ? 'central' : 'provincial',
    });
  }
  admin = person('admin');
  // Case-level data needs a grant, given by another administrator: everyone gets it, so what
  // refuses a case write here is the agency rule, not the grant.
  const granter = await t.as({ role: 'admin' });
  for (const p of people) await ok(await granter.post(`/api/users/${p.client.userId}/grants/case_data`), 'grant');

  const plan = await issuedPlan(t, person('tw.hoiphunu').client, person('tw.dantoc').client);
  const laoCai = await cascadedPlan(person('laocai.hoiphunu').client, plan.id);
  laoCaiPlanId = laoCai.id;
  const leads = await db
    .selectFrom('plan_activity as a')
    .innerJoin('agency as g', 'g.agency_id', 'a.lead_agency_id')
    .select(['a.plan_activity_id', 'a.plan_id', 'g.code'])
    .where('a.plan_id', 'in', [plan.id, laoCai.id])
    .orderBy('a.plan_activity_id')
    .execute();
  for (const l of leads) {
    const map = l.plan_id === laoCai.id ? ledBy : centralLedBy;
    if (!map.has(family(l.code))) map.set(family(l.code), l.plan_activity_id);
  }
  owners = [
    { family: 'HLHPN', level: 'provincial', creator: 'laocai.hoiphunu', agencyId: await agencyId(db, 'HLHPN-2025-15') },
    { family: 'UBDT', level: 'provincial', creator: 'laocai.dantoc', agencyId: await agencyId(db, 'UBDT-2025-15') },
    { family: 'HLHPN', level: 'central', creator: 'tw.hoiphunu', agencyId: await agencyId(db, 'HLHPN') },
    { family: 'UBDT', level: 'central', creator: 'tw.dantoc', agencyId: await agencyId(db, 'UBDT') },
  ];
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('authorization matrix: route × role × agency × province', () => {
  it('covers every operation of the document', () => {
    const unknown = operations()
      .map((o) => o.key)
      .filter((k) => !WRITES[k] && !CREATES[k] && !READS[k] && !OTHER_OPERATIONS.some(([re]) => re.test(k)));
    expect(unknown).toEqual([]);
    const documented = new Set(operations().map((o) => o.key));
    const stale = [...Object.keys(WRITES), ...Object.keys(CREATES), ...Object.keys(READS)].filter(
      (k) => !documented.has(k),
    );
    expect(stale).toEqual([]);
    expect(operations().filter((o) => WRITES[o.key] && o.permission === null)).toEqual([]);
    expect(ledBy.size).toBe(2);
    expect(centralLedBy.size).toBe(2);
  });

  it('lets only the owner agency, the agency above it and administrators change a row; a refused write changes nothing', async () => {
    const permissions = new Map(operations().map((o) => [o.key, o.permission]));
    const failures: string[] = [];
    let cells = 0;
    for (const [key, spec] of Object.entries(WRITES)) {
      const method = key.split(' ')[0] as Method;
      // A budget line is owned through its activity's lead agency and its branch in the province:
      // the provincial plan's activities (a central activity's province line is also its branch's).
      for (const owner of owners.filter((o) => spec.kind !== 'budget' || o.level === 'provincial')) {
        const cellsOf = people.map((p) => ({ p, want: expected(p, permissions.get(key) ?? null, owner) }));
        // Refused first, on one target that must come out unchanged; then each success on a fresh one.
        const target = await makeTarget(owner, spec.kind);
        const before = await state(spec.kind, target);
        const run = async (p: Person, want: ReturnType<typeof expected>, x: Target) => {
          const { url, payload } = await spec.request(x, owner);
          const res = await p.client.request(method, url, payload as Record<string, unknown>);
          cells += 1;
          check(failures, `${key} on ${owner.family}/${owner.level} by ${p.demo.username}`, want, res);
        };
        for (const { p, want } of cellsOf.filter((c) => c.want !== 'done')) await run(p, want, target);
        if (JSON.stringify(await state(spec.kind, target)) !== JSON.stringify(before))
          failures.push(`${key} on ${owner.family}/${owner.level}: a refused write changed the row or the audit log`);
        for (const { p, want } of cellsOf.filter((c) => c.want === 'done'))
          await run(p, want, spec.kind === 'budget' ? target : await makeTarget(owner, spec.kind));
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(300);
  }, 120_000);

  it('creates a record only for the caller’s agency or one under it, a model always for the caller’s agency', async () => {
    const permissions = new Map(operations().map((o) => [o.key, o.permission]));
    const failures: string[] = [];
    for (const [key, spec] of Object.entries(CREATES)) {
      for (const owner of owners) {
        for (const p of people) {
          // A model names no agency: it is the creator's, so only role and province refuse it.
          const rowOwner =
            key === 'POST /api/models' ? { ...owner, family: p.family, level: 'provincial' as const } : owner;
          const want = expected(p, permissions.get(key) ?? null, rowOwner);
          const before = await auditCount();
          const { url, payload } = await spec.request(owner);
          const res = await p.client.post(url, payload as Record<string, unknown>);
          check(failures, `${key} for ${owner.family}/${owner.level} by ${p.demo.username}`, want, res, true);
          if (want !== 'done' && (await auditCount()) !== before)
            failures.push(`${key} by ${p.demo.username}: a refused create wrote something`);
          if (res.statusCode === 201 && !(res.json() as { allowedActions: string[] }).allowedActions.includes('edit'))
            failures.push(`${key} by ${p.demo.username}: the creator cannot edit what they created`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('lets everyone read across agencies within their province scope, and no one outside it; allowedActions follow the rule', async () => {
    const permissions = new Map(operations().map((o) => [o.key, o.permission]));
    const failures: string[] = [];
    for (const owner of owners) {
      const targets = { record: await makeTarget(owner, 'record'), model: await makeTarget(owner, 'model') };
      for (const [key, spec] of Object.entries(READS)) {
        const x = spec.kind === 'model' ? targets.model : targets.record;
        for (const p of people) {
          const cell = `${key} on ${owner.family}/${owner.level} by ${p.demo.username}`;
          const permission = permissions.get(key) ?? null;
          const res = await p.client.get(spec.url(x));
          if (permission && !roleHas(p.demo.role, permission)) {
            if (res.statusCode !== 403) failures.push(`${cell}: expected 403 (role), got ${res.statusCode}`);
            continue;
          }
          const inScope = covers(p, P);
          if (spec.shape === 'open' || (spec.shape === 'object' && inScope) || spec.shape === 'list') {
            if (res.statusCode !== 200) {
              failures.push(`${cell}: expected 200, got ${res.statusCode} ${res.body.slice(0, 120)}`);
              continue;
            }
          } else if (res.statusCode !== 404) {
            failures.push(`${cell}: expected 404 (province), got ${res.statusCode}`);
            continue;
          }
          if (spec.shape === 'list') {
            const listed = spec.ids!(res.json()).includes(spec.kind === 'record' ? x.recordId : x.modelId);
            if (listed !== inScope) failures.push(`${cell}: listed ${listed}, in scope ${inScope}`);
          }
          if (spec.actions && res.statusCode === 200) {
            const writeKey =
              spec.kind === 'record'
                ? 'PUT /api/records/{id}'
                : spec.kind === 'model'
                  ? 'PUT /api/models/{id}'
                  : 'PUT /api/budgets/lines';
            if (spec.kind === 'budget' && owner.level === 'central') continue;
            const may = expected(p, permissions.get(writeKey) ?? null, owner) === 'done';
            const actions = spec.actions(res.json(), x);
            if (actions.length > 0 !== may)
              failures.push(`${cell}: allowedActions ${JSON.stringify(actions)}, may write ${may}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

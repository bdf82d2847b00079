// What the load sends: provincial writers of the demo (each writes in its own province), logged in
// several times over (one session per device), with the real activities of their province's plan,
// the communes of their province and the ethnic groups of the north-west; and the bodies of record
// creates (10-cell participants grid), indicator value PUTs (10 cells) and the reads of a day's work.
import crypto from 'node:crypto';

/** The demo's provincial users who may write records: two in Điện Biên (11), two in Lào Cai (15). */
export const WRITERS = ['dienbien.nhaplieu', 'dienbien.hoiphunu', 'laocai.hoiphunu', 'laocai.dantoc'];
/** Aggregate indicator of the demo (quarterly, by sex × ethnic group): the value PUTs write it. */
export const VALUE_INDICATOR = 'NL03';
const ETHNIC_NAMES = ['Kinh', 'Thái', 'Mông', 'Dao', 'Khơ Mú', 'Tày', 'Giáy', 'Hà Nhì', 'Nùng', 'Xá Phó'];
const TARGET_GROUPS = ['community_member', 'union_member', 'union_cadre', 'village_elder', 'child', 'other_cadre'];
const AGE_BANDS = ['16_30', '31_60', 'over_60', 'under_16', 'unknown'];
const RECORD_TYPES = ['training', 'communication_event', 'conference'] as const;

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Writer {
  username: string;
  province: string;
  year: number;
  sessions: Session[];
  activities: number[];
  communes: string[];
  ethnicGroups: number[];
  /** Records this writer created during the runs (for the record views of the mixed run). */
  recordIds: number[];
}

export interface Built {
  kind: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

async function getJson<T>(base: string, session: Session, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Vietnam's today (UTC+7), YYYY-MM-DD. */
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Logs each writer in `sessionsPerWriter` times and reads what it may write on. */
export async function setUpWriters(base: string, password: string, sessionsPerWriter: number): Promise<Writer[]> {
  const year = Number(vietnamToday().slice(0, 4));
  const writers: Writer[] = [];
  for (const username of WRITERS) {
    const sessions: Session[] = [];
    for (let i = 0; i < sessionsPerWriter; i++) sessions.push(await login(base, username, password));
    const me = await getJson<{ provinces: { code: string }[] }>(base, sessions[0]!, '/api/me');
    const province = me.provinces[0]!.code;
    const activities = await getJson<{ items: { id: number; plan: { provinceCode: string | null } }[] }>(
      base,
      sessions[0]!,
      `/api/activities?year=${year}&limit=500`,
    );
    // The activities of their province's plan (cascaded from the central one); else any in scope.
    const own = activities.items.filter((a) => a.plan.provinceCode === province).map((a) => a.id);
    const communes = await getJson<{ items: { code: string }[] }>(
      base,
      sessions[0]!,
      `/api/admin-units?generation=2025&level=commune&province=${province}&limit=500`,
    );
    const groups = await getJson<{ items: { id: number; name: string }[] }>(
      base,
      sessions[0]!,
      '/api/ethnic-groups?limit=100',
    );
    const ethnicGroups = ETHNIC_NAMES.map((n) => groups.items.find((g) => g.name === n)?.id).filter(
      (id): id is number => id !== undefined,
    );
    writers.push({
      username,
      province,
      year,
      sessions,
      activities: own.length ? own : activities.items.map((a) => a.id),
      communes: communes.items.map((c) => c.code),
      ethnicGroups,
      recordIds: [],
    });
  }
  for (const w of writers) {
    if (!w.activities.length || w.communes.length < 2 || w.ethnicGroups.length < 5)
      throw new Error(`writer ${w.username}: no activities, communes or ethnic groups to write with`);
  }
  return writers;
}

/** The commune the freshness probe writes (no value PUT of the load touches it). */
export function probeCommune(writers: Writer[]): { writer: Writer; commune: string } {
  return { writer: writers[0]!, commune: writers[0]!.communes[0]! };
}

function valueCommunes(w: Writer, writers: Writer[]): string[] {
  const probe = probeCommune(writers);
  return w.communes.filter((c) => !(w.province === probe.writer.province && c === probe.commune));
}

function randomDate(year: number): string {
  const today = vietnamToday();
  const first = Date.UTC(year, 0, 2);
  const last = Math.min(Date.parse(`${today}T00:00:00Z`), Date.UTC(year, 11, 31));
  return new Date(first + Math.floor(Math.random() * ((last - first) / 86_400_000 + 1)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** A record as a province enters it: one of its plan's activities, a commune, a date this year, 10 participant rows. */
export function recordBody(w: Writer): object {
  const startDate = randomDate(w.year);
  const pairs = new Set<string>();
  while (pairs.size < 5) pairs.add(`${pick(w.ethnicGroups)}|${pick(TARGET_GROUPS)}`);
  const rows = [...pairs].flatMap((pair) => {
    const [ethnic, targetGroup] = pair.split('|');
    const ageBand = pick(AGE_BANDS);
    return (['female', 'male'] as const).map((sex) => ({
      sex,
      ethnicGroupId: Number(ethnic),
      targetGroup,
      ageBand,
      count: between(1, 40),
    }));
  });
  const n = between(1, 9999);
  return {
    planActivityId: pick(w.activities),
    type: pick(RECORD_TYPES),
    title: `Tập huấn, truyền thông về bình đẳng giới tại cộng đồng (đợt ${n})`,
    startDate,
    endDate: startDate,
    place: { generation: 2025, code: pick(w.communes) },
    village: `Bản ${between(1, 30)}`,
    description: 'Ghi nhận từ tải thử.',
    participants: { mode: 'breakdown', rows },
  };
}

/** 10 cells of the aggregate indicator (2 sexes × 5 ethnic groups) for one commune and quarter. */
export function valuesBody(w: Writer, writers: Writer[]): object {
  const groups = w.ethnicGroups.slice(0, 5);
  return {
    indicator: VALUE_INDICATOR,
    unit: { generation: 2025, code: pick(valueCommunes(w, writers)) },
    period: `${w.year}Q${between(1, 4)}`,
    values: groups.flatMap((ethnicGroupId) =>
      (['female', 'male'] as const).map((sex) => ({ sex, ethnicGroupId, value: between(0, 60) })),
    ),
  };
}

const json = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });

export function createRequest(w: Writer, s: Session): Built {
  return {
    kind: 'create',
    method: 'POST',
    path: '/api/records',
    headers: { ...json(s), 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(recordBody(w)),
  };
}

export function valuesRequest(w: Writer, s: Session, writers: Writer[]): Built {
  return {
    kind: 'values',
    method: 'PUT',
    path: '/api/indicator-values',
    headers: json(s),
    body: JSON.stringify(valuesBody(w, writers)),
  };
}

const get = (kind: string, s: Session, path: string): Built => ({
  kind,
  method: 'GET',
  path,
  headers: { cookie: s.cookie },
});

/** The mixed day: 70 % reads (lists, a record, activities, dashboard, pivot), 30 % writes (creates, values). */
export function mixedRequest(w: Writer, s: Session, writers: Writer[]): Built {
  const r = Math.random() * 100;
  if (r < 20) return get('record list', s, `/api/records?limit=50&offset=${pick([0, 0, 0, 50, 100])}`);
  if (r < 35) {
    const id = w.recordIds.length ? pick(w.recordIds) : null;
    if (id !== null) return get('record view', s, `/api/records/${id}`);
    return get('record list', s, '/api/records?limit=50');
  }
  if (r < 50) return get('activity list', s, `/api/activities?year=${w.year}&limit=50`);
  if (r < 60) return get('dashboard', s, `/api/analytics/dashboard?year=${w.year}`);
  if (r < 70) return get('pivot', s, `/api/pivot?rows=indicator&cols=quarter&year=${w.year}`);
  if (r < 90) return createRequest(w, s);
  return valuesRequest(w, s, writers);
}

/** The id of a created record from its 201 body (the view starts with it). */
export function createdId(body: string): number | null {
  const m = /^\{"id":(\d+)/.exec(body);
  return m ? Number(m[1]) : null;
}

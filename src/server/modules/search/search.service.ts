// Search everywhere (issue 17): one query over plans, activities, records, models, missions,
// policy reviews, agencies and users. Each kind is searched by its own module's service, in that
// module's row scope (access/scope.ts through its repo), so what the actor may not read never
// appears; a kind is searched only when the actor's role reads it (users: only user administrators).
import { can, type ServiceContext } from '../../access/actor';
import { formatDateVi } from '../../common/format-vi';
import { searchWords } from '../../common/search-text';
import { today } from '../../common/today';
import type { Permission } from '../../../shared/permissions';
import { searchPlans } from '../plans/plans.service';
import { searchActivities } from '../records/activities.service';
import { searchRecords } from '../records/records.service';
import { searchModels } from '../registry/models.service';
import { searchMissions } from '../monitoring/missions.service';
import { searchReviews } from '../policy-reviews/policy-reviews.service';
import { provinceNames, searchAgencies } from '../reference/reference.service';
import { searchUsers } from '../users/users.service';
import type { SearchHit, SearchKind, SearchQuery, SearchResponse } from './search.schemas';

type Hit = Omit<SearchHit, 'kind'>;
type Searcher = (ctx: ServiceContext, words: readonly string[], limit: number) => Promise<Hit[]>;

/** A subtitle's part is at most this long (an activity's title can be a paragraph). */
const PART_MAX = 90;
const clip = (text: string) => (text.length > PART_MAX ? `${text.slice(0, PART_MAX - 1).trimEnd()}…` : text);
const line = (...parts: (string | number | null | undefined)[]) =>
  parts
    .filter((p) => p !== null && p !== undefined && String(p).trim() !== '')
    .map((p) => clip(String(p)))
    .join(' · ');
const period = (from: string, to: string) =>
  from === to ? formatDateVi(from) : `${formatDateVi(from)} – ${formatDateVi(to)}`;

const KINDS: Record<SearchKind, { permission: Permission; list: string; search: Searcher }> = {
  plan: {
    permission: 'plan:read',
    list: '/plans',
    search: async (ctx, words, limit) => {
      const rows = await searchPlans(ctx, words, limit);
      const provinces = await provinceNames(ctx.db, [
        ...new Set(rows.flatMap((r) => (r.province_code ? [r.province_code] : []))),
      ]);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: line(r.number, r.year, r.province_code ? provinces.get(r.province_code) : null),
        link: `/plans/${r.id}`,
        rank: r.rank,
      }));
    },
  },
  activity: {
    permission: 'record:read',
    list: '/activities',
    search: async (ctx, words, limit) =>
      (await searchActivities(ctx, words, limit)).map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: line(`${r.section_number}.${r.position + 1}`, r.year, r.plan_title),
        link: `/activities?${new URLSearchParams({ plan: String(r.plan_id), q: `${r.section_number}.${r.position + 1} ${r.title}` })}`,
        rank: r.rank,
      })),
  },
  record: {
    permission: 'record:read',
    list: '/records',
    search: async (ctx, words, limit) =>
      (await searchRecords(ctx, words, limit)).map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: line(period(r.start_date, r.end_date), r.activity_title),
        link: `/records/${r.id}`,
        rank: r.rank,
      })),
  },
  model: {
    permission: 'record:read',
    list: '/models',
    search: async (ctx, words, limit) =>
      (await searchModels(ctx, words, limit)).map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: line(r.type_name, r.commune_name, r.province_name),
        link: `/models/${r.id}`,
        rank: r.rank,
      })),
  },
  mission: {
    permission: 'plan:read',
    list: '/missions',
    search: async (ctx, words, limit) =>
      (await searchMissions(ctx, words, limit)).map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: line(period(r.start_date, r.end_date), r.report_number),
        link: `/missions/${r.id}`,
        rank: r.rank,
      })),
  },
  policy_review: {
    permission: 'plan:read',
    list: '/policy-reviews',
    search: async (ctx, words, limit) =>
      (await searchReviews(ctx, words, limit)).map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: line(r.requesting_agency, r.request_number, formatDateVi(r.deadline)),
        link: `/policy-reviews/${r.id}`,
        rank: r.rank,
      })),
  },
  agency: {
    permission: 'refdata:read',
    list: '/agencies',
    search: async (ctx, words, limit) => {
      const rows = await searchAgencies(ctx.db, words, today(ctx), limit);
      const provinces = await provinceNames(ctx.db, [
        ...new Set(rows.flatMap((r) => (r.province_code ? [r.province_code] : []))),
      ]);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: line(r.abbreviation, r.province_code ? provinces.get(r.province_code) : null),
        link: `/agencies?${new URLSearchParams({ q: r.title })}`,
        rank: r.rank,
      }));
    },
  },
  user: {
    permission: 'user:manage',
    list: '/users',
    search: async (ctx, words, limit) =>
      (await searchUsers(ctx, words, limit)).map((r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.username,
        link: `/users/${r.id}`,
        rank: r.rank,
      })),
  },
};

export const DEFAULT_SEARCH_LIMIT = 5;

export async function search(ctx: ServiceContext, query: SearchQuery): Promise<SearchResponse> {
  const words = searchWords(query.q);
  const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
  const groups: SearchResponse['groups'] = [];
  if (words.length === 0) return { q: query.q, words, groups };
  const listLink = (path: string) => `${path}?${new URLSearchParams({ q: query.q })}`;
  // One kind after another: PGlite has one connection, and on PostgreSQL each is an index scan.
  for (const [kind, def] of Object.entries(KINDS) as [SearchKind, (typeof KINDS)[SearchKind]][]) {
    if (!can(ctx.actor, def.permission)) continue;
    const hits = await def.search(ctx, words, limit + 1);
    if (hits.length === 0) continue;
    groups.push({
      kind,
      items: hits.slice(0, limit).map((hit) => ({ kind, ...hit })),
      more: hits.length > limit,
      listLink: listLink(def.list),
    });
  }
  return { q: query.q, words, groups };
}

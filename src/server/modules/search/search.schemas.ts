// Search everywhere: GET /api/search.
import { Type, type Static } from 'typebox';
import { named } from '../../http/named-schemas';

export const SEARCH_KINDS = [
  'plan',
  'activity',
  'record',
  'model',
  'mission',
  'policy_review',
  'agency',
  'user',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  /** Results per kind. */
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

const SearchHit = Type.Object({
  kind: Type.Enum(SEARCH_KINDS),
  id: Type.Integer(),
  title: Type.String(),
  /** Numbers, dates and names that tell this row from others of its kind. */
  subtitle: Type.String(),
  /** The web page of the row. */
  link: Type.String(),
  rank: Type.Number(),
});

const SearchGroup = Type.Object({
  kind: Type.Enum(SEARCH_KINDS),
  items: Type.Array(SearchHit),
  /** More rows of this kind match than `items` holds. */
  more: Type.Boolean(),
  /** The kind's own list filtered by the same words. */
  listLink: Type.String(),
});

export const SearchResponse = named(
  'SearchResponse',
  Type.Object({
    q: Type.String(),
    /** The folded words every result holds. */
    words: Type.Array(Type.String()),
    /** One group per kind with results, in SEARCH_KINDS order; each group best first. */
    groups: Type.Array(SearchGroup),
  }),
);
export type SearchResponse = Static<typeof SearchResponse>;
export type SearchHit = Static<typeof SearchHit>;

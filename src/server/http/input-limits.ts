// The limits every input has, in one place (issue 14). The validator compiler (http/validation.ts)
// applies them to every route schema when it compiles it, so a new route gets them without asking:
// - an `integer` without its own bounds fits PostgreSQL's `integer` (int4), the type of every id and
//   count column; a column of another type says so in its schema (smallint: `maximum: 32767`; a
//   bigint id travels as a string);
// - a `number` without its own bounds is finite and at most 1e15 in size (numeric columns hold it);
// - a `string` holds no U+0000 (PostgreSQL text cannot) and no lone surrogate (not text: it would be
//   stored as U+FFFD), checked by the `text` keyword;
// - a `date` (format, and `IsoDate` of http/schemas.ts) is a real calendar day from 1900 to 2100.
// Inputs that are not under a schema (multipart fields and file names, imported table cells) use
// `isCleanText` the same way.

export const INT4_MIN = -2147483648;
export const INT4_MAX = 2147483647;
/** The `maximum` of a field stored in a smallint column (ethnic_group_id, year, generation, position). */
export const SMALLINT_MAX = 32767;
/** Numbers without their own bounds: beyond this, a float no longer counts units exactly. */
export const NUMBER_LIMIT = 1e15;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** The keyword added to every string schema: `text: true` (see `textKeyword`). */
export const TEXT_KEYWORD = 'text';

// With the `u` flag a paired surrogate is one code point, so only a lone one matches.
// eslint-disable-next-line no-control-regex -- U+0000 is what it looks for
const UNSAFE_TEXT = /[\u0000\uD800-\uDFFF]/u;

/** No U+0000 and no lone surrogate: text PostgreSQL stores as it was sent. */
export function isCleanText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD`, a day that exists (no 2022-02-30), in 1900–2100. */
export function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Ajv keyword refusing unclean strings (its error names the field like every other). */
export const textKeyword = {
  keyword: TEXT_KEYWORD,
  type: 'string' as const,
  schemaType: 'boolean' as const,
  errors: false,
  validate: (enabled: boolean, data: string) => !enabled || isCleanText(data),
};

type Node = Record<string, unknown>;

const hasType = (node: Node, type: string) =>
  node.type === type || (Array.isArray(node.type) && (node.type as unknown[]).includes(type));

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['anyOf', 'allOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];

/**
 * A copy of a route schema with the limits above added wherever it sets none of its own. The schema
 * itself is not changed: the same object is Fastify's OpenAPI document and its serializer's input.
 */
export function withInputLimits<T>(schema: T): T {
  return limit(schema) as T;
}

function limit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(limit);
  if (value === null || typeof value !== 'object') return value;
  const node = { ...(value as Node) };
  for (const key of SUBSCHEMA_MAPS) {
    const map = node[key];
    if (map && typeof map === 'object' && !Array.isArray(map))
      node[key] = Object.fromEntries(Object.entries(map as Node).map(([k, v]) => [k, limit(v)]));
  }
  for (const key of [...SUBSCHEMA_LISTS, ...SUBSCHEMAS]) if (key in node) node[key] = limit(node[key]);
  if (hasType(node, 'integer')) {
    node.minimum ??= node.exclusiveMinimum === undefined ? INT4_MIN : undefined;
    node.maximum ??= node.exclusiveMaximum === undefined ? INT4_MAX : undefined;
  } else if (hasType(node, 'number')) {
    node.minimum ??= node.exclusiveMinimum === undefined ? -NUMBER_LIMIT : undefined;
    node.maximum ??= node.exclusiveMaximum === undefined ? NUMBER_LIMIT : undefined;
  }
  if (hasType(node, 'string')) node[TEXT_KEYWORD] ??= true;
  for (const key of ['minimum', 'maximum']) if (node[key] === undefined) delete node[key];
  return node;
}

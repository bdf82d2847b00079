// Search words against the folded `search_text` columns (issue 17's search everywhere, and the
// lists' `q`): the words are folded like the stored text (shared/text.ts foldVietnamese, đ → d),
// each must occur, in any order; the trigram index of migration 2026120406-search serves the LIKE.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { foldVietnamese } from '../../shared/text';
import { escapeLike } from './sql-text';

/** At most this many words of a query count (the rest would only narrow an already long query). */
export const MAX_SEARCH_WORDS = 8;

/** "Điện  Biên" → ["dien", "bien"]: folded, distinct, at most MAX_SEARCH_WORDS. */
export function searchWords(q: string): string[] {
  return [...new Set(foldVietnamese(q).split(' ').filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
}

/** Every word occurs in this folded column (a reference such as 'p.search_text'); true for none. */
export function matchesAllWords(column: string, words: readonly string[]): RawBuilder<SqlBool> {
  if (words.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(
    words.map((word) => sql`${sql.ref(column)} LIKE ${`%${escapeLike(word)}%`}`),
    sql` AND `,
  )})`;
}

/**
 * How well the row matches, higher first: 1 more when the folded text begins with the query
 * (a title typed from its start), plus pg_trgm's word_similarity of the query to the text (0–1:
 * the words as they stand, not inside longer words, rank higher).
 */
export function searchRank(column: string, words: readonly string[]): RawBuilder<number> {
  const phrase = words.join(' ');
  return sql<number>`((CASE WHEN ${sql.ref(column)} LIKE ${`${escapeLike(phrase)}%`} THEN 1 ELSE 0 END)
    + word_similarity(${phrase}, ${sql.ref(column)}))::float8`;
}

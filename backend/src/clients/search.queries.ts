import { auditedReadSql } from '../audit/audit.service.js';
import { VISIBLE_TO_SHELTERS } from './client-access.js';

/**
 * Below this word similarity a word is not a match: low enough for a typo or two ("helenne"
 * for Hélène scores 0.67), high enough to keep strangers out of the list.
 */
export const MATCH_THRESHOLD = 0.45;

/**
 * The connection setting the search's `<%` operator reads its threshold from, set when each
 * pooled connection opens rather than in every search.
 */
export const SEARCH_CONNECTION_OPTIONS = `-c pg_trgm.word_similarity_threshold=${MATCH_THRESHOLD}`;

/** At most this many words of a query are matched; the rest only rank. */
export const MAX_SEARCH_WORDS = 4;

/** The words of a query that are long enough to carry trigrams, or the whole query. */
export function searchWords(query: string): string[] {
  const words = query.split(/\s+/).filter((word) => word.length >= 3);

  return (words.length ? words : [query.trim()]).slice(0, MAX_SEARCH_WORDS);
}

/**
 * Client search, best match first. Every word must match some word of the name (each test
 * uses the trigram index, and together they stay selective where "Jean" alone would not);
 * the whole query ranks the matches. Parameters: the query, then (unless `everyone`)
 * `visibleToSheltersParams` of the person's shelters, then each word, then limit and offset.
 */
export function searchSql(everyone: boolean, words: number): string {
  const each = Array.from({ length: words }, () => 'acimtl_unaccent(lower(?)) <% c.search_name');

  return `select c.id, c.given_name as "givenName", c.family_name as "familyName", c.alias,
           extract(year from c.birth_date)::int as "birthYear",
           word_similarity(acimtl_unaccent(lower(?)), c.search_name) as similarity,
           ${everyone ? 'true' : VISIBLE_TO_SHELTERS} as visible
      from clients c
     where ${each.join(' and ')}
     order by similarity desc, c.family_name, c.given_name, c.id
     limit ? offset ?`;
}

/** `searchSql` that also writes its `client.searched` event; then `auditParams`. */
export function auditedSearchSql(everyone: boolean, words: number): string {
  return auditedReadSql(searchSql(everyone, words), {
    orderBy: 'similarity desc, "familyName", "givenName", id',
  });
}

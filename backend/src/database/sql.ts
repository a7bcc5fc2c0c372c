/**
 * A PostgreSQL array literal for a list of ids, to bind as one `?::uuid[]` parameter: the
 * driver would otherwise expand a JavaScript array into a list of parameters.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

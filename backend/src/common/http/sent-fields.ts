/**
 * The fields of a partial update that the request sent. A DTO instance has every declared
 * field as an own property, `undefined` when it was not sent (class fields are defined by
 * the constructor in the built code); MikroORM's `assign` refuses `undefined` for a required
 * property, and would clear an optional one.
 */
export function sentFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(dto).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

import type { Resource } from '@angular/core';

/**
 * A resource's value, or `undefined` while it has none. Reading `value()` of a resource that
 * failed throws; templates and computed signals read through this, or check `hasValue()`.
 */
export function valueOf<T>(resource: Resource<T>): T | undefined {
  return resource.hasValue() ? resource.value() : undefined;
}

import { afterNextRender, signal, type Signal } from '@angular/core';

/**
 * False while the page is only server-rendered HTML, true once the browser runs it. Forms
 * stay disabled until then: what is typed into them before would be lost, and a submission
 * would reload the page instead of signing in. Call from an injection context.
 */
export function hydrated(): Signal<boolean> {
  const ready = signal(false);
  afterNextRender(() => ready.set(true));

  return ready.asReadonly();
}

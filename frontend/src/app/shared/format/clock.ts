import { DestroyRef, afterNextRender, inject, signal, type Signal } from '@angular/core';

/**
 * The current time, ticking every `intervalMs` in the browser only (the server renders one
 * instant). Call from an injection context.
 */
export function clock(intervalMs: number): Signal<Date> {
  const now = signal(new Date());
  const destroyRef = inject(DestroyRef);

  afterNextRender(() => {
    const timer = setInterval(() => now.set(new Date()), intervalMs);
    destroyRef.onDestroy(() => clearInterval(timer));
  });

  return now.asReadonly();
}

/** Calls `tick` every `intervalMs` in the browser, while the calling component lives. */
export function every(intervalMs: number, tick: () => void): void {
  const destroyRef = inject(DestroyRef);

  afterNextRender(() => {
    const timer = setInterval(tick, intervalMs);
    destroyRef.onDestroy(() => clearInterval(timer));
  });
}

/*
 * What component tests do to a rendered fixture. Test-only: nothing in the application imports
 * this folder.
 */

/** Anything that renders on demand, as a `ComponentFixture` does. */
interface Renders {
  detectChanges(): void;
}

/**
 * Waits `ms` (a debounce, or one turn of the event loop), renders, then renders again once what
 * that started has answered. Not `whenStable`: a request in flight keeps the application
 * unstable until the test answers it.
 */
export async function settle(fixture: Renders, ms = 0): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  fixture.detectChanges();
  await new Promise((resolve) => setTimeout(resolve, 0));
  fixture.detectChanges();
}

/** The button inside `root` whose text contains `text`; fails naming what is there instead. */
export function buttonNamed(root: Element, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((candidate) =>
    candidate.textContent?.includes(text),
  );
  if (!found) {
    throw new Error(`No button "${text}" in: ${root.textContent}`);
  }

  return found;
}

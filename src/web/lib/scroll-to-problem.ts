// After a failed save the message may be far above the button the user pressed (a long form on a
// phone): bring the first field in error, or the notice, into view.
import { useEffect, type RefObject } from 'react';

export function scrollToProblem(container: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const target = container?.querySelector('.has-error, [aria-invalid="true"], .notice-error, .notice-warning');
    target?.scrollIntoView({ block: 'center' });
  });
}

/** Scrolls to the problem whenever `trigger` becomes truthy (a new error, a conflict). */
export function useScrollToProblem(container: RefObject<HTMLElement | null>, trigger: unknown): void {
  useEffect(() => {
    if (trigger) scrollToProblem(container.current);
  }, [trigger, container]);
}

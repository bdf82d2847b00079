// On a phone the less used filters fold behind one button, so the list starts on the first
// screen; from 640 px they are always shown in the filter grid.
import { useState, type ReactNode } from 'react';
import { useComponentsT } from './use-components-t';
import '../styles/form-widgets.css';

export function MoreFilters({ active, children }: { active: number; children: ReactNode }) {
  const ct = useComponentsT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-secondary rec-filter-toggle"
        aria-expanded={open}
        onClick={() => setOpen((current) => !current)}
      >
        {ct(open ? 'filter.hide' : 'filter.show')}
        {active > 0 && ` (${active})`}
      </button>
      <div className={open ? 'rec-more-filters is-open' : 'rec-more-filters'}>{children}</div>
    </>
  );
}

// On a phone the less used filters fold behind one button, so the list starts on the first
// screen; from 640 px they are always shown in the filter grid.
import { useState, type ReactNode } from 'react';
import { useRecordsT } from '../features/records/use-records-t';

export function MoreFilters({ active, children }: { active: number; children: ReactNode }) {
  const rt = useRecordsT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-secondary rec-filter-toggle"
        aria-expanded={open}
        onClick={() => setOpen((current) => !current)}
      >
        {rt(open ? 'filter.hide' : 'filter.show')}
        {active > 0 && ` (${active})`}
      </button>
      <div className={open ? 'rec-more-filters is-open' : 'rec-more-filters'}>{children}</div>
    </>
  );
}

// A panel whose heading folds and unfolds its content (the browser's own <details>): folded on a
// phone unless told otherwise, so a long page (the report editor) starts as a list of headings;
// open from 720 px. The section keeps its heading as its name.
import { useId, useState, type ReactNode } from 'react';

const PHONE = '(max-width: 719.98px)';

const onPhone = () => typeof window !== 'undefined' && window.matchMedia?.(PHONE).matches === true;

interface FoldingPanelProps {
  title: string;
  /** A few words beside the heading, shown while folded too ("12 bản ghi"). */
  summary?: ReactNode;
  /** Open on a phone as well (the part of the page one came to work on). */
  openOnPhone?: boolean;
  children: ReactNode;
}

export function FoldingPanel({ title, summary, openOnPhone = false, children }: FoldingPanelProps) {
  const headingId = useId();
  const [open, setOpen] = useState(() => openOnPhone || !onPhone());
  return (
    <section className="panel folding-panel" aria-labelledby={headingId}>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <h2 id={headingId}>{title}</h2>
          {summary !== undefined && <span className="folding-summary">{summary}</span>}
        </summary>
        <div className="folding-body">{children}</div>
      </details>
    </section>
  );
}

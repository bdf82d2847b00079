// The tabs under a section's title (registry, results, reports): links, the current one
// underlined; each page passes only the tabs its user may open.
import { NavLink } from 'react-router';

export interface SubTab {
  to: string;
  label: string;
  /** Active only on exactly this address, not below it. */
  end?: boolean;
}

export function SubTabs({ label, tabs }: { label: string; tabs: SubTab[] }) {
  return (
    <nav className="sub-tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end ?? false}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

// The analytics pages' own navigation: overview, pivot table, indicators.
import { NavLink } from 'react-router';
import { useAnalyticsT } from './use-analytics-t';

export function AnalyticsTabs() {
  const t = useAnalyticsT();
  const tabs = [
    { to: '/dashboard', label: t('tabs.dashboard') },
    { to: '/pivot', label: t('tabs.pivot') },
    { to: '/indicators', label: t('tabs.indicators') },
  ];
  return (
    <nav className="an-tabs" aria-label={t('tabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

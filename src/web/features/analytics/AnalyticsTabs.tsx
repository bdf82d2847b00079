// The analytics pages' own navigation: overview, pivot table, indicators.
import { SubTabs } from '../../components/SubTabs';
import { useAnalyticsT } from './use-analytics-t';

export function AnalyticsTabs() {
  const t = useAnalyticsT();
  const tabs = [
    { to: '/dashboard', label: t('tabs.dashboard') },
    { to: '/pivot', label: t('tabs.pivot') },
    { to: '/indicators', label: t('tabs.indicators') },
  ];
  return <SubTabs label={t('tabs.label')} tabs={tabs} />;
}

// The registry's own navigation: list, statistics and map, targets, import — each only when the
// user may open it.
import { NavLink } from 'react-router';
import { hasPermission, useMe } from '../auth/SessionProvider';
import { useRegistryT } from './use-registry-t';

export function RegistryTabs() {
  const t = useRegistryT();
  const me = useMe();
  const tabs = [
    { to: '/models', label: t('tabs.list'), end: true, show: true },
    { to: '/models/stats', label: t('tabs.stats'), end: false, show: true },
    { to: '/models/targets', label: t('tabs.targets'), end: false, show: hasPermission(me, 'plan:edit') },
    { to: '/models/import', label: t('tabs.import'), end: false, show: hasPermission(me, 'record:write') },
  ];
  return (
    <nav className="reg-tabs" aria-label={t('tabs.label')}>
      {tabs
        .filter((tab) => tab.show)
        .map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end}>
            {tab.label}
          </NavLink>
        ))}
    </nav>
  );
}

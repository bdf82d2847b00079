// The registry's own navigation: list, statistics and map, targets, import — each only when the
// user may open it.
import { SubTabs } from '../../components/SubTabs';
import { hasPermission, useMe } from '../../lib/session';
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
  return <SubTabs label={t('tabs.label')} tabs={tabs.filter((tab) => tab.show)} />;
}

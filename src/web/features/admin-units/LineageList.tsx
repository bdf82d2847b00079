import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { EmptyNotice } from '../../components/Status';
import type { AdminUnitDetail } from './AdminUnitDetailPage';
import { LINEAGE_LABELS } from './labels';

type LineageUnit = AdminUnitDetail['lineage']['successors'][number];

/** showSplit: for a new unit's predecessors, how many new units each old one went into. */
export function LineageList({ units, showSplit }: { units: LineageUnit[]; showSplit: boolean }) {
  const t = useT();
  if (units.length === 0) return <EmptyNotice>{t('lineage.none')}</EmptyNotice>;
  return (
    <ul className="lineage" data-testid="lineage">
      {units.map((unit) => (
        <li key={`${unit.generation}-${unit.code}`}>
          <Link to={`/admin-units/${unit.generation}/${unit.code}`}>{unit.fullName}</Link>
          <span className="code muted">{unit.code}</span>
          <span className={`badge badge-${unit.kind === 'full' ? 'full' : 'partial'}`}>
            {t(LINEAGE_LABELS[unit.kind])}
          </span>
          {showSplit && unit.splitCount > 1 && (
            <small className="muted">{t('lineage.splitCount', { count: unit.splitCount })}</small>
          )}
        </li>
      ))}
    </ul>
  );
}

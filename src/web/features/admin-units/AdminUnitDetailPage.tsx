import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type * as ApiTypes from '../../api/types';
import { useT } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { QueryView } from '../../components/Status';
import type { Generation } from '../../lib/reference';
import { LEVEL_LABELS } from './labels';
import { LineageList } from './LineageList';
import { ChangesTable } from './ChangesTable';

export type AdminUnitDetail = ApiTypes.AdminUnitDetailView;

export function AdminUnitDetailPage() {
  const t = useT();
  const params = useParams();
  const generation: Generation = params.generation === '2024' ? 2024 : 2025;
  const code = params.code ?? '';
  const unit = useQuery({
    queryKey: ['/api/admin-units/{generation}/{code}', generation, code],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/admin-units/{generation}/{code}', { params: { path: { generation, code } }, signal })),
  });
  return (
    <div className="page">
      <p className="back-link">
        <Link to={`/admin-units?generation=${generation}`}>← {t('adminUnits.backToList')}</Link>
      </p>
      <QueryView state={unit}>{(data) => <UnitDetail unit={data} />}</QueryView>
    </div>
  );
}

function UnitDetail({ unit }: { unit: AdminUnitDetail }) {
  const t = useT();
  const generation = unit.generation as Generation;
  // The server lists parents nearest first; a breadcrumb reads from the top.
  const chain = [...unit.parents].reverse();
  const lineage = generation === 2024 ? unit.lineage.successors : unit.lineage.predecessors;
  const validity = [
    unit.validFrom && t('adminUnits.validFrom', { date: formatDate(unit.validFrom) }),
    unit.validTo && t('adminUnits.validTo', { date: formatDate(unit.validTo) }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      {chain.length > 0 && (
        <nav className="breadcrumb" aria-label={t('adminUnits.parents')}>
          <ol>
            {chain.map((parent) => (
              <li key={parent.code}>
                <Link to={`/admin-units/${parent.generation}/${parent.code}`}>{parent.fullName}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h1>{unit.fullName}</h1>
      <p className="unit-tags">
        <span className={generation === 2024 ? 'badge badge-old' : 'badge badge-new'}>
          {t(generation === 2024 ? 'generation.2024' : 'generation.2025')}
        </span>
        <span className="badge">{t(LEVEL_LABELS[unit.level])}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('adminUnits.col.code')}</dt>
          <dd className="code">{unit.code}</dd>
        </div>
        <div>
          <dt>{t('adminUnits.col.type')}</dt>
          <dd>{unit.unitType}</dd>
        </div>
        {unit.nameEn && (
          <div>
            <dt>{t('adminUnits.nameEn')}</dt>
            <dd lang="en">{unit.nameEn}</dd>
          </div>
        )}
        {validity && (
          <div>
            <dt>{t('adminUnits.validity')}</dt>
            <dd>{validity}</dd>
          </div>
        )}
        {unit.children > 0 && (
          <div>
            <dt>{t('adminUnits.children')}</dt>
            <dd>
              <Link to={`/admin-units?generation=${generation}&parent=${unit.code}`}>
                {t('adminUnits.children.link', { count: formatNumber(unit.children) })}
              </Link>
            </dd>
          </div>
        )}
      </dl>

      <section className="panel" aria-labelledby="lineage-title">
        <h2 id="lineage-title">{t(generation === 2024 ? 'lineage.successors' : 'lineage.predecessors')}</h2>
        <p className="muted">{t(generation === 2024 ? 'lineage.successors.hint' : 'lineage.predecessors.hint')}</p>
        <LineageList units={lineage} showSplit={generation === 2025} />
      </section>

      {unit.changes.length > 0 && (
        <section className="panel" aria-labelledby="changes-title">
          <h2 id="changes-title">{t('changes.title')}</h2>
          <ChangesTable changes={unit.changes} />
        </section>
      )}
    </>
  );
}

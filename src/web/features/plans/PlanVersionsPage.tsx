// Phiên bản: every saved version; pick two and read what changed between them.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { EmptyNotice, QueryView } from '../../components/Status';
import { useSearchState } from '../../lib/use-search-state';
import { PlanLayout } from './PlanLayout';
import { PlanDiffList } from './PlanDiffList';
import { statusLabel } from './plan-labels';
import type { PlanVersion, PlanView } from './plan-types';
import { usePlanT } from './use-plan-t';

export function PlanVersionsPage() {
  return <PlanLayout>{(plan) => <PlanVersions plan={plan} />}</PlanLayout>;
}

function PlanVersions({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  const versions = useQuery({
    queryKey: ['/api/plans/{id}/versions', plan.id, plan.version, plan.status],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plans/{id}/versions', { params: { path: { id: plan.id } }, signal })),
  });
  return (
    <section className="panel" aria-label={t('plan.tab.versions')}>
      <p className="panel-intro">{t('versions.intro')}</p>
      <QueryView state={versions} isEmpty={(data) => data.length === 0}>
        {(data) => <VersionPicker plan={plan} versions={data} />}
      </QueryView>
    </section>
  );
}

function VersionPicker({ plan, versions }: { plan: PlanView; versions: PlanVersion[] }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0]?.version ?? 1;
  const [picked, setPicked] = useSearchState({ from: String(Math.max(1, latest - 1)), to: String(latest) });
  const from = Number(picked.from);
  const to = Number(picked.to);
  const comparable = sorted.length > 1;

  return (
    <>
      <div className="table-wrap">
        <table className="data-table versions-table">
          <thead>
            <tr>
              <th scope="col">{t('versions.col.version')}</th>
              {comparable && <th scope="col">{t('versions.from')}</th>}
              {comparable && <th scope="col">{t('versions.to')}</th>}
              <th scope="col">{t('versions.col.status')}</th>
              <th scope="col">{t('versions.col.note')}</th>
              <th scope="col">{t('versions.col.author')}</th>
              <th scope="col">{t('versions.col.time')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((v) => (
              <tr key={v.version}>
                <td data-label={t('versions.col.version')}>
                  <div className="cell">
                    <strong>{v.version}</strong>
                  </div>
                </td>
                {comparable && (
                  <td data-label={t('versions.from')}>
                    <div className="cell">
                      <input
                        type="radio"
                        name="version-from"
                        aria-label={`${t('versions.from')} ${t('plan.version', { version: v.version })}`}
                        checked={from === v.version}
                        onChange={() => setPicked({ from: String(v.version) })}
                      />
                    </div>
                  </td>
                )}
                {comparable && (
                  <td data-label={t('versions.to')}>
                    <div className="cell">
                      <input
                        type="radio"
                        name="version-to"
                        aria-label={`${t('versions.to')} ${t('plan.version', { version: v.version })}`}
                        checked={to === v.version}
                        onChange={() => setPicked({ to: String(v.version) })}
                      />
                    </div>
                  </td>
                )}
                <td data-label={t('versions.col.status')}>
                  <div className="cell">{statusLabel(v.status, lang)}</div>
                </td>
                <td data-label={t('versions.col.note')}>
                  <div className="cell">{v.note ?? ''}</div>
                </td>
                <td data-label={t('versions.col.author')}>
                  <div className="cell">{v.author ?? ''}</div>
                </td>
                <td data-label={t('versions.col.time')}>
                  <div className="cell nowrap">{formatDateTime(v.createdAt)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!comparable ? (
        <EmptyNotice>{t('versions.only')}</EmptyNotice>
      ) : from === to || !from || !to ? (
        <EmptyNotice>{t('versions.chooseTwo')}</EmptyNotice>
      ) : (
        <PlanDiffList planId={plan.id} from={Math.min(from, to)} to={Math.max(from, to)} />
      )}
    </>
  );
}

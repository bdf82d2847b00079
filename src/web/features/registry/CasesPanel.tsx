// Case-level data of a trusted address. Rendered only when the server lists "read_cases" for this
// user (a per-user grant no role carries); the request itself is logged by the server.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { formatDate } from '../../i18n/format';
import { useEthnicGroups } from '../../lib/reference';
import type { ModelView } from './model-codes';
import { useRegistryT } from './use-registry-t';

export function CasesPanel({ model }: { model: ModelView }) {
  const t = useRegistryT();
  const groups = useEthnicGroups();
  const cases = useQuery({
    queryKey: ['/api/models/{id}/cases', model.id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/models/{id}/cases', { params: { path: { id: model.id } }, signal })),
  });
  return (
    <section className="panel reg-sensitive" aria-labelledby="model-case-list-title">
      <h2 id="model-case-list-title">{t('cases.listTitle')}</h2>
      <p className="notice notice-warning">{t('cases.listWarning')}</p>
      <QueryView state={cases} isEmpty={(data) => data.items.length === 0} empty={t('cases.listEmpty')}>
        {(data) => (
          <div className="rec-grid-wrap">
            <table className="rec-grid rec-grid-read">
              <thead>
                <tr>
                  <th scope="col">{t('cases.receivedOn')}</th>
                  <th scope="col">{t('cases.type')}</th>
                  <th scope="col">{t('cases.person')}</th>
                  <th scope="col">{t('cases.referral')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <td className="nowrap">{formatDate(c.receivedOn)}</td>
                    <td>{t(`case.${c.caseType}`)}</td>
                    <td>
                      {[
                        c.personInitials,
                        c.sex ? t(`sex.${c.sex}`) : null,
                        c.age !== null ? t('cases.age', { age: c.age }) : null,
                        c.ethnicGroupId ? groups.data?.find((g) => g.id === c.ethnicGroupId)?.name : null,
                      ]
                        .filter(Boolean)
                        .join(', ') || '—'}
                    </td>
                    <td>{c.referral ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}

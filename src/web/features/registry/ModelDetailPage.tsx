// One model: where it is, who leads it, members by sex × ethnic group, status history with the
// changes the server allows, its monthly activity log, and for a trusted address the case counts
// (and the case list only for a user the server lets read it).
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { formatDate, formatNumber } from '../../i18n/format';
import { CasesPanel } from './CasesPanel';
import { ActivityLogPanel, CaseCountsPanel } from './LogPanels';
import { useModelTypes } from '../../lib/reference';
import { modelKey, STATUS_BADGE, TECH_FLAGS, type ModelView } from './model-codes';
import { StatusPanel } from './StatusPanel';
import { useRegistryT } from './use-registry-t';
import '../../styles/form-widgets.css';
import './registry.css';

export function ModelDetailPage() {
  const t = useRegistryT();
  const id = Number(useParams().id);
  const location = useLocation();
  const arrived = (location.state as { notice?: 'created' | 'saved' } | null)?.notice;
  const [conflict, setConflict] = useState(false);
  const queryClient = useQueryClient();
  const model = useQuery({
    queryKey: modelKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/models/{id}', { params: { path: { id } }, signal })),
  });
  // A change answered with the model is shown as it is; the lists and statistics ask again.
  const showSaved = (next: ModelView) => {
    queryClient.setQueryData(modelKey(id), next);
    void queryClient.invalidateQueries({ queryKey: ['/api/models'] });
    void queryClient.invalidateQueries({ queryKey: ['/api/models/stats'] });
  };

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/models">← {t('registry.backToList')}</Link>
      </p>
      {arrived && !conflict && (
        <p className="notice notice-success" role="status">
          {t(arrived === 'created' ? 'models.created' : 'models.saved')}
        </p>
      )}
      {conflict && (
        <p className="notice notice-warning" role="alert">
          {t('models.conflict')}
        </p>
      )}
      <QueryView state={model}>
        {(data) => (
          <>
            <h1>{data.name}</h1>
            <p className="rec-tags">
              <span className="badge badge-new">{data.type.name}</span>
              <span className={STATUS_BADGE[data.status]}>{t(`status.${data.status}`)}</span>
            </p>
            {data.allowedActions.includes('edit') && (
              <p className="rec-actions">
                <Link className="button button-secondary" to={`/models/${data.id}/edit`}>
                  {t('models.editAction')}
                </Link>
              </p>
            )}
            <ModelFacts model={data} />
            <Members model={data} />
            <StatusPanel
              model={data}
              onChanged={(next) => {
                setConflict(false);
                showSaved(next);
              }}
              onConflict={() => {
                setConflict(true);
                void model.refetch();
              }}
            />
            <ActivityLogPanel model={data} onChanged={showSaved} />
            {data.type.sensitive && <CaseCountsPanel model={data} onSaved={() => void model.refetch()} />}
            {data.type.sensitive && data.allowedActions.includes('read_cases') && <CasesPanel model={data} />}
          </>
        )}
      </QueryView>
    </div>
  );
}

function ModelFacts({ model }: { model: ModelView }) {
  const t = useRegistryT();
  const types = useModelTypes();
  const school = types.data?.find((x) => x.code === model.type.code)?.hostKind === 'school';
  const tech = TECH_FLAGS.filter((f) => model.tech[f]).map((f) => t(`tech.${f}`));
  return (
    <dl className="facts panel">
      <div>
        <dt>{t('models.col.place')}</dt>
        <dd>
          {[model.village, model.commune.name].filter(Boolean).join(', ')}
          <small className="block muted">
            {model.provinceName}
            {model.commune.generation === 2024 ? ` · ${t('models.oldGeography')}` : ''}
          </small>
        </dd>
      </div>
      {model.host && (
        <div>
          <dt>{t(school ? 'form.school' : 'form.host')}</dt>
          <dd>{model.host}</dd>
        </div>
      )}
      <div>
        <dt>{t('form.foundedOn')}</dt>
        <dd>{model.foundedOn ? formatDate(model.foundedOn) : '—'}</dd>
      </div>
      <div>
        <dt>{t('form.leader')}</dt>
        <dd>{model.leaderName ?? '—'}</dd>
      </div>
      {model.womenOwnership && (
        <div>
          <dt>{t('models.women')}</dt>
          <dd>{t(`women.${model.womenOwnership}`)}</dd>
        </div>
      )}
      {tech.length > 0 && (
        <div>
          <dt>{t('models.tech')}</dt>
          <dd>{tech.join(', ')}</dd>
        </div>
      )}
      {model.sourceRecordId && (
        <div>
          <dt>{t('models.sourceRecord')}</dt>
          <dd>
            <Link to={`/records/${model.sourceRecordId}`}>{t('models.sourceRecordLink')}</Link>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('models.ownerAgency')}</dt>
        <dd>{model.ownerAgency?.name ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('models.createdBy')}</dt>
        <dd>{model.createdBy ?? '—'}</dd>
      </div>
    </dl>
  );
}

function Members({ model }: { model: ModelView }) {
  const t = useRegistryT();
  const rows = new Map<number, { name: string; female: number; male: number }>();
  for (const m of model.memberGrid) {
    const row = rows.get(m.ethnicGroupId) ?? { name: m.ethnicGroup, female: 0, male: 0 };
    row[m.sex] += m.count;
    rows.set(m.ethnicGroupId, row);
  }
  return (
    <section className="panel" aria-labelledby="model-members-title">
      <h2 id="model-members-title">{t('members.legend')}</h2>
      <p data-testid="model-members-total">
        {t('members.summary', {
          total: formatNumber(model.members.total),
          female: formatNumber(model.members.female),
          male: formatNumber(model.members.male),
        })}
      </p>
      {rows.size > 0 && (
        <div className="rec-grid-wrap">
          <table className="rec-grid rec-grid-read">
            <thead>
              <tr>
                <th scope="col">{t('members.ethnic')}</th>
                <th scope="col" className="reg-n">
                  {t('members.female')}
                </th>
                <th scope="col" className="reg-n">
                  {t('members.male')}
                </th>
                <th scope="col" className="reg-n">
                  {t('members.sum')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...rows.entries()].map(([id, r]) => (
                <tr key={id}>
                  <th scope="row">{r.name}</th>
                  <td className="reg-n">{formatNumber(r.female)}</td>
                  <td className="reg-n">{formatNumber(r.male)}</td>
                  <td className="reg-n">{formatNumber(r.female + r.male)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// Creating a plan (POST /api/plans) and editing a draft (PUT /api/plans/{id} with its version).
import { useMemo, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { todayIso } from '../../../i18n/format';
import { QueryView } from '../../../components/Status';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../../lib/session';
import { useProvinces } from '../../../lib/reference';
import { can, planQuery } from '../plan-types';
import { usePlanT } from '../use-plan-t';
import { draftFromPlan, emptyDraft, newKey, toCreateBody, toUpdateBody, type PlanDraft } from './editor-state';
import type { CreateChoices } from './GeneralFields';
import { PlanEditorForm } from './PlanEditorForm';
import '../plans.css';

export function PlanCreatePage() {
  const t = usePlanT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const provinces = useProvinces(2025);
  // One key per distinct request: a retry of the same save after a lost answer creates one plan.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const thisYear = Number(todayIso().slice(0, 4));

  const create: CreateChoices = {
    kinds: me.nationalScope ? ['central', 'provincial'] : ['provincial'],
    years: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2],
    provinces: me.nationalScope ? (provinces.data ?? []) : me.provinces,
  };
  const initial = useMemo(
    () =>
      emptyDraft({
        kind: me.nationalScope ? 'central' : 'provincial',
        year: thisYear,
        provinceCode: me.nationalScope ? '' : (me.provinces[0]?.code ?? ''),
        agencyId: me.agency.id,
        place: me.nationalScope ? 'Hà Nội' : (me.provinces[0]?.name ?? ''),
      }),
    [me, thisYear],
  );

  async function save(draft: PlanDraft) {
    const body = toCreateBody(draft);
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newKey() + newKey() + newKey() };
    const created = await unwrap(api.POST('/api/plans', { body, headers: { 'Idempotency-Key': attempt.current.key } }));
    queryClient.setQueryData(planQuery(created.id).queryKey, created);
    void queryClient.invalidateQueries({ queryKey: ['/api/plans'] });
    void navigate(`/plans/${created.id}`, { state: { notice: t('plan.created') } });
  }

  return (
    <div className="page page-editor">
      <p className="back-link">
        <Link to="/plans">← {t('plans.backToList')}</Link>
      </p>
      <h1>{t('editor.create.title')}</h1>
      <PlanEditorForm
        initial={initial}
        create={create}
        submitLabel={t('editor.create')}
        cancelTo="/plans"
        onSave={save}
      />
    </div>
  );
}

export function PlanEditPage() {
  const t = usePlanT();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery(planQuery(id));
  // The form starts from the plan as the server has it now, never from a copy kept since an
  // earlier visit: a draft typed over an old version would be refused as stale.
  const plan = { ...query, data: query.isFetchedAfterMount ? query.data : undefined };

  return (
    <div className="page page-editor">
      <p className="back-link">
        <Link to={`/plans/${id}`}>← {t('editor.backToPlan')}</Link>
      </p>
      <h1>{t('editor.edit.title')}</h1>
      <QueryView state={plan}>
        {(data) =>
          can(data, 'edit') ? (
            <>
              <p className="lead">
                {data.title} · {t('plan.version', { version: data.version })}
              </p>
              <PlanEditorForm
                key={`${data.version}-${data.updatedAt}`}
                initial={draftFromPlan(data)}
                plan={data}
                submitLabel={t('editor.save')}
                cancelTo={`/plans/${id}`}
                onReload={() => void query.refetch()}
                onSave={async (draft, note) => {
                  const saved = await unwrap(
                    api.PUT('/api/plans/{id}', {
                      params: { path: { id } },
                      body: toUpdateBody(draft, data.version, note),
                    }),
                  );
                  queryClient.setQueryData(planQuery(id).queryKey, saved);
                  void queryClient.invalidateQueries({ queryKey: ['/api/plans'] });
                  void navigate(`/plans/${id}`, { state: { notice: t('plan.saved', { version: saved.version }) } });
                }}
              />
            </>
          ) : (
            <div className="notice notice-warning" role="alert">
              <p>{t('editor.notEditable')}</p>
              <Link to={`/plans/${id}`}>{t('editor.backToPlan')}</Link>
            </div>
          )
        }
      </QueryView>
    </div>
  );
}

// Registering a model, and editing one (sent with the version that was read; 409 if someone saved
// in between). A model established through a record is registered from the record form instead.
import { useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { useMe } from '../../lib/session';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { ethnicGroupsQuery } from '../../lib/reference';
import { ModelForm, noTech, type ModelBody, type ModelFormState } from './ModelForm';
import { modelKey, type ModelView } from './model-codes';
import { useRegistryT } from './use-registry-t';
import '../../styles/form-widgets.css';
import './registry.css';

function emptyModel(provinceCode: string): ModelFormState {
  return {
    modelType: '',
    name: '',
    place: { generation: 2025, provinceCode, commune: null },
    village: '',
    host: '',
    foundedOn: '',
    leaderName: '',
    womenOwnership: '',
    tech: noTech(),
    members: [],
  };
}

export function ModelCreatePage() {
  const t = useRegistryT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [initial] = useState(() => emptyModel(me.provinces.length === 1 ? me.provinces[0]!.code : ''));

  async function save(body: ModelBody) {
    setBusy(true);
    setError(null);
    try {
      const created: ModelView = await unwrap(
        // A retry after a lost answer gets the first model back instead of a second one.
        api.POST('/api/models', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
      );
      queryClient.setQueryData(modelKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ['/api/models'] });
      void queryClient.invalidateQueries({ queryKey: ['/api/models/stats'] });
      void navigate(`/models/${created.id}`, { replace: true, state: { notice: 'created' } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/models">← {t('registry.backToList')}</Link>
      </p>
      <h1>{t('models.new')}</h1>
      <ModelForm
        initial={initial}
        submitLabel={t('form.create')}
        busy={busy}
        error={error}
        onSubmit={(body) => void save(body)}
        onCancel={() => void navigate(-1)}
      />
    </div>
  );
}

async function loadForEdit(
  queryClient: QueryClient,
  id: number,
  signal: AbortSignal,
): Promise<{ model: ModelView; form: ModelFormState }> {
  const model = await unwrap(api.GET('/api/models/{id}', { params: { path: { id } }, signal }));
  const groups = await queryClient.ensureQueryData(ethnicGroupsQuery);
  const unit = await unwrap(
    api.GET('/api/admin-units/{generation}/{code}', {
      params: { path: { generation: model.commune.generation as 2024 | 2025, code: model.commune.code } },
      signal,
    }),
  );
  const members = new Map<number, ModelFormState['members'][number]>();
  for (const m of model.memberGrid) {
    const row = members.get(m.ethnicGroupId) ?? {
      ethnicGroupId: m.ethnicGroupId,
      ethnicName: m.ethnicGroup || (groups.find((g) => g.id === m.ethnicGroupId)?.name ?? String(m.ethnicGroupId)),
      female: '',
      male: '',
    };
    row[m.sex] = String(m.count);
    members.set(m.ethnicGroupId, row);
  }
  return {
    model,
    form: {
      modelType: model.type.code,
      name: model.name,
      place: {
        generation: model.commune.generation === 2024 ? 2024 : 2025,
        provinceCode: unit.provinceCode ?? model.provinceCode,
        commune: { code: model.commune.code, name: unit.fullName },
      },
      village: model.village ?? '',
      host: model.host ?? '',
      foundedOn: model.foundedOn ?? '',
      leaderName: model.leaderName ?? '',
      womenOwnership: model.womenOwnership ?? '',
      tech: { ...model.tech },
      members: [...members.values()],
    },
  };
}

export function ModelEditPage() {
  const t = useRegistryT();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Its own key: the form's state is built from the model, the ethnic groups and the commune.
  const loaded = useQuery({
    queryKey: ['model-form', id],
    queryFn: ({ signal }) => loadForEdit(queryClient, id, signal),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  async function save(version: number, body: ModelBody) {
    setBusy(true);
    setError(null);
    try {
      const saved: ModelView = await unwrap(
        api.PUT('/api/models/{id}', { params: { path: { id } }, body: { ...body, version } }),
      );
      queryClient.setQueryData(modelKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['/api/models'] });
      void queryClient.invalidateQueries({ queryKey: ['/api/models/stats'] });
      void queryClient.invalidateQueries({ queryKey: ['model-form', id] });
      void navigate(`/models/${id}`, { replace: true, state: { notice: 'saved' } });
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409 && failure.field === 'version') setConflict(true);
      else setError(failure);
    }
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to={`/models/${id}`}>← {t('registry.backToModel')}</Link>
      </p>
      <h1>{t('models.edit')}</h1>
      <QueryView state={loaded}>
        {(data) =>
          data.model.allowedActions.includes('edit') ? (
            <ModelForm
              key={data.model.version}
              initial={data.form}
              submitLabel={t('form.save')}
              busy={busy}
              error={error}
              notice={
                conflict && (
                  <div className="notice notice-warning" role="alert">
                    <p>{t('form.conflict')}</p>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        setConflict(false);
                        void loaded.refetch();
                      }}
                    >
                      {t('form.conflictReload')}
                    </button>
                  </div>
                )
              }
              onSubmit={(body) => void save(data.model.version, body)}
              onCancel={() => void navigate(`/models/${id}`)}
            />
          ) : (
            <p className="notice notice-warning">{t('models.readOnly')}</p>
          )
        }
      </QueryView>
    </div>
  );
}

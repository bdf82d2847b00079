// A new record. The Idempotency-Key is made when the form opens and sent with every attempt, so a
// double tap or a retry after a dropped connection saves the record once.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/Status';
import { useMe } from '../../lib/session';
import { recordSaved } from './record-queries';
import { RecordForm } from './form/RecordForm';
import { emptyRecordForm, type CreateRecordBody } from './form/record-form-state';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { activityChoice } from '../../components/pickers/ActivityPicker';
import { useRecordsT } from './use-records-t';
import './records.css';

export function RecordCreatePage() {
  const rt = useRecordsT();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const activityId = Number(params.get('activity')) || null;
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  const preset = useQuery({
    queryKey: ['/api/activities/{id}', activityId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}', { params: { path: { id: activityId! } }, signal })),
    enabled: activityId !== null,
  });

  async function save(body: CreateRecordBody) {
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(
        api.POST('/api/records', { params: { header: { 'idempotency-key': idempotencyKey } }, body }),
      );
      recordSaved(queryClient, created);
      void navigate(`/records/${created.id}`, { replace: true, state: { notice: 'created' } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const offline = error instanceof ApiError && error.code === 'network';
  let content;
  if (activityId && preset.error) content = <ErrorNotice error={preset.error} onRetry={() => void preset.refetch()} />;
  else if (activityId && preset.data === undefined) content = <Loading />;
  else {
    const initial = emptyRecordForm({
      organiser: { id: me.agency.id, name: me.agency.name, shortName: me.agency.shortName },
      provinceCode: me.provinces.length === 1 ? me.provinces[0]!.code : '',
    });
    if (preset.data) {
      initial.activity = activityChoice(preset.data);
      if (preset.data.plan.kind === 'provincial' && preset.data.plan.provinceCode)
        initial.place = { generation: 2025, provinceCode: preset.data.plan.provinceCode, commune: null };
    }
    content = (
      <RecordForm
        initial={initial}
        submitLabel={rt('form.create')}
        busy={busy}
        error={offline ? null : error}
        notice={
          offline && (
            <p className="notice notice-warning" role="alert">
              {rt('form.offline')}
            </p>
          )
        }
        onSubmit={(body) => void save(body)}
        onCancel={() => void navigate(-1)}
      />
    );
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/records">← {rt('records.backToList')}</Link>
      </p>
      <h1>{rt('records.new')}</h1>
      {content}
    </div>
  );
}

// Editing a record: the form filled from the saved record, sent with the version that was read.
// If someone saved in between, the server answers 409 and the user's changes stay on screen.
import { useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { RecordForm } from './form/RecordForm';
import { formFromRecord, type CreateRecordBody } from './form/record-form-state';
import { ethnicGroupsQuery } from '../../lib/reference';
import { recordSaved } from './record-queries';
import { useRecordsT } from './use-records-t';
import './records.css';

async function loadForEdit(queryClient: QueryClient, id: number, signal: AbortSignal) {
  const record = await unwrap(api.GET('/api/records/{id}', { params: { path: { id } }, signal }));
  const groups = await queryClient.ensureQueryData(ethnicGroupsQuery);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  let placeProvinceCode = record.place?.level === 'province' ? record.place.code : (record.provinceCode ?? '');
  // An old-geography commune's province is its old province, which the record does not carry.
  if (record.place && record.place.level !== 'province') {
    const unit = await unwrap(
      api.GET('/api/admin-units/{generation}/{code}', {
        params: { path: { generation: record.place.generation as 2024 | 2025, code: record.place.code } },
        signal,
      }),
    );
    placeProvinceCode = unit.provinceCode ?? placeProvinceCode;
  }
  return {
    record,
    form: formFromRecord(record, { ethnicName: (g) => names.get(g) ?? String(g), placeProvinceCode }),
  };
}

export function RecordEditPage() {
  const rt = useRecordsT();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['record-form', id],
    queryFn: ({ signal }) => loadForEdit(queryClient, id, signal),
  });
  // The form starts from the record as the server has it now, never from a copy kept since an
  // earlier visit (its version would be refused as stale).
  const loaded = { ...query, data: query.isFetchedAfterMount ? query.data : undefined };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  async function save(version: number, body: CreateRecordBody) {
    setBusy(true);
    setError(null);
    try {
      const saved = await unwrap(
        api.PUT('/api/records/{id}', { params: { path: { id } }, body: { ...body, version } }),
      );
      recordSaved(queryClient, saved);
      void navigate(`/records/${id}`, { replace: true, state: { notice: 'saved' } });
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409) setConflict(true);
      else setError(failure);
    }
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to={`/records/${id}`}>← {rt('records.backToRecord')}</Link>
      </p>
      <h1>{rt('records.edit')}</h1>
      <QueryView state={loaded}>
        {(data) =>
          data.record.allowedActions.includes('edit') ? (
            <RecordForm
              key={data.record.version}
              initial={data.form}
              submitLabel={rt('form.save')}
              busy={busy}
              error={error}
              notice={
                conflict && (
                  <div className="notice notice-warning" role="alert">
                    <p>{rt('form.conflict')}</p>
                    <p className="rec-actions">
                      <Link to={`/records/${id}`} target="_blank" rel="noopener">
                        {rt('form.conflictView')}
                      </Link>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          setConflict(false);
                          void query.refetch();
                        }}
                      >
                        {rt('form.conflictReload')}
                      </button>
                    </p>
                  </div>
                )
              }
              onSubmit={(body) => void save(data.record.version, body)}
              onCancel={() => void navigate(`/records/${id}`)}
            />
          ) : (
            <p className="notice notice-warning">{rt('records.readOnly')}</p>
          )
        }
      </QueryView>
    </div>
  );
}

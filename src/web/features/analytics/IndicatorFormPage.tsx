// Adding an indicator to the results framework, and editing one (sent with the version that was
// read; 409 if someone saved in between). Central level only: the server says so in allowedActions.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { QueryView } from '../../components/Status';
import { hasPermission, useMe, type Me } from '../../lib/session';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { IndicatorForm } from './IndicatorForm';
import { emptyIndicator, indicatorFormState, type IndicatorBody } from './indicator-form-state';
import { referenceKeys } from '../../lib/reference';
import { indicatorKey, type IndicatorView } from './shared';
import { useAnalyticsT } from './use-analytics-t';
import '../../styles/form-widgets.css';
import './analytics.css';

/** Who may add indicators: national plan editors (the server checks the same). */
export const canDefineIndicators = (me: Me) => hasPermission(me, 'plan:edit') && me.nationalScope;

export function IndicatorCreatePage() {
  const t = useAnalyticsT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [initial] = useState(emptyIndicator);

  async function save(body: IndicatorBody) {
    setBusy(true);
    setError(null);
    try {
      const created: IndicatorView = await unwrap(
        // A retry after a lost answer gets the first indicator back instead of "code taken".
        api.POST('/api/indicators', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
      );
      queryClient.setQueryData(indicatorKey(created.id), created);
      // Every page listing the indicators shows the change: asked again before leaving.
      await queryClient.invalidateQueries({ queryKey: referenceKeys.indicators, refetchType: 'all' });
      void navigate(`/indicators/${created.id}`, { replace: true, state: { notice: 'created' } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/indicators">← {t('detail.back')}</Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      {canDefineIndicators(me) ? (
        <IndicatorForm
          initial={initial}
          creating
          submitLabel={t('form.create')}
          busy={busy}
          error={error}
          onSubmit={(body) => void save(body)}
          onCancel={() => void navigate('/indicators')}
        />
      ) : (
        <p className="notice notice-warning">{t('form.readOnly')}</p>
      )}
    </div>
  );
}

export function IndicatorEditPage() {
  const t = useAnalyticsT();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const loaded = useQuery({
    queryKey: indicatorKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/indicators/{id}', { params: { path: { id } }, signal })),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  async function save(version: number, { code: _code, ...body }: IndicatorBody) {
    setBusy(true);
    setError(null);
    try {
      const saved: IndicatorView = await unwrap(
        api.PATCH('/api/indicators/{id}', { params: { path: { id } }, body: { ...body, version } }),
      );
      queryClient.setQueryData(indicatorKey(id), saved);
      // Every page listing the indicators shows the change: asked again before leaving.
      await queryClient.invalidateQueries({ queryKey: referenceKeys.indicators, refetchType: 'all' });
      void navigate(`/indicators/${id}`, { replace: true, state: { notice: 'saved' } });
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409 && failure.field === 'version') setConflict(true);
      else setError(failure);
    }
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to={`/indicators/${id}`}>← {t('detail.backToIndicator')}</Link>
      </p>
      <QueryView state={loaded}>
        {(indicator) => (
          <>
            <h1>{t('form.editTitle', { code: indicator.code })}</h1>
            {indicator.allowedActions.includes('edit') ? (
              <IndicatorForm
                key={indicator.version}
                initial={indicatorFormState(indicator)}
                creating={false}
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
                onSubmit={(body) => void save(indicator.version, body)}
                onCancel={() => void navigate(`/indicators/${id}`)}
              />
            ) : (
              <p className="notice notice-warning">{t('form.readOnly')}</p>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}

// One account: its details, the edit form and the account actions. What is offered comes from
// the server's allowedActions; the page never decides the rules itself.
import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { QueryView } from '../../components/Status';
import { UserEditForm } from './UserEditForm';
import { UserActions } from './UserActions';
import { roleLabel, type UserView } from './user-options';
import { useProvinces } from '../../lib/reference';

export type Notice = { kind: 'success' | 'warning'; text: string } | null;

export function UserEditPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const location = useLocation();
  const created = (location.state as { notice?: string } | null)?.notice === 'created';
  const [notice, setNotice] = useState<Notice>(created ? { kind: 'success', text: t('users.created') } : null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The save button is at the bottom of a long form; bring the outcome into view.
  // Braces: scrollIntoView returns a promise in recent Chromium, which React would take for a cleanup.
  useEffect(() => {
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [notice]);
  const queryClient = useQueryClient();
  const userKey = ['/api/users/{id}', id] as const;
  const query = useQuery({
    queryKey: userKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/users/{id}', { params: { path: { id } }, signal })),
  });
  // The form starts from the account as the server has it now, never from a copy kept since an
  // earlier visit (its version would be refused as stale).
  const user = { ...query, data: query.isFetchedAfterMount ? query.data : undefined };

  function saved(next: UserView, text: string) {
    queryClient.setQueryData(userKey, next);
    void queryClient.invalidateQueries({ queryKey: ['/api/users'] });
    setNotice({ kind: 'success', text });
  }

  /** Someone else changed the account meanwhile: say so and show their version. */
  function conflicted(error: ApiError) {
    setNotice({ kind: 'warning', text: error.field === 'version' ? t('users.conflict') : error.message });
    void query.refetch();
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/users">← {t('users.backToList')}</Link>
      </p>
      {notice && (
        <p
          ref={noticeRef}
          className={notice.kind === 'success' ? 'notice notice-success' : 'notice notice-warning'}
          role={notice.kind === 'success' ? 'status' : 'alert'}
        >
          {notice.text}
        </p>
      )}
      <QueryView state={user}>
        {(data) => (
          <>
            <UserSummary user={data} />
            {data.allowedActions.includes('edit') && (
              <UserEditForm
                key={`${data.id}-${data.version}`}
                user={data}
                onSaved={(next) => saved(next, t('users.saved'))}
                onConflict={conflicted}
              />
            )}
            <UserActions user={data} onDone={saved} onConflict={conflicted} />
          </>
        )}
      </QueryView>
    </div>
  );
}

function UserSummary({ user }: { user: UserView }) {
  const { t, lang } = useI18n();
  const provinces = useProvinces(2025);
  const names = user.provinces.map((code) => provinces.data?.find((p) => p.code === code)?.name ?? code);
  return (
    <>
      <h1>
        {user.displayName} {user.disabled && <span className="badge badge-disabled">{t('users.status.disabled')}</span>}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('users.username')}</dt>
          <dd className="code">{user.username}</dd>
        </div>
        <div>
          <dt>{t('users.role')}</dt>
          <dd>{roleLabel(user.role, lang)}</dd>
        </div>
        <div>
          <dt>{t('users.agency')}</dt>
          <dd>{user.agency.name}</dd>
        </div>
        <div>
          <dt>{t('users.scope')}</dt>
          <dd>{user.nationalScope ? t('users.scope.national') : names.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('users.email')}</dt>
          <dd>{user.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('users.createdAt')}</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </div>
      </dl>
    </>
  );
}

// Saved pivot views: open one of mine or one my agency shares, save the current view under a name
// (private or shared), rename or delete my own. The server decides who may change what
// (`allowedActions`); the open view's id rides in the address (`view=`) until the view changes.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { SavedViewList, SavedViewView } from '../../api/types';
import { useConfirm } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/Status';
import { fieldError } from '../../lib/field-error';
import type { PivotView } from './pivot-view';
import { useAnalyticsT } from './use-analytics-t';

const KEY = ['/api/saved-views'];

interface SavedViewsProps {
  view: PivotView;
  openId: number | null;
  onOpen(view: PivotView, id: number): void;
}

type Editing = { mode: 'create' } | { mode: 'rename'; target: SavedViewView };

export function SavedViews({ view, openId, onOpen }: SavedViewsProps) {
  const t = useAnalyticsT();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const list = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/saved-views', { signal })),
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const items = list.data?.items ?? [];
  const current = items.find((v) => v.id === openId) ?? null;
  const mine = items.filter((v) => v.mine);
  const shared = items.filter((v) => !v.mine);

  const remove = useMutation({
    mutationFn: (target: SavedViewView) =>
      unwrap(
        api.DELETE('/api/saved-views/{id}', {
          params: { path: { id: target.id }, query: { version: target.version } },
        }),
      ),
    onSuccess: (_, target) => {
      setNotice(t('views.deleted'));
      keep((list) => list.filter((v) => v.id !== target.id));
    },
    onError: (failure) => {
      if (failure instanceof ApiError && failure.status === 409) setNotice(t('views.conflict'));
      else setError(failure);
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });

  // The list as the server will answer it next, at once (the refetch confirms it).
  const keep = (change: (list: SavedViewView[]) => SavedViewView[]) => {
    queryClient.setQueryData<SavedViewList>(KEY, (old) => {
      const next = change(old?.items ?? []);
      return { items: next, total: (old?.total ?? 0) + next.length - (old?.items.length ?? 0) };
    });
    void queryClient.invalidateQueries({ queryKey: KEY });
  };

  const open = (id: string) => {
    const chosen = items.find((v) => String(v.id) === id);
    if (!chosen) return;
    setNotice(null);
    setError(null);
    onOpen(
      {
        rows: [...chosen.state.rows],
        cols: [...chosen.state.cols],
        filters: { ...chosen.state.filters },
        showTargets: chosen.state.showTargets,
      },
      chosen.id,
    );
  };

  return (
    <section className="an-saved" aria-labelledby="an-saved-title">
      {dialog}
      <h2 id="an-saved-title" className="visually-hidden">
        {t('views.title')}
      </h2>
      <div className="an-saved-row">
        <div className="field field-grow">
          <label htmlFor="an-saved-open">{t('views.open')}</label>
          <select
            id="an-saved-open"
            value={current ? String(current.id) : ''}
            onChange={(event) => open(event.target.value)}
            disabled={!items.length}
          >
            <option value="">{items.length ? t('views.none') : t('views.empty')}</option>
            {mine.length > 0 && (
              <optgroup label={t('views.mine')}>
                {mine.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.shared ? t('views.sharedMark', { name: v.name }) : v.name}
                  </option>
                ))}
              </optgroup>
            )}
            {shared.length > 0 && (
              <optgroup label={t('views.shared')}>
                {shared.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('views.by', { name: v.name, owner: v.owner.displayName })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="button-row an-saved-actions">
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => setEditing({ mode: 'create' })}
          >
            {t('views.save')}
          </button>
          {current?.allowedActions.includes('edit') && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setEditing({ mode: 'rename', target: current })}
            >
              {t('views.rename')}
            </button>
          )}
          {current?.allowedActions.includes('delete') && (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={remove.isPending}
              onClick={() =>
                void (async () => {
                  if (
                    await confirm(t('views.confirmDelete', { name: current.name }), {
                      danger: true,
                      confirmLabel: t('views.delete'),
                    })
                  )
                    remove.mutate(current);
                })()
              }
            >
              {t('views.delete')}
            </button>
          )}
        </div>
      </div>
      {current && !current.mine && (
        <p className="muted an-small">{t('views.ownedBy', { owner: current.owner.displayName })}</p>
      )}
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {editing && (
        <SavedViewDialog
          editing={editing}
          view={view}
          onClose={() => setEditing(null)}
          onDone={(saved, message) => {
            setEditing(null);
            setNotice(message);
            setError(null);
            keep((list) =>
              editing.mode === 'create' ? [saved, ...list] : list.map((v) => (v.id === saved.id ? saved : v)),
            );
            if (editing.mode === 'create') onOpen(view, saved.id);
          }}
          onConflict={() => {
            setEditing(null);
            setNotice(t('views.conflict'));
            void queryClient.invalidateQueries({ queryKey: KEY });
          }}
        />
      )}
    </section>
  );
}

function SavedViewDialog({
  editing,
  view,
  onClose,
  onDone,
  onConflict,
}: {
  editing: Editing;
  view: PivotView;
  onClose(): void;
  onDone(saved: SavedViewView, message: string): void;
  onConflict(): void;
}) {
  const t = useAnalyticsT();
  const target = editing.mode === 'rename' ? editing.target : null;
  const [name, setName] = useState(target?.name ?? '');
  const [shared, setShared] = useState(target?.shared ?? false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const saved = target
        ? await unwrap(
            api.PATCH('/api/saved-views/{id}', {
              params: { path: { id: target.id } },
              body: { version: target.version, name, shared },
            }),
          )
        : await unwrap(api.POST('/api/saved-views', { body: { name, shared, state: view } }));
      onDone(saved, t(target ? 'views.renamed' : 'views.saved', { name: saved.name }));
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409 && failure.field === 'version') onConflict();
      else setError(failure);
    }
  }

  const nameError = fieldError(error, 'name');
  return (
    <Dialog
      title={t(target ? 'views.renameTitle' : 'views.saveTitle')}
      submitLabel={busy ? t('common.saving') : t('common.save')}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {error !== null && !nameError && <ErrorNotice error={error} />}
      <Field id="an-view-name" label={t('views.name')} hint={t('views.nameHint')} error={nameError} required>
        <input
          id="an-view-name"
          value={name}
          maxLength={120}
          required
          autoFocus
          aria-invalid={nameError ? true : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <label className="checkbox-inline">
        <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
        {t('views.share')}
      </label>
      <p className="muted an-small">{t('views.shareHint')}</p>
    </Dialog>
  );
}

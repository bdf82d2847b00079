// Adding and editing a checklist template: name, code, description, in use, and its questions in
// order with their group. Questions keep their id when edited or moved, so missions' answers stay.
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { describedBy, Field } from '../../components/Field';
import { ErrorNotice, QueryView } from '../../components/Status';
import { fieldError, isFieldError } from '../../lib/field-error';
import { referenceKeys, type ChecklistTemplate } from '../../lib/reference';
import { suggestCode, useChecklistsT } from './shared';
import '../../styles/monitoring.css';
import './checklists.css';

interface ItemDraft {
  /** Present for a question already on the template. */
  id?: number;
  group: string;
  text: string;
  /** Stable React key for new questions. */
  key: string;
}

interface Draft {
  name: string;
  code: string;
  /** While false, the code follows the name (new templates only). */
  codeTouched: boolean;
  description: string;
  active: boolean;
  items: ItemDraft[];
}

let nextKey = 0;
const newItem = (group = ''): ItemDraft => ({ group, text: '', key: `new-${nextKey++}` });

export function ChecklistTemplateCreatePage() {
  return (
    <TemplateForm
      initial={{ name: '', code: '', codeTouched: false, description: '', active: true, items: [newItem()] }}
    />
  );
}

export function ChecklistTemplateEditPage() {
  const id = Number(useParams().id);
  const templates = useQuery({
    queryKey: ['/api/checklist-templates'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/checklist-templates', { signal })),
  });
  return (
    <QueryView state={templates}>
      {(list) => {
        const t = list.find((x) => x.id === id);
        if (!t) return <ErrorNotice error={new ApiError(404, 'not_found', 'Không có bảng kiểm này')} />;
        return (
          <TemplateForm
            // A newer version (saved by someone else) starts the form again from it.
            key={t.version}
            template={t}
            initial={{
              name: t.name,
              code: t.code,
              codeTouched: true,
              description: t.description,
              active: t.active,
              items: t.items.map((i) => ({ id: i.id, group: i.group, text: i.text, key: `item-${i.id}` })),
            }}
          />
        );
      }}
    </QueryView>
  );
}

const FIELDS = ['name', 'code', 'description', 'active', 'items'];

function TemplateForm({ initial, template }: { initial: Draft; template?: ChecklistTemplate }) {
  const ct = useChecklistsT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => fieldError(error, field);
  // Take the user to the field the server named (a question may be far down the page).
  useEffect(() => {
    if (error === null) return;
    const invalid = document.querySelector<HTMLElement>('.mon-form [aria-invalid="true"]');
    if (invalid) invalid.focus();
    else window.scrollTo({ top: 0 });
  }, [error]);
  const groups = [...new Set(draft.items.map((i) => i.group.trim()).filter(Boolean))];

  function setItems(items: ItemDraft[]) {
    set({ items });
  }
  function updateItem(i: number, patch: Partial<ItemDraft>) {
    setItems(draft.items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  }
  function move(i: number, by: -1 | 1) {
    const items = [...draft.items];
    const [item] = items.splice(i, 1);
    items.splice(i + by, 0, item!);
    setItems(items);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name: draft.name,
      code: draft.code,
      description: draft.description,
      active: draft.active,
      items: draft.items.map((i) => ({ ...(i.id ? { id: i.id } : {}), group: i.group, text: i.text })),
    };
    try {
      if (template)
        await unwrap(
          api.PUT('/api/checklist-templates/{id}', {
            params: { path: { id: template.id } },
            body: { ...body, version: template.version },
          }),
        );
      else await unwrap(api.POST('/api/checklist-templates', { body }));
      // The list this page goes back to is asked again first, so it opens showing the change; the
      // missions' reference copy asks again when next used.
      void queryClient.invalidateQueries({ queryKey: referenceKeys.checklistTemplates });
      await queryClient.invalidateQueries({ queryKey: ['/api/checklist-templates'], refetchType: 'all' });
      void navigate('/checklist-templates', { state: { notice: template ? 'saved' : 'created' } });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const conflict = error instanceof ApiError && error.status === 409 && error.field === 'version';
  const listError = error instanceof ApiError && error.field === 'items' ? error.message : undefined;
  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/checklist-templates">← {ct('form.back')}</Link>
      </p>
      <h1>{template ? ct('form.editTitle') : ct('form.createTitle')}</h1>
      {conflict && (
        <p className="notice notice-warning" role="alert">
          {ct('form.conflict')}
        </p>
      )}
      {error !== null && !conflict && !isFieldError(error, FIELDS) && <ErrorNotice error={error} />}
      <form className="form mon-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="fieldset">
          <legend>{ct('form.general')}</legend>
          <Field id="c-name" label={ct('form.name')} error={err('name')} required>
            <input
              id="c-name"
              value={draft.name}
              required
              aria-invalid={err('name') ? true : undefined}
              aria-describedby={describedBy('c-name', err('name'))}
              onChange={(e) =>
                set({ name: e.target.value, ...(draft.codeTouched ? {} : { code: suggestCode(e.target.value) }) })
              }
            />
          </Field>
          <Field id="c-code" label={ct('form.code')} error={err('code')} hint={ct('form.codeHint')} required>
            <input
              id="c-code"
              value={draft.code}
              required
              spellCheck={false}
              autoCapitalize="none"
              aria-invalid={err('code') ? true : undefined}
              aria-describedby={describedBy('c-code', err('code'), ct('form.codeHint'))}
              onChange={(e) => set({ code: e.target.value, codeTouched: true })}
            />
          </Field>
          <Field id="c-description" label={ct('form.description')} error={err('description')}>
            <textarea
              id="c-description"
              rows={3}
              value={draft.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          </Field>
          <div className="field">
            <label className="checkbox-inline">
              <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
              {ct('form.active')}
            </label>
          </div>
        </fieldset>

        <fieldset className={listError ? 'fieldset has-error' : 'fieldset'}>
          <legend>{ct('form.items')}</legend>
          <p className="muted mon-small">{ct('form.itemsHint')}</p>
          <datalist id="c-groups">
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
          <ol className="mon-rows">
            {draft.items.map((item, i) => {
              const n = i + 1;
              const textError = fieldError(error, `items.${i}.text`) ?? fieldError(error, `items.${i}.id`);
              return (
                <li key={item.key} className="mon-row chk-item">
                  <div className="chk-item-head">
                    <strong>{ct('form.itemNumber', { n })}</strong>
                    <span className="chk-item-tools">
                      <button
                        type="button"
                        className="button button-small"
                        disabled={i === 0}
                        aria-label={ct('form.moveUp', { n })}
                        onClick={() => move(i, -1)}
                      >
                        ↑ {ct('form.up')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={i === draft.items.length - 1}
                        aria-label={ct('form.moveDown', { n })}
                        onClick={() => move(i, 1)}
                      >
                        ↓ {ct('form.down')}
                      </button>
                      {draft.items.length > 1 && (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={ct('form.removeItem', { n })}
                          title={item.id ? ct('form.answeredNote') : undefined}
                          onClick={() => setItems(draft.items.filter((_, j) => j !== i))}
                        >
                          {ct('form.remove')}
                        </button>
                      )}
                    </span>
                  </div>
                  <div className="field">
                    <label htmlFor={`c-item-${i}-group`}>{ct('form.group')}</label>
                    <input
                      id={`c-item-${i}-group`}
                      list="c-groups"
                      value={item.group}
                      onChange={(e) => updateItem(i, { group: e.target.value })}
                    />
                  </div>
                  <div className={textError ? 'field has-error' : 'field'}>
                    <label htmlFor={`c-item-${i}-text`}>
                      {ct('form.text')}
                      <span className="required" aria-hidden="true">
                        {' '}
                        *
                      </span>
                    </label>
                    <textarea
                      id={`c-item-${i}-text`}
                      rows={3}
                      value={item.text}
                      aria-invalid={textError ? true : undefined}
                      aria-describedby={textError ? `c-item-${i}-error` : undefined}
                      onChange={(e) => updateItem(i, { text: e.target.value })}
                    />
                    {textError && (
                      <small className="field-error" id={`c-item-${i}-error`} role="alert">
                        {textError}
                      </small>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setItems([...draft.items, newItem(draft.items.at(-1)?.group.trim() ?? '')])}
          >
            {ct('form.addItem')}
          </button>
          {listError && (
            <small className="field-error block" role="alert">
              {listError}
            </small>
          )}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? ct('form.saving') : template ? ct('form.save') : ct('form.create')}
          </button>
          <Link className="button button-secondary" to="/checklist-templates">
            {ct('form.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

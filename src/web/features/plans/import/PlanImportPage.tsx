// Nhập kế hoạch từ văn bản: choose a .txt/.docx file or paste the text, read it (preview: the
// parsed structure beside the source, every unread line listed with its number and highlighted),
// then make a draft and open it for editing.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Field, describedBy } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Status';
import { fieldError } from '../../../lib/field-error';
import { usePlanT } from '../use-plan-t';
import { statusLabel } from '../plan-labels';
import { useI18n } from '../../../i18n/I18nProvider';
import type { PlanLocationState } from '../PlanLayout';
import {
  createFromImport,
  plansWithNumber,
  previewImport,
  type ExistingPlan,
  type ImportInput,
  type Preview,
} from './import-api';
import { ImportPreview } from './ImportPreview';
import '../plans.css';

type Mode = 'file' | 'text';

export function PlanImportPage() {
  const t = usePlanT();
  const { lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ input: ImportInput; result: Preview; existing: ExistingPlan[] } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<'preview' | 'create' | null>(null);

  const input: ImportInput | null =
    mode === 'file' ? (file ? { kind: 'file', file } : null) : text.trim() ? { kind: 'text', text } : null;

  async function onPreview(event: FormEvent) {
    event.preventDefault();
    setMissing(input === null);
    if (input) await readDocument(input);
  }

  /** Reads the document again (after an agency was added to the registry, say). */
  async function readDocument(input: ImportInput) {
    setBusy('preview');
    setError(null);
    setPreview(null);
    try {
      const result = await previewImport(input);
      // The same document imported before: offer to update that draft or keep both.
      const year = result.plan.issuedOn ? Number(result.plan.issuedOn.slice(0, 4)) : null;
      setPreview({ input, result, existing: await plansWithNumber(result.plan.number, year) });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function onCreate(replaceDraftId?: number) {
    if (!preview) return;
    setBusy('create');
    setError(null);
    try {
      const created = await createFromImport(preview.input, replaceDraftId);
      const state: PlanLocationState = {
        notice: created.replaced ? t('import.replaced') : t('import.created'),
        imported: { unparsed: created.unparsed, warnings: created.warnings },
      };
      // The new draft is in the plan lists from now on.
      void queryClient.invalidateQueries({ queryKey: ['/api/plans'] });
      void navigate(`/plans/${created.planId}`, { state });
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  }

  function editSource() {
    if (!preview) return;
    setText(preview.result.sourceText);
    setMode('text');
    setPreview(null);
  }

  const fileError = fieldError(error, 'file');
  const textError = fieldError(error, 'text');
  const needInput = missing && !input ? t('import.needInput') : undefined;
  return (
    <div className="page">
      <p className="back-link">
        <Link to="/plans">← {t('plans.backToList')}</Link>
      </p>
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.intro')}</p>
      <form className="panel import-form" onSubmit={(event) => void onPreview(event)} noValidate>
        <fieldset className="segmented" aria-label={t('import.source')}>
          {(['file', 'text'] as const).map((m) => (
            <label key={m} className={mode === m ? 'is-selected' : undefined}>
              <input type="radio" name="import-mode" checked={mode === m} onChange={() => setMode(m)} />
              <span>{m === 'file' ? t('import.source.file') : t('import.source.text')}</span>
            </label>
          ))}
        </fieldset>
        {error !== null && !fileError && !textError && <ErrorNotice error={error} />}
        {mode === 'file' ? (
          <Field id="import-file" label={t('import.file')} error={fileError ?? needInput} required>
            <input
              id="import-file"
              type="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={describedBy('import-file', fileError ?? needInput)}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </Field>
        ) : (
          <Field id="import-text" label={t('import.text')} error={textError ?? needInput} required>
            <textarea
              id="import-text"
              rows={12}
              value={text}
              placeholder={t('import.text.placeholder')}
              aria-describedby={describedBy('import-text', textError ?? needInput)}
              onChange={(event) => {
                setText(event.target.value);
                setPreview(null);
              }}
            />
          </Field>
        )}
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={busy !== null}>
            {busy === 'preview' ? t('import.previewing') : t('import.preview')}
          </button>
          {preview && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null}
              onClick={() => void onCreate()}
            >
              {busy === 'create' ? t('import.creating') : t('import.create')}
            </button>
          )}
          {preview && (
            <button type="button" className="button button-small" onClick={editSource}>
              {t('import.editSource')}
            </button>
          )}
        </div>
      </form>
      {preview && preview.existing.length > 0 && (
        <div className="notice notice-warning" role="status">
          <p>{t('import.duplicate', { number: preview.result.plan.number })}</p>
          <ul>
            {preview.existing.map((p) => (
              <li key={p.id}>
                <Link to={`/plans/${p.id}`}>{p.title}</Link> ({statusLabel(p.status, lang)}, {p.year}){' '}
                {p.status === 'draft' && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy !== null}
                    onClick={() => void onCreate(p.id)}
                  >
                    {t('import.replaceDraft')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p>{t('import.keepBoth')}</p>
        </div>
      )}
      {preview && <ImportPreview preview={preview.result} onAgencyAdded={() => void readDocument(preview.input)} />}
    </div>
  );
}

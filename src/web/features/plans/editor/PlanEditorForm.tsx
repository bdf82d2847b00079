// The plan editor: the outline of the document as forms, checked here before saving (messages in
// Vietnamese next to each field), the server's 400 shown at the field it names, and a stale save
// (409) reported with an offer to reload: another person's work is never silently overwritten.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/I18nProvider';
import { Field } from '../../../components/Field';
import { describeError, ErrorNotice } from '../../../components/Status';
import { useProvinces } from '../../../lib/reference';
import type { PlanView } from '../plan-types';
import { usePlanT } from '../use-plan-t';
import { useAgencyOptions } from './agency-options';
import { EditorErrors } from './editor-errors';
import { validateDraft, type PlanDraft } from './editor-state';
import { GeneralFields, IssuersPanel, type CreateChoices } from './GeneralFields';
import { FundingEditor, Panel, RecipientsEditor, ResponsibilitiesEditor, SignaturesEditor } from './ClosingEditors';
import { SectionsEditor } from './SectionsEditor';
import { TextListEditor } from './TextListEditor';

interface PlanEditorFormProps {
  initial: PlanDraft;
  /** The plan being edited (its agency names); absent when creating. */
  plan?: PlanView;
  create?: CreateChoices;
  submitLabel: string;
  cancelTo: string;
  onSave(draft: PlanDraft, note: string): Promise<void>;
  /** Replaces the form with the latest saved plan (after a conflict). */
  onReload?(): void;
}

export function PlanEditorForm({
  initial,
  plan,
  create,
  submitLabel,
  cancelTo,
  onSave,
  onReload,
}: PlanEditorFormProps) {
  const t = usePlanT();
  const { t: tApp, lang } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<unknown>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const agencies = useAgencyOptions(plan);
  const provinces = useProvinces(2025);
  const creating = create !== undefined;
  const problems = useMemo(() => (attempted ? validateDraft(draft, creating) : {}), [attempted, draft, creating]);
  const problemCount = Object.keys(problems).length;
  const provinceCode = draft.kind === 'provincial' ? draft.provinceCode : undefined;
  // With the unit's own type ("Tỉnh Lào Cai", "Thành phố Hà Nội"): it heads the province's agencies.
  const provinceName =
    provinces.data?.find((p) => p.code === provinceCode)?.fullName ?? plan?.provinceName ?? provinceCode ?? undefined;
  const patch = (next: Partial<PlanDraft>) => setDraft((current) => ({ ...current, ...next }));

  // After a refused save: the first field to fix, else the message at the top.
  useEffect(() => {
    if (round === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else topRef.current?.scrollIntoView({ block: 'start' });
  }, [round]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(validateDraft(draft, creating)).length > 0) {
      setRound((r) => r + 1);
      return;
    }
    setBusy(true);
    setServer(null);
    setConflict(null);
    try {
      await onSave(draft, note);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 409 && !creating) setConflict(failure);
      else setServer(failure);
      setRound((r) => r + 1);
    }
  }

  const shared = { agencies: agencies.options, provinceCode, provinceName };
  return (
    <EditorErrors problems={problems} server={server}>
      <form ref={formRef} className="plan-editor" onSubmit={(event) => void submit(event)} noValidate>
        <div ref={topRef} className="editor-messages">
          {conflict && (
            <div className="notice notice-warning" role="alert">
              <p>
                <strong>
                  {conflict.field === 'version' ? t('editor.conflict') : describeError(conflict, tApp, lang)}
                </strong>
              </p>
              {conflict.field === 'version' && <p>{describeError(conflict, tApp, lang)}</p>}
              {onReload && (
                <button type="button" className="button button-secondary" onClick={onReload}>
                  {t('editor.conflict.reload')}
                </button>
              )}
            </div>
          )}
          {problemCount > 0 && (
            <p className="notice notice-error" role="alert">
              {t('editor.invalid', { count: problemCount })}
            </p>
          )}
          {server !== null &&
            (server instanceof ApiError && server.status === 400 ? (
              <p className="notice notice-error" role="alert">
                {t('editor.serverError', { message: describeError(server, tApp, lang) })}
              </p>
            ) : (
              <ErrorNotice error={server} />
            ))}
          {agencies.error && <ErrorNotice error={agencies.error} onRetry={agencies.reload} />}
        </div>
        <GeneralFields draft={draft} onChange={patch} create={create} />
        <IssuersPanel ids={draft.issuerIds} onChange={(issuerIds) => patch({ issuerIds })} {...shared} />
        <Panel id="editor-purposes" title={t('editor.purposes')}>
          <TextListEditor
            idPrefix="plan-purpose"
            path="purposes"
            items={draft.purposes}
            multiline
            itemLabel={(n) => t('editor.purpose', { n })}
            addLabel={t('editor.purposes.add')}
            onChange={(purposes) => patch({ purposes })}
          />
        </Panel>
        <Panel id="editor-requirements" title={t('editor.requirements')}>
          <TextListEditor
            idPrefix="plan-requirement"
            path="requirements"
            items={draft.requirements}
            multiline
            itemLabel={(n) => t('editor.requirement', { n })}
            addLabel={t('editor.requirements.add')}
            onChange={(requirements) => patch({ requirements })}
          />
        </Panel>
        <SectionsEditor
          sections={draft.sections}
          year={draft.year}
          onChange={(sections) => patch({ sections })}
          {...shared}
        />
        <ResponsibilitiesEditor draft={draft} onChange={patch} {...shared} />
        <FundingEditor draft={draft} onChange={patch} {...shared} />
        <SignaturesEditor draft={draft} onChange={patch} {...shared} />
        <RecipientsEditor draft={draft} onChange={patch} {...shared} />
        {!creating && (
          <Panel id="editor-note" title={t('editor.note')}>
            <Field id="plan-note" label={t('editor.note')} hint={t('editor.note.hint')}>
              <input
                id="plan-note"
                value={note}
                aria-describedby="plan-note-hint"
                onChange={(event) => setNote(event.target.value)}
              />
            </Field>
          </Panel>
        )}
        <div className="editor-bar">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? tApp('action.saving') : submitLabel}
          </button>
          <Link className="button button-secondary" to={cancelTo}>
            {tApp('action.cancel')}
          </Link>
          {(problemCount > 0 || server !== null) && (
            <span className="editor-bar-error">
              {problemCount > 0 ? t('editor.invalid', { count: problemCount }) : describeError(server, tApp, lang)}
            </span>
          )}
        </div>
      </form>
    </EditorErrors>
  );
}

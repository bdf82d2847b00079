// The end of the document: implementation responsibilities per actor, funding, signature
// blocks and recipients (Nơi nhận).
import type { ReactNode } from 'react';
import { Field } from '../../../components/Field';
import { usePlanT } from '../use-plan-t';
import { AgencySelect } from './AgencySelect';
import type { AgencyOption } from './agency-options';
import { useFieldError } from './editor-errors';
import {
  move,
  removeAt,
  replaceAt,
  type DraftResponsibility,
  type DraftSignature,
  type PlanDraft,
} from './editor-state';
import { ItemToolbar } from './ItemToolbar';
import { TextField } from './TextField';
import { TextListEditor } from './TextListEditor';

interface ClosingProps {
  draft: PlanDraft;
  onChange(patch: Partial<PlanDraft>): void;
  agencies: AgencyOption[];
  provinceCode?: string;
  provinceName?: string;
}

export function ResponsibilitiesEditor({ draft, onChange, agencies, provinceCode, provinceName }: ClosingProps) {
  const t = usePlanT();
  const items = draft.responsibilities;
  const set = (next: DraftResponsibility[]) => onChange({ responsibilities: next });
  return (
    <Panel id="editor-resp" title={t('editor.responsibilities')}>
      <ol className="card-list">
        {items.map((r, i) => (
          <ResponsibilityCard
            key={i}
            index={i}
            count={items.length}
            value={r}
            agencies={agencies}
            provinceCode={provinceCode}
            provinceName={provinceName}
            onChange={(next) => set(replaceAt(items, i, next))}
            onMove={(by) => set(move(items, i, by))}
            onRemove={() => set(removeAt(items, i))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        onClick={() => set([...items, { actor: '', agencyId: null, tasks: [''] }])}
      >
        {t('editor.responsibilities.add')}
      </button>
    </Panel>
  );
}

interface CardProps<T> {
  index: number;
  count: number;
  value: T;
  agencies: AgencyOption[];
  provinceCode?: string;
  provinceName?: string;
  onChange(value: T): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function ResponsibilityCard({
  index,
  count,
  value,
  agencies,
  provinceCode,
  provinceName,
  onChange,
  onMove,
  onRemove,
}: CardProps<DraftResponsibility>) {
  const t = usePlanT();
  const id = `resp-${index}`;
  const agencyError = useFieldError(`responsibilities.${index}.agencyId`);
  const item = t('editor.responsibility', { n: index + 1 });
  return (
    <li className="item-card" aria-label={item}>
      <div className="item-card-head">
        <h3>{item}</h3>
        <ItemToolbar item={item} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div className="field-pair">
        <TextField
          id={`${id}-actor`}
          path={`responsibilities.${index}.actor`}
          label={t('editor.responsibility.actor')}
          hint={t('editor.responsibility.actor.hint')}
          required
          value={value.actor}
          onChange={(actor) => onChange({ ...value, actor })}
        />
        <Field id={`${id}-agency`} label={t('editor.responsibility.agency')} error={agencyError}>
          <AgencySelect
            id={`${id}-agency`}
            value={value.agencyId}
            options={agencies}
            provinceCode={provinceCode}
            provinceName={provinceName}
            placeholder={t('agency.none')}
            invalid={Boolean(agencyError)}
            onChange={(agencyId) => onChange({ ...value, agencyId })}
          />
        </Field>
      </div>
      <p className="field-label">{t('editor.responsibility.tasks')}</p>
      <TextListEditor
        idPrefix={`${id}-task`}
        path={`responsibilities.${index}.tasks`}
        items={value.tasks}
        multiline
        itemLabel={(n) => t('editor.responsibility.task', { n })}
        addLabel={t('editor.responsibility.tasks.add')}
        onChange={(tasks) => onChange({ ...value, tasks })}
      />
    </li>
  );
}

export function FundingEditor({ draft, onChange }: ClosingProps) {
  const t = usePlanT();
  return (
    <Panel id="editor-funding" title={t('editor.funding')}>
      <TextField
        id="plan-funding"
        path="funding.text"
        label={t('editor.funding.text')}
        rows={3}
        value={draft.fundingText}
        onChange={(fundingText) => onChange({ fundingText })}
      />
      <p className="field-label">{t('editor.funding.sources')}</p>
      <TextListEditor
        idPrefix="plan-funding-source"
        path="funding.sources"
        items={draft.fundingSources}
        itemLabel={(n) => t('editor.funding.source', { n })}
        addLabel={t('editor.funding.sources.add')}
        onChange={(fundingSources) => onChange({ fundingSources })}
      />
    </Panel>
  );
}

export function SignaturesEditor({ draft, onChange, agencies, provinceCode, provinceName }: ClosingProps) {
  const t = usePlanT();
  const items = draft.signatures;
  const set = (next: DraftSignature[]) => onChange({ signatures: next });
  return (
    <Panel id="editor-signatures" title={t('editor.signatures')} hint={t('editor.signatures.hint')}>
      <ol className="card-list card-grid">
        {items.map((s, i) => (
          <SignatureCard
            key={i}
            index={i}
            count={items.length}
            value={s}
            agencies={agencies}
            provinceCode={provinceCode}
            provinceName={provinceName}
            onChange={(next) => set(replaceAt(items, i, next))}
            onMove={(by) => set(move(items, i, by))}
            onRemove={() => set(removeAt(items, i))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        onClick={() => set([...items, { agencyId: null, authority: '', position: '', signer: '' }])}
      >
        {t('editor.signatures.add')}
      </button>
    </Panel>
  );
}

function SignatureCard({
  index,
  count,
  value,
  agencies,
  provinceCode,
  provinceName,
  onChange,
  onMove,
  onRemove,
}: CardProps<DraftSignature>) {
  const t = usePlanT();
  const id = `sig-${index}`;
  const item = t('editor.signature', { n: index + 1 });
  const text = (field: 'authority' | 'position' | 'signer', label: string, hint?: string) => (
    <TextField
      id={`${id}-${field}`}
      path={`signatures.${index}.${field}`}
      label={label}
      hint={hint}
      value={value[field]}
      onChange={(next) => onChange({ ...value, [field]: next })}
    />
  );
  return (
    <li className="item-card" aria-label={item}>
      <div className="item-card-head">
        <h3>{item}</h3>
        <ItemToolbar item={item} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <Field id={`${id}-agency`} label={t('editor.signature.agency')}>
        <AgencySelect
          id={`${id}-agency`}
          value={value.agencyId}
          options={agencies}
          provinceCode={provinceCode}
          provinceName={provinceName}
          placeholder={t('agency.none')}
          onChange={(agencyId) => onChange({ ...value, agencyId })}
        />
      </Field>
      {text('authority', t('editor.signature.authority'), t('editor.signature.authority.hint'))}
      {text('position', t('editor.signature.position'), t('editor.signature.position.hint'))}
      {text('signer', t('editor.signature.signer'))}
    </li>
  );
}

export function RecipientsEditor({ draft, onChange }: ClosingProps) {
  const t = usePlanT();
  return (
    <Panel id="editor-recipients" title={t('editor.recipients')}>
      <TextListEditor
        idPrefix="plan-recipient"
        path="recipients"
        items={draft.recipients}
        itemLabel={(n) => t('editor.recipient', { n })}
        addLabel={t('editor.recipients.add')}
        onChange={(recipients) => onChange({ recipients })}
      />
    </Panel>
  );
}

export function Panel({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <section className="panel editor-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint && <p className="muted small">{hint}</p>}
      {children}
    </section>
  );
}

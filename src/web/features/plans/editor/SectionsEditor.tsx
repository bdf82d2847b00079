// The content areas (Nội dung) and their activities: add, edit, move up and down, delete.
import { usePlanT } from '../use-plan-t';
import { ActivityEditor } from './ActivityEditor';
import type { AgencyOption } from './agency-options';
import { useFieldError } from './editor-errors';
import { move, newActivity, newSection, removeAt, replaceAt, type DraftSection } from './editor-state';
import { ItemToolbar } from './ItemToolbar';
import { TextField } from './TextField';
import { TimeframePicker } from './TimeframePicker';

interface Shared {
  year: number;
  agencies: AgencyOption[];
  provinceCode?: string;
  provinceName?: string;
}

interface SectionsEditorProps extends Shared {
  sections: DraftSection[];
  onChange(sections: DraftSection[]): void;
}

export function SectionsEditor({ sections, onChange, ...shared }: SectionsEditorProps) {
  const t = usePlanT();
  const error = useFieldError('sections');
  return (
    <section className="panel editor-panel" aria-labelledby="editor-sections-title">
      <h2 id="editor-sections-title">{t('editor.sections')}</h2>
      <p className="muted small">{t('editor.sections.hint')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {sections.length === 0 && <p className="notice notice-empty">{t('editor.sections.empty')}</p>}
      <ol className="section-editors">
        {sections.map((section, i) => (
          <SectionEditor
            key={section.key}
            {...shared}
            section={section}
            index={i}
            count={sections.length}
            onChange={(next) => onChange(replaceAt(sections, i, next))}
            onMove={(by) => onChange(move(sections, i, by))}
            onRemove={() => onChange(removeAt(sections, i))}
          />
        ))}
      </ol>
      <button type="button" className="button button-secondary" onClick={() => onChange([...sections, newSection()])}>
        {t('editor.sections.add')}
      </button>
    </section>
  );
}

interface SectionEditorProps extends Shared {
  section: DraftSection;
  index: number;
  count: number;
  onChange(section: DraftSection): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function SectionEditor({ section, index, count, onChange, onMove, onRemove, ...shared }: SectionEditorProps) {
  const t = usePlanT();
  const path = `sections.${index}`;
  const id = `sec-${section.key}`;
  const n = index + 1;
  const timeError = useFieldError(`${path}.timeframe`);
  const set = (patch: Partial<DraftSection>) => onChange({ ...section, ...patch });
  const activities = section.activities;
  const item = t('editor.section', { n });

  return (
    <li className="section-editor" aria-label={item}>
      <div className="section-editor-head">
        <h3>{item}</h3>
        <ItemToolbar
          item={item}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          confirm={t('editor.section.delete.confirm', { n, count: activities.length })}
        />
      </div>
      <TextField
        id={`${id}-title`}
        path={`${path}.title`}
        label={t('editor.section.title')}
        required
        rows={1}
        autoFocus={section.title === '' && activities.length === 0}
        value={section.title}
        onChange={(title) => set({ title })}
      />
      <TextField
        id={`${id}-description`}
        path={`${path}.description`}
        label={t('editor.section.description')}
        rows={3}
        value={section.description}
        onChange={(description) => set({ description })}
      />
      <TimeframePicker
        id={`${id}-time`}
        legend={t('editor.section.timeframe')}
        value={section.timeframe}
        defaultYear={shared.year}
        error={timeError}
        onChange={(timeframe) => set({ timeframe })}
      />
      <h4 className="activities-title">{t('editor.activities')}</h4>
      {activities.length === 0 && <p className="muted small">{t('editor.activities.empty')}</p>}
      <ol className="activity-editors">
        {activities.map((activity, ai) => (
          <ActivityEditor
            key={activity.key}
            {...shared}
            activity={activity}
            path={`${path}.activities.${ai}`}
            number={`${n}.${ai + 1}`}
            index={ai}
            count={activities.length}
            onChange={(next) => set({ activities: replaceAt(activities, ai, next) })}
            onMove={(by) => set({ activities: move(activities, ai, by) })}
            onRemove={() => set({ activities: removeAt(activities, ai) })}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        onClick={() => set({ activities: [...activities, newActivity(section.timeframe)] })}
      >
        {t('editor.activities.add')}
      </button>
    </li>
  );
}

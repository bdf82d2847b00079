// The expected outputs of an activity, each with an optional numeric target and its unit
// ("ít nhất 01 chương trình" → 1, chương trình).
import { usePlanT } from '../use-plan-t';
import { removeAt, replaceAt, type DraftOutput } from './editor-state';
import { TextField } from './TextField';

interface OutputsEditorProps {
  id: string;
  path: string;
  outputs: DraftOutput[];
  onChange(outputs: DraftOutput[]): void;
}

export function OutputsEditor({ id, path, outputs, onChange }: OutputsEditorProps) {
  const t = usePlanT();
  return (
    <fieldset className="fieldset outputs">
      <legend>{t('editor.outputs')}</legend>
      {outputs.map((output, i) => {
        const set = (patch: Partial<DraftOutput>) => onChange(replaceAt(outputs, i, { ...output, ...patch }));
        const label = t('editor.output.text', { n: i + 1 });
        return (
          <div className="output-row" key={i}>
            <TextField
              id={`${id}-${i}-text`}
              path={`${path}.${i}.text`}
              label={label}
              value={output.text}
              onChange={(text) => set({ text })}
            />
            <TextField
              id={`${id}-${i}-target`}
              path={`${path}.${i}.target`}
              label={t('editor.output.target')}
              inputMode="decimal"
              value={output.target}
              onChange={(target) => set({ target })}
            />
            <TextField
              id={`${id}-${i}-unit`}
              path={`${path}.${i}.unit`}
              label={t('editor.output.unit')}
              placeholder={t('editor.output.unit.placeholder')}
              value={output.unit}
              onChange={(unit) => set({ unit })}
            />
            <button
              type="button"
              className="button button-tool button-tool-danger output-remove"
              aria-label={t('editor.removeItem', { item: label })}
              title={t('editor.remove')}
              onClick={() => onChange(removeAt(outputs, i))}
            >
              ✕
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange([...outputs, { text: '', target: '', unit: '' }])}
      >
        {t('editor.outputs.add')}
      </button>
    </fieldset>
  );
}

// The outputs a record type asks for: how many (classes, programmes, copies…), the language of a
// programme or material (tiếng phổ thông or a named ethnic language), the broadcaster, the kind
// of material. Only the fields that fit the chosen type are shown.
import { fieldError } from '../../../lib/field-error';
import { OUTPUT_FIELDS, type RecordType } from '../../../lib/record-codes';
import { useEthnicGroups } from '../../../lib/reference';
import { useRecordsT } from '../use-records-t';

export interface OutputsState {
  quantity: string;
  unit: string;
  language: '' | 'pho_thong' | 'dan_toc';
  ethnicLanguage: string;
  broadcaster: string;
  materialKind: string;
  note: string;
}

export const emptyOutputs = (): OutputsState => ({
  quantity: '',
  unit: '',
  language: '',
  ethnicLanguage: '',
  broadcaster: '',
  materialKind: '',
  note: '',
});

const BROADCASTERS = [
  'Đài Truyền hình Việt Nam (VTV5)',
  'Đài Tiếng nói Việt Nam (VOV4)',
  'Đài Phát thanh và Truyền hình tỉnh',
  'Đài truyền thanh xã',
];
const MATERIALS = ['Sổ tay', 'Tờ gấp', 'Tờ rơi', 'Tài liệu tập huấn', 'Video clip', 'Pa nô, áp phích', 'Bản tin'];

interface OutputsFieldsProps {
  type: RecordType;
  value: OutputsState;
  onChange(value: OutputsState): void;
  error: unknown;
}

export function OutputsFields({ type, value, onChange, error }: OutputsFieldsProps) {
  const rt = useRecordsT();
  const groups = useEthnicGroups();
  const fields = OUTPUT_FIELDS[type];
  const set = (patch: Partial<OutputsState>) => onChange({ ...value, ...patch });
  const languageError = fieldError(error, 'outputs.ethnicLanguage') ?? fieldError(error, 'outputs.language');

  return (
    <fieldset className="fieldset">
      <legend>{rt('outputs.legend')}</legend>
      {fields.includes('material') && (
        <div className="field">
          <label htmlFor="rec-material">{rt('outputs.materialKind')}</label>
          <input
            id="rec-material"
            list="rec-material-kinds"
            value={value.materialKind}
            onChange={(event) => set({ materialKind: event.target.value })}
          />
          <datalist id="rec-material-kinds">
            {MATERIALS.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </div>
      )}
      {fields.includes('broadcaster') && (
        <div className="field">
          <label htmlFor="rec-broadcaster">{rt('outputs.broadcaster')}</label>
          <input
            id="rec-broadcaster"
            list="rec-broadcasters"
            value={value.broadcaster}
            onChange={(event) => set({ broadcaster: event.target.value })}
          />
          <datalist id="rec-broadcasters">
            {BROADCASTERS.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </div>
      )}
      <div className="rec-two">
        <div className={fieldError(error, 'outputs.quantity') ? 'field has-error' : 'field'}>
          <label htmlFor="rec-quantity">{rt(`outputs.quantity.${type}`)}</label>
          <input
            id="rec-quantity"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={value.quantity}
            onChange={(event) => set({ quantity: event.target.value.replace(/\D/g, '').slice(0, 9) })}
          />
          {fieldError(error, 'outputs.quantity') && (
            <small className="field-error">{fieldError(error, 'outputs.quantity')}</small>
          )}
        </div>
        {fields.includes('material') && (
          <div className="field">
            <label htmlFor="rec-unit">{rt('outputs.unit')}</label>
            <input
              id="rec-unit"
              value={value.unit}
              placeholder={rt('outputs.unitPlaceholder')}
              onChange={(event) => set({ unit: event.target.value })}
            />
          </div>
        )}
      </div>
      {fields.includes('language') && (
        <div className={languageError ? 'field has-error' : 'field'}>
          <span className="rec-label" id="rec-language-label">
            {rt('outputs.language')}
          </span>
          <div className="radio-row" role="radiogroup" aria-labelledby="rec-language-label">
            {(['', 'pho_thong', 'dan_toc'] as const).map((language) => (
              <label key={language || 'none'}>
                <input
                  type="radio"
                  name="rec-language"
                  checked={value.language === language}
                  onChange={() => set({ language, ethnicLanguage: language === 'dan_toc' ? value.ethnicLanguage : '' })}
                />
                {rt(`outputs.language.${language || 'none'}`)}
              </label>
            ))}
          </div>
          {value.language === 'dan_toc' && (
            <>
              <label htmlFor="rec-ethnic-language" className="rec-label">
                {rt('outputs.ethnicLanguage')}
              </label>
              <select
                id="rec-ethnic-language"
                value={value.ethnicLanguage}
                aria-invalid={languageError ? true : undefined}
                onChange={(event) => set({ ethnicLanguage: event.target.value })}
              >
                <option value="">{rt('outputs.chooseLanguage')}</option>
                {groups.data
                  ?.filter((g) => g.isMinority)
                  .map((g) => (
                    <option key={g.id} value={g.id}>
                      {rt('outputs.tieng', { name: g.name })}
                    </option>
                  ))}
              </select>
            </>
          )}
          {languageError && <small className="field-error">{languageError}</small>}
        </div>
      )}
      <div className="field">
        <label htmlFor="rec-output-note">{rt('outputs.note')}</label>
        <textarea
          id="rec-output-note"
          rows={2}
          value={value.note}
          onChange={(event) => set({ note: event.target.value })}
        />
      </div>
    </fieldset>
  );
}

/** The API's outputs object: only what was filled in and fits the type. */
export function outputsInput(type: RecordType, value: OutputsState) {
  const fields = OUTPUT_FIELDS[type];
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    quantity: value.quantity ? Number(value.quantity) : undefined,
    unit: fields.includes('material') ? text(value.unit) : undefined,
    language: fields.includes('language') && value.language ? value.language : undefined,
    ethnicLanguage:
      fields.includes('language') && value.language === 'dan_toc' && value.ethnicLanguage
        ? Number(value.ethnicLanguage)
        : undefined,
    broadcaster: fields.includes('broadcaster') ? text(value.broadcaster) : undefined,
    materialKind: fields.includes('material') ? text(value.materialKind) : undefined,
    note: text(value.note),
  };
}

export function outputsFromView(outputs: Record<string, unknown>): OutputsState {
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const language = outputs.language === 'pho_thong' || outputs.language === 'dan_toc' ? outputs.language : '';
  return {
    quantity: str(outputs.quantity),
    unit: str(outputs.unit),
    language,
    ethnicLanguage: str(outputs.ethnicLanguage),
    broadcaster: str(outputs.broadcaster),
    materialKind: str(outputs.materialKind),
    note: str(outputs.note),
  };
}

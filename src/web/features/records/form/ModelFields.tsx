// "Model established": the model goes into the registry with the record, so nobody types it twice.
// Name, commune, village and founding date come from the record unless given here. A record that
// already registered its model shows it instead; the registry is where that model is edited.
import { Link } from 'react-router';
import { fieldError } from '../../../lib/field-error';
import { useModelTypes } from '../../../lib/reference';
import type { RecordView } from '../../../lib/record-codes';
import { useRecordsT } from '../use-records-t';

export interface ModelState {
  /** '' registers nothing. */
  modelType: string;
  name: string;
  host: string;
  leaderName: string;
}

export const emptyModel = (): ModelState => ({ modelType: '', name: '', host: '', leaderName: '' });

/** The `model` part of the record body, or nothing when no model type is chosen. */
export function modelInput(state: ModelState) {
  if (!state.modelType) return undefined;
  return {
    modelType: state.modelType,
    ...(state.name.trim() ? { name: state.name.trim() } : {}),
    ...(state.host.trim() ? { host: state.host.trim() } : {}),
    ...(state.leaderName.trim() ? { leaderName: state.leaderName.trim() } : {}),
  };
}

interface ModelFieldsProps {
  value: ModelState;
  onChange(value: ModelState): void;
  /** Models the record already registered (editing). */
  registered: RecordView['models'];
  titlePlaceholder: string;
  error: unknown;
}

export function ModelFields({ value, onChange, registered, titlePlaceholder, error }: ModelFieldsProps) {
  const rt = useRecordsT();
  const types = useModelTypes();
  const set = (patch: Partial<ModelState>) => onChange({ ...value, ...patch });
  const err = (field: string) => fieldError(error, `model.${field}`);
  const general = fieldError(error, 'model') && !['modelType', 'name', 'host', 'leaderName'].some((f) => err(f));

  if (registered.length > 0) {
    return (
      <fieldset className="fieldset" id="rec-model">
        <legend>{rt('model.legend')}</legend>
        <ul className="rec-models">
          {registered.map((m) => (
            <li key={m.id}>
              <Link to={`/models/${m.id}`}>{m.name}</Link> — {m.typeName}
            </li>
          ))}
        </ul>
        <p className="hint">{rt('model.editInRegistry')}</p>
      </fieldset>
    );
  }

  return (
    <fieldset className="fieldset" id="rec-model">
      <legend>{rt('model.legend')}</legend>
      <p className="hint">{rt('model.hint')}</p>
      {general && (
        <p className="field-error" role="alert">
          {fieldError(error, 'model')}
        </p>
      )}
      <div className={err('modelType') ? 'field has-error' : 'field'}>
        <label htmlFor="rec-model-type">{rt('model.type')}</label>
        <select
          id="rec-model-type"
          value={value.modelType}
          onChange={(event) => set({ modelType: event.target.value })}
        >
          <option value="">{rt('model.none')}</option>
          {(types.data ?? []).map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
        {err('modelType') && <small className="field-error">{err('modelType')}</small>}
      </div>
      {value.modelType && (
        <>
          <div className={err('name') ? 'field has-error' : 'field'}>
            <label htmlFor="rec-model-name">{rt('model.name')}</label>
            <input
              id="rec-model-name"
              value={value.name}
              maxLength={300}
              placeholder={titlePlaceholder}
              onChange={(event) => set({ name: event.target.value })}
            />
            {err('name') && <small className="field-error">{err('name')}</small>}
          </div>
          {err('communeCode') && (
            <p className="field-error" role="alert">
              {err('communeCode')}
            </p>
          )}
          {err('members') && (
            <p className="field-error" role="alert">
              {err('members')}
            </p>
          )}
          <div className="rec-two">
            <div className="field">
              <label htmlFor="rec-model-leader">{rt('model.leader')}</label>
              <input
                id="rec-model-leader"
                value={value.leaderName}
                maxLength={200}
                onChange={(event) => set({ leaderName: event.target.value })}
              />
            </div>
            <div className={err('host') ? 'field has-error' : 'field'}>
              <label htmlFor="rec-model-host">{rt('model.host')}</label>
              <input
                id="rec-model-host"
                value={value.host}
                maxLength={300}
                onChange={(event) => set({ host: event.target.value })}
              />
            </div>
          </div>
        </>
      )}
    </fieldset>
  );
}

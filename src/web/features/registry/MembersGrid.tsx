// Members of a model by sex × ethnic group: a row for each ethnic group present.
import { formatNumber } from '../../i18n/format';
import { EthnicGroupPicker } from '../../components/pickers/EthnicGroupPicker';
import { useRegistryT } from './use-registry-t';

export interface MemberRow {
  ethnicGroupId: number;
  ethnicName: string;
  female: string;
  male: string;
}

const digits = (text: string) =>
  text
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, 6);
const n = (text: string) => (/^\d+$/.test(text) ? Number(text) : 0);

interface MembersGridProps {
  value: MemberRow[];
  onChange(value: MemberRow[]): void;
  error?: string;
}

export function MembersGrid({ value, onChange, error }: MembersGridProps) {
  const t = useRegistryT();
  const female = value.reduce((sum, r) => sum + n(r.female), 0);
  const male = value.reduce((sum, r) => sum + n(r.male), 0);
  const set = (id: number, patch: Partial<MemberRow>) =>
    onChange(value.map((r) => (r.ethnicGroupId === id ? { ...r, ...patch } : r)));

  return (
    <fieldset className={error ? 'fieldset has-error' : 'fieldset'}>
      <legend>{t('members.legend')}</legend>
      {value.length > 0 && (
        <div className="rec-grid-wrap">
          <table className="rec-grid">
            <thead>
              <tr>
                <th scope="col">{t('members.ethnic')}</th>
                <th scope="col" className="reg-n">
                  {t('members.female')}
                </th>
                <th scope="col" className="reg-n">
                  {t('members.male')}
                </th>
                <th scope="col" className="reg-n">
                  {t('members.sum')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('members.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {value.map((row) => (
                <tr key={row.ethnicGroupId}>
                  <th scope="row">
                    <span className="rec-grid-name">{row.ethnicName}</span>
                  </th>
                  {(['female', 'male'] as const).map((sex) => (
                    <td key={sex} className="reg-n">
                      <input
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        aria-label={t(sex === 'female' ? 'members.femaleOf' : 'members.maleOf', {
                          name: row.ethnicName,
                        })}
                        value={row[sex]}
                        onChange={(event) => set(row.ethnicGroupId, { [sex]: digits(event.target.value) })}
                      />
                    </td>
                  ))}
                  <td className="reg-n rec-grid-sum">{formatNumber(n(row.female) + n(row.male))}</td>
                  <td>
                    <button
                      type="button"
                      className="rec-icon-button"
                      aria-label={t('members.removeRow', { name: row.ethnicName })}
                      onClick={() => onChange(value.filter((r) => r.ethnicGroupId !== row.ethnicGroupId))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="members-totals">
                <th scope="row">{t('members.total')}</th>
                <td className="reg-n">{formatNumber(female)}</td>
                <td className="reg-n">{formatNumber(male)}</td>
                <td className="reg-n">
                  <strong>{formatNumber(female + male)}</strong>
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <EthnicGroupPicker
        id="model-ethnic"
        label={t('members.add')}
        present={new Set(value.map((r) => r.ethnicGroupId))}
        onPick={(group) => {
          if (value.some((r) => r.ethnicGroupId === group.id)) return;
          onChange([...value, { ethnicGroupId: group.id, ethnicName: group.name, female: '', male: '' }]);
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The API's members: one entry per sex with a number (0 is sent too, so a cleared cell clears). */
export function membersInput(rows: MemberRow[]) {
  return rows.flatMap((r) =>
    (['female', 'male'] as const)
      .filter((sex) => r[sex] !== '')
      .map((sex) => ({ sex, ethnicGroupId: r.ethnicGroupId, count: n(r[sex]) })),
  );
}

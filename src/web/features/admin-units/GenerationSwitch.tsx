import { useT } from '../../i18n/I18nProvider';
import type { Generation } from '../../lib/reference';

export function GenerationSwitch({ value, onChange }: { value: Generation; onChange(next: Generation): void }) {
  const t = useT();
  const options: { generation: Generation; label: string; hint: string }[] = [
    { generation: 2024, label: t('generation.2024'), hint: t('generation.2024.hint') },
    { generation: 2025, label: t('generation.2025'), hint: t('generation.2025.hint') },
  ];
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t('generation.legend')}</legend>
      {options.map((option) => (
        <label key={option.generation} className={value === option.generation ? 'is-selected' : undefined}>
          <input
            type="radio"
            name="generation"
            value={option.generation}
            checked={value === option.generation}
            onChange={() => onChange(option.generation)}
          />
          <span>{option.label}</span>
          <small>{option.hint}</small>
        </label>
      ))}
    </fieldset>
  );
}

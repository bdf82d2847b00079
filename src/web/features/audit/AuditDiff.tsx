// Before and after side by side; top-level fields that changed are highlighted.
import { useT } from '../../i18n/I18nProvider';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function changedKeys(before: Json, after: Json): Set<string> {
  const changed = new Set<string>();
  if (!isObject(before) || !isObject(after)) return changed;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.add(key);
  }
  return changed;
}

function JsonBlock({ value, changed, label }: { value: Json; changed: Set<string>; label: string }) {
  const t = useT();
  return (
    <figure className="json-block">
      <figcaption>{label}</figcaption>
      {value == null ? (
        <p className="muted">{t('audit.nothing')}</p>
      ) : isObject(value) ? (
        <pre>
          {'{\n'}
          {Object.entries(value).map(([key, field], index, all) => (
            <span key={key} className={changed.has(key) ? 'json-line is-changed' : 'json-line'}>
              {`  ${JSON.stringify(key)}: ${JSON.stringify(field, null, 2).replace(/\n/g, '\n  ')}${index < all.length - 1 ? ',' : ''}\n`}
            </span>
          ))}
          {'}'}
        </pre>
      ) : (
        <pre>{JSON.stringify(value, null, 2)}</pre>
      )}
    </figure>
  );
}

export function AuditDiff({ before, after }: { before: Json; after: Json }) {
  const t = useT();
  const changed = changedKeys(before, after);
  return (
    <div className="audit-diff">
      <JsonBlock value={before} changed={changed} label={t('audit.before')} />
      <JsonBlock value={after} changed={changed} label={t('audit.after')} />
    </div>
  );
}

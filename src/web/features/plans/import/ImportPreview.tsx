// The result of reading a plan's text, beside the text itself: the structure found, and every
// line that found no place, listed with its number and highlighted in the source.
import { timeframeText } from '../plan-labels';
import { formatDate } from '../../../i18n/format';
import { usePlanT } from '../use-plan-t';
import type { Preview } from './import-api';

export function ImportPreview({ preview }: { preview: Preview }) {
  const t = usePlanT();
  const unparsed = new Set(preview.unparsed.map((u) => u.line));
  return (
    <>
      <UnparsedList preview={preview} />
      <div className="import-columns">
        <section className="panel import-source" aria-labelledby="import-source-title">
          <h2 id="import-source-title">{t('import.sourceTitle')}</h2>
          <ol className="source-lines">
            {preview.sourceText.split(/\r?\n/).map((line, i) => (
              <li
                key={i}
                id={`src-line-${i + 1}`}
                className={unparsed.has(i + 1) ? 'is-unparsed' : undefined}
                data-line={i + 1}
              >
                <span className="source-number" aria-hidden="true">
                  {i + 1}
                </span>
                {/* Composed form: text from Word often carries separate accents, which fonts stack badly. */}
                <span className="source-text">{line.normalize('NFC') || ' '}</span>
              </li>
            ))}
          </ol>
        </section>
        <ParsedStructure preview={preview} />
      </div>
    </>
  );
}

function UnparsedList({ preview }: { preview: Preview }) {
  const t = usePlanT();
  const count = preview.unparsed.length;
  return (
    <section
      className={count > 0 ? 'notice notice-warning' : 'notice notice-success'}
      aria-labelledby="import-unparsed-title"
      data-testid="unparsed"
    >
      <h2 id="import-unparsed-title">{t('import.unparsed.title')}</h2>
      {count === 0 ? (
        <p>{t('import.unparsed.none')}</p>
      ) : (
        <>
          <p>{t('import.unparsed.count', { count })}</p>
          <ul className="unparsed-list">
            {preview.unparsed.map((u) => (
              <li key={u.line}>
                <a href={`#src-line-${u.line}`} className="code">
                  {t('import.line', { line: u.line })}
                </a>
                : {u.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ParsedStructure({ preview }: { preview: Preview }) {
  const t = usePlanT();
  const plan = preview.plan;
  const activities = plan.sections.reduce((n, s) => n + s.activities.length, 0);
  return (
    <section className="panel import-parsed" aria-labelledby="import-parsed-title">
      <h2 id="import-parsed-title">{t('import.parsedTitle')}</h2>
      <p className="result-count" data-testid="import-summary">
        {t('import.summary', {
          sections: plan.sections.length,
          activities,
          responsibilities: plan.responsibilities.length,
          signatures: plan.signatures.length,
          recipients: plan.recipients.length,
        })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('plan.facts.number')}</dt>
          <dd className="code">{plan.number || t('import.unknown')}</dd>
        </div>
        <div>
          <dt>{t('plan.facts.placeDate')}</dt>
          <dd>{[plan.place, formatDate(plan.issuedOn)].filter(Boolean).join(', ') || t('import.unknown')}</dd>
        </div>
        <div>
          <dt>{t('import.issuers')}</dt>
          <dd>{plan.issuers.join(' · ') || t('import.unknown')}</dd>
        </div>
      </dl>
      <p className="doc-type">{plan.documentType || t('plan.doc.type')}</p>
      <p className="doc-title">{plan.title}</p>
      <h3>{t('editor.purposes')}</h3>
      <Items items={plan.purposes} />
      <h3>{t('editor.requirements')}</h3>
      <Items items={plan.requirements} />
      <h3>{t('editor.sections')}</h3>
      <ol className="parsed-sections" aria-label={t('editor.sections')}>
        {plan.sections.map((s, si) => (
          <li key={si}>
            <strong>
              {s.number}. {s.title}
            </strong>
            {s.timeframe && <small className="muted block">{timeframeText(s.timeframe)}</small>}
            {s.activities.length > 0 && (
              <ol className="parsed-activities">
                {s.activities.map((a, ai) => (
                  <li key={ai}>
                    <span className="clamp">{a.title}</span>
                    {a.timeframe && <small className="muted block">{timeframeText(a.timeframe)}</small>}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('editor.responsibilities')}</h3>
      <ul className="parsed-list">
        {plan.responsibilities.map((r, i) => (
          <li key={i}>
            <strong>{r.actor}</strong> — {t('editor.responsibility.tasks')}: {r.tasks.length}
          </li>
        ))}
      </ul>
      <h3>{t('editor.funding')}</h3>
      <p className="clamp">{plan.funding || t('import.unknown')}</p>
      <h3>{t('editor.signatures')}</h3>
      <ul className="parsed-list">
        {plan.signatures.map((s, i) => (
          <li key={i}>
            {s.authority} / {s.position} / <strong>{s.signer}</strong>
          </li>
        ))}
      </ul>
      <h3>{t('editor.recipients')}</h3>
      <Items items={plan.recipients} />
    </section>
  );
}

function Items({ items }: { items: string[] }) {
  const t = usePlanT();
  if (items.length === 0) return <p className="muted">{t('import.unknown')}</p>;
  return (
    <ul className="parsed-list">
      {items.map((item, i) => (
        <li key={i} className="clamp">
          {item}
        </li>
      ))}
    </ul>
  );
}

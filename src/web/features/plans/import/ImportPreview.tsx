// The result of reading a plan's text, beside the text itself: what the document is (a plan, or a
// decision that issues one, with the decision's number, date and signer), the structure found, its
// legal bases, the lines recognised as the document's form (Quốc hiệu, "Số:", "Nơi nhận:" …), and
// every line that found no place, listed with its number and highlighted in the source.
import { useState } from 'react';
import type { LineRole, RecognisedLine } from '../../../../shared/plan-document';
import { AgencyDialog } from '../../../components/AgencyDialog';
import { hasPermission, useMe } from '../../../lib/session';
import type { PlanMessageKey } from '../messages.vi';
import { timeframeText } from '../plan-labels';
import { formatDate } from '../../../i18n/format';
import { usePlanT } from '../use-plan-t';
import type { Preview } from './import-api';

export function ImportPreview({ preview, onAgencyAdded }: { preview: Preview; onAgencyAdded(): void }) {
  const t = usePlanT();
  const unparsed = new Set(preview.unparsed.map((u) => u.line));
  const recognised = new Map<number, LineRole>();
  for (const r of preview.recognised) if (!recognised.has(r.line)) recognised.set(r.line, r.role);
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
                className={unparsed.has(i + 1) ? 'is-unparsed' : recognised.has(i + 1) ? 'is-recognised' : undefined}
                title={recognised.has(i + 1) ? t(roleKey(recognised.get(i + 1)!)) : undefined}
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
        <ParsedStructure preview={preview} onAgencyAdded={onAgencyAdded} />
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

function ParsedStructure({ preview, onAgencyAdded }: { preview: Preview; onAgencyAdded(): void }) {
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
          <dt>{t('import.kind')}</dt>
          <dd data-testid="import-kind">{t(`import.kind.${preview.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('plan.facts.number')}</dt>
          <dd className="code">{plan.number || t('import.unknown')}</dd>
        </div>
        <div>
          <dt>{t('plan.facts.placeDate')}</dt>
          <dd>{[plan.place, formatDate(plan.issuedOn)].filter(Boolean).join(', ') || t('import.unknown')}</dd>
        </div>
      </dl>
      <IssuerMatches matches={preview.issuerMatches} onAgencyAdded={onAgencyAdded} />
      <DecisionFacts preview={preview} />
      <p className="doc-type">{plan.documentType || t('plan.doc.type')}</p>
      <p className="doc-title">{plan.title}</p>
      <h3>{t('import.legalBases')}</h3>
      <Items items={preview.legalBases} />
      <h3>{t('import.outline')}</h3>
      <Items items={preview.outline} />
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
      <RecognisedLines lines={preview.recognised} />
    </section>
  );
}

/** Each issuer line: the registry's agency it names, or "not in the registry" with the agency to add. */
function IssuerMatches({ matches, onAgencyAdded }: { matches: Preview['issuerMatches']; onAgencyAdded(): void }) {
  const t = usePlanT();
  const me = useMe();
  const canAdd = hasPermission(me, 'refdata:manage');
  const [adding, setAdding] = useState<Preview['issuerMatches'][number] | null>(null);
  return (
    <section className="import-issuers" aria-labelledby="import-issuers-title" data-testid="import-issuers">
      <h3 id="import-issuers-title">{t('import.issuers')}</h3>
      {matches.length === 0 && <p>{t('import.unknown')}</p>}
      <ul className="parsed-list">
        {matches.map((m, i) => (
          <li key={i}>
            <strong>{m.name}</strong>{' '}
            {m.agency ? (
              <span className="badge badge-full">{t('import.issuer.known', { name: m.agency.name })}</span>
            ) : (
              <>
                <span className="badge badge-warn">{t('import.issuer.unknown')}</span>{' '}
                {canAdd ? (
                  <button type="button" className="button button-small" onClick={() => setAdding(m)}>
                    {t('import.issuer.add')}
                  </button>
                ) : (
                  <small className="muted block">{t('import.issuer.askAdmin')}</small>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {adding && (
        <AgencyDialog
          initial={adding.proposal ?? { name: adding.name }}
          onClose={() => setAdding(null)}
          onAdded={() => {
            setAdding(null);
            onAgencyAdded();
          }}
        />
      )}
    </section>
  );
}

/** A decision that issues the plan (the plan is its annex): its own number, date, authority and signer. */
function DecisionFacts({ preview }: { preview: Preview }) {
  const t = usePlanT();
  const decision = preview.decision;
  if (!decision) return null;
  const signers = decision.signatures.filter((s) => s.signer);
  return (
    <section className="import-decision" aria-labelledby="import-decision-title" data-testid="import-decision">
      <h3 id="import-decision-title">{t('import.decision.title')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('import.decision.number')}</dt>
          <dd className="code">{decision.number || t('import.unknown')}</dd>
        </div>
        <div>
          <dt>{t('import.decision.date')}</dt>
          <dd>{formatDate(decision.issuedOn) || t('import.unknown')}</dd>
        </div>
        <div>
          <dt>{t('import.decision.authority')}</dt>
          <dd>{decision.authority || t('import.unknown')}</dd>
        </div>
        <div>
          <dt>{t('import.decision.signer')}</dt>
          <dd>
            {signers.length === 0
              ? t('import.unknown')
              : signers.map((s, i) => (
                  <span key={i} className="block">
                    {[s.authority, s.position].filter(Boolean).join(' / ')} — <strong>{s.signer}</strong>
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      {decision.title && <p className="clamp">{decision.title}</p>}
      <p className="muted">{t('import.decision.articles', { count: decision.articles.length })}</p>
    </section>
  );
}

/** The order the roles are listed in: the document's form top to bottom. */
const ROLES: LineRole[] = [
  'national',
  'motto',
  'issuer',
  'number',
  'place-date',
  'document-type',
  'annex-note',
  'authority',
  'legal-basis',
  'article',
  'heading',
  'label',
  'recipients',
  'signed-note',
  'layout',
];

const roleKey = (role: LineRole): PlanMessageKey => `import.role.${role}`;

/** Listed open: the parts of the Decree 30 form. Headings, labels, articles and legal bases (shown above) start closed. */
const FORM_ROLES = new Set<LineRole>([
  'national',
  'motto',
  'issuer',
  'number',
  'place-date',
  'document-type',
  'recipients',
]);

/** The lines read as the document's form rather than plan content, by what they are. */
function RecognisedLines({ lines }: { lines: RecognisedLine[] }) {
  const t = usePlanT();
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="import-recognised-title" data-testid="import-recognised">
      <h3 id="import-recognised-title">{t('import.recognised.title')}</h3>
      <p className="muted">{t('import.recognised.count', { count: lines.length })}</p>
      {ROLES.map((role) => ({ role, of: lines.filter((l) => l.role === role) }))
        .filter(({ of }) => of.length > 0)
        .map(({ role, of }) => (
          <details key={role} className="recognised-role" open={FORM_ROLES.has(role)}>
            <summary>
              {t(roleKey(role))} ({of.length})
            </summary>
            <ul className="recognised-list">
              {of.map((l, i) => (
                <li key={i}>
                  <a href={`#src-line-${l.line}`} className="code">
                    {t('import.line', { line: l.line })}
                  </a>
                  : {l.text}
                </li>
              ))}
            </ul>
          </details>
        ))}
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

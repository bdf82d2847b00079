// The plan laid out as the official document reads (Decree 30/2020 order): header with the
// issuing agencies and the national motto, title, purposes and requirements, the numbered
// content areas with their activities, responsibilities, funding, signatures, recipients.
import type { PlanView } from './plan-types';
import { PlanActivities } from './PlanActivities';
import { usePlanT, type PlanTranslate } from './use-plan-t';

/** "Hà Nội, ngày 18 tháng 7 năm 2022"; days below 10 and months below 3 take a leading zero. */
export function placeAndDate(t: PlanTranslate, place: string, issuedOn: string | null): string {
  const where = place || '…';
  const m = issuedOn ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(issuedOn) : null;
  if (!m) return t('plan.doc.placeNoDate', { place: where });
  const day = Number(m[3]);
  const month = Number(m[2]);
  return t('plan.doc.placeDate', {
    place: where,
    day: day < 10 ? `0${day}` : String(day),
    month: month < 3 ? `0${month}` : String(month),
    year: m[1]!,
  });
}

export function PlanDocument({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  return (
    <article className="plan-doc" aria-label={t('plan.tab.document')}>
      <header className="doc-header">
        <div className="doc-agencies">
          {plan.issuers.map((issuer) => (
            <p key={issuer.id}>{issuer.name.toUpperCase()}</p>
          ))}
          <p className="doc-number">{t('plan.doc.number', { number: plan.number || '…' })}</p>
        </div>
        <div className="doc-nation">
          <p className="doc-nation-name">{t('plan.doc.nation')}</p>
          <p className="doc-motto">{t('plan.doc.motto')}</p>
          <p className="doc-date">{placeAndDate(t, plan.place, plan.issuedOn)}</p>
        </div>
      </header>
      <p className="doc-type">{t('plan.doc.type')}</p>
      <p className="doc-title">{plan.title}</p>
      {plan.preamble && <Paragraphs text={plan.preamble} className="doc-preamble" />}

      <h2>{t('plan.doc.part1')}</h2>
      <h3>{t('plan.doc.purposes')}</h3>
      <Bullets items={plan.purposes} />
      <h3>{t('plan.doc.requirements')}</h3>
      <Bullets items={plan.requirements} />

      <h2>{t('plan.doc.part2')}</h2>
      {plan.sections.length === 0 && <p className="muted">{t('plan.doc.noSections')}</p>}
      {plan.sections.map((section) => (
        <section key={section.key} className="doc-section" aria-labelledby={`section-${section.key}`}>
          <h3 id={`section-${section.key}`}>
            {section.number}. {section.title}
          </h3>
          {section.description && <Paragraphs text={section.description} />}
          <PlanActivities plan={plan} section={section} />
        </section>
      ))}

      <h2>{t('plan.doc.part3')}</h2>
      {plan.responsibilities.map((r, i) => (
        <section key={i} className="doc-section">
          <h3>
            {i + 1}. {r.actor}
          </h3>
          <Bullets items={r.tasks} />
        </section>
      ))}

      <h2>{t('plan.doc.part4')}</h2>
      {plan.funding.text && <Paragraphs text={plan.funding.text} />}
      {plan.funding.sources.length > 0 && (
        <p>{t('plan.doc.fundingSources', { sources: plan.funding.sources.join('; ') })}</p>
      )}

      <Signatures plan={plan} />
      {plan.recipients.length > 0 && (
        <div className="doc-recipients">
          <p>
            <strong>
              <em>{t('plan.doc.recipients')}</em>
            </strong>
          </p>
          <ul>
            {plan.recipients.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function Signatures({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  if (plan.signatures.length === 0) return null;
  return (
    <div className="doc-signatures">
      {plan.signatures.map((s, i) => (
        <div key={i} className="doc-signature">
          {s.agency && <p className="doc-signature-agency">{s.agency.name.toUpperCase()}</p>}
          <p className="doc-signature-authority">{s.authority}</p>
          <p className="doc-signature-position">{s.position}</p>
          <p className="doc-signature-signer">
            {s.signer || <span className="muted">{t('plan.doc.signerPending')}</span>}
          </p>
        </div>
      ))}
    </div>
  );
}

function Bullets({ items }: { items: string[] }) {
  if (items.length === 0) return <p className="muted">—</p>;
  return (
    <ul className="doc-bullets">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split('\n').map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

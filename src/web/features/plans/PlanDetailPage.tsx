// A plan as its official document, with who has signed, the review comments, the workflow
// buttons the server allows and the downloads.
import { useLocation } from 'react-router';
import { formatDate, formatDateTime } from '../../i18n/format';
import { PrintButton } from '../../components/PrintButton';
import { PlanLayout, type PlanLocationState } from './PlanLayout';
import { PlanActions } from './PlanActions';
import { PlanDocument } from './PlanDocument';
import { CascadeOverviewPanel } from './cascade/CascadeOverviewPanel';
import { can, type PlanView } from './plan-types';
import { usePlanT } from './use-plan-t';

export function PlanDetailPage() {
  return (
    <PlanLayout>
      {(plan, ctx) => (
        <>
          <ImportLeftovers />
          <ReturnedNotice plan={plan} />
          <PrintButton documentTitle={plan.number ? `${plan.number} — ${plan.title}` : plan.title} />
          <PlanFacts plan={plan} />
          <PlanActions plan={plan} ctx={ctx} />
          {/* The centre follows the provinces from the issued plan itself. */}
          {plan.kind === 'central' && can(plan, 'send_to_provinces') && <CascadeOverviewPanel plan={plan} ctx={ctx} />}
          <PlanDocument plan={plan} />
          <PlanComments plan={plan} />
        </>
      )}
    </PlanLayout>
  );
}

function PlanFacts({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  const placeDate = [plan.place, formatDate(plan.issuedOn)].filter(Boolean).join(', ');
  return (
    <section className="panel plan-facts" aria-label={t('plan.facts.issuers')}>
      <dl className="facts">
        <div>
          <dt>{t('plan.facts.number')}</dt>
          <dd className={plan.number ? 'code' : 'muted'}>{plan.number || t('plans.noNumber')}</dd>
        </div>
        <div>
          <dt>{t('plan.facts.placeDate')}</dt>
          <dd>{placeDate || '—'}</dd>
        </div>
        {plan.programme && (
          <div>
            <dt>{t('plan.facts.programme')}</dt>
            <dd>{plan.programme}</dd>
          </div>
        )}
      </dl>
      <h2 className="facts-title">{t('plan.facts.issuers')}</h2>
      <ol className="signoff" data-testid="signoff">
        {plan.issuers.map((issuer, index) => (
          <li key={issuer.id} className={issuer.signedAt ? 'is-signed' : undefined}>
            <span className="signoff-mark" aria-hidden="true">
              {issuer.signedAt ? '✓' : '○'}
            </span>
            <span>
              <strong>{issuer.name}</strong>
              {index === 0 && plan.issuers.length > 1 && <small className="muted"> ({t('plan.issuer.lead')})</small>}
              <small className="block">
                {issuer.signedAt
                  ? t('plan.issuer.signed', { who: issuer.signedBy ?? '', when: formatDateTime(issuer.signedAt) })
                  : t('plan.issuer.notSigned')}
              </small>
            </span>
          </li>
        ))}
      </ol>
      {plan.namesAsOf && <p className="muted small">{t('plan.namesAsOf', { date: formatDate(plan.namesAsOf) })}</p>}
    </section>
  );
}

/** The comment a plan was sent back with, above everything while it is a draft again. */
function ReturnedNotice({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  if (plan.status !== 'draft') return null;
  // Until it is submitted again; a later revision's comment replaces it.
  const last = plan.comments.at(-1);
  if (!last || last.kind !== 'return') return null;
  return (
    <div className="notice notice-warning returned-notice" role="note">
      <p>
        <strong>{t('plan.comments.returned')}</strong>
      </p>
      <blockquote>{last.body}</blockquote>
      <p className="small">
        {t('plan.comments.by', {
          agency: last.agency ?? '',
          author: last.author ?? '',
          when: formatDateTime(last.createdAt),
          version: last.version,
        })}
      </p>
    </div>
  );
}

function PlanComments({ plan }: { plan: PlanView }) {
  const t = usePlanT();
  if (plan.comments.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="plan-comments-title">
      <h2 id="plan-comments-title">{t('plan.comments.title')}</h2>
      <ul className="comment-list">
        {[...plan.comments].reverse().map((c) => (
          <li key={c.id}>
            <span className={c.kind === 'return' ? 'badge badge-warn' : 'badge'}>
              {c.kind === 'return' ? t('plan.comments.return') : t('plan.comments.revise')}
            </span>
            <p>{c.body}</p>
            <small className="muted">
              {t('plan.comments.by', {
                agency: c.agency ?? '',
                author: c.author ?? '',
                when: formatDateTime(c.createdAt),
                version: c.version,
              })}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After an import: what the parser could not place and the names it did not recognise. */
function ImportLeftovers() {
  const t = usePlanT();
  const imported = (useLocation().state as PlanLocationState | null)?.imported;
  if (!imported || (imported.unparsed.length === 0 && imported.warnings.length === 0)) return null;
  return (
    <div className="notice notice-warning" role="note">
      {imported.warnings.length > 0 && (
        <>
          <p>{t('import.warnings')}</p>
          <ul>
            {imported.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
      {imported.unparsed.length > 0 && (
        <>
          <p>{t('import.unparsedAfter', { count: imported.unparsed.length })}</p>
          <ul>
            {imported.unparsed.map((u) => (
              <li key={u.line}>
                <span className="code">{t('import.line', { line: u.line })}</span>: {u.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

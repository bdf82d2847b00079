// Small pieces shown on several plan pages: the status badge and the issuers with their signatures.
import { useI18n } from '../../i18n/I18nProvider';
import { statusBadgeClass, statusLabel } from './plan-labels';
import { usePlanT } from './use-plan-t';

export function StatusBadge({ status }: { status: string }) {
  const { lang } = useI18n();
  return (
    <span className={statusBadgeClass(status)} data-testid="plan-status">
      {statusLabel(status, lang)}
    </span>
  );
}

/** "Hội LHPN Việt Nam ✓ · Bộ DT&TG (chưa ký)" for a list row. */
export function IssuerList({ issuers }: { issuers: { id: number; shortName: string; signed: boolean }[] }) {
  const t = usePlanT();
  return (
    <ul className="issuer-list">
      {issuers.map((issuer) => (
        <li key={issuer.id} className={issuer.signed ? 'is-signed' : undefined}>
          {issuer.shortName}{' '}
          {issuer.signed ? (
            <span className="signed-mark" title={t('plans.signed')}>
              ✓<span className="visually-hidden"> {t('plans.signed')}</span>
            </span>
          ) : (
            <small className="muted">({t('plans.notSigned')})</small>
          )}
        </li>
      ))}
    </ul>
  );
}

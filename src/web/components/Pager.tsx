import { useT } from '../i18n/I18nProvider';
import { formatNumber } from '../i18n/format';

interface PagerProps {
  total: number;
  limit: number;
  offset: number;
  onChange(offset: number): void;
}

export function Pager({ total, limit, offset, onChange }: PagerProps) {
  const t = useT();
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <span className="pager-range">
        {t('pager.range', { first: formatNumber(first), last: formatNumber(last), total: formatNumber(total) })}
      </span>
      <span className="pager-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('pager.previous')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={last >= total}
          onClick={() => onChange(offset + limit)}
        >
          {t('pager.next')}
        </button>
      </span>
    </nav>
  );
}

// A pivot result as a table: row labels, cells, totals, and (when asked) each cell's target and
// achievement. On a phone the table scrolls sideways with the row labels kept in view.
import type { PivotDimension } from '../../../shared/analytics';
import { formatNumber } from '../../i18n/format';
import { dimensionLabel, type PivotResult } from './shared';
import { useAnalyticsT } from './use-analytics-t';

type Block = NonNullable<PivotResult['targets']>;

interface PivotTableProps {
  result: PivotResult;
  showTargets: boolean;
}

export function PivotTable({ result, showTargets }: PivotTableProps) {
  const t = useAnalyticsT();
  const rowDims = result.meta.rows as PivotDimension[];
  const colDims = result.meta.cols as PivotDimension[];
  const targets = showTargets ? result.targets : undefined;
  const achievement = showTargets ? result.achievement : undefined;
  const rowHeads = Math.max(1, rowDims.length);
  const withRowTotals = colDims.length > 0;
  const withColTotals = rowDims.length > 0;
  const caption = t('pivot.caption', {
    rows: rowDims.map((d) => dimensionLabel(t, d)).join(', ') || '—',
    cols: colDims.map((d) => dimensionLabel(t, d)).join(', ') || '—',
  });

  const cell = (value: number | null | undefined, target?: number | null, pct?: number | null, total = false) => (
    <>
      {value === null || value === undefined ? (
        <span className="muted" title={total ? t('pivot.noTotal') : undefined}>
          —
        </span>
      ) : (
        formatNumber(value)
      )}
      {target !== null && target !== undefined && (
        <small className={pct !== null && pct !== undefined && pct >= 100 ? 'block an-met' : 'block muted'}>
          {pct !== null && pct !== undefined
            ? t('pivot.ofTarget', { target: formatNumber(target), pct: formatNumber(pct) })
            : t('pivot.targetOnly', { target: formatNumber(target) })}
        </small>
      )}
    </>
  );
  const at = (block: Block | undefined, r: number, c: number) => block?.cells[r]?.[c];

  return (
    // A region of its own that takes focus: a keyboard user scrolls a table wider than the phone.
    <div className="an-pivot-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="an-pivot" data-testid="pivot-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {rowDims.length === 0 ? (
              <th scope="col" />
            ) : (
              rowDims.map((d) => (
                <th key={d} scope="col" className="an-rowhead">
                  {dimensionLabel(t, d)}
                </th>
              ))
            )}
            {result.columns.map((c, i) => (
              <th key={c.key.join('|') || i} scope="col">
                {c.label.join(' · ') || t('entry.value')}
                {c.partial && ' *'}
              </th>
            ))}
            {withRowTotals && <th scope="col">{t('pivot.total')}</th>}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, r) => (
            <tr key={row.key.join('|') || r}>
              {rowDims.length === 0 ? (
                <th scope="row">{t('pivot.total')}</th>
              ) : (
                row.label.map((label, i) => (
                  <th key={i} scope="row" className="an-rowhead">
                    {label}
                    {row.partial && i === row.label.length - 1 && ' *'}
                  </th>
                ))
              )}
              {result.columns.map((_, c) => (
                <td key={c}>{cell(result.cells[r]?.[c], at(targets, r, c), at(achievement, r, c))}</td>
              ))}
              {withRowTotals && (
                <td className="an-total">
                  {cell(result.totals.rows[r], targets?.rows[r], achievement?.rows[r], true)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        {withColTotals && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={rowHeads}>
                {t('pivot.total')}
              </th>
              {result.columns.map((_, c) => (
                <td key={c} className="an-total">
                  {cell(result.totals.columns[c], targets?.columns[c], achievement?.columns[c], true)}
                </td>
              ))}
              {withRowTotals && (
                <td className="an-total" data-testid="pivot-grand-total">
                  {cell(result.totals.grand, targets?.grand, achievement?.grand, true)}
                </td>
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

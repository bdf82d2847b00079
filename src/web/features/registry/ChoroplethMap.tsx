// Active models of one type by province, shaded in five classes, with a legend. Pointing at or
// tapping a province shows its name and numbers under the map (a phone has no hover).
import { useMemo, useState } from 'react';
import { ErrorNotice, Loading } from '../../components/Status';
import { formatNumber } from '../../i18n/format';
import { useAsync } from '../../lib/use-async';
import { classBreaks, classOf, loadMap } from './geo';
import type { StatCell } from './model-codes';
import { useRegistryT } from './use-registry-t';

const COLORS = ['#fde0dd', '#fbb4b9', '#f7838c', '#d9444f', '#9f1d20'];
const EMPTY = '#eef0f2';
/** Colours for k classes, spread over the scale so one or two classes are not all pale. */
const PALETTES: Record<number, string[]> = {
  1: [COLORS[3]!],
  2: [COLORS[1]!, COLORS[3]!],
  3: [COLORS[0]!, COLORS[2]!, COLORS[4]!],
  4: [COLORS[0]!, COLORS[1]!, COLORS[3]!, COLORS[4]!],
  5: COLORS,
};

interface ChoroplethMapProps {
  generation: 2024 | 2025;
  typeName: string;
  cells: Map<string, { name: string; cell: StatCell }>;
}

export function ChoroplethMap({ generation, typeName, cells }: ChoroplethMapProps) {
  const t = useRegistryT();
  const map = useAsync(() => loadMap(generation), [generation]);
  const [active, setActive] = useState<string | null>(null);
  const max = useMemo(() => Math.max(0, ...[...cells.values()].map((c) => c.cell.active)), [cells]);
  const breaks = classBreaks(max);
  const palette = PALETTES[breaks.length] ?? COLORS;
  const fill = (code: string) => {
    const index = classOf(cells.get(code)?.cell.active ?? 0, breaks);
    return index < 0 ? EMPTY : (palette[index] ?? EMPTY);
  };

  if (map.error) return <ErrorNotice error={map.error} onRetry={map.reload} />;
  if (!map.data) return <Loading label={t('stats.mapLoading')} />;
  const { width, height, shapes } = map.data;
  const current = active ? cells.get(active) : undefined;
  const currentName = active ? (current?.name ?? shapes.find((s) => s.code === active)?.name) : undefined;

  return (
    <figure className="reg-map">
      <svg viewBox={`-4 -4 ${width + 8} ${height + 8}`} role="img" aria-label={t('stats.mapLabel', { type: typeName })}>
        {shapes.map((shape) => (
          <path
            key={shape.code}
            d={shape.d}
            fill={fill(shape.code)}
            className={shape.code === active ? 'is-active' : undefined}
            data-code={shape.code}
            onMouseEnter={() => setActive(shape.code)}
            onClick={() => setActive(shape.code)}
          >
            <title>
              {`${cells.get(shape.code)?.name ?? shape.name}: ${formatNumber(cells.get(shape.code)?.cell.active ?? 0)}`}
            </title>
          </path>
        ))}
      </svg>
      <figcaption>
        <p className="reg-map-info" aria-live="polite" data-testid="map-info">
          {currentName ? (
            <>
              <strong>{currentName}</strong>: {t('stats.mapActive', { count: formatNumber(current?.cell.active ?? 0) })}
              {current?.cell.target !== null && current?.cell.target !== undefined && (
                <>
                  {' '}
                  · {t('stats.target')} {formatNumber(current.cell.target)}
                  {current.cell.achievementPct !== null && ` (${formatNumber(current.cell.achievementPct)}%)`}
                </>
              )}
            </>
          ) : (
            <span className="muted">{t('stats.mapHint')}</span>
          )}
        </p>
        <ul className="reg-legend" aria-label={t('stats.legend')}>
          <li>
            <span className="reg-swatch" style={{ background: EMPTY }} /> 0
          </li>
          {breaks.map((b, i) => {
            const next = breaks[i + 1];
            const label =
              next === undefined
                ? b === max
                  ? String(b)
                  : `${b}–${max}`
                : next - 1 === b
                  ? String(b)
                  : `${b}–${next - 1}`;
            return (
              <li key={b}>
                <span className="reg-swatch" style={{ background: palette[i] }} />
                {label}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}

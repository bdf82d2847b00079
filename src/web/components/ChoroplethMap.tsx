// A number per province, shaded in up to five classes, with a legend: the registry's models by
// province and the dashboard's indicator by province. Pointing at or tapping a province shows what
// `describe` says about it under the map (a phone has no hover). Shapes load only where a map is.
import { useMemo, useState, type ReactNode } from 'react';
import { formatNumber } from '../i18n/format';
import { useQuery } from '@tanstack/react-query';
import { REFERENCE_QUERY } from '../lib/query-client';
import { classBreaks, classOf, loadMap } from './geo';
import { ErrorNotice, Loading } from './Status';
import './choropleth.css';

const COLORS = ['#fde0dd', '#fbb4b9', '#f7838c', '#d9444f', '#9f1d20'];
const EMPTY = '#e3e6ea';
/** Colours for k classes, spread over the scale so one or two classes are not all pale. */
const PALETTES: Record<number, string[]> = {
  1: [COLORS[3]!],
  2: [COLORS[1]!, COLORS[3]!],
  3: [COLORS[0]!, COLORS[2]!, COLORS[4]!],
  4: [COLORS[0]!, COLORS[1]!, COLORS[3]!, COLORS[4]!],
  5: COLORS,
};

export interface ChoroplethMapProps {
  generation: 2024 | 2025;
  /** The value shaded, by province code (absent or null: nothing). */
  values: ReadonlyMap<string, number | null>;
  /** Province names by code; the map file's names otherwise. */
  names?: ReadonlyMap<string, string>;
  /** The line under the map for the province pointed at. */
  describe: (code: string, name: string) => ReactNode;
  labels: { map: string; loading: string; hint: string; legend: string };
}

export function ChoroplethMap({ generation, values, names, describe, labels }: ChoroplethMapProps) {
  // Province shapes change only by law: asked once per geography and kept for the session.
  const map = useQuery({
    queryKey: ['province-shapes', generation],
    queryFn: ({ signal }) => loadMap(generation, signal),
    ...REFERENCE_QUERY,
  });
  const [active, setActive] = useState<string | null>(null);
  const max = useMemo(() => Math.ceil(Math.max(0, ...[...values.values()].map((v) => v ?? 0))), [values]);
  const breaks = classBreaks(max);
  const palette = PALETTES[breaks.length] ?? COLORS;
  const fill = (code: string) => {
    const index = classOf(values.get(code) ?? 0, breaks);
    return index < 0 ? EMPTY : (palette[index] ?? EMPTY);
  };

  if (map.error) return <ErrorNotice error={map.error} onRetry={() => void map.refetch()} />;
  if (!map.data) return <Loading label={labels.loading} />;
  const { width, height, shapes } = map.data;
  const nameOf = (code: string) => names?.get(code) ?? shapes.find((s) => s.code === code)?.name ?? code;

  return (
    <figure className="choropleth">
      <svg viewBox={`-4 -4 ${width + 8} ${height + 8}`} role="img" aria-label={labels.map}>
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
            <title>{`${nameOf(shape.code)}: ${formatNumber(values.get(shape.code) ?? 0)}`}</title>
          </path>
        ))}
      </svg>
      <figcaption>
        <p className="choropleth-info" aria-live="polite" data-testid="map-info">
          {active ? describe(active, nameOf(active)) : <span className="muted">{labels.hint}</span>}
        </p>
        <ul className="choropleth-legend" aria-label={labels.legend}>
          <li>
            <span className="choropleth-swatch" style={{ background: EMPTY }} /> 0
          </li>
          {breaks.map((b, i) => {
            const next = breaks[i + 1];
            const label =
              next === undefined
                ? b === max
                  ? formatNumber(b)
                  : `${formatNumber(b)}–${formatNumber(max)}`
                : next - 1 === b
                  ? formatNumber(b)
                  : `${formatNumber(b)}–${formatNumber(next - 1)}`;
            return (
              <li key={b}>
                <span className="choropleth-swatch" style={{ background: palette[i] }} />
                {label}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}

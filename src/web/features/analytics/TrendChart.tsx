// Values by quarter as bars, drawn by ECharts, which loads with the first chart shown and never
// with the app (a dynamic import: its own chunk).
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice, Loading } from '../../components/Status';
import { formatNumber } from '../../i18n/format';

export interface TrendChartProps {
  label: string;
  loadingLabel: string;
  seriesName: string;
  periods: string[];
  values: (number | null)[];
}

type Chart = ReturnType<typeof import('./echarts-setup').init>;

export function TrendChart({ label, loadingLabel, seriesName, periods, values }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');

  useEffect(() => {
    let disposed = false;
    const resize = () => chart.current?.resize();
    import('./echarts-setup').then(
      ({ init }) => {
        if (disposed || !box.current) return;
        chart.current = init(box.current, undefined, { renderer: 'svg' });
        window.addEventListener('resize', resize);
        setState('ready');
      },
      (error: unknown) => setState(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (state !== 'ready' || !chart.current) return;
    chart.current.setOption(
      {
        animation: false,
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '—') },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
        series: [{ name: seriesName, type: 'bar', data: values.map((v) => v ?? 0), itemStyle: { color: '#9f1d20' } }],
      },
      true,
    );
  }, [state, periods, values, seriesName]);

  return (
    <div className="an-chart">
      {state === 'loading' && <Loading label={loadingLabel} />}
      {state instanceof Error && <ErrorNotice error={state} />}
      <div ref={box} className="an-chart-canvas" role="img" aria-label={label} data-testid="trend-chart" />
    </div>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { locale } from '../lib/i18n';

export interface Series { label: string; values: (number | null)[]; color: string; scale?: string }

// Chart draws lines (a trend) or bars (a slice) with uPlot over labelled
// points; a click on a point calls onPick with its index.
export function Chart({ labels, series, kind = 'line', height = 220, onPick, title }: {
  labels: string[];
  series: Series[];
  kind?: 'line' | 'bars';
  height?: number;
  onPick?: (i: number) => void;
  title?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = el.current;
    if (!host) return;
    const xs = labels.map((_, i) => i);
    const scales: Record<string, uPlot.Scale> = { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } };
    const axes: uPlot.Axis[] = [
      {
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) && labels[v] !== undefined ? labels[v] : '')),
        incrs: [1, 2, 5, 10, 20, 50],
        stroke: '#555',
        grid: { show: false },
      },
      { stroke: '#555', grid: { stroke: '#eee' }, size: 50, values: (_u, splits) => splits.map((v) => v.toLocaleString(locale())) },
    ];
    // bars and counts start at zero
    scales.y = { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] };
    const used = new Set(series.map((s) => s.scale ?? 'y'));
    if (used.has('y2')) {
      scales.y2 = {};
      axes.push({ scale: 'y2', side: 1, stroke: '#555', grid: { show: false }, size: 50, values: (_u, splits) => splits.map((v) => v.toLocaleString(locale())) });
    }
    const bars = kind === 'bars' ? uPlot.paths.bars!({ size: [0.7 / Math.max(1, series.length), 60], align: 0 }) : undefined;
    const opts: uPlot.Options = {
      width: Math.max(300, host.clientWidth),
      height,
      title,
      scales,
      axes,
      legend: { show: series.length > 1, live: false },
      cursor: { drag: { x: false, y: false }, points: { size: 8 } },
      series: [
        { label: '' },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          fill: kind === 'bars' ? s.color + 'cc' : undefined,
          width: kind === 'bars' ? 1 : 2,
          scale: s.scale ?? 'y',
          paths: bars,
          points: { show: kind === 'line' },
        })),
      ],
    };
    const u = new uPlot(opts, [xs, ...series.map((s) => s.values)] as uPlot.AlignedData, host);
    const onClick = () => {
      const i = u.cursor.idx;
      if (i != null && onPick) onPick(i);
    };
    u.over.addEventListener('click', onClick);
    if (onPick) u.over.style.cursor = 'pointer';
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(300, host.clientWidth), height }));
    ro.observe(host);
    return () => {
      ro.disconnect();
      u.destroy();
    };
  }, [JSON.stringify(labels), JSON.stringify(series), kind, height]);
  return <div class="chart" ref={el} />;
}

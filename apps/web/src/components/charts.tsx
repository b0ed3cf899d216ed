import { formatDay } from '../lib/format.ts';

/** A small SVG bar chart; the bars carry their values as <title> for hover and screen readers. */
export function BarChart({
  data,
  label,
  format = (n) => String(n),
  color = 'var(--color-accent)',
}: {
  data: Array<{ label: string; value: number }>;
  label: string;
  format?: (n: number) => string;
  color?: string;
}) {
  if (!data.length) return <p className="py-8 text-center text-sm text-ink-soft">No data yet.</p>;
  const w = 600;
  const h = 180;
  const pad = { top: 12, bottom: 24, left: 8, right: 8 };
  const max = Math.max(1, ...data.map((d) => d.value));
  const band = (w - pad.left - pad.right) / data.length;
  const barW = Math.min(40, Math.max(2, band * 0.7));
  const every = Math.ceil(data.length / 7);
  return (
    <figure>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="h-44 w-full">
        <line
          x1={pad.left}
          x2={w - pad.right}
          y1={h - pad.bottom}
          y2={h - pad.bottom}
          stroke="var(--color-sand)"
        />
        {data.map((d, i) => {
          const bh = ((h - pad.top - pad.bottom) * d.value) / max;
          const x = pad.left + i * band + (band - barW) / 2;
          return (
            <g key={d.label}>
              <rect x={x} y={h - pad.bottom - bh} width={barW} height={bh} rx={3} fill={color}>
                <title>{`${formatDay(d.label)}: ${format(d.value)}`}</title>
              </rect>
              {i % every === 0 && (
                <text
                  x={x + barW / 2}
                  y={h - 6}
                  textAnchor="middle"
                  fontSize="11"
                  fill="var(--color-ink-soft)"
                >
                  {formatDay(d.label)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">
        {label}: {data.map((d) => `${formatDay(d.label)} ${format(d.value)}`).join(', ')}
      </figcaption>
    </figure>
  );
}

export function LineChart({
  data,
  label,
  format = (n) => String(n),
}: {
  data: Array<{ label: string; value: number }>;
  label: string;
  format?: (n: number) => string;
}) {
  if (!data.length) return <p className="py-8 text-center text-sm text-ink-soft">No data yet.</p>;
  const w = 600;
  const h = 180;
  const pad = { top: 14, bottom: 24, left: 8, right: 8 };
  const max = Math.max(1, ...data.map((d) => d.value));
  const step = data.length > 1 ? (w - pad.left - pad.right) / (data.length - 1) : 0;
  const pts = data.map(
    (d, i) => [pad.left + i * step, h - pad.bottom - ((h - pad.top - pad.bottom) * d.value) / max] as const,
  );
  const path = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const area = `${path} L${pts[pts.length - 1][0]},${h - pad.bottom} L${pts[0][0]},${h - pad.bottom} Z`;
  const every = Math.ceil(data.length / 7);
  return (
    <figure>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="h-44 w-full">
        <line
          x1={pad.left}
          x2={w - pad.right}
          y1={h - pad.bottom}
          y2={h - pad.bottom}
          stroke="var(--color-sand)"
        />
        <path d={area} fill="var(--color-accent)" opacity={0.12} />
        <path d={path} fill="none" stroke="var(--color-accent)" strokeWidth={2.5} strokeLinejoin="round" />
        {pts.map(([x, y], i) => (
          <g key={data[i].label}>
            <circle
              cx={x}
              cy={y}
              r={3.5}
              fill="var(--color-paper)"
              stroke="var(--color-accent)"
              strokeWidth={2}
            >
              <title>{`${formatDay(data[i].label)}: ${format(data[i].value)}`}</title>
            </circle>
            {i % every === 0 && (
              <text x={x} y={h - 6} textAnchor="middle" fontSize="11" fill="var(--color-ink-soft)">
                {formatDay(data[i].label)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="sr-only">
        {label}: {data.map((d) => `${formatDay(d.label)} ${format(d.value)}`).join(', ')}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars with labels, for ranked counts (trends). */
export function RankBars({
  items,
  render,
  label,
  barColor,
}: {
  items: Array<{ value: string; count: number }>;
  render?: (value: string) => React.ReactNode;
  label: string;
  /** Colour of each bar (defaults to the accent). */
  barColor?: (value: string) => string;
}) {
  if (!items.length) return <p className="py-6 text-center text-sm text-ink-soft">Nothing trending yet.</p>;
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <ol className="flex flex-col gap-2" aria-label={label}>
      {items.map((i) => (
        <li key={i.value} className="grid grid-cols-[minmax(0,8rem)_1fr_2.5rem] items-center gap-3 text-sm">
          <span className="truncate">{render ? render(i.value) : i.value}</span>
          <span className="h-2.5 overflow-hidden rounded-full bg-linen" aria-hidden>
            <span
              className="block h-full rounded-full bg-accent"
              style={{ width: `${(i.count / max) * 100}%`, backgroundColor: barColor?.(i.value) }}
            />
          </span>
          <span className="text-right tabular-nums text-ink-soft">{i.count}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * Horizontal bar chart in plain SVG (issue 6: violations by rule, owner and
 * stage). Readable without colour: every bar carries its label and count as
 * text, and the same numbers are in a table for screen readers.
 */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

export interface BarChartProps {
  title: string;
  data: BarDatum[];
  /** Shown when there is nothing to chart. */
  empty?: string;
  /** Bars beyond this are summed into "Others". */
  max?: number;
  onSelect?: (key: string) => void;
}

const ROW = 26;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 56;

export function BarChart({ title, data, empty = 'Nothing to show.', max = 12, onSelect }: BarChartProps) {
  const sorted = [...data].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const shown = sorted.slice(0, max);
  const rest = sorted.slice(max).reduce((sum, d) => sum + d.value, 0);
  if (rest > 0) shown.push({ key: '__others', label: `Others (${sorted.length - max})`, value: rest });
  const top = Math.max(1, ...shown.map((d) => d.value));
  const height = shown.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const titleId = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;

  return (
    <figure class="bar-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      {shown.length === 0 ? (
        <p class="bar-chart__empty">{empty}</p>
      ) : (
        <>
          <svg
            role="img"
            aria-labelledby={titleId}
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            preserveAspectRatio="xMinYMin meet"
          >
            {shown.map((d, i) => {
              const y = i * ROW + 4;
              const w = Math.max(2, Math.round((d.value / top) * BAR_WIDTH));
              const clickable = onSelect && d.key !== '__others';
              return (
                <g
                  key={d.key}
                  class={clickable ? 'bar-chart__row bar-chart__row--link' : 'bar-chart__row'}
                  onClick={clickable ? () => onSelect(d.key) : undefined}
                >
                  <text x={LABEL_WIDTH - 8} y={y + 15} text-anchor="end" class="bar-chart__label">
                    {truncate(d.label, 28)}
                    <title>{d.label}</title>
                  </text>
                  <rect x={LABEL_WIDTH} y={y + 3} width={w} height={ROW - 10} rx={2} class="bar-chart__bar" />
                  <text x={LABEL_WIDTH + w + 6} y={y + 15} class="bar-chart__value">
                    {d.value}
                  </text>
                </g>
              );
            })}
          </svg>
          <table class="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Violations</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.label}</th>
                  <td>{d.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

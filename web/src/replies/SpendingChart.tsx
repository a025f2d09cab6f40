/**
 * Spending by category as a horizontal bar chart: a hand-written SVG (no chart library) in its
 * own chunk, loaded only when a spending reply arrives. The SVG is decoration for sighted
 * readers; the same figures are in a table for screen readers.
 */
import type { SpendingView } from "../../../packages/dialogue/types.js";
import { money, shortDate, titleCase } from "./format.js";

const ROW = 28;
const LABEL_W = 110;
const AMOUNT_W = 84;
const WIDTH = 360;
const BAR_W = WIDTH - LABEL_W - AMOUNT_W;

export default function SpendingChart({ spending }: { spending: SpendingView }) {
  const rows = [...spending.byCategory]
    .map((c) => ({ ...c, size: Math.abs(c.total.minor) }))
    .sort((a, b) => b.size - a.size);
  const largest = Math.max(1, ...rows.map((r) => r.size));
  const caption = `Spending ${shortDate(spending.from)} – ${shortDate(spending.to)}: ${money({ ...spending.total, minor: Math.abs(spending.total.minor) })} in total`;
  return (
    <figure className="spending">
      <figcaption>{caption}</figcaption>
      {rows.length === 0 ? (
        <p className="rich-empty">No spending in this period.</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${WIDTH} ${rows.length * ROW}`}
            className="spending-chart"
            aria-hidden="true"
            focusable="false"
            data-testid="spending-chart"
          >
            {rows.map((row, i) => {
              const y = i * ROW;
              const width = Math.max(2, Math.round((row.size / largest) * BAR_W));
              return (
                <g key={row.category}>
                  <text x={LABEL_W - 8} y={y + ROW / 2} className="chart-label" textAnchor="end" dominantBaseline="middle">
                    {titleCase(row.category)}
                  </text>
                  <rect x={LABEL_W} y={y + 5} width={width} height={ROW - 10} rx={3} className="chart-bar" />
                  <text x={LABEL_W + width + 6} y={y + ROW / 2} className="chart-value" dominantBaseline="middle">
                    {money({ ...row.total, minor: row.size })}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="visually-hidden">
            <caption>Spending by category</caption>
            <tbody>
              {rows.map((row) => (
                <tr key={row.category}>
                  <th scope="row">{titleCase(row.category)}</th>
                  <td>{money({ ...row.total, minor: row.size })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

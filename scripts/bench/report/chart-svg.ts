// The results chart as a self-contained SVG, written by hand (no charting dependency): for each figure
// with a goal, one horizontal bar per peer showing how many times better boto-ts is than that peer
// (log scale; right of the 1x line = boto-ts ahead, left = behind), and a tick where the goal sits
// relative to the v3 SDK.

import { escapeXmlText } from '../server/xml-writer.js';
import { advantage, cellValue, goalStatus, PEERS, type Peer, type Row, SUBJECT_TITLES } from './rows.js';

const COLORS: Readonly<Record<Peer, string>> = { v3: '#d95f02', boto3: '#7570b3', floor: '#1b9e77' };
const WIDTH = 1100;
const LABEL_WIDTH = 420;
const PLOT_LEFT = LABEL_WIDTH + 10;
const PLOT_WIDTH = WIDTH - PLOT_LEFT - 70;
const BAR = 11;
const BAR_GAP = 3;
const GROUP_GAP = 16;
const TOP = 78;

/** How many times better than v3 boto-ts must be to meet the row's goal. */
export function goalAdvantageOverV3(row: Row): number | undefined {
  const v3 = cellValue(row.cells.v3);
  if (row.goal === undefined || v3 === undefined || row.goal.limit <= 0) return undefined;
  return row.better === 'lower' ? v3 / row.goal.limit : row.goal.limit / v3;
}

function fmt(x: number): string {
  return x >= 10 ? `${x.toFixed(0)}x` : x >= 1 ? `${x.toFixed(1)}x` : `${x.toFixed(2)}x`;
}

function domain(rows: readonly Row[]): [number, number] {
  const values = [1];
  for (const row of rows) {
    for (const peer of PEERS) {
      const a = advantage(row, peer);
      if (a !== undefined) values.push(a);
    }
    const goal = goalAdvantageOverV3(row);
    if (goal !== undefined) values.push(goal);
  }
  // Room beyond the extreme bars for their labels.
  const low = 10 ** Math.floor(Math.log10(Math.max(1e-3, Math.min(...values) / 1.8)));
  const high = 10 ** Math.ceil(Math.log10(Math.min(1e4, Math.max(...values)) * 1.8));
  return [low, Math.max(high, low * 10)];
}

/** The chart for `rows` (those with a goal are drawn) as an SVG document. */
export function chartSvg(rows: readonly Row[], subtitle: string): string {
  const drawn = rows.filter((r) => r.goal !== undefined);
  const [low, high] = domain(drawn);
  const x = (v: number) =>
    PLOT_LEFT + ((Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * PLOT_WIDTH;
  const groupHeight = PEERS.length * (BAR + BAR_GAP) + GROUP_GAP;
  const height = TOP + drawn.length * groupHeight + 40;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="16" font-weight="bold">boto-ts against its peers: times better (right of 1x) or worse (left)</text>`,
    `<text x="16" y="42" fill="#555">${escapeXmlText(subtitle)}</text>`,
  ];
  let legendX = PLOT_LEFT;
  for (const peer of PEERS) {
    out.push(`<rect x="${legendX}" y="52" width="12" height="12" fill="${COLORS[peer]}"/>`);
    const label = peer === 'floor' ? 'floor (bare node / aws4 + node:http)' : `vs ${SUBJECT_TITLES[peer]}`;
    out.push(`<text x="${legendX + 16}" y="62">${escapeXmlText(label)}</text>`);
    legendX += 40 + label.length * 6.5;
  }
  out.push(`<path d="M${legendX} 52 v12" stroke="#000" stroke-width="2"/>`);
  out.push(`<text x="${legendX + 6}" y="62">goal, relative to v3</text>`);

  const plotBottom = TOP + drawn.length * groupHeight;
  for (let tick = low; tick <= high * 1.0001; tick *= 10) {
    const tx = x(tick).toFixed(1);
    out.push(`<path d="M${tx} ${TOP - 6} V${plotBottom}" stroke="${tick === 1 ? '#000' : '#ddd'}"/>`);
    out.push(`<text x="${tx}" y="${plotBottom + 16}" text-anchor="middle" fill="#555">${fmt(tick)}</text>`);
  }

  drawn.forEach((row, g) => {
    const y0 = TOP + g * groupHeight;
    const status = goalStatus(row);
    const mark = status === 'met' ? ' ✓' : status === 'missed' ? ' ✗' : '';
    out.push(
      `<text x="${LABEL_WIDTH}" y="${y0 + 16}" text-anchor="end">${escapeXmlText(row.figure)}${mark}</text>`,
    );
    out.push(
      `<text x="${LABEL_WIDTH}" y="${y0 + 30}" text-anchor="end" fill="#777" font-size="10">${escapeXmlText(`goal ${row.goal!.text}`)}</text>`,
    );
    if (cellValue(row.cells['boto-ts']) === undefined) {
      out.push(`<text x="${x(1) + 8}" y="${y0 + 18}" fill="#999" font-style="italic">boto-ts pending</text>`);
      return;
    }
    const goal = goalAdvantageOverV3(row);
    const goalX = goal === undefined ? undefined : x(Math.min(Math.max(goal, low), high));
    PEERS.forEach((peer, i) => {
      const a = advantage(row, peer);
      if (a === undefined) return;
      const y = y0 + i * (BAR + BAR_GAP);
      const from = x(1);
      const to = x(Math.min(Math.max(a, low), high));
      out.push(
        `<rect x="${Math.min(from, to).toFixed(1)}" y="${y}" width="${Math.max(1, Math.abs(to - from)).toFixed(1)}" height="${BAR}" fill="${COLORS[peer]}"/>`,
      );
      // The label sits at the bar's end, unless the goal tick would cross it: then just past the tick.
      const labelWidth = fmt(a).length * 6;
      const crossed =
        peer === 'v3' && a >= 1 && goalX !== undefined && goalX >= to && goalX <= to + 6 + labelWidth;
      const labelX = a >= 1 ? (crossed ? goalX! : to) + 4 : to - 4;
      out.push(
        `<text x="${labelX.toFixed(1)}" y="${y + BAR - 1}" font-size="10" text-anchor="${a >= 1 ? 'start' : 'end'}">${fmt(a)}</text>`,
      );
    });
    if (goalX !== undefined) {
      out.push(`<path d="M${goalX.toFixed(1)} ${y0 - 2} v${BAR + 4}" stroke="#000" stroke-width="2"/>`);
    }
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

// The results table in Markdown: figure, each subject's median, boto-ts/peer ratios, goal, met/missed.
// Cell notes (why a value is pending or skipped) become numbered footnotes under the table.

import {
  type Cell,
  formatCell,
  formatRatio,
  goalStatus,
  PEERS,
  type Row,
  SUBJECT_TITLES,
  SUBJECTS,
  subjectRatio,
} from './rows.js';

class Footnotes {
  readonly notes: string[] = [];
  mark(note: string | undefined): string {
    if (note === undefined) return '';
    let index = this.notes.indexOf(note);
    if (index < 0) index = this.notes.push(note) - 1;
    return ` [${index + 1}]`;
  }
}

function statusText(row: Row): string {
  const status = goalStatus(row);
  if (status === 'missed') return '**missed**';
  if (status === 'no goal') return '-';
  return status;
}

function cellText(cell: Cell | undefined, row: Row, notes: Footnotes): string {
  return formatCell(cell, row.unit) + notes.mark(cell?.note);
}

/** The table and its footnotes, as Markdown lines. */
export function markdownTable(rows: readonly Row[]): string {
  const notes = new Footnotes();
  const header = [
    'figure',
    'unit',
    ...SUBJECTS.map((s) => SUBJECT_TITLES[s]),
    ...PEERS.map((p) => `boto-ts / ${SUBJECT_TITLES[p]}`),
    'goal (boto-ts)',
    'status',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? '---' : '--:')).join('|')}|`];
  for (const row of rows) {
    const floor = row.cells.floor;
    const floorText =
      floor !== undefined && 'value' in floor && row.floorLabel !== undefined
        ? `${cellText(floor, row, notes)} (${row.floorLabel})`
        : cellText(floor, row, notes);
    const cells = [
      row.figure,
      row.unit,
      cellText(row.cells['boto-ts'], row, notes),
      cellText(row.cells.v3, row, notes),
      cellText(row.cells.boto3, row, notes),
      floorText,
      ...PEERS.map((p) => formatRatio(subjectRatio(row, p))),
      row.goal?.text ?? '-',
      statusText(row),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (notes.notes.length > 0) {
    lines.push('');
    notes.notes.forEach((note, i) => {
      lines.push(`[${i + 1}] ${note}  `);
    });
  }
  return lines.join('\n');
}

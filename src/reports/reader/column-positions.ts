/**
 * Places the values of a table row with empty cells, in a PDF or in text laid out with spaces. Such
 * a row prints only the values it has, so a row with fewer numbers than columns says nothing by
 * itself about which cells are empty; the horizontal position of each number (PDF x, or display
 * column) against the column centres learned from the table's complete rows does.
 *
 * No function of this module throws: every input, however malformed, gives a result.
 */
import type { DocumentText } from './document-text.ts';
import { lineIndexAt } from './document-text.ts';

/**
 * The horizontal centre (PDF points) of the text `[offset, offset + length)`, from the placed
 * tokens of its line; null for lines without tokens (text, HTML and DOCX inputs).
 */
export function xCentre(dt: DocumentText, offset: number, length: number): number | null {
  const index = lineIndexAt(dt, offset);
  const line = dt.doc.lines[index];
  if (!line?.tokens || line.tokens.length === 0) return null;
  const inLine = offset - (dt.lineStarts[index] ?? 0);
  const middle = inLine + length / 2;
  for (const token of line.tokens) {
    if (token.offset <= inLine && inLine < token.offset + Math.max(1, token.text.length)) {
      const share = token.text.length > 0 ? Math.min(1, Math.max(0, (middle - token.offset) / token.text.length)) : 0.5;
      return token.x + share * token.width;
    }
  }
  return null;
}

/** Whether a UTF-16 code unit is displayed double-width (CJK, full-width forms, Hangul). */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/**
 * The display column of the middle of `[offset, offset + length)` in its line, counting CJK
 * characters as two columns: for text laid out with spaces (`pdftotext -layout`, fixed-width
 * tables), where it plays the role of x. Null when the line has tokens (use {@link xCentre}).
 */
export function displayCentre(dt: DocumentText, offset: number, length: number): number | null {
  const index = lineIndexAt(dt, offset);
  const line = dt.doc.lines[index];
  if (!line || line.tokens) return null;
  const start = dt.lineStarts[index] ?? 0;
  let column = 0;
  for (let i = start; i < offset; i++) column += isWide(dt.text.charCodeAt(i)) ? 2 : 1;
  return column + length / 2;
}

/**
 * Column centres learned from complete rows: the median x of each column over the rows given
 * (each row one x per column). Null when there is no row, or the centres are not strictly
 * increasing (the rows do not line up in columns).
 */
export function learnCentres(rows: readonly (readonly number[])[], n: number): number[] | null {
  if (rows.length === 0) return null;
  const centres: number[] = [];
  for (let c = 0; c < n; c++) {
    const xs = rows.map((r) => r[c] ?? Number.NaN).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    if (xs.length === 0) return null;
    centres.push(xs[Math.floor(xs.length / 2)] ?? 0);
  }
  for (let c = 1; c < n; c++) if ((centres[c] ?? 0) <= (centres[c - 1] ?? 0)) return null;
  return centres;
}

/**
 * Assigns `xs` (in reading order) to columns, keeping their order, so that the total distance to
 * the column centres is least (dynamic programming, O(m·n)).
 * @returns the column index of each x, or null when there are more xs than columns
 */
export function assignColumns(xs: readonly number[], centres: readonly number[]): number[] | null {
  const m = xs.length;
  const n = centres.length;
  if (m > n) return null;
  // cost[i][j]: least cost placing the first i values within the first j columns.
  const cost: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const row0 = cost[0];
  if (row0) row0.fill(0);
  for (let i = 1; i <= m; i++) {
    const row = cost[i];
    const above = cost[i - 1];
    if (!row || !above) continue;
    for (let j = i; j <= n; j++) {
      const take = (above[j - 1] ?? Number.POSITIVE_INFINITY) + Math.abs((xs[i - 1] ?? 0) - (centres[j - 1] ?? 0));
      row[j] = Math.min(row[j - 1] ?? Number.POSITIVE_INFINITY, take);
    }
  }
  const columns = new Array<number>(m).fill(0);
  let j = n;
  for (let i = m; i >= 1; i--) {
    // Walk back: value i-1 sits in the last column j where taking it was the optimum.
    while (j > i && (cost[i]?.[j] ?? 0) === (cost[i]?.[j - 1] ?? Number.NaN)) j--;
    columns[i - 1] = j - 1;
    j--;
  }
  return columns;
}

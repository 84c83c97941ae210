/**
 * One string for a whole {@link SourceDocument} (its lines joined with '\n') and the mapping from
 * offsets in that string back to input positions. Table extraction, section detection and claim
 * extraction all address text by offsets in this string, so their regions can be compared.
 */
import type { Position, SourceDocument } from './source-document.ts';

/** The joined text of a document. */
export interface DocumentText {
  /** The document's lines joined with '\n'. */
  readonly text: string;
  /** Offset in `text` where each line starts (same indexes as `doc.lines`). */
  readonly lineStarts: readonly number[];
  /** The document it was built from. */
  readonly doc: SourceDocument;
}

/** A half-open range `[start, end)` of offsets in a {@link DocumentText}. */
export interface TextRange {
  start: number;
  end: number;
}

/** Joins the lines of `doc` with '\n'. */
export function documentText(doc: SourceDocument): DocumentText {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of doc.lines) {
    lineStarts.push(offset);
    offset += line.text.length + 1;
  }
  return { text: doc.lines.map((l) => l.text).join('\n'), lineStarts, doc };
}

/** Index of the line containing `offset` (binary search over `lineStarts`). */
export function lineIndexAt(dt: DocumentText, offset: number): number {
  let lo = 0;
  let hi = dt.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((dt.lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The input position of the character at `offset`: the line's own position with `column` set
 * (text inputs), or for PDF lines the x of the token that holds the character.
 */
export function positionAt(dt: DocumentText, offset: number): Position | null {
  if (dt.doc.lines.length === 0) return null;
  const index = lineIndexAt(dt, offset);
  const line = dt.doc.lines[index];
  if (!line) return null;
  const inLine = offset - (dt.lineStarts[index] ?? 0);
  const position: Position = { ...line.position };
  if (line.tokens && line.tokens.length > 0) {
    let token = line.tokens[0];
    for (const t of line.tokens) {
      if (t.offset <= inLine) token = t;
      else break;
    }
    if (token) {
      const share = token.text.length > 0 ? Math.min(1, Math.max(0, (inLine - token.offset) / token.text.length)) : 0;
      position.x = Math.round((token.x + share * token.width) * 10) / 10;
    }
  } else {
    position.column = inLine + 1;
  }
  return position;
}

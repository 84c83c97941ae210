/**
 * HTML loader: turns an HTML page (or mammoth's HTML for a DOCX) into normalised lines. Block
 * elements break lines; tables become one tab-separated line per grid row, with rowspan and
 * colspan laid out on the real grid so column positions survive.
 */
import { Parser } from 'htmlparser2';
import { GongkaiError } from '../../shared/errors.ts';
import { normalizeText } from './normalize-text.ts';
import type { SourceDocument, SourceLine } from './source-document.ts';

/** A minimal element tree built from htmlparser2's events (no DOM library needed). */
interface HtmlElement {
  kind: 'element';
  name: string;
  attribs: Record<string, string>;
  children: HtmlNode[];
}
interface HtmlText {
  kind: 'text';
  text: string;
}
type HtmlNode = HtmlElement | HtmlText;

/** Elements whose content is never report text. */
const SKIPPED = new Set(['script', 'style', 'head', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'canvas', 'select']);

/** Elements that start and end a line (CSS display: block and the like). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Largest colspan honoured (the HTML spec's limit); larger values are clipped. */
const MAX_COLSPAN = 1000;

/** Deepest element nesting kept; deeper tags are ignored (their text stays), so recursion is bounded. */
const MAX_DEPTH = 256;
/**
 * Deepest nesting accepted at all. htmlparser2's open-element stack costs O(depth) per tag, so
 * absurdly deep markup (a 20 MiB file of unclosed `<b>`) would take hours; real pages stay far below.
 */
const MAX_PARSE_DEPTH = 10_000;

/** Builds the element tree; htmlparser2 handles implied end tags and void elements. */
function parseTree(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attribs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let ignoredDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length + ignoredDepth >= MAX_PARSE_DEPTH) {
          throw new GongkaiError('INPUT_UNSUPPORTED', `HTML elements nested more than ${MAX_PARSE_DEPTH} deep`);
        }
        if (stack.length >= MAX_DEPTH) {
          ignoredDepth++;
          return;
        }
        const el: HtmlElement = { kind: 'element', name, attribs, children: [] };
        stack[stack.length - 1]?.children.push(el);
        stack.push(el);
      },
      onclosetag() {
        if (ignoredDepth > 0) ignoredDepth--;
        else if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const parent = stack[stack.length - 1];
        const last = parent?.children[parent.children.length - 1];
        if (last?.kind === 'text') last.text += text;
        else parent?.children.push({ kind: 'text', text });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/** East Asian wide characters, between which a source line break is not a space (CSS Text 3). */
const WIDE = /[\u1100-\u11FF\u2E80-\u303F\u3040-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;
const WS_RUN = /[ \t\n\r\f]+/g;

/**
 * Collapses HTML whitespace like a browser: runs of ASCII whitespace become one space, except
 * that a run containing a line break between two wide (CJK) characters disappears, so hard
 * wrapped Chinese source text does not gain spurious spaces. Then normalises and trims.
 */
function cleanInline(raw: string): string {
  const collapsed = raw.replace(WS_RUN, (run: string, offset: number, whole: string) => {
    if (/[\n\r]/.test(run)) {
      const before = whole.slice(Math.max(0, offset - 2), offset);
      const after = whole.slice(offset + run.length, offset + run.length + 2);
      const prev = Array.from(before).pop() ?? '';
      const next = Array.from(after)[0] ?? '';
      if (WIDE.test(prev) && WIDE.test(next)) return '';
    }
    return ' ';
  });
  return normalizeText(collapsed).replace(/\t/g, ' ').trim();
}

/** Concatenated text of a subtree, skipping non-content elements. Blocks and `<br>` add nothing. */
function textOf(node: HtmlNode): string {
  if (node.kind === 'text') return node.text;
  if (SKIPPED.has(node.name)) return '';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Direct element children with one of the given names, looking through row groups. */
function childElements(el: HtmlElement, names: ReadonlySet<string>): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    if (names.has(child.name)) out.push(child);
  }
  return out;
}

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
const ROW = new Set(['tr']);
const CELLS = new Set(['td', 'th']);

/** The rows of a table in source order: direct `<tr>` and those inside thead/tbody/tfoot. */
function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (child.kind !== 'element') continue;
    if (child.name === 'tr') rows.push(child);
    else if (ROW_GROUPS.has(child.name)) rows.push(...childElements(child, ROW));
  }
  return rows;
}

/** The first descendant element with the given name, depth first. */
function findElement(el: HtmlElement, name: string): HtmlElement | undefined {
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

function hasDescendant(el: HtmlElement, name: string): boolean {
  return findElement(el, name) !== undefined;
}

/** A span attribute as a positive integer; `rowspan="0"` (to the end of the table) gives 0. */
function spanOf(value: string | undefined, zeroAllowed: boolean): number {
  const n = Number.parseInt(value ?? '1', 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return zeroAllowed ? 0 : 1;
  return n;
}

/**
 * Lays a table's cells out on the real grid, honouring rowspan and colspan: a spanning cell's
 * text goes into its top-left slot and `''` into every other slot it covers. Rows are padded to
 * the table's width. A rowspan past the last row is clipped; `rowspan="0"` spans to the end.
 * @returns grid rows of cell texts (normalised, trimmed, tabs replaced by spaces)
 */
export function layoutTableGrid(rows: readonly (readonly { text: string; rowspan: number; colspan: number }[])[]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  for (const [r, cells] of rows.entries()) {
    const row = grid[r] ?? [];
    let c = 0;
    for (const cell of cells) {
      while (row[c] !== undefined) c++;
      const rs = cell.rowspan === 0 ? rows.length - r : Math.min(cell.rowspan, rows.length - r);
      const cs = Math.min(Math.max(cell.colspan, 1), MAX_COLSPAN);
      for (let i = 0; i < Math.max(rs, 1); i++) {
        const target = grid[r + i];
        if (!target) continue;
        for (let j = 0; j < cs; j++) {
          if (target[c + j] === undefined) target[c + j] = i === 0 && j === 0 ? cell.text : '';
        }
      }
      c += cs;
    }
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** Emits lines while walking the tree. */
class LineWriter {
  readonly lines: SourceLine[] = [];
  private buffer = '';

  append(text: string): void {
    this.buffer += text;
  }

  /** Ends the current line; an empty one is emitted only when `force` (a `<br>`). */
  flush(force = false): void {
    const text = cleanInline(this.buffer);
    this.buffer = '';
    if (text !== '' || force) this.push(text);
  }

  push(text: string, fromTable = false): void {
    const line: SourceLine = { text, position: { line: this.lines.length + 1, column: 1 } };
    if (fromTable) line.fromTable = true;
    this.lines.push(line);
  }
}

/** True for a table used for layout: it contains another table, or it has a single cell. */
function isLayoutTable(table: HtmlElement): boolean {
  if (hasDescendant(table, 'table')) return true;
  const rows = tableRows(table);
  return rows.length === 1 && childElements(rows[0] ?? table, CELLS).length === 1;
}

function emitDataTable(table: HtmlElement, out: LineWriter): void {
  out.flush();
  for (const child of table.children) {
    if (child.kind === 'element' && child.name === 'caption') {
      out.append(textOf(child));
      out.flush();
    }
  }
  const rows = tableRows(table).map((tr) =>
    childElements(tr, CELLS).map((td) => ({
      text: cleanInline(textOf(td)),
      rowspan: spanOf(td.attribs.rowspan, true),
      colspan: spanOf(td.attribs.colspan, false),
    })),
  );
  for (const gridRow of layoutTableGrid(rows)) out.push(gridRow.join('\t'), true);
}

function walk(node: HtmlNode, out: LineWriter, meta: { title?: string }, preDepth: number): void {
  if (node.kind === 'text') {
    if (preDepth > 0 && /[\r\n]/.test(node.text)) {
      const parts = node.text.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) out.flush(true);
        out.append(part);
      });
    } else {
      out.append(node.text);
    }
    return;
  }
  const { name } = node;
  if (name === 'title' || name === 'head') {
    const titleEl = name === 'title' ? node : findElement(node, 'title');
    const title = titleEl ? cleanInline(textOf(titleEl)) : '';
    if (title !== '' && meta.title === undefined) meta.title = title;
    return;
  }
  if (SKIPPED.has(name)) return;
  if (name === 'br') {
    out.flush(true);
    return;
  }
  if (name === 'table' && !isLayoutTable(node)) {
    emitDataTable(node, out);
    return;
  }
  const block = BLOCKS.has(name);
  if (block) out.flush();
  const childPre = name === 'pre' ? preDepth + 1 : preDepth;
  for (const child of node.children) walk(child, out, meta, childPre);
  if (block) out.flush();
}

/**
 * Loads an HTML document (a web page of a report, or mammoth's HTML for a DOCX).
 *
 * - Block elements (p, div, h1–h6, li, tr, td, section, article, …) end lines; `<br>` ends a line
 *   and may leave a blank one; other blank lines are not emitted. Text is whitespace-collapsed as a
 *   browser does (a source line break between two CJK characters vanishes), normalised with
 *   {@link normalizeText} and trimmed.
 * - script, style, head (and template, noscript, svg, iframe, …) are dropped; entities decoded;
 *   the first `<title>` becomes `metadata.title`.
 * - A data table becomes one line per grid row, cells joined by `'\t'`, every row padded to the
 *   table's width; a cell spanning rows/columns puts its text in its top-left slot and `''` in the
 *   others; text of a cell with its own `<p>`/`<br>` is joined with `''` (labels wrap). Those lines
 *   have `fromTable: true`. A layout table (containing another table, or a single cell) is walked
 *   as ordinary blocks instead.
 * - `position.line` is the 1-based line in the emitted document, `position.column` is 1.
 * @param html the document as a string (already decoded)
 * @returns a `text/html` {@link SourceDocument} (nothing is dropped; it may have no lines)
 * @throws GongkaiError `INPUT_UNSUPPORTED` when elements are nested more than 10,000 deep;
 *   otherwise malformed HTML is accepted (htmlparser2 is forgiving)
 */
export function loadHtml(html: string): SourceDocument {
  const root = parseTree(html);
  const out = new LineWriter();
  const meta: { title?: string } = {};
  walk(root, out, meta, 0);
  out.flush();
  const metadata: SourceDocument['metadata'] = {};
  if (meta.title !== undefined) metadata.title = meta.title;
  return { mediaType: 'text/html', lines: out.lines, metadata, dropped: [] };
}

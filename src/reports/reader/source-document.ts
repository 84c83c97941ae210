/**
 * The reader's intermediate form: every input (plain text, HTML, DOCX, PDF) is first turned into
 * a {@link SourceDocument}, a list of normalised lines that remember where they came from. Table
 * extraction, section detection and claim extraction all work on this one form.
 */

/**
 * Where a piece of text came from in the input.
 * - Text, HTML and DOCX inputs give `line` (1-based, in the loader's line numbering) and `column`
 *   (1-based, in UTF-16 code units of the normalised line).
 * - PDF inputs give `page` (1-based), `x` and `y` (PDF points from the page's top-left corner,
 *   y growing downwards), and `line`, the line's index in the document (1-based).
 */
export interface Position {
  line?: number;
  column?: number;
  page?: number;
  x?: number;
  y?: number;
}

/** A run of text on a line whose horizontal placement is known (PDF text items). */
export interface PlacedToken {
  /** The normalised text of the token. */
  text: string;
  /** Offset of the token in its line's `text` (UTF-16 code units). */
  offset: number;
  /** Left edge in PDF points. */
  x: number;
  /** Width in PDF points. */
  width: number;
}

/** One normalised line of the input. */
export interface SourceLine {
  /**
   * The normalised text (see `normalize-text.ts`). Table cells of HTML/DOCX tables and widely
   * spaced PDF items are separated by a single tab; an empty cell is an empty string between tabs.
   */
  text: string;
  /** Where the line starts. */
  position: Position;
  /** For PDF lines: the tokens with their x positions, in reading order. */
  tokens?: PlacedToken[];
  /** True when the line came from a table cell grid (HTML/DOCX `<table>`). */
  fromTable?: boolean;
}

/** Media types the reader accepts. */
export type SourceMediaType =
  | 'text/plain'
  | 'text/html'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/pdf';

/** A loaded, normalised input document. */
export interface SourceDocument {
  /** What the input was. */
  mediaType: SourceMediaType;
  /** The normalised lines, in reading order. Blank lines are kept (they mark paragraph/page gaps). */
  lines: SourceLine[];
  /** Number of pages (PDF only). */
  pageCount?: number;
  /** Document metadata where the container has it (PDF info dictionary, DOCX core properties). */
  metadata: {
    title?: string;
    /** Creation date as `YYYY-MM-DD` (China time), from the container's metadata. */
    creationDate?: string;
  };
  /** Passages the loader dropped (page numbers, running headers), with where they were. */
  dropped: { reason: 'page-number' | 'running-header'; text: string; position: Position }[];
  /** What the loader could not do cleanly (e.g. malformed bytes replaced), for the report's notes. */
  notes?: { code: string; message: string }[];
}

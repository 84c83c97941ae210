/**
 * The structured annual report: what the reader produces from a published report and what the
 * checker and renderer consume. Defined once as zod schemas; the TypeScript types are inferred
 * from them and the versioned JSON Schema in `schema/` is generated from them
 * (`npm run schema`), so `--json` output, the checker's JSON input and the types cannot drift.
 */
import { z } from 'zod';

/** Version of the structured-report schema. Bump the major on any incompatible change. */
export const STRUCTURED_REPORT_SCHEMA_VERSION = '1.0.0';

/** Where something was read in the input: line/column for text inputs, page/x/y for PDF. */
export const positionSchema = z
  .object({
    line: z.number().int().positive().optional().describe('1-based line in the input (or the running line index for PDF)'),
    column: z.number().int().positive().optional().describe('1-based column (UTF-16 code units) in the normalised line'),
    page: z.number().int().positive().optional().describe('1-based PDF page'),
    x: z.number().optional().describe('PDF points from the left edge'),
    y: z.number().optional().describe('PDF points from the top edge'),
  })
  .describe('Where a piece of text was read');
/** See {@link positionSchema}. */
export type ReportPosition = z.infer<typeof positionSchema>;

/**
 * The state of one table cell.
 * - `number`: a value was read (`value` set).
 * - `blank`: the cell exists but is empty.
 * - `na`: the cell holds a not-applicable mark (`/`, `—`, `无`).
 * - `ambiguous`: a flattened row could be split several ways (see `candidates`).
 * - `missing`: the row was not found in the report.
 * - `text`: a text cell (2014 申请公开的主要内容); `raw` holds it.
 */
export const cellStatusSchema = z.enum(['number', 'blank', 'na', 'ambiguous', 'missing', 'text']);
/** See {@link cellStatusSchema}. */
export type CellStatus = z.infer<typeof cellStatusSchema>;

/** One cell of a format's table, as read. */
export const cellSchema = z.object({
  id: z.string().describe('table/row/column, e.g. t3/new/natural'),
  table: z.string(),
  row: z.string(),
  column: z.string(),
  status: cellStatusSchema,
  value: z.number().nullable().describe('The number read; null unless status is number'),
  raw: z.string().describe('The text as printed (the digits, the N/A mark, or the text cell)'),
  position: positionSchema.nullable(),
  recovered: z.boolean().optional().describe('True when split out of a flattened run of digits using the identities'),
  candidates: z.array(z.number()).optional().describe('For ambiguous cells: the distinct values the candidate splits give'),
});
/** See {@link cellSchema}. */
export type Cell = z.infer<typeof cellSchema>;

/** A flattened row whose digits could be split into cells in more than one way. */
export const ambiguitySchema = z.object({
  table: z.string(),
  row: z.string(),
  raw: z.string().describe('The run of digits as printed'),
  position: positionSchema.nullable(),
  columns: z.array(z.string()).describe('Column ids, in order'),
  candidates: z.array(z.array(z.number())).describe('Each a full row of values satisfying every verified identity'),
  truncated: z.boolean().describe('True when more candidates existed than are listed'),
});
/** See {@link ambiguitySchema}. */
export type Ambiguity = z.infer<typeof ambiguitySchema>;

/**
 * How a narrative number is qualified: 余/多/以上 = at least; 近/约/左右 = approximately, as is a
 * figure given with 万/亿 (12.77万条: stated to its printed precision, see the claim's bounds).
 */
export const qualifierSchema = z.enum(['exact', 'at-least', 'approximately', 'at-most', 'more-than', 'less-than']);
/** See {@link qualifierSchema}. */
export type Qualifier = z.infer<typeof qualifierSchema>;

/** A numeric statement of the narrative, e.g. 主动公开政府信息 125981 条. */
export const claimSchema = z.object({
  id: z.string().describe('c1, c2, … in reading order'),
  text: z.string().describe('The passage as printed (normalised)'),
  subject: z.string().describe('Text of the clause before the number, whitespace removed'),
  predicate: z.string().describe('Text after the unit up to the clause end, whitespace removed'),
  context: z.string().describe('The topic carried from the sentence (the subject of the claim this one breaks down), or empty'),
  value: z.number().describe('The number in plain units (万 and 亿 multiplied out; % as a percentage, 25 for 25%)'),
  unit: z.string().describe('条, 件, 次, 篇, 个, 人, 人次, 万元, 元, %, 场, …'),
  qualifier: qualifierSchema,
  lowerBound: z
    .number()
    .optional()
    .describe(
      'The smallest value the phrase allows, when it is not `value` itself: for a figure printed to a precision (12.77万 = 127650–127750, half a unit of the last printed digit either side; 约12.8万 widens that to ±10% when larger). Inclusive',
    ),
  upperBound: z
    .number()
    .optional()
    .describe(
      'The largest value the phrase plausibly allows: for at-least claims (N余, N多, 1万余 = 10000–20000) and for figures printed to a precision (12.77万 ≤ 127750). Inclusive. When a claim has bounds, the checker compares with [lowerBound ?? value-by-qualifier, upperBound ?? value-by-qualifier] whatever its qualifier',
    ),
  yearPhrase: z
    .string()
    .optional()
    .describe(
      'The phrase of the claim\'s sentence, before it, that dates what it counts (2023年, 上年, 去年, 上一年度, 本年度), when the sentence has one; 结转 phrases (上年度结转) and comparisons (与上年相比, 较上年) are not dates. The claim mapping leaves claims dated to a year other than the report year unmapped',
    ),
  negation: z.boolean().describe('True for a zero stated in words (未收到…投诉, 无败诉案件, 全部实行免费)'),
  section: z.string().nullable().describe('Id of the section the claim is in'),
  position: positionSchema.nullable(),
  cells: z.array(z.string()).optional().describe('Cell ids whose sum the claim states (set by the claim mapping)'),
  mapping: z.string().optional().describe('Id of the claim mapping that matched'),
});
/** See {@link claimSchema}. */
export type Claim = z.infer<typeof claimSchema>;

/** A set of shares (占 N%) that describe one whole and so should total 100%. */
export const shareSetSchema = z.object({
  id: z.string(),
  origin: z.enum(['narrative', 'table']),
  subject: z.string().describe('What is being divided, e.g. 申请内容 or 信息类别'),
  items: z.array(z.object({ label: z.string(), value: z.number(), position: positionSchema.nullable() })),
  position: positionSchema.nullable(),
});
/** See {@link shareSetSchema}. */
export type ShareSet = z.infer<typeof shareSetSchema>;

/** A total followed by its parts (…N 条（其中 a 条、b 条…）), which should add up. */
export const breakdownSchema = z.object({
  total: z.string().describe('Claim id of the total'),
  parts: z.array(z.string()).describe('Claim ids of the parts'),
  exhaustive: z.boolean().describe('True when the parts end with 其他/其它, so they must add up to the total exactly'),
});
/** See {@link breakdownSchema}. */
export type Breakdown = z.infer<typeof breakdownSchema>;

/** A section of the report (一、总体情况 …). */
export const sectionSchema = z.object({
  id: z.string().describe('The format section id (overview, proactive, …) or other-N for headings the format does not know'),
  number: z.string().describe('The printed ordinal, e.g. 五'),
  title: z.string().describe('The printed title'),
  position: positionSchema.nullable(),
  text: z.string().describe('The section body, normalised, page breaks joined, tables and ignored passages excluded'),
});
/** See {@link sectionSchema}. */
export type Section = z.infer<typeof sectionSchema>;

/** Text the reader recognised as not part of the report, or as layout noise, and skipped. */
export const ignoredPassageSchema = z.object({
  reason: z.enum(['foreign-content', 'page-number', 'running-header', 'duplicate-fragment']),
  text: z.string(),
  from: positionSchema.nullable(),
  to: positionSchema.nullable(),
});
/** See {@link ignoredPassageSchema}. */
export type IgnoredPassage = z.infer<typeof ignoredPassageSchema>;

/** A table of the format and whether, and where, the reader found it. */
export const tableReadSchema = z.object({
  id: z.string(),
  title: z.string(),
  found: z.boolean(),
  position: positionSchema.nullable(),
  layout: z.enum(['lines', 'flattened', 'grid', 'none']).describe('How its rows were laid out in the input'),
});
/** See {@link tableReadSchema}. */
export type TableRead = z.infer<typeof tableReadSchema>;

/** The structured report. */
export const structuredReportSchema = z.object({
  schemaVersion: z.literal(STRUCTURED_REPORT_SCHEMA_VERSION),
  source: z.object({
    fileName: z.string().nullable(),
    mediaType: z.string(),
    sha256: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    lineCount: z.number().int(),
  }),
  title: z.string().nullable().describe('The report title as printed'),
  organization: z.object({
    name: z.string().nullable().describe('The reporting organization, e.g. 吴忠市人民政府 or 吴忠市'),
    kind: z.enum(['government', 'department', 'other']).nullable().describe('Decides the art. 49 deadline'),
    kindSource: z.enum(['option', 'name', 'unknown']),
  }),
  year: z.number().int().nullable().describe('The year reported on'),
  format: z.object({
    id: z.enum(['2014', '2019', '2021']),
    source: z.enum(['option', 'tables', 'citation', 'year', 'default']).describe('How the format was decided'),
  }),
  publicationDate: z
    .object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD, China time'),
      source: z.enum(['option', 'header', 'signature', 'metadata']),
      position: positionSchema.nullable(),
    })
    .nullable(),
  sections: z.array(sectionSchema),
  tables: z.array(tableReadSchema),
  cells: z.array(cellSchema).describe('Every cell of every table of the format, in format order'),
  ambiguities: z.array(ambiguitySchema),
  claims: z.array(claimSchema),
  shareSets: z.array(shareSetSchema),
  breakdowns: z.array(breakdownSchema),
  ignored: z.array(ignoredPassageSchema),
  notes: z.array(z.object({ code: z.string(), message: z.string(), position: positionSchema.nullable() })).describe('What the reader could not do cleanly'),
});
/** See {@link structuredReportSchema}. */
export type StructuredReport = z.infer<typeof structuredReportSchema>;

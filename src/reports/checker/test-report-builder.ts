/**
 * Test builder of structured reports (STYLE §5.12: builders with overrides). `buildReport` fills
 * every cell of the format with 0 — which satisfies every identity — gives the format's sections
 * substantive texts that state the statistics period, and dates the report on time, so a
 * report built with no overrides yields no errors or warnings; each test overrides what it needs.
 * Used by the checker's and renderers' tests only.
 */
import { getFormat } from '../format/formats.ts';
import type { FormatId } from '../format/report-format.ts';
import { STRUCTURED_REPORT_SCHEMA_VERSION } from '../model/structured-report.ts';
import type { Breakdown, Cell, CellStatus, Claim, Section, ShareSet, StructuredReport } from '../model/structured-report.ts';
import { formatIndex } from './format-index.ts';

/** A cell override: a number, or a status with its raw text and candidates. */
export type CellOverride = number | { status: CellStatus; value?: number | null; raw?: string; candidates?: number[] };

/** A claim to build: `text` and `value` required; `cells` default to the mapping's cells. */
export type ClaimInit = Partial<Claim> & { text: string; value: number };

/** A section to build: `id` and `text` required; number and title default to the format's. */
export type SectionInit = Partial<Section> & { id: string; text: string };

/** What to override in {@link buildReport}. */
export interface BuildOptions {
  /** Report year; defaults 2017 (2014 format), 2020 (2019), 2022 (2021). */
  year?: number | null;
  /** Organization; defaults to 测试市人民政府, a government. */
  organization?: Partial<StructuredReport['organization']>;
  /** Publication date YYYY-MM-DD, or null; defaults to January 20 of the next year. */
  publicationDate?: string | null;
  /** Cell values by id; every other cell is 0 (text cells empty text). */
  cells?: Readonly<Record<string, CellOverride>>;
  /** Claims, in reading order. */
  claims?: readonly ClaimInit[];
  /** Sections; defaults to every section of the format with substantive text. */
  sections?: readonly SectionInit[];
  shareSets?: readonly ShareSet[];
  breakdowns?: readonly Breakdown[];
  ambiguities?: StructuredReport['ambiguities'];
  title?: string | null;
}

const DEFAULT_YEAR: Readonly<Record<FormatId, number>> = { '2014': 2017, '2019': 2020, '2021': 2022 };

/** Default section texts, long enough to be substantive, stating the period, 考核 and fees. */
function defaultSectionText(id: string, year: number): string {
  switch (id) {
    case 'overview':
      return `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。本年度将政务公开工作纳入绩效考核，开展社会评议，未发生责任追究情况。`;
    case 'problems':
      return '一是政府信息公开工作发展还不够均衡，部分单位对主动公开的重视程度不够；二是政策解读的形式较为单一，解读质量有待提高。下一步，我们将加强业务培训，完善考核机制，推动政务公开工作规范化、标准化。';
    case 'other':
      return '本年度未收取信息处理费。无其他需要报告的事项。';
    default:
      return `本部分说明${id}的情况，相关数据见下表。`;
  }
}

/**
 * A complete structured report in the given format.
 * @param formatId `2014`, `2019` or `2021`
 * @param options what to change from the clean defaults
 */
export function buildReport(formatId: FormatId, options: BuildOptions = {}): StructuredReport {
  const format = getFormat(formatId);
  const index = formatIndex(format);
  const year = options.year === undefined ? DEFAULT_YEAR[formatId] : options.year;
  const overrides = options.cells ?? {};
  const cells: Cell[] = [];
  let line = 200;
  for (const info of index.cells.values()) {
    const base = { id: info.id, table: info.table.id, row: info.row.id, column: info.column.id, position: { line: line++ } };
    const override = overrides[info.id];
    if (override === undefined) {
      cells.push(info.valueType === 'text' ? { ...base, status: 'text', value: null, raw: '' } : { ...base, status: 'number', value: 0, raw: '0' });
    } else if (typeof override === 'number') {
      cells.push({ ...base, status: 'number', value: override, raw: String(override) });
    } else {
      const cell: Cell = { ...base, status: override.status, value: override.value ?? null, raw: override.raw ?? (override.value === undefined || override.value === null ? '' : String(override.value)) };
      if (override.candidates) cell.candidates = override.candidates;
      cells.push(cell);
    }
  }
  const sectionInits: readonly SectionInit[] =
    options.sections ?? format.sections.map((s) => ({ id: s.id, text: defaultSectionText(s.id, year ?? DEFAULT_YEAR[formatId]) }));
  const numbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const sections: Section[] = sectionInits.map((init, i) => {
    const known = format.sections.find((s) => s.id === init.id);
    return {
      id: init.id,
      number: init.number ?? (known?.number || numbers[i] || String(i + 1)),
      title: init.title ?? known?.title ?? init.id,
      position: init.position === undefined ? { line: 10 + i * 20 } : init.position,
      text: init.text,
    };
  });
  const claims: Claim[] = (options.claims ?? []).map((init, i) => {
    const mapping = init.mapping === undefined ? undefined : index.mappings.get(init.mapping);
    const claim: Claim = {
      id: init.id ?? `c${i + 1}`,
      text: init.text,
      subject: init.subject ?? '',
      predicate: init.predicate ?? '',
      context: init.context ?? '',
      value: init.value,
      unit: init.unit ?? '件',
      qualifier: init.qualifier ?? 'exact',
      negation: init.negation ?? false,
      section: init.section ?? null,
      position: init.position === undefined ? { line: 100 + i } : init.position,
    };
    if (init.lowerBound !== undefined) claim.lowerBound = init.lowerBound;
    if (init.upperBound !== undefined) claim.upperBound = init.upperBound;
    const claimCells = init.cells ?? (mapping ? [...mapping.cells] : undefined);
    if (claimCells !== undefined) claim.cells = claimCells;
    if (init.mapping !== undefined) claim.mapping = init.mapping;
    return claim;
  });
  const publication = options.publicationDate === undefined ? (year === null ? null : `${year + 1}-01-20`) : options.publicationDate;
  return {
    schemaVersion: STRUCTURED_REPORT_SCHEMA_VERSION,
    source: { fileName: 'test.txt', mediaType: 'text/plain', sha256: null, pageCount: null, lineCount: 400 },
    title: options.title === undefined ? `测试市${year ?? ''}年政府信息公开工作年度报告` : options.title,
    organization: { name: '测试市人民政府', kind: 'government', kindSource: 'option', ...options.organization },
    year,
    format: { id: formatId, source: 'option' },
    publicationDate: publication === null ? null : { date: publication, source: 'signature', position: { line: 190 } },
    sections,
    tables: format.tables.map((t) => ({ id: t.id, title: t.title, found: true, position: { line: 199 }, layout: 'lines' as const })),
    cells,
    ambiguities: options.ambiguities ?? [],
    claims,
    shareSets: [...(options.shareSets ?? [])],
    breakdowns: [...(options.breakdowns ?? [])],
    ignored: [],
    notes: [],
  };
}

/** Every cell of a built report set to `missing` (the reader found no table at all). */
export function withAllCellsMissing(report: StructuredReport): StructuredReport {
  return {
    ...report,
    cells: report.cells.map((c) => ({ ...c, status: 'missing' as const, value: null, raw: '', position: null })),
    tables: report.tables.map((t) => ({ ...t, found: false, position: null, layout: 'none' as const })),
  };
}

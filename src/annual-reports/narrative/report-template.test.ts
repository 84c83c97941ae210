// The default templates: their shape per format and organization kind, and the round trip that
// matters (rule V07): a report whose narrative is a template bound to computed cells, printed as
// plain text with its tables, is read back by the project's reader, every sentence with a number
// maps to the cell it states with the bound value, and the checker finds nothing.
import { emptyActivityFigures } from '../activity-figures.ts';
import type { ActivityFigures } from '../activity-figures.ts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkReport } from '../../reports/checker/check-report.ts';
import { formatCells, getFormat } from '../../reports/format/formats.ts';
import type { FormatId } from '../../reports/format/report-format.ts';
import { SIX_PART_SECTIONS } from '../../reports/format/six-part-structure.ts';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { loadInput } from '../../reports/reader/load-input.ts';
import { readDocument } from '../../reports/reader/read-report.ts';
import { ORGANIZATION_KINDS } from '../../organizations/organization.ts';
import type { OrganizationKind } from '../../organizations/organization.ts';
import { UNFILLED_MARKER_RE, bindNarrative, placeholdersOf } from './bind-narrative.ts';
import { FACT_CATALOGUE, narrativeFacts } from './narrative-facts.ts';
import { REPORT_TEMPLATES, reportTemplate, reportTitle } from './report-template.ts';
import type { ReportTemplate } from './report-template.ts';

const FORMATS: readonly FormatId[] = ['2014', '2019', '2021'];
const SECTION_IDS = ['overview', 'proactive', 'requests', 'review', 'problems', 'other'];

// ---- cells -------------------------------------------------------------------------------------

/** Every numeric cell of the format at 0, with `overrides`. */
function cellsOf(formatId: FormatId, overrides: Record<string, number>): Record<string, number> {
  const format = getFormat(formatId);
  const textRows = new Set(format.tables.flatMap((t) => t.rows.filter((r) => r.valueType === 'text').map((r) => `${t.id}/${r.id}`)));
  const cells: Record<string, number> = {};
  for (const c of formatCells(format)) if (!textRows.has(`${c.table}/${c.row}`)) cells[c.id] = 0;
  return { ...cells, ...overrides };
}

const fixture = (relative: string): URL => new URL(`../../../test/fixtures/${relative}`, import.meta.url);
/** 淮安 2024 table 三 by row, columns 自然人 … 其他, 总计. */
const HUAIAN_T3 = JSON.parse(readFileSync(fixture('expected/huaian-2024-table3.json'), 'utf8')) as Record<string, number[]>;
const T3_COLUMNS = ['natural', 'business', 'research', 'public-interest', 'legal-service', 'other', 'total'];
const T4_COLUMNS = ['reconsideration', 'direct-suit', 'suit-after-reconsideration'].flatMap((g) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${g}-${o}`),
);
const HUAIAN_T4 = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];

function huaianTables(): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const [row, values] of Object.entries(HUAIAN_T3)) {
    if (row.startsWith('_')) continue;
    T3_COLUMNS.forEach((column, i) => (cells[`t3/${row}/${column}`] = values[i] ?? 0));
  }
  T4_COLUMNS.forEach((column, i) => (cells[`t4/cases/${column}`] = HUAIAN_T4[i] ?? 0));
  return cells;
}

/** 淮安 2024 in the 2021 format (test/fixtures/synthetic/clean-2021.txt). */
const CELLS_2021 = cellsOf('2021', {
  ...huaianTables(),
  't2-1/regulations/issued': 1,
  't2-1/regulations/in-force': 11,
  't2-1/normative-documents/issued': 8,
  't2-1/normative-documents/repealed': 26,
  't2-1/normative-documents/in-force': 66,
  't2-5/licensing/decisions': 447228,
  't2-6/penalties/decisions': 3985758,
  't2-6/coercive-measures/decisions': 88283,
  't2-8/fees/amount': 96171.6,
});

/** The same tables in the 2019 format: the three （六） rows become one. */
function cells2019(): Record<string, number> {
  const from2021 = huaianTables();
  const cells = cellsOf('2019', {});
  for (const id of Object.keys(cells)) if (from2021[id] !== undefined) cells[id] = from2021[id];
  for (const column of T3_COLUMNS) {
    cells[`t3/other/${column}`] = ['other-no-clarification', 'other-unpaid-fee', 'other-other'].reduce((sum, row) => sum + (from2021[`t3/${row}/${column}`] ?? 0), 0);
  }
  return {
    ...cells,
    't2-1/regulations/made': 1,
    't2-1/regulations/published': 1,
    't2-1/regulations/total-public': 11,
    't2-1/normative-documents/made': 8,
    't2-1/normative-documents/published': 8,
    't2-1/normative-documents/total-public': 66,
  };
}
const CELLS_2019 = cells2019();

/** A small 2014 统计表 satisfying its sums (V15). */
const CELLS_2014 = cellsOf('2014', {
  'stats/proactive-total/value': 1200,
  'stats/proactive-normative/value': 15,
  'stats/normative-issued/value': 12,
  'stats/channel-gazette/value': 20,
  'stats/channel-website/value': 900,
  'stats/channel-weibo/value': 150,
  'stats/channel-wechat/value': 300,
  'stats/channel-other/value': 30,
  'stats/requests-received/value': 35,
  'stats/received-in-person/value': 7,
  'stats/received-online/value': 10,
  'stats/received-letter/value': 18,
  'stats/concluded/value': 35,
  'stats/concluded-on-time/value': 33,
  'stats/concluded-extended/value': 2,
  'stats/answered/value': 35,
  'stats/answer-already-public/value': 10,
  'stats/answer-disclosed/value': 8,
  'stats/answer-partial/value': 2,
  'stats/answer-refused/value': 3,
  'stats/refused-privacy/value': 1,
  'stats/refused-not-government-information/value': 2,
  'stats/answer-not-this-agency/value': 4,
  'stats/answer-nonexistent/value': 4,
  'stats/answer-clarification/value': 3,
  'stats/answer-other-channel/value': 1,
  'stats/reconsideration-total/value': 8,
  'stats/reconsideration-upheld/value': 6,
  'stats/reconsideration-corrected/value': 1,
  'stats/reconsideration-other/value': 1,
  'stats/litigation-total/value': 2,
  'stats/litigation-upheld/value': 1,
  'stats/litigation-corrected/value': 1,
  'stats/complaints/value': 3,
  'stats/fees/value': 0.0394,
  'stats/staff/value': 347,
  'stats/staff-full-time/value': 127,
  'stats/staff-part-time/value': 220,
  'stats/responses/value': 273,
  'stats/press-conferences/value': 22,
  'stats/press-conferences-leaders/value': 11,
  'stats/interpretations/value': 39,
  'stats/ogi-offices/value': 162,
  'stats/reading-points/value': 49,
  'stats/funding/value': 33,
  'stats/meetings/value': 45,
  'stats/training-sessions/value': 22,
  'stats/trainees/value': 895,
});

const CASES: Readonly<Record<FormatId, { cells: Record<string, number>; year: number; feeYuan: number | null }>> = {
  '2014': { cells: CELLS_2014, year: 2017, feeYuan: null },
  '2019': { cells: CELLS_2019, year: 2020, feeYuan: 0 },
  '2021': { cells: CELLS_2021, year: 2024, feeYuan: 3940 },
};

// ---- a plain-text report, as test/fixtures/synthetic/clean-2021.txt lays it out ---------------

const T3_HEADER = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
  '\t自然人\t法人或其他组织\t\t\t\t\t总计',
  '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
];
const T3_GROUPS: Readonly<Record<string, string>> = {
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  'not-processed': '（五）不予处理',
  other: '（六）其他处理',
};
const T4_HEADER = [
  '行政复议\t\t\t\t\t行政诉讼',
  '\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉',
  Array.from({ length: 3 }, () => '结果维持\t结果纠正\t其他结果\t尚未审结\t总计').join('\t'),
];

/** The tables of section `number` (all of them for '' in the 2014 format), as tab-separated lines. */
function tableLines(formatId: FormatId, number: string, cells: Readonly<Record<string, number>>, year: number): string[] {
  const value = (id: string): string => String(cells[id] ?? 0);
  const lines: string[] = [];
  for (const table of getFormat(formatId).tables.filter((t) => t.sectionNumber === number)) {
    if (table.id === 't3') {
      lines.push(...T3_HEADER);
      const groups = new Set<string>();
      for (const row of table.rows) {
        if (row.group !== undefined && groups.size === 0) lines.push('三、本年度办理结果');
        if (row.group !== undefined && !groups.has(row.group)) {
          groups.add(row.group);
          const heading = T3_GROUPS[row.group];
          if (heading) lines.push(heading);
        }
        lines.push([row.label, ...table.columns.map((c) => value(`t3/${row.id}/${c.id}`))].join('\t'));
      }
    } else if (table.id === 't4') {
      lines.push(...T4_HEADER, table.columns.map((c) => value(`t4/cases/${c.id}`)).join('\t'));
    } else if (table.id === 'stats') {
      lines.push(`${year}年度政府信息公开情况统计表`, '统计指标\t单位\t统计数');
      const headings = new Map((table.headings ?? []).map((h) => [h.before, h.label]));
      for (const row of table.rows) {
        const heading = headings.get(row.id);
        if (heading) lines.push(`${heading}\t——\t`);
        lines.push(`${row.label}\t${row.unit ?? ''}\t${row.valueType === 'text' ? '' : value(`stats/${row.id}/value`)}`);
      }
    } else {
      lines.push(table.title.split('·')[1] ?? table.title, ['信息内容', ...table.columns.map((c) => c.label)].join('\t'));
      for (const row of table.rows) lines.push([row.label, ...table.columns.map((c) => value(`${table.id}/${row.id}/${c.id}`))].join('\t'));
    }
  }
  return lines;
}

/** What the office writes in place of each marker (long enough for section 五 to be substantive). */
const OFFICE_TEXT = '本机关结合实际认真落实，明确专人负责，定期开展检查，逐项整改到位，考核评议结果良好。';

/** The template bound to the cells, markers replaced by {@link OFFICE_TEXT}, with the tables: a whole report. */
/**
 * Engagement and work records agreeing with the 2014 cells where the table has them (so the
 * narrative's claims agree with the table), and some of each elsewhere.
 */
function activityOf(cells: Readonly<Record<string, number>>): ActivityFigures {
  const at = (row: string, otherwise: number): number => cells[`stats/${row}/value`] ?? otherwise;
  return {
    ...emptyActivityFigures(),
    pressConferences: at('press-conferences', 6),
    pressConferencesWithLeader: at('press-conferences-leaders', 2),
    interpretations: at('interpretations', 12),
    concernResponses: at('responses', 20) - 3,
    unlinkedEvents: 3,
    messagesReceived: 50,
    messagesReplied: 49,
    hotlineReceived: 658,
    hotlineReplied: 658,
    npcSuggestions: 72,
    cppccProposals: 162,
    proposalResultsPublished: 230,
    ogiOffices: at('ogi-offices', 3),
    staffFullTime: at('staff-full-time', 4),
    staffPartTime: at('staff-part-time', 9),
    funding: at('funding', 1.5),
    readingPoints: at('reading-points', 5),
    meetings: at('meetings', 4),
    trainingSessions: at('training-sessions', 2),
    trainees: at('trainees', 80),
  };
}

function renderReport(template: ReportTemplate, cells: Readonly<Record<string, number>>, year: number, feeYuan: number | null): string {
  const values = { cells, facts: narrativeFacts(cells, template.formatId, year, { feeYuan, activity: activityOf(cells) }) };
  const fill = (html: string): string => {
    const bound = bindNarrative(html, values);
    assert.deepEqual(bound.unbound, [], `unbound placeholders in ${template.formatId}/${template.kind}`);
    return bound.text.replace(UNFILLED_MARKER_RE, OFFICE_TEXT);
  };
  const lines = [reportTitle('测试市人民政府', year), '', fill(template.preamble), ''];
  for (const section of template.sections) {
    lines.push(`${section.number}、${section.title}`, fill(section.html));
    if (template.formatId !== '2014') lines.push(...tableLines(template.formatId, section.number, cells, year));
    lines.push('');
  }
  if (template.formatId === '2014') lines.push(...tableLines('2014', '', cells, year), '');
  lines.push('测试市人民政府办公室', `${year + 1}年1月20日`);
  return lines.join('\n');
}

async function read(text: string): Promise<StructuredReport> {
  return readDocument(await loadInput(Buffer.from(text), 'r.txt'));
}

/** Mapped claims as `mapping id → value` (each mapping once). */
function mapped(report: StructuredReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const claim of report.claims) {
    if (claim.mapping === undefined || claim.mapping === null) continue;
    assert.equal(out[claim.mapping], undefined, `mapping ${claim.mapping} stated twice`);
    out[claim.mapping] = claim.negation ? 0 : claim.value;
  }
  return out;
}

/** Every mapped figure of the six-part templates, with the 淮安 values it states. */
const SIX_PART_CLAIMS: Readonly<Record<string, number>> = {
  'requests-new': 3119,
  'requests-carried-in': 34,
  'requests-concluded': 3050,
  'requests-carried-over': 103,
  'reconsideration-total': 351,
  'reconsideration-upheld': 72,
  'reconsideration-corrected': 64,
  'reconsideration-other': 178,
  'reconsideration-pending': 37,
  'litigation-total': 46,
  'litigation-upheld': 25,
  'litigation-corrected': 5,
  'litigation-other': 9,
  'litigation-pending': 7,
};

const EXPECTED_CLAIMS: Readonly<Record<FormatId, Readonly<Record<string, number>>>> = {
  '2014': {
    'proactive-total': 1200,
    'requests-received': 35,
    concluded: 35,
    fees: 0.0394,
    'reconsideration-total': 8,
    'litigation-total': 2,
    complaints: 3,
    // The engagement and work-record sentence of the overview (issue 6).
    'press-conferences': 22,
    interpretations: 39,
    'ogi-offices': 162,
    staff: 347,
    'reading-points': 49,
    'training-sessions-before': 22,
    trainees: 895,
  },
  '2019': SIX_PART_CLAIMS,
  '2021': SIX_PART_CLAIMS,
};

// ---- tests -------------------------------------------------------------------------------------

void describe('REPORT_TEMPLATES: shape', () => {
  void it('has, for every format and kind, the six sections in order', () => {
    for (const formatId of FORMATS) {
      for (const kind of ORGANIZATION_KINDS) {
        const template = reportTemplate(formatId, kind);
        assert.equal(template, REPORT_TEMPLATES[formatId][kind]);
        assert.equal(template.formatId, formatId);
        assert.equal(template.kind, kind);
        assert.deepEqual(
          template.sections.map((s) => s.id),
          SECTION_IDS,
        );
        assert.deepEqual(
          template.sections.map((s) => s.number),
          ['一', '二', '三', '四', '五', '六'],
        );
      }
    }
  });

  void it('prints the 2019/2021 titles exactly as the format does', () => {
    for (const formatId of ['2019', '2021'] as const) {
      assert.deepEqual(
        reportTemplate(formatId, 'department').sections.map((s) => s.title),
        SIX_PART_SECTIONS.map((s) => s.title),
      );
    }
  });

  void it('asks a government, and only a government, for 工作考核、社会评议和责任追究 in 总体情况 (art. 50(四))', () => {
    for (const formatId of ['2019', '2021'] as const) {
      for (const kind of ORGANIZATION_KINDS) {
        const overview = reportTemplate(formatId, kind).sections[0]?.html ?? '';
        const unfilled = bindNarrative(overview, { cells: {}, facts: {} }).unfilled;
        const appraisal = unfilled.filter((m) => m.includes('工作考核、社会评议和责任追究'));
        assert.equal(appraisal.length, kind === 'government' ? 1 : 0, `${formatId}/${kind}`);
        assert.equal(overview.includes('工作考核、社会评议和责任追究结果情况：【请填写'), kind === 'government');
      }
    }
  });

  void it('leaves section 五 wholly to the office, and puts the fee sentence in 六 (2019/2021)', () => {
    for (const formatId of FORMATS) {
      const problems = reportTemplate(formatId, 'other').sections[4]?.html ?? '';
      const bound = bindNarrative(problems, { cells: {}, facts: {} });
      assert.equal(bound.unfilled.length, 2);
      assert.equal(placeholdersOf(problems).length, 0);
    }
    for (const formatId of ['2019', '2021'] as const) {
      const other = reportTemplate(formatId, 'government').sections[5]?.html ?? '';
      assert.deepEqual(
        placeholdersOf(other).map((p) => p.key),
        ['fees.statement'],
      );
    }
  });

  void it('binds only facts of the catalogue given for its format', () => {
    for (const formatId of FORMATS) {
      const known = new Set(FACT_CATALOGUE.filter((f) => f.formats.includes(formatId)).map((f) => f.key));
      for (const kind of ORGANIZATION_KINDS) {
        const template = reportTemplate(formatId, kind);
        for (const html of [template.preamble, ...template.sections.map((s) => s.html)]) {
          for (const p of placeholdersOf(html)) {
            assert.equal(p.kind, 'fact', p.raw);
            assert.ok(known.has(p.key), `${formatId}: ${p.raw}`);
          }
        }
      }
    }
  });

  void it('titles a report with the organization and year', () => {
    assert.equal(reportTitle(' 淮安市人民政府 ', 2024), '淮安市人民政府2024年政府信息公开工作年度报告');
  });
});

void describe('REPORT_TEMPLATES: bound, read back and checked (V07)', () => {
  for (const formatId of FORMATS) {
    for (const kind of ORGANIZATION_KINDS) {
      void it(`${formatId} ${kind}: every figure maps to its cell with the bound value, and the checker finds nothing`, async () => {
        const { cells, year, feeYuan } = CASES[formatId];
        const report = await read(renderReport(reportTemplate(formatId, kind), cells, year, feeYuan));
        assert.equal(report.format.id, formatId);
        assert.equal(report.year, year);
        assert.deepEqual(mapped(report), EXPECTED_CLAIMS[formatId]);
        assert.deepEqual(
          checkReport(report).map((f) => `${f.rule} ${f.severity}: ${f.message.zh}`),
          [],
        );
      });
    }
  }

  void it('states the bound numbers in the text (2021 government)', async () => {
    const report = await read(renderReport(reportTemplate('2021', 'government'), CELLS_2021, 2024, 3940));
    const overview = report.sections.find((s) => s.id === 'overview')?.text.replace(/\s+/g, '') ?? '';
    assert.ok(
      overview.includes(
        '本年度新收政府信息公开申请3119件,上年结转政府信息公开申请34件;办结政府信息公开申请3050件,其中予以公开1362件,部分公开454件,不予公开178件,无法提供781件,不予处理88件,其他处理187件;结转下年度继续办理103件。',
      ),
      overview,
    );
    assert.equal(report.sections.find((s) => s.id === 'other')?.text.split('\n')[0], '本年度共收取政府信息公开信息处理费3940元(0.394万元)。');
  });

  void it('states 未收取 when no fee was collected, and the checker is content (V10)', async () => {
    const report = await read(renderReport(reportTemplate('2021', 'department'), CELLS_2021, 2024, 0));
    assert.match(report.sections.find((s) => s.id === 'other')?.text ?? '', /^本年度未收取政府信息公开信息处理费。/);
    assert.deepEqual(
      checkReport(report).filter((f) => f.rule === 'V10'),
      [],
    );
  });

  void it('binds an all-zero year without a finding', async () => {
    const report = await read(renderReport(reportTemplate('2021', 'government'), cellsOf('2021', {}), 2024, 0));
    assert.equal(mapped(report)['requests-new'], 0);
    assert.deepEqual(checkReport(report), []);
  });

  void it('is caught by V07 when a bound number is edited by hand afterwards (the control)', async () => {
    const text = renderReport(reportTemplate('2021', 'government'), CELLS_2021, 2024, 3940).replace('新收政府信息公开申请3119件', '新收政府信息公开申请3120件');
    const findings = checkReport(await read(text)).filter((f) => f.rule === 'V07');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'error');
    assert.deepEqual(
      findings[0]?.cells.map((c) => [c.id, c.value]),
      [['t3/new/total', 3119]],
    );
  });
});

void describe('reportTemplate kinds', () => {
  void it('covers every organization kind', () => {
    const kinds: readonly OrganizationKind[] = ORGANIZATION_KINDS;
    for (const formatId of FORMATS) assert.deepEqual(Object.keys(REPORT_TEMPLATES[formatId]).sort(), [...kinds].sort());
  });
});

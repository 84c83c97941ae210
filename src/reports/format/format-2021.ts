/**
 * The current national format: 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号
 * (成文 2021-09-26, 发布 2021-09-29), used for 2021 reports onward (RULES.md §3.1, §3.3–3.6).
 */
import { cellId } from './report-format.ts';
import type { Identity, ReportFormat, TableFormat } from './report-format.ts';
import { REVIEW_IDENTITIES, REVIEW_TABLE, requestIdentities, requestTable } from './request-tables.ts';
import { PROACTIVE_HEADING_KEY, SIX_PART_CLAIM_MAPPINGS, SIX_PART_SECTIONS } from './six-part-structure.ts';

/** Table 二, 第二十条第（一）项: 规章 and 行政规范性文件 (RULES.md §3.3, 2021). */
const ITEM_1: TableFormat = {
  id: 't2-1',
  title: '主动公开政府信息情况·第二十条第（一）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(一\\)项',
  sectionNumber: '二',
  columns: [
    { id: 'issued', label: '本年制发件数', unit: '件', valueType: 'count' },
    { id: 'repealed', label: '本年废止件数', unit: '件', valueType: 'count' },
    { id: 'in-force', label: '现行有效件数', unit: '件', valueType: 'count' },
  ],
  rows: [
    { id: 'regulations', label: '规章', key: '规章' },
    { id: 'normative-documents', label: '行政规范性文件', key: '(行政)?规范性文件' },
  ],
};

/** Table 二, 第二十条第（五）项: 行政许可. */
const ITEM_5: TableFormat = {
  id: 't2-5',
  title: '主动公开政府信息情况·第二十条第（五）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(五\\)项',
  sectionNumber: '二',
  columns: [{ id: 'decisions', label: '本年处理决定数量', unit: '件', valueType: 'count' }],
  rows: [{ id: 'licensing', label: '行政许可', key: '行政许可' }],
};

/** Table 二, 第二十条第（六）项: 行政处罚, 行政强制. */
const ITEM_6: TableFormat = {
  id: 't2-6',
  title: '主动公开政府信息情况·第二十条第（六）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(六\\)项',
  sectionNumber: '二',
  columns: [{ id: 'decisions', label: '本年处理决定数量', unit: '件', valueType: 'count' }],
  rows: [
    { id: 'penalties', label: '行政处罚', key: '行政处罚' },
    { id: 'coercive-measures', label: '行政强制', key: '行政强制' },
  ],
};

/** Table 二, 第二十条第（八）项: 行政事业性收费, now an amount in 万元 (RULES.md §3.6 item 4). */
const ITEM_8: TableFormat = {
  id: 't2-8',
  title: '主动公开政府信息情况·第二十条第（八）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(八\\)项',
  sectionNumber: '二',
  columns: [{ id: 'amount', label: '本年收费金额（单位：万元）', unit: '万元', valueType: 'amount' }],
  rows: [{ id: 'fees', label: '行政事业性收费', key: '行政事业性收费' }],
};

const T3 = requestTable('2021');

/** Every identity of the 2021 format: V01–V03 on table 三, V04 on table 四. */
const IDENTITIES: readonly Identity[] = [...requestIdentities('2021'), ...REVIEW_IDENTITIES];

/** The 2021 format (国办公开办函〔2021〕30号). */
export const FORMAT_2021: ReportFormat = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  citation: '国办公开办函〔2021〕30号',
  reportYears: { from: 2021, to: null },
  tables: [ITEM_1, ITEM_5, ITEM_6, ITEM_8, T3, REVIEW_TABLE],
  identities: IDENTITIES,
  sections: SIX_PART_SECTIONS,
  claimMappings: [
    ...SIX_PART_CLAIM_MAPPINGS,
    {
      id: 'other-unpaid-fee',
      cells: [cellId('t3', 'other-unpaid-fee', 'total')],
      subject: '逾期未(按收费通知要求)?缴纳(费用)?$',
      units: ['件'],
      severity: 'error',
    },
  ],
};

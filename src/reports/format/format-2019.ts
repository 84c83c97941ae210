/**
 * 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号 (published
 * 2019-11-27), used for the 2019 and 2020 reports (RULES.md §3.1, §3.3–3.5).
 */
import { cellId } from './report-format.ts';
import type { ColumnFormat, Identity, ReportFormat, TableFormat } from './report-format.ts';
import { REVIEW_IDENTITIES, REVIEW_TABLE, requestIdentities, requestTable } from './request-tables.ts';
import { PROACTIVE_HEADING_KEY, SIX_PART_CLAIM_MAPPINGS, SIX_PART_SECTIONS } from './six-part-structure.ts';

/** 上一年项目数量 / 本年增/减 / 处理决定数量: the 2019 columns of items （五） and （六）. */
const PROJECT_COLUMNS: readonly ColumnFormat[] = [
  { id: 'previous', label: '上一年项目数量', unit: '项', valueType: 'count' },
  { id: 'change', label: '本年增/减', unit: '项', valueType: 'signed-count' },
  { id: 'decisions', label: '处理决定数量', unit: '件', valueType: 'count' },
];

/** Table 二, 第二十条第（一）项 (2019 columns). */
const ITEM_1: TableFormat = {
  id: 't2-1',
  title: '主动公开政府信息情况·第二十条第（一）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(一\\)项',
  sectionNumber: '二',
  columns: [
    { id: 'made', label: '本年新制作数量', unit: '件', valueType: 'count' },
    { id: 'published', label: '本年新公开数量', unit: '件', valueType: 'count' },
    { id: 'total-public', label: '对外公开总数量', unit: '件', valueType: 'count' },
  ],
  rows: [
    { id: 'regulations', label: '规章', key: '规章' },
    { id: 'normative-documents', label: '规范性文件', key: '(行政)?规范性文件' },
  ],
};

/** Table 二, 第二十条第（五）项 (2019: two rows). */
const ITEM_5: TableFormat = {
  id: 't2-5',
  title: '主动公开政府信息情况·第二十条第（五）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(五\\)项',
  sectionNumber: '二',
  columns: PROJECT_COLUMNS,
  rows: [
    { id: 'licensing', label: '行政许可', key: '行政许可' },
    { id: 'other-services', label: '其他对外管理服务事项', key: '其他对外管理服务事项' },
  ],
};

/** Table 二, 第二十条第（六）项 (2019 columns). */
const ITEM_6: TableFormat = {
  id: 't2-6',
  title: '主动公开政府信息情况·第二十条第（六）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(六\\)项',
  sectionNumber: '二',
  columns: PROJECT_COLUMNS,
  rows: [
    { id: 'penalties', label: '行政处罚', key: '行政处罚' },
    { id: 'coercive-measures', label: '行政强制', key: '行政强制' },
  ],
};

/** Table 二, 第二十条第（八）项 (2019: project counts, not money). */
const ITEM_8: TableFormat = {
  id: 't2-8',
  title: '主动公开政府信息情况·第二十条第（八）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(八\\)项',
  sectionNumber: '二',
  columns: PROJECT_COLUMNS.slice(0, 2),
  rows: [{ id: 'fees', label: '行政事业性收费', key: '行政事业性收费' }],
};

/**
 * Table 二, 第二十条第（九）项: 政府集中采购 (removed in 2021). The format prints no unit for
 * 采购总金额; reports print 元 or 万元. The unit here is 万元 by assumption: UNVERIFIED.
 */
const ITEM_9: TableFormat = {
  id: 't2-9',
  title: '主动公开政府信息情况·第二十条第（九）项',
  key: PROACTIVE_HEADING_KEY,
  blockKey: '第二十条第\\(九\\)项',
  sectionNumber: '二',
  columns: [
    { id: 'projects', label: '采购项目数量', unit: '项', valueType: 'count' },
    { id: 'amount', label: '采购总金额', unit: '万元', valueType: 'amount' },
  ],
  rows: [{ id: 'central-procurement', label: '政府集中采购', key: '政府集中采购' }],
};

/**
 * Every identity of the 2019 format: V01–V03 on table 三, V04 on table 四, plus one relation
 * forced by table 二's wording but not printed: 本年新公开数量 ≤ 对外公开总数量 (unverified, so a
 * warning and never used to recover flattened values).
 */
const IDENTITIES: readonly Identity[] = [
  ...requestIdentities('2019'),
  ...REVIEW_IDENTITIES,
  ...['regulations', 'normative-documents'].map(
    (row): Identity => ({
      id: `T2/${row}/published-within-total`,
      rule: 'V15',
      description: { zh: '本年新公开数量不应大于对外公开总数量', en: 'published this year ≤ total public' },
      left: [cellId('t2-1', row, 'published')],
      relation: 'le',
      right: [cellId('t2-1', row, 'total-public')],
      verified: false,
    }),
  ),
];

/** The 2019 format (国办公开办函〔2019〕60号). */
export const FORMAT_2019: ReportFormat = {
  id: '2019',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  citation: '国办公开办函〔2019〕60号',
  reportYears: { from: 2019, to: 2020 },
  tables: [ITEM_1, ITEM_5, ITEM_6, ITEM_8, ITEM_9, requestTable('2019'), REVIEW_TABLE],
  identities: IDENTITIES,
  sections: SIX_PART_SECTIONS,
  claimMappings: SIX_PART_CLAIM_MAPPINGS,
};

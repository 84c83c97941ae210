/**
 * The 2014–2018 statistics table (政府信息公开情况统计表) of 国办发〔2014〕32号, sections 一 to 九.
 * The rows are those printed at the end of the 吴忠市 2017 report, which RULES.md §3.7 makes the
 * ground truth. The table has one value column (统计数) and a unit per row.
 *
 * The identities among its rows are derived from the table's own nesting (a numbered sub-item
 * list under a total); RULES.md marks them UNVERIFIED as official rules (V15), so they produce
 * warnings, not errors, and are not used to recover flattened values.
 */
import { cellId } from './report-format.ts';
import type { ClaimMapping, Identity, ReportFormat, RowFormat, SectionFormat, TableFormat, Unit, ValueType } from './report-format.ts';

/** One statistics row: id, printed label, key (regex on whitespace-free normalised text), unit. */
function row(id: string, label: string, key: string, unit: Unit | null, valueType: ValueType = 'count'): RowFormat {
  return unit === null ? { id, label, key, valueType } : { id, label, key, unit, valueType };
}

/** The rows of the statistics table, in printed order (RULES.md §3.7; wuzhong-2017.txt). */
const STATS_ROWS: readonly RowFormat[] = [
  row('proactive-total', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '主动公开政府信息数', '条'),
  row('proactive-normative', '其中：主动公开规范性文件数', '主动公开规范性文件数', '条'),
  row('normative-issued', '制发规范性文件总数', '制发规范性文件总数', '件'),
  row('channel-gazette', '1.政府公报公开政府信息数', '政府公报公开政府信息数', '条'),
  row('channel-website', '2.政府网站公开政府信息数', '政府网站公开政府信息数', '条'),
  row('channel-weibo', '3.政务微博公开政府信息数', '政务微博公开政府信息数', '条'),
  row('channel-wechat', '4.政务微信公开政府信息数', '政务微信公开政府信息数', '条'),
  row('channel-other', '5.其他方式公开政府信息数', '其他方式公开政府信息数', '条'),
  row('responses', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '回应公众关注热点或重大舆情数', '次'),
  row('press-conferences', '1.参加或举办新闻发布会总次数', '参加或举办新闻发布会总次数', '次'),
  row('press-conferences-leaders', '其中：主要负责同志参加新闻发布会次数', '主要负责同志参加新闻发布会次数', '次'),
  row('online-interviews', '2.政府网站在线访谈次数', '政府网站在线访谈次数', '次'),
  row('online-interviews-leaders', '其中：主要负责同志参加政府网站在线访谈次数', '主要负责同志参加政府网站在线访谈次数', '次'),
  row('interpretations', '3.政策解读稿件发布数', '政策解读稿件发布数', '篇'),
  row('weibo-wechat-responses', '4.微博微信回应事件数', '微博微信回应事件数', '次'),
  row('other-responses', '5.其他方式回应事件数', '其他方式回应事件数', '次'),
  row('requests-received', '（一）收到申请数', '收到申请数', '件'),
  row('received-in-person', '1.当面申请数', '当面申请数', '件'),
  row('received-fax', '2.传真申请数', '传真申请数', '件'),
  row('received-online', '3.网络申请数', '网络申请数', '件'),
  row('received-letter', '4.信函申请数', '信函申请数', '件'),
  row('concluded', '（二）申请办结数', '申请办结数', '件'),
  row('concluded-on-time', '1.按时办结数', '按时办结数', '件'),
  row('concluded-extended', '2.延期办结数', '延期办结数', '件'),
  row('answered', '（三）申请答复数', '申请答复数', '件'),
  row('answer-already-public', '1.属于已主动公开范围数', '属于已主动公开范围数', '件'),
  row('answer-disclosed', '2.同意公开答复数', '同意公开答复数', '件'),
  row('answer-partial', '3.同意部分公开答复数', '同意部分公开答复数', '件'),
  row('answer-refused', '4.不同意公开答复数', '不同意公开答复数', '件'),
  row('refused-state-secret', '其中：涉及国家秘密', '涉及国家秘密', '件'),
  row('refused-trade-secret', '涉及商业秘密', '涉及商业秘密', '件'),
  row('refused-privacy', '涉及个人隐私', '涉及个人隐私', '件'),
  row('refused-security', '危及国家安全、公共安全、经济安全和社会稳定', '危及国家安全', '件'),
  row('refused-not-government-information', '不是《条例》所指政府信息', '不是《条例》所指政府信息', '件'),
  row('refused-other-law', '法律法规规定的其他情形', '法律法规规定的其他情形', '件'),
  row('answer-not-this-agency', '5.不属于本行政机关公开数', '不属于本行政机关公开数', '件'),
  row('answer-nonexistent', '6.申请信息不存在数', '申请信息不存在数', '件'),
  row('answer-clarification', '7.告知作出更改补充数', '告知作出更改补充数', '件'),
  row('answer-other-channel', '8.告知通过其他途径办理数', '告知通过其他途径办理数', '件'),
  row('request-topics', '（四）申请公开的主要内容', '申请公开的主要内容', null, 'text'),
  row('reconsideration-total', '四、行政复议数量', '行政复议数量', '件'),
  row('reconsideration-upheld', '（一）维持具体行政行为数', '维持具体行政行为数', '件'),
  row('reconsideration-corrected', '（二）被依法纠错数', '被依法纠错数', '件'),
  row('reconsideration-other', '（三）其他情形数', '其他情形数', '件'),
  row('litigation-total', '五、行政诉讼数量', '行政诉讼数量', '件'),
  row('litigation-upheld', '（一）维持具体行政行为或者驳回原告诉讼请求数', '维持具体行政行为或者驳回原告诉讼请求数', '件'),
  row('litigation-corrected', '（二）被依法纠错数', '被依法纠错数', '件'),
  row('litigation-other', '（三）其他情形数', '其他情形数', '件'),
  row('complaints', '六、举报投诉数量', '举报投诉数量', '件'),
  row('fees', '七、依申请公开信息收取的费用', '依申请公开信息收取的费用', '万元', 'amount'),
  row('ogi-offices', '（一）政府信息公开工作专门机构数', '政府信息公开工作专门机构数', '个'),
  row('reading-points', '（二）设置政府信息公开查阅点数', '设置政府信息公开查阅点数', '个'),
  row('staff', '（三）从事政府信息公开工作人员数', '从事政府信息公开工作人员数', '人'),
  row('staff-full-time', '1.专职人员数（不包括政府公报及政府网站工作人员数）', '专职人员数', '人'),
  row('staff-part-time', '2.兼职人员数', '兼职人员数', '人'),
  row('funding', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '政府信息公开专项经费', '万元', 'amount'),
  row('meetings', '（一）召开政府信息与政务公开工作会议或专题会议数', '召开.{0,16}会议或专题会议数', '次'),
  row('training-sessions', '（二）举办各类培训班数', '举办各类培训班数', '次'),
  row('trainees', '（三）接受培训人员数', '接受培训人员数', '人次'),
];

/** The statistics table: one column, 统计数. */
const STATS_TABLE: TableFormat = {
  id: 'stats',
  title: '政府信息公开情况统计表',
  key: '政府信息公开情况统计表',
  sectionNumber: '',
  columns: [{ id: 'value', label: '统计数', unit: '件', valueType: 'count' }],
  rows: STATS_ROWS,
  groupKeys: [
    '一、主动公开情况',
    '\\(二\\)通过不同渠道和方式公开政府信息的情况',
    '二、回应解读情况',
    '\\(二\\)通过不同渠道和方式回应解读的情况',
    '三、依申请公开情况',
    '八、机构建设和保障经费情况',
    '九、政府信息公开会议和培训情况',
  ],
  headings: [
    { label: '一、主动公开情况', before: 'proactive-total' },
    { label: '（二）通过不同渠道和方式公开政府信息的情况', before: 'channel-gazette' },
    { label: '二、回应解读情况', before: 'responses' },
    { label: '（二）通过不同渠道和方式回应解读的情况', before: 'press-conferences' },
    { label: '三、依申请公开情况', before: 'requests-received' },
    { label: '八、机构建设和保障经费情况', before: 'ogi-offices' },
    { label: '九、政府信息公开会议和培训情况', before: 'meetings' },
  ],
};

const v = (id: string): string => cellId('stats', id, 'value');

/** A sum identity over statistics rows. */
function sum(id: string, total: string, parts: readonly string[], zh: string, relation: 'eq' | 'le' = 'eq'): Identity {
  return {
    id: `V15/${id}`,
    rule: 'V15',
    description: { zh, en: `${total} ${relation === 'eq' ? '=' : '≥'} ${parts.join(' + ')}` },
    left: relation === 'eq' ? [v(total)] : parts.map(v),
    relation,
    right: relation === 'eq' ? parts.map(v) : [v(total)],
    verified: false,
  };
}

/** The identities of the statistics table (V15, UNVERIFIED as official rules: warnings). */
const IDENTITIES: readonly Identity[] = [
  sum('requests-received', 'requests-received', ['received-in-person', 'received-fax', 'received-online', 'received-letter'], '收到申请数等于各渠道申请数之和'),
  sum('concluded', 'concluded', ['concluded-on-time', 'concluded-extended'], '申请办结数等于按时办结数与延期办结数之和'),
  sum(
    'answered',
    'answered',
    [
      'answer-already-public',
      'answer-disclosed',
      'answer-partial',
      'answer-refused',
      'answer-not-this-agency',
      'answer-nonexistent',
      'answer-clarification',
      'answer-other-channel',
    ],
    '申请答复数等于各类答复数之和',
  ),
  sum(
    'answer-refused',
    'answer-refused',
    ['refused-state-secret', 'refused-trade-secret', 'refused-privacy', 'refused-security', 'refused-not-government-information', 'refused-other-law'],
    '不同意公开答复数等于其中各项之和',
  ),
  sum('reconsideration', 'reconsideration-total', ['reconsideration-upheld', 'reconsideration-corrected', 'reconsideration-other'], '行政复议数量等于各结果之和'),
  sum('litigation', 'litigation-total', ['litigation-upheld', 'litigation-corrected', 'litigation-other'], '行政诉讼数量等于各结果之和'),
  sum('staff', 'staff', ['staff-full-time', 'staff-part-time'], '工作人员数等于专职与兼职人员数之和'),
  sum('proactive-normative', 'proactive-total', ['proactive-normative'], '主动公开规范性文件数不大于主动公开政府信息数', 'le'),
  sum('press-conferences-leaders', 'press-conferences', ['press-conferences-leaders'], '主要负责同志参加次数不大于新闻发布会总次数', 'le'),
  sum('online-interviews-leaders', 'online-interviews', ['online-interviews-leaders'], '主要负责同志参加次数不大于在线访谈次数', 'le'),
  {
    id: 'V15/proactive-channels',
    rule: 'V15',
    description: {
      zh: '主动公开政府信息数（相同信息计1条）不大于各渠道公开数之和',
      en: 'proactive total (same item counted once) ≤ sum of the channels',
    },
    left: [v('proactive-total')],
    relation: 'le',
    right: ['channel-gazette', 'channel-website', 'channel-weibo', 'channel-wechat', 'channel-other'].map(v),
    verified: false,
  },
];

/**
 * What a 2014–2018 report covers, by 2008 art. 32 (wording UNVERIFIED, RULES.md §1.10): these
 * reports number their sections freely, so sections are found by title, any ordinal.
 */
const SECTIONS: readonly SectionFormat[] = [
  { id: 'overview', number: '', title: '概述', key: '^(概述|总体情况|基本情况)', required: false },
  { id: 'proactive', number: '', title: '主动公开政府信息情况', key: '主动公开(政府信息)?(的)?情况', required: true },
  { id: 'requests', number: '', title: '依申请公开政府信息情况', key: '依申请公开(政府信息)?(的)?情况', required: true },
  { id: 'review', number: '', title: '行政复议、行政诉讼情况', key: '行政复议|行政诉讼', required: true },
  { id: 'problems', number: '', title: '存在的主要问题及改进情况', key: '存在的(主要)?问题', required: true },
  { id: 'other', number: '', title: '其他需要报告的事项', key: '其他需要报告的事项', required: false },
];

/** Claim mappings onto the statistics table (V07). */
const CLAIM_MAPPINGS: readonly ClaimMapping[] = [
  {
    id: 'proactive-total',
    cells: [v('proactive-total')],
    subject: '主动公开(各类)?政府信息$',
    exclude: '(网站|微博|微信|公报|客户端)(上)?(主动)?公开(各类)?政府信息$',
    units: ['条'],
    severity: 'error',
  },
  { id: 'channel-website', cells: [v('channel-website')], subject: '政府网站(主动)?公开(各类)?政府信息$', units: ['条'], severity: 'error' },
  { id: 'channel-weibo', cells: [v('channel-weibo')], subject: '微博(信息)?$', units: ['条'], severity: 'error' },
  { id: 'channel-wechat', cells: [v('channel-wechat')], subject: '微信(信息)?$', units: ['条'], severity: 'error' },
  { id: 'channel-gazette', cells: [v('channel-gazette')], subject: '政府公报(公开|发布)(政府)?信息$', units: ['条'], severity: 'error' },
  { id: 'reading-points', cells: [v('reading-points')], subject: '查阅点$', units: ['个'], severity: 'error' },
  { id: 'requests-received', cells: [v('requests-received')], subject: '(受理|收到)(各类)?(政府信息公开)?申请$', exclude: '复议|诉讼', units: ['件'], severity: 'error' },
  { id: 'received-in-person', cells: [v('received-in-person')], subject: '当面(受理|申请|提交)$', units: ['件'], severity: 'error' },
  { id: 'received-fax', cells: [v('received-fax')], subject: '传真(受理|申请)$', units: ['件'], severity: 'error' },
  { id: 'received-online', cells: [v('received-online')], subject: '网络(受理|申请)$', units: ['件'], severity: 'error' },
  { id: 'received-letter', cells: [v('received-letter')], subject: '信函(受理|申请)$', units: ['件'], severity: 'error' },
  { id: 'concluded', cells: [v('concluded')], subject: '办结$', exclude: '按时|延期', units: ['件'], severity: 'error' },
  { id: 'concluded-on-time', cells: [v('concluded-on-time')], subject: '按时办结$', units: ['件'], severity: 'error' },
  { id: 'concluded-extended', cells: [v('concluded-extended')], subject: '延期办结$', units: ['件'], severity: 'error' },
  {
    id: 'review-total',
    cells: [v('reconsideration-total'), v('litigation-total')],
    subject: '复议(和|、|及|与)?(行政)?诉讼(案件)?$',
    units: ['件'],
    severity: 'error',
  },
  { id: 'reconsideration-total', cells: [v('reconsideration-total')], subject: '^\\|.*行政复议(申请|案件)?$', exclude: '诉讼', units: ['件'], severity: 'error' },
  { id: 'litigation-total', cells: [v('litigation-total')], subject: '^\\|.*行政诉讼(案件)?$', exclude: '复议', units: ['件'], severity: 'error' },
  { id: 'litigation-lost', cells: [v('litigation-corrected')], subject: '败诉(案件)?$', units: ['件'], severity: 'warning' },
  { id: 'complaints', cells: [v('complaints')], subject: '(投诉|举报)[、和及]?(投诉|举报)?$', units: ['件'], severity: 'error' },
  { id: 'fees', cells: [v('fees')], subject: '(收取|收费|费用|免费)', units: ['万元', '元'], severity: 'error' },
  { id: 'ogi-offices', cells: [v('ogi-offices')], subject: '专门机构(有|共)?$', units: ['个'], severity: 'error' },
  { id: 'staff', cells: [v('staff')], subject: '(工作|从业)人员(有|共)?$', units: ['人'], severity: 'error' },
  { id: 'press-conferences', cells: [v('press-conferences')], subject: '新闻发布会$', units: ['次', '场', '场次'], severity: 'warning' },
  { id: 'interpretations', cells: [v('interpretations')], subject: '政策解读(文件|稿件|材料)?$', units: ['篇', '件'], severity: 'warning' },
  { id: 'training-sessions', cells: [v('training-sessions')], predicate: '^(各类)?培训班', units: ['次', '期', '场'], severity: 'warning' },
  { id: 'training-sessions-before', cells: [v('training-sessions')], subject: '培训班$', units: ['次', '期', '场', '个'], severity: 'warning' },
  { id: 'trainees', cells: [v('trainees')], subject: '培训(人员)?$', units: ['人', '人次'], severity: 'warning' },
];

/** The 2014 format (国办发〔2014〕32号 统计表), used for 2014–2018 reports. */
export const FORMAT_2014: ReportFormat = {
  id: '2014',
  name: '政府信息公开情况统计表',
  citation: '国办发〔2014〕32号',
  reportYears: { from: 2014, to: 2018 },
  tables: [STATS_TABLE],
  identities: IDENTITIES,
  sections: SECTIONS,
  claimMappings: CLAIM_MAPPINGS,
};

/**
 * What the 2019 and 2021 formats share besides tables 三 and 四: the six-part structure
 * (RULES.md §3.2; 2019 art. 50) and the narrative claims that map onto tables 三 and 四.
 */
import { cellId, headingKey } from './report-format.ts';
import type { ClaimMapping, SectionFormat } from './report-format.ts';

/**
 * Title of section 二 and table 二 as reports print it: `主动公开政府信息情况`, `主动公开政府信息的情况`,
 * `主动公开情况`, `政府信息主动公开情况`.
 */
export const PROACTIVE_TITLE_KEY = '(?:主动公开(?:政府信息)?|政府信息主动公开)(?:工作)?(?:的)?情况';

/**
 * Title of section 三 and table 三: `收到和处理政府信息公开申请情况`, also with `的`, `受理` for 收到,
 * `办理` for 处理, or without `政府信息公开`.
 */
export const REQUESTS_TITLE_KEY = '(?:收到|受理)(?:和|及|与|、)?(?:处理|办理)(?:政府信息)?(?:公开)?申请(?:的)?情况';

/**
 * Title of section 四 and table 四: `政府信息公开行政复议、行政诉讼情况` (30号), `行政复议、行政诉讼情况`,
 * `因政府信息公开申请行政复议、提起行政诉讼的情况` (60号's wording), `因政府信息公开申请提起行政复议、
 * 行政诉讼情况`, `政府信息公开行政复议、行政诉讼的情况`, and the like.
 */
export const REVIEW_TITLE_KEY =
  '(?:因)?(?:政府信息公开)?(?:工作|申请|被申请){0,2}(?:引起的?)?(?:提起)?行政复议[、,和及与]?(?:提起)?行政诉讼(?:案件)?(?:的)?(?:办理)?情况';

/** The heading of section 二, which table 二's blocks share (`二、主动公开政府信息情况` and variants). */
export const PROACTIVE_HEADING_KEY = headingKey('二', PROACTIVE_TITLE_KEY);

/** The six sections of a 2019/2021-format report, in order (RULES.md §3.2; art. 50). */
export const SIX_PART_SECTIONS: readonly SectionFormat[] = [
  { id: 'overview', number: '一', title: '总体情况', key: '总体情况', required: true },
  { id: 'proactive', number: '二', title: '主动公开政府信息情况', key: PROACTIVE_TITLE_KEY, required: true },
  { id: 'requests', number: '三', title: '收到和处理政府信息公开申请情况', key: REQUESTS_TITLE_KEY, required: true },
  { id: 'review', number: '四', title: '政府信息公开行政复议、行政诉讼情况', key: REVIEW_TITLE_KEY, required: true },
  {
    id: 'problems',
    number: '五',
    title: '存在的主要问题及改进情况',
    key: '(政府信息公开工作)?存在的(主要)?问题(及|和)改进(情况|措施)',
    required: true,
  },
  { id: 'other', number: '六', title: '其他需要报告的事项', key: '其他需要报告的事项', required: true },
];

const t3 = (row: string, column = 'total'): string => cellId('t3', row, column);
const t4 = (column: string): string => cellId('t4', 'cases', column);

/**
 * Claim mappings onto tables 三 and 四 (rule V07). Subjects are matched against
 * `context|subject` with whitespace removed; `context` is the topic a 其中-clause breaks down.
 */
export const SIX_PART_CLAIM_MAPPINGS: readonly ClaimMapping[] = [
  {
    id: 'requests-new',
    cells: [t3('new')],
    subject: '(受理|收到|新收|接收)(各类|依申请公开|政府信息公开)*(申请|申请件)$',
    exclude: '上年|结转|复议|诉讼|答复',
    units: ['件'],
    severity: 'error',
  },
  { id: 'requests-carried-in', cells: [t3('carried-in')], subject: '上一?年度?结转(的)?(政府信息公开)?(申请)?$', units: ['件'], severity: 'error' },
  {
    id: 'requests-concluded',
    cells: [t3('total')],
    subject: '(答复|办结|办理完毕|处理)(各类)?(政府信息公开)?(申请)?$',
    exclude: '结转|下年|新收|受理|收到|^[^|]+\\|',
    units: ['件'],
    severity: 'error',
  },
  { id: 'requests-carried-over', cells: [t3('carried-over')], subject: '结转(至|到)?下一?年度?(继续办理)?$', units: ['件'], severity: 'error' },
  { id: 'requests-carried-over-after', cells: [t3('carried-over')], predicate: '^(结转|顺延|转)(至|到)?下一?年度?', units: ['件'], severity: 'error' },
  {
    id: 'reconsideration-total',
    cells: [t4('reconsideration-total')],
    subject: '^\\|.*行政复议(申请|案件)?$',
    exclude: '诉讼',
    units: ['件'],
    severity: 'error',
  },
  { id: 'reconsideration-upheld', cells: [t4('reconsideration-upheld')], subject: '复议[^|]*\\|.*维持$', units: ['件'], severity: 'error' },
  { id: 'reconsideration-corrected', cells: [t4('reconsideration-corrected')], subject: '复议[^|]*\\|.*纠正$', units: ['件'], severity: 'error' },
  { id: 'reconsideration-other', cells: [t4('reconsideration-other')], subject: '复议[^|]*\\|.*其他结果$', units: ['件'], severity: 'error' },
  { id: 'reconsideration-pending', cells: [t4('reconsideration-pending')], subject: '复议[^|]*\\|.*尚未审结$', units: ['件'], severity: 'error' },
  {
    id: 'litigation-total',
    cells: [t4('direct-suit-total'), t4('suit-after-reconsideration-total')],
    subject: '^\\|.*行政诉讼(案件)?$',
    exclude: '复议',
    units: ['件'],
    severity: 'error',
  },
  {
    id: 'litigation-upheld',
    cells: [t4('direct-suit-upheld'), t4('suit-after-reconsideration-upheld')],
    subject: '诉讼[^|]*\\|.*维持$',
    units: ['件'],
    severity: 'error',
  },
  {
    id: 'litigation-corrected',
    cells: [t4('direct-suit-corrected'), t4('suit-after-reconsideration-corrected')],
    subject: '诉讼[^|]*\\|.*纠正$',
    units: ['件'],
    severity: 'error',
  },
  {
    id: 'litigation-other',
    cells: [t4('direct-suit-other'), t4('suit-after-reconsideration-other')],
    subject: '诉讼[^|]*\\|.*其他结果$',
    units: ['件'],
    severity: 'error',
  },
  {
    id: 'litigation-pending',
    cells: [t4('direct-suit-pending'), t4('suit-after-reconsideration-pending')],
    subject: '诉讼[^|]*\\|.*尚未审结$',
    units: ['件'],
    severity: 'error',
  },
];

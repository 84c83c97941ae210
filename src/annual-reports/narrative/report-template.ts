/**
 * The default narrative of an annual report, per format and organization kind: the text the
 * office starts from. Numbers are placeholders bound to the computed cells and facts
 * (`{{fact:requests.new}}`, see bind-narrative.ts); what only the office knows is a 【请填写…】
 * marker it must replace. Templates are data.
 *
 * The sentences with numbers are worded so that the report reader maps each number to the cell it
 * states (the claim mappings of src/reports/format/six-part-structure.ts, format-2021.ts and
 * format-2014.ts; rule V07), as in real reports (淮安 2024: “受理政府信息公开申请3119件”).
 *
 * What the law asks of the text (RULES.md §1.9, §3.2):
 * - 2019 art. 50: the six sections; 30号 puts 主动公开、依申请公开、政府信息管理、平台建设、监督保障
 *   in 一、总体情况;
 * - art. 50(四): a government's report states 工作考核、社会评议和责任追究结果情况 (监督保障);
 * - 五 must be substantive (V09), so it is left wholly to the office;
 * - 六 states the 信息处理费 collected (国办函〔2020〕109号; V10), from the fee fact.
 */
import type { FormatId } from '../../reports/format/report-format.ts';
import type { OrganizationKind } from '../../organizations/organization.ts';

/** One section of a template. */
export interface SectionTemplate {
  /** Section id as the format names it: `overview`, `proactive`, `requests`, `review`, `problems`, `other`. */
  readonly id: string;
  /** The ordinal printed before the title, e.g. `五`. */
  readonly number: string;
  /** The title as printed, e.g. `存在的主要问题及改进情况`. */
  readonly title: string;
  /** The narrative as rich text with placeholders and markers; empty where the section is its table. */
  readonly html: string;
}

/** The default narrative of a report. */
export interface ReportTemplate {
  readonly formatId: FormatId;
  readonly kind: OrganizationKind;
  /** The opening paragraphs before 一、(basis, statistics period, where to read it, contacts: V14). */
  readonly preamble: string;
  /** The sections, in printed order. */
  readonly sections: readonly SectionTemplate[];
}

const p = (...lines: string[]): string => lines.map((line) => `<p>${line}</p>`).join('\n');
const fact = (key: string): string => `{{fact:${key}}}`;

const FORMAT_CITATION: Readonly<Record<FormatId, string>> = {
  '2014': '统计数据按照《国务院办公厅关于加强和规范政府信息公开情况统计报送工作的通知》（国办发〔2014〕32号）的统计口径填报',
  '2019': '按照《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制',
  '2021': '按照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制',
};

function preamble(formatId: FormatId): string {
  return p(
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，${FORMAT_CITATION[formatId]}。本报告所列数据的统计期限自${fact('year')}年1月1日起至${fact('year')}年12月31日止。`,
    '本报告电子版可在【请填写门户网站名称及网址】查阅或下载。如对本报告有疑问，请与【请填写联系机构、地址、邮编、电话】联系。',
  );
}

/** 2021 (30号) 第二十条第（一）项: 制发 / 废止 / 现行有效. */
const PROACTIVE_2021 =
  `本年度制发规章${fact('proactive.rulesIssued')}件、行政规范性文件${fact('proactive.normativeIssued')}件，` +
  `废止规章${fact('proactive.rulesRepealed')}件、行政规范性文件${fact('proactive.normativeRepealed')}件；` +
  `截至年底，现行有效规章${fact('proactive.rulesInForce')}件、行政规范性文件${fact('proactive.normativeInForce')}件。`;

/** 2019 (60号) 第二十条第（一）项: 新制作 / 新公开 / 对外公开总数量. */
const PROACTIVE_2019 =
  `本年度新制作规章${fact('proactive.rulesIssued')}件、规范性文件${fact('proactive.normativeIssued')}件，` +
  `新公开规章${fact('proactive.rulesPublished')}件、规范性文件${fact('proactive.normativePublished')}件；` +
  `截至年底，对外公开规章总数${fact('proactive.rulesPublicTotal')}件、规范性文件总数${fact('proactive.normativePublicTotal')}件。`;

/**
 * Table 三 in words. Each figure's subject matches its claim mapping: 新收…申请 → 一; 上年结转… → 二;
 * 办结…申请 → （七）总计, its 其中 parts the outcome groups (ending with 其他处理, so the reader
 * checks they add up); 结转下年度继续办理 → 四.
 */
const REQUESTS_SIX_PART =
  `本年度新收政府信息公开申请${fact('requests.new')}件，上年结转政府信息公开申请${fact('requests.carriedIn')}件；` +
  `办结政府信息公开申请${fact('requests.concluded')}件，其中予以公开${fact('requests.disclosed')}件，部分公开${fact('requests.partly')}件，` +
  `不予公开${fact('requests.withheld')}件，无法提供${fact('requests.unable')}件，不予处理${fact('requests.notProcessed')}件，` +
  `其他处理${fact('requests.otherHandling')}件；结转下年度继续办理${fact('requests.carriedOver')}件。`;

/** Table 四 in words: the 复议 and 诉讼 totals, each with its outcomes after 其中. */
const REVIEW_SIX_PART =
  `本年度因政府信息公开工作被申请行政复议${fact('reviews.reconsiderations')}件，其中结果维持${fact('reviews.reconsiderationsUpheld')}件，` +
  `结果纠正${fact('reviews.reconsiderationsCorrected')}件，其他结果${fact('reviews.reconsiderationsOther')}件，` +
  `尚未审结${fact('reviews.reconsiderationsPending')}件；被提起行政诉讼${fact('reviews.suits')}件，其中结果维持${fact('reviews.suitsUpheld')}件，` +
  `结果纠正${fact('reviews.suitsCorrected')}件，其他结果${fact('reviews.suitsOther')}件，尚未审结${fact('reviews.suitsPending')}件。`;

/**
 * 政民互动 and 回应解读 from the engagement records (issue 6): mailbox, 12345 hotline, press
 * conferences, interpretations, NPC suggestions and CPPCC proposals. Subjects avoid the words the
 * request claims read (申请), so these numbers are not taken as table 三 figures.
 */
const INTERACTION =
  `本年度政府信箱收到群众留言${fact('mailbox.received')}件，回复${fact('mailbox.replied')}件，回复率${fact('mailbox.replyRate')}；` +
  `12345热线转办工单${fact('hotline.received')}件，回复${fact('hotline.replied')}件；` +
  `参加或举办新闻发布会${fact('engagement.pressConferences')}次，发布政策解读稿件${fact('engagement.interpretations')}篇；` +
  `承办人大代表建议${fact('proposals.npc')}件、政协委员提案${fact('proposals.cppcc')}件，办理结果公开${fact('proposals.published')}件。`;

/** 2014 sections 二, 八 and 九 of the statistics table in words, with the mailbox and hotline. */
const WORK_2014 =
  `本年度回应公众关注热点或重大舆情${fact('engagement.responses')}次，参加或举办新闻发布会${fact('engagement.pressConferences')}次（其中主要负责同志参加${fact('engagement.pressConferencesWithLeader')}次），` +
  `发布政策解读稿件${fact('engagement.interpretations')}篇；政府信箱收到群众留言${fact('mailbox.received')}件，回复${fact('mailbox.replied')}件；` +
  `12345热线转办工单${fact('hotline.received')}件，回复${fact('hotline.replied')}件；承办人大代表建议${fact('proposals.npc')}件、政协委员提案${fact('proposals.cppcc')}件。` +
  `政府信息公开工作专门机构${fact('work.ogiOffices')}个，从事政府信息公开工作人员${fact('work.staff')}人（专职${fact('work.staffFullTime')}人、兼职${fact('work.staffPartTime')}人），` +
  `政府信息公开专项经费${fact('work.funding')}万元；设置政府信息公开查阅点${fact('work.readingPoints')}个；` +
  `召开政府信息公开工作会议或专题会议${fact('work.meetings')}次，举办培训班${fact('work.trainingSessions')}次，培训${fact('work.trainees')}人次。`;

/** art. 50(四), required of governments only; the marker names what to report. */
const APPRAISAL =
  '工作考核、社会评议和责任追究结果情况：【请填写本年度政府信息公开工作考核、社会评议和责任追究的结果（《条例》第五十条第（四）项），如考核得分或等次、社会评议结果、是否发生责任追究及处理结果】';

function overviewSixPart(formatId: '2019' | '2021', kind: OrganizationKind): string {
  const supervision = `（五）监督保障情况。【请填写政府信息公开工作的组织领导、制度建设和监督检查情况】${kind === 'government' ? APPRAISAL : ''}`;
  return p(
    `${fact('year')}年，【请填写本年度政府信息公开工作的总体情况】`,
    `（一）主动公开情况。${formatId === '2021' ? PROACTIVE_2021 : PROACTIVE_2019}【请填写主动公开工作的主要做法和成效】`,
    `（二）依申请公开情况。${REQUESTS_SIX_PART}${REVIEW_SIX_PART}【请填写依申请公开工作的主要做法】`,
    '（三）政府信息管理情况。【请填写政府信息管理（如公开属性认定、保密审查、政策文件清理）的情况】',
    `（四）政府信息公开平台建设情况。${INTERACTION}【请填写政府网站、政务新媒体、政府公报等公开平台的建设情况】`,
    supervision,
  );
}

/** 五: wholly the office's (V09: substantive; CASS: not “泛泛而谈”, not last year's). */
const PROBLEMS = p(
  '（一）存在的主要问题。【请填写本年度政府信息公开工作存在的主要问题，逐条写明具体问题，不宜泛泛而谈】',
  '（二）改进情况。【请填写上一年度所报问题的改进情况和下一步的改进措施】',
);

/** 六: the fee sentence from the fee fact, then the office's other matters. */
const OTHER = p(fact('fees.statement'), '【请填写其他需要报告的事项；没有的，写明“无其他需要报告的事项。”】');

/** The six sections of 60号 / 30号 (six-part-structure.ts), with their templates. */
function sixPart(formatId: '2019' | '2021', kind: OrganizationKind): ReportTemplate {
  return {
    formatId,
    kind,
    preamble: preamble(formatId),
    sections: [
      { id: 'overview', number: '一', title: '总体情况', html: overviewSixPart(formatId, kind) },
      { id: 'proactive', number: '二', title: '主动公开政府信息情况', html: '' },
      { id: 'requests', number: '三', title: '收到和处理政府信息公开申请情况', html: '' },
      { id: 'review', number: '四', title: '政府信息公开行政复议、行政诉讼情况', html: '' },
      { id: 'problems', number: '五', title: '存在的主要问题及改进情况', html: PROBLEMS },
      { id: 'other', number: '六', title: '其他需要报告的事项', html: OTHER },
    ],
  };
}

/**
 * The 2014–2018 report (2008 art. 32 content, 国办发〔2014〕32号 统计表): sections found by title,
 * numbered freely. The figures' subjects match the 2014 claim mappings (主动公开政府信息 → 主动公开
 * 政府信息数; 收到…申请 → 收到申请数; 办结 → 申请办结数; 行政复议 / 行政诉讼 / 举报投诉; 收取费用 →
 * 七). Fees then were costs under 2008 art. 27, reported with the requests.
 */
function format2014(kind: OrganizationKind): ReportTemplate {
  return {
    formatId: '2014',
    kind,
    preamble: preamble('2014'),
    sections: [
      { id: 'overview', number: '一', title: '概述', html: p(`${fact('year')}年，【请填写本年度政府信息公开工作的总体情况】`, WORK_2014) },
      {
        id: 'proactive',
        number: '二',
        title: '主动公开政府信息情况',
        html: p(
          `本年度主动公开政府信息${fact('proactive.total')}条，其中主动公开规范性文件${fact('proactive.normativeDisclosed')}条；制发规范性文件${fact('proactive.normativeIssued')}件。【请填写主动公开工作的主要做法】`,
        ),
      },
      {
        id: 'requests',
        number: '三',
        title: '依申请公开政府信息情况',
        html: p(
          `本年度共收到政府信息公开申请${fact('requests.new')}件，办结${fact('requests.concluded')}件；答复政府信息公开申请${fact('requests.answered')}件，其中同意公开${fact('requests.disclosed')}件，同意部分公开${fact('requests.partly')}件，不同意公开${fact('requests.withheld')}件。${fact('fees.statement')}`,
        ),
      },
      {
        id: 'review',
        number: '四',
        title: '行政复议、行政诉讼情况',
        html: p(
          `本年度因政府信息公开申请被申请行政复议${fact('reviews.reconsiderations')}件，其中维持具体行政行为${fact('reviews.reconsiderationsUpheld')}件，被依法纠错${fact('reviews.reconsiderationsCorrected')}件，其他情形${fact('reviews.reconsiderationsOther')}件；被提起行政诉讼${fact('reviews.suits')}件，其中维持具体行政行为或者驳回原告诉讼请求${fact('reviews.suitsUpheld')}件，被依法纠错${fact('reviews.suitsCorrected')}件，其他情形${fact('reviews.suitsOther')}件。本年度收到举报投诉${fact('complaints')}件。`,
        ),
      },
      { id: 'problems', number: '五', title: '存在的主要问题及改进情况', html: PROBLEMS },
      { id: 'other', number: '六', title: '其他需要报告的事项', html: p('【请填写其他需要报告的事项；没有的，写明“无其他需要报告的事项。”】') },
    ],
  };
}

/** Every default template, by format and organization kind. */
export const REPORT_TEMPLATES: Readonly<Record<FormatId, Readonly<Record<OrganizationKind, ReportTemplate>>>> = {
  '2014': { government: format2014('government'), department: format2014('department'), other: format2014('other') },
  '2019': { government: sixPart('2019', 'government'), department: sixPart('2019', 'department'), other: sixPart('2019', 'other') },
  '2021': { government: sixPart('2021', 'government'), department: sixPart('2021', 'department'), other: sixPart('2021', 'other') },
};

/**
 * The default template for a report.
 * @param formatId the report's format (`formatForYear(year).id`)
 * @param kind the organization's kind: a government's template adds the art. 50(四) paragraph
 */
export function reportTemplate(formatId: FormatId, kind: OrganizationKind): ReportTemplate {
  return REPORT_TEMPLATES[formatId][kind];
}

/**
 * The report's title as published: `淮安市人民政府2024年政府信息公开工作年度报告`.
 * @param organizationName the organization's full name
 * @param year the report year
 */
export function reportTitle(organizationName: string, year: number): string {
  return `${organizationName.trim()}${year}年政府信息公开工作年度报告`;
}

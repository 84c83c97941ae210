/**
 * The proactive-disclosure catalog item (主动公开目录条目) as the domain sees it, and the closed lists
 * its fields take. Sources: 2019 art. 12 (the catalog has index, title, summary, creation date …),
 * art. 20–21 (subject scope), art. 26 (timeliness); RULES.md §4 (the national catalog guideline's
 * metadata; field labels seen on real portals). Lists are data: codes are stable, names are what the UI shows.
 */

/** Subject categories (主题分类): the 15 kinds of 2019 art. 20, art. 21's local ones, then local themes. */
export const SUBJECT_CATEGORIES = [
  { code: 'art20-01', name: '行政法规、规章和规范性文件', source: '2019 art. 20(一)' },
  { code: 'art20-02', name: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名', source: '2019 art. 20(二)' },
  { code: 'art20-03', name: '国民经济和社会发展规划、专项规划、区域规划及相关政策', source: '2019 art. 20(三)' },
  { code: 'art20-04', name: '国民经济和社会发展统计信息', source: '2019 art. 20(四)' },
  { code: 'art20-05', name: '行政许可和其他对外管理服务事项', source: '2019 art. 20(五)' },
  { code: 'art20-06', name: '行政处罚、行政强制', source: '2019 art. 20(六)' },
  { code: 'art20-07', name: '财政预算、决算信息', source: '2019 art. 20(七)' },
  { code: 'art20-08', name: '行政事业性收费项目及其依据、标准', source: '2019 art. 20(八)' },
  { code: 'art20-09', name: '政府集中采购项目的目录、标准及实施情况', source: '2019 art. 20(九)' },
  { code: 'art20-10', name: '重大建设项目的批准和实施情况', source: '2019 art. 20(十)' },
  { code: 'art20-11', name: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况', source: '2019 art. 20(十一)' },
  { code: 'art20-12', name: '突发公共事件的应急预案、预警信息及应对情况', source: '2019 art. 20(十二)' },
  { code: 'art20-13', name: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况', source: '2019 art. 20(十三)' },
  { code: 'art20-14', name: '公务员招考的职位、名额、报考条件等事项以及录用结果', source: '2019 art. 20(十四)' },
  { code: 'art20-15', name: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息', source: '2019 art. 20(十五)' },
  { code: 'art21-city-01', name: '市政建设', source: '2019 art. 21 (设区的市级、县级)' },
  { code: 'art21-city-02', name: '公共服务', source: '2019 art. 21 (设区的市级、县级)' },
  { code: 'art21-city-03', name: '公益事业', source: '2019 art. 21 (设区的市级、县级)' },
  { code: 'art21-city-04', name: '土地征收', source: '2019 art. 21 (设区的市级、县级)' },
  { code: 'art21-city-05', name: '房屋征收', source: '2019 art. 21 (设区的市级、县级)' },
  { code: 'art21-city-06', name: '治安管理', source: '2019 art. 21 (设区的市级、县级)' },
  { code: 'art21-city-07', name: '社会救助', source: '2019 art. 21 (设区的市级、县级)' },
  { code: 'art21-town-01', name: '农业农村政策', source: '2019 art. 21 (乡镇)' },
  { code: 'art21-town-02', name: '农田水利工程建设运营', source: '2019 art. 21 (乡镇)' },
  { code: 'art21-town-03', name: '农村土地承包经营权流转', source: '2019 art. 21 (乡镇)' },
  { code: 'art21-town-04', name: '宅基地使用情况审核', source: '2019 art. 21 (乡镇)' },
  { code: 'art21-town-05', name: '土地征收', source: '2019 art. 21 (乡镇)' },
  { code: 'art21-town-06', name: '房屋征收', source: '2019 art. 21 (乡镇)' },
  { code: 'art21-town-07', name: '筹资筹劳', source: '2019 art. 21 (乡镇)' },
  { code: 'art21-town-08', name: '社会救助', source: '2019 art. 21 (乡镇)' },
] as const;

/** Local themes configured in the `local_theme` table have codes with this prefix (`theme:rural-revitalization`). */
export const LOCAL_THEME_PREFIX = 'theme:';

/** Genres (体裁分类). `rule` and `normative_document` feed table 二 of the annual report. */
export const GENRES = [
  { code: 'rule', name: '规章' },
  { code: 'normative_document', name: '行政规范性文件' },
  { code: 'other_document', name: '其他文件' },
  { code: 'announcement', name: '公告公示' },
  { code: 'notice', name: '通知' },
  { code: 'plan', name: '规划计划' },
  { code: 'work_report', name: '工作动态与总结' },
  { code: 'statistics', name: '统计信息' },
  { code: 'interpretation', name: '政策解读' },
  { code: 'annual_report', name: '政府信息公开工作年度报告' },
  { code: 'other', name: '其他' },
] as const;

/** A genre code. */
export type Genre = (typeof GENRES)[number]['code'];

/** Disclosure types (公开属性). An `exempt` item needs its reason (2019 art. 14–16). */
export const DISCLOSURE_TYPES = [
  { code: 'proactive', name: '主动公开' },
  { code: 'upon_request', name: '依申请公开' },
  { code: 'exempt', name: '不予公开' },
] as const;

/** A disclosure type code. */
export type DisclosureType = (typeof DISCLOSURE_TYPES)[number]['code'];

/**
 * Publication channels (发布渠道) of a proactive item: the rows of the 2014–2018 statistics table's
 * 一 (二) “通过不同渠道和方式公开政府信息的情况” (RULES.md §3; channels of 2019 art. 23). One item may go out on
 * several; the table's total counts it once (“不同渠道和方式公开相同信息计1条”).
 */
export const PUBLICATION_CHANNELS = [
  { code: 'gazette', name: '政府公报' },
  { code: 'website', name: '政府网站' },
  { code: 'weibo', name: '政务微博' },
  { code: 'wechat', name: '政务微信' },
  { code: 'other', name: '其他方式' },
] as const;

/** A publication channel code. */
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number]['code'];

/** The channels of an item nobody chose channels for (also the column's default in the database). */
export const DEFAULT_PUBLICATION_CHANNELS: readonly PublicationChannel[] = ['website'];

/** Whether a string is a publication channel code. */
export function isPublicationChannel(value: string): value is PublicationChannel {
  return PUBLICATION_CHANNELS.some((c) => c.code === value);
}

/** Validity (有效性). `expired` and `repealed` carry the date they stopped applying. */
export const VALIDITIES = [
  { code: 'in_force', name: '有效' },
  { code: 'expired', name: '失效' },
  { code: 'repealed', name: '废止' },
] as const;

/** A validity code. */
export type Validity = (typeof VALIDITIES)[number]['code'];

/**
 * Lifecycle states: draft → submitted → published (approved and published in one step by the
 * approver) → withdrawn or superseded. Only `published` items are public.
 */
export const ITEM_STATUSES = [
  { code: 'draft', name: '草稿' },
  { code: 'submitted', name: '待审核' },
  { code: 'published', name: '已发布' },
  { code: 'withdrawn', name: '已撤回' },
  { code: 'superseded', name: '已被替代' },
] as const;

/** A lifecycle state. */
export type ItemStatus = (typeof ITEM_STATUSES)[number]['code'];

/** The longest summary (内容概述) local norms allow, in characters. */
export const SUMMARY_MAX_CHARS = 100;

/** A catalog item. Dates are `YYYY-MM-DD` China time; instants ISO 8601 UTC. */
export interface CatalogItem {
  id: number;
  organizationId: number;
  /** 索引号; null for a draft that has not been given one yet. */
  indexNumber: string | null;
  title: string;
  summary: string | null;
  documentNumber: string | null;
  issuingAgency: string;
  creationDate: string;
  publicationDate: string | null;
  subjectCategory: string;
  genre: Genre;
  keywords: string[];
  /** 发布渠道: at least one, no repeats, in {@link PUBLICATION_CHANNELS} order. */
  channels: PublicationChannel[];
  disclosureType: DisclosureType;
  nonDisclosureReason: string | null;
  validity: Validity;
  effectiveDate: string | null;
  expiryDate: string | null;
  /** Sanitized HTML. */
  bodyHtml: string;
  bodyText: string;
  status: ItemStatus;
  supersededById: number | null;
  imported: boolean;
  synthetic: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** The Chinese name of a code in one of the lists above (the code itself when unknown). */
export function nameOf(list: readonly { code: string; name: string }[], code: string): string {
  return list.find((entry) => entry.code === code)?.name ?? code;
}

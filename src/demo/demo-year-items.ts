/**
 * The catalog of the demo year (2025) as a plan: for every demo organization, the items it published
 * in the year across genres (the 2024 annual report, budget and final accounts, notices,
 * announcements, plans, work reports, statistics, policy interpretations), its 行政规范性文件 issued in
 * the year, earlier ones still in force, a few repealed or expired during the year, and for the city
 * government (the only one that may make them: 立法法 art. 93, 设区的市) its 规章. Titles, document
 * numbers and figures are made up; the loader (demo-year.ts) marks every body as synthetic. Pure: the
 * same seed and calendar give the same plan. Feeds table 二 of the annual report (2019 art. 20(一)).
 */
import { addWorkingDays } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { Genre, Validity } from '../catalog/catalog-item.ts';
import type { DemoRandom } from './demo-prng.ts';
import { addDays, randomWorkingDay } from './demo-year-dates.ts';
import { DEMO_ORGANIZATIONS } from './demo-organizations.ts';
import type { DemoOrgKey, DemoOrganization } from './demo-organizations.ts';

/** One planned item. Dates `YYYY-MM-DD`. */
export interface DemoYearItem {
  org: DemoOrgKey;
  title: string;
  documentNumber?: string;
  subject: string;
  genre: Genre;
  keywords: string[];
  creationDate: string;
  publicationDate: string;
  validity: Validity;
  effectiveDate?: string;
  expiryDate?: string;
  /** Body paragraphs (plain text; the loader adds the synthetic marker). */
  body: string[];
  /** For a policy interpretation: the plan index of the document it explains. */
  explains?: number;
}

/** How much one organization publishes, and on what. */
interface ItemProfile {
  /** Items of the year other than 规章 and 行政规范性文件 (annual report, budget, … included). */
  other: number;
  normative: number;
  /** 行政规范性文件 issued 2020–2024 and still in force. */
  normativeEarlier: number;
  /** Issued before 2023 and repealed in the year. */
  repealed: number;
  /** Issued in 2020 with a five-year term that ended in the year. */
  expired: number;
  /** 规章 of the year, earlier ones in force, and repealed in the year (the city government only). */
  rules?: readonly [number, number, number];
  /** The document-number prefix of its 行政规范性文件, e.g. 吴政规发. */
  prefix: string;
  /** The place its normative documents are named after. */
  place: string;
  /** Topics of its everyday items: [phrase, subject category]. */
  topics: readonly (readonly [string, string])[];
  /** Topics its normative documents regulate. */
  normativeTopics: readonly string[];
  /** Announcements are procurement notices (the public resource trading centre). */
  procurement?: boolean;
}

const GOVERNMENT_TOPICS: readonly (readonly [string, string])[] = [
  ['乡村振兴', 'art20-11'], ['巩固拓展脱贫攻坚成果', 'art20-11'], ['安全生产', 'art20-13'], ['防汛抗旱', 'art20-12'], ['森林草原防火', 'art20-12'],
  ['城乡居民最低生活保障', 'art21-city-07'], ['临时救助', 'art21-city-07'], ['老旧小区改造', 'art21-city-01'], ['城市道路建设', 'art21-city-01'],
  ['农村人居环境整治', 'art21-city-02'], ['义务教育', 'art20-11'], ['稳就业', 'art20-11'], ['医疗保障', 'art20-11'], ['优化营商环境', 'art20-05'],
  ['黄河流域生态保护和高质量发展', 'art20-03'], ['养老服务', 'art21-city-02'], ['重大建设项目', 'art20-10'], ['土地征收', 'art21-city-04'],
  ['国有土地上房屋征收', 'art21-city-05'], ['食品安全', 'art20-13'], ['社会治安综合治理', 'art21-city-06'], ['公共文化服务', 'art21-city-03'], ['冬季清洁取暖', 'art21-city-02'],
];
const GOVERNMENT_NORMATIVE = ['城乡居民最低生活保障', '临时救助', '政府投资项目', '扶贫项目资产', '重大行政决策程序', '行政规范性文件备案审查', '政府购买服务', '农村公益性公墓', '城市供热', '住房保障', '就业创业补贴', '养老服务补贴', '企业技术改造补助资金'];
const RULE_TOPICS = ['城市绿化', '物业', '养犬', '城市市容和环境卫生', '历史文化街区保护', '扬尘污染防治', '城市供水和节约用水', '住宅小区停车'];

const county = (prefix: string, place: string, other: number, normative: number, earlier: number, repealed: number, expired: number): ItemProfile => ({
  other, normative, normativeEarlier: earlier, repealed, expired, prefix, place, topics: GOVERNMENT_TOPICS, normativeTopics: GOVERNMENT_NORMATIVE,
});

const PROFILES: Readonly<Record<DemoOrgKey, ItemProfile>> = {
  city: { ...county('吴政规发', '吴忠市', 30, 6, 5, 2, 1), rules: [2, 3, 1] },
  cityOffice: {
    other: 38, normative: 4, normativeEarlier: 3, repealed: 1, expired: 1, prefix: '吴政办规发', place: '吴忠市',
    topics: [['政务公开', 'art20-15'], ['政务服务', 'art20-05'], ['12345政务服务便民热线', 'art21-city-02'], ['督查检查', 'art20-15'], ['应急管理', 'art20-12'], ['政府网站和政务新媒体', 'art20-15'], ['重大行政决策', 'art20-03'], ['营商环境', 'art20-05'], ['机关事务', 'art20-02']],
    normativeTopics: ['政府信息公开申请办理', '政务服务“好差评”', '公文处理', '重大行政决策事项目录', '政务服务便民热线工单办理', '政府网站和政务新媒体', '政务公开工作考核'],
  },
  serviceCenter: {
    other: 28, normative: 2, normativeEarlier: 1, repealed: 0, expired: 1, prefix: '吴政服规发', place: '吴忠市', procurement: true,
    topics: [['利通区第五小学教学楼改扩建工程', 'art20-10'], ['青铜峡市城区供水管网改造工程', 'art20-10'], ['吴忠市市民大厅智能化改造项目', 'art20-09'], ['盐池县高标准农田建设项目', 'art20-10'], ['红寺堡区农村道路硬化工程', 'art20-10'], ['同心县中医院医疗设备采购项目', 'art20-09'], ['吴忠市本级办公设备协议供货项目', 'art20-09'], ['吴忠市城区绿化养护服务项目', 'art20-09']],
    normativeTopics: ['公共资源交易', '政府采购评审专家', '工程建设项目招标投标', '政务服务事项办理'],
  },
  finance: {
    other: 24, normative: 4, normativeEarlier: 3, repealed: 1, expired: 0, prefix: '吴财规发', place: '吴忠市',
    topics: [['政府债务', 'art20-07'], ['惠民惠农财政补贴', 'art20-11'], ['衔接推进乡村振兴补助资金', 'art20-11'], ['政府采购', 'art20-09'], ['行政事业性收费', 'art20-08'], ['国有资产管理', 'art20-07'], ['预算绩效管理', 'art20-07']],
    normativeTopics: ['财政专项资金', '政府采购', '惠民惠农财政补贴资金“一卡通”', '市级预算绩效', '行政事业单位国有资产', '政府债务'],
  },
  ecology: {
    other: 22, normative: 3, normativeEarlier: 2, repealed: 0, expired: 1, prefix: '吴环规发', place: '吴忠市',
    topics: [['大气污染防治', 'art20-13'], ['水污染防治', 'art20-13'], ['排污许可', 'art20-05'], ['建设项目环境影响评价', 'art20-05'], ['生态环境行政处罚', 'art20-06'], ['重点排污单位监督性监测', 'art20-13'], ['固体废物污染防治', 'art20-13'], ['突发环境事件应急', 'art20-12']],
    normativeTopics: ['排污许可', '环境信用评价', '生态环境损害赔偿', '环境影响评价审批', '生态环境行政处罚自由裁量权'],
  },
  agriculture: {
    other: 22, normative: 3, normativeEarlier: 2, repealed: 1, expired: 0, prefix: '吴农规发', place: '吴忠市',
    topics: [['高标准农田建设', 'art21-town-02'], ['农机购置与应用补贴', 'art20-11'], ['动物防疫', 'art20-13'], ['耕地地力保护补贴', 'art20-11'], ['农村土地承包经营权流转', 'art21-town-03'], ['乡村产业发展', 'art21-town-01'], ['农产品质量安全', 'art20-13'], ['宅基地管理', 'art21-town-04']],
    normativeTopics: ['高标准农田建设项目', '农机购置与应用补贴', '耕地地力保护补贴', '农村土地经营权流转', '动物防疫', '农业产业化龙头企业'],
  },
  litong: county('吴利政规发', '利通区', 45, 7, 5, 2, 1),
  hongsibao: county('红政规发', '红寺堡区', 28, 4, 3, 1, 0),
  qingtongxia: county('青政规发', '青铜峡市', 36, 5, 4, 1, 1),
  yanchi: county('盐政规发', '盐池县', 32, 5, 4, 2, 0),
  tongxin: county('同政规发', '同心县', 28, 4, 3, 1, 1),
  yanchiAgriDev: {
    other: 18, normative: 2, normativeEarlier: 1, repealed: 0, expired: 0, prefix: '盐农开规发', place: '盐池县',
    topics: [['农业综合开发土地治理', 'art20-10'], ['小流域综合治理', 'art21-town-02'], ['高标准农田建设', 'art21-town-02'], ['农业综合开发', 'art20-09'], ['农田水利设施建设', 'art21-town-02']],
    normativeTopics: ['农业综合开发项目', '农业综合开发资金', '农业综合开发项目竣工验收'],
  },
};

/** A title from a topic, the organization and the month of creation (1–12). */
type Template = (t: string, org: DemoOrganization, r: DemoRandom, month: number) => string;

const CN_NUMERALS = ['一', '二', '三', '四'];
/** The latest period a statistic published in `month` can cover: months 1 to the previous month, or the previous quarter. */
const monthsBefore = (month: number): string => (month <= 1 ? '2024年' : month === 2 ? '2025年1月' : `2025年1—${month - 1}月`);
const quarterBefore = (month: number): string => (month <= 3 ? '2024年第四季度' : `2025年第${CN_NUMERALS[Math.floor((month - 1) / 3) - 1] ?? '一'}季度`);

/** Title templates by genre for everyday items. */
const TEMPLATES: Partial<Record<Genre, readonly Template[]>> = {
  notice: [(t, o) => `${o.name}关于做好2025年${t}工作的通知`, (t, o) => `${o.name}关于开展${t}专项检查的通知`, (t, o) => `${o.name}关于进一步加强${t}工作的通知`],
  announcement: [(t, o) => `${o.name}关于${t}有关事项的公告`, (t, o) => `${o.shortName}2025年${t}专项资金分配结果公示`, (t, o, r) => `${o.shortName}${t}相关信息公示（第${r.int(1, 4)}批）`],
  plan: [(t, o) => `${o.shortName}2025年${t}工作要点`, (t, o) => `${o.shortName}${t}三年行动方案（2025—2027年）`],
  work_report: [(t, o) => `${o.shortName}${t}工作进展情况`, (t, o, _r, m) => (m >= 7 ? `${o.shortName}2025年上半年${t}工作总结` : `${o.shortName}2024年${t}工作总结`), (t, o) => `${o.shortName}扎实推进${t}工作`],
  statistics: [(t, o, _r, m) => `${o.shortName}${monthsBefore(m)}${t}相关统计数据`, (t, o, _r, m) => `${o.shortName}${quarterBefore(m)}${t}情况统计`],
  other_document: [(t, o) => `${o.name}关于${t}有关情况的说明`, (t, o) => `${o.shortName}${t}事项清单（2025年版）`],
  other: [(t, o) => `${o.shortName}${t}工作领导小组成员名单`, (t, o) => `${o.shortName}${t}常见问题解答`],
};
/** The public resource trading centre's titles: its topics are projects. */
const PROCUREMENT: Partial<Record<Genre, readonly Template[]>> = {
  announcement: [(t) => `${t}招标公告`, (t) => `${t}中标结果公示`, (t) => `${t}成交结果公告`],
  notice: [(t) => `关于${t}招标文件澄清修改的通知`],
  work_report: [(_t, o, _r, m) => `${o.shortName}2025年${m}月公共资源交易工作动态`],
  statistics: [(_t, o, _r, m) => `${o.shortName}${monthsBefore(m)}公共资源交易数据统计`],
};

const EVERYDAY_GENRES: readonly (readonly [Genre, number])[] = [['notice', 25], ['announcement', 22], ['plan', 8], ['work_report', 20], ['statistics', 7], ['other_document', 10], ['other', 5]];
const PROCUREMENT_GENRES: readonly (readonly [Genre, number])[] = [['announcement', 70], ['notice', 10], ['work_report', 10], ['statistics', 10]];

/** Body paragraphs of everyday items by genre (other genres: one line naming the topic). */
const BODIES: Partial<Record<Genre, (topic: string, org: DemoOrganization, r: DemoRandom) => string[]>> = {
  notice: (topic) => ['各有关单位：', `为做好${topic}工作，现将有关事项通知如下。`, '一、提高思想认识；二、明确工作任务；三、加强督促检查（示例）。'],
  announcement: (topic) => [`根据有关规定，现将${topic}有关情况予以公告（公示）。`, '公示期内如有异议，请向本机关反映（联系方式见政府信息公开指南，示例）。'],
  plan: (topic) => [`为扎实推进${topic}工作，制定本年度工作安排。`, '主要目标、重点任务和保障措施如下（示例）。'],
  work_report: (topic, org) => [`今年以来，${org.shortName}认真做好${topic}工作，取得阶段性成效。`, '下一步将继续压实责任，推动各项任务落地见效（示例）。'],
  statistics: (topic, _org, r) => [`${topic}相关数据如下：合计 ${r.int(12, 480)} 项（件），同比增长 ${r.int(1, 15)}%（示例数字）。`],
};

/** A cycling, shuffled supply of a list's elements (so topics repeat as little as possible). */
function supply<T>(list: readonly T[], r: DemoRandom): () => T {
  let queue: T[] = [];
  return () => {
    if (queue.length === 0) {
      queue = [...list];
      for (let i = queue.length - 1; i > 0; i -= 1) {
        const j = r.int(0, i);
        [queue[i], queue[j]] = [queue[j] as T, queue[i] as T];
      }
    }
    const next = queue.pop();
    if (next === undefined) throw new Error('empty supply');
    return next;
  };
}

/** Publication `lagFrom`–`lagTo` working days after creation. */
function published(calendar: WorkingDayCalendar, r: DemoRandom, creation: string, lagFrom: number, lagTo: number): string {
  return addWorkingDays(calendar, creation, r.int(lagFrom, lagTo));
}

/** The 行政规范性文件 and 规章 of one organization, numbered by date within each year. */
function regulatoryItems(calendar: WorkingDayCalendar, r: DemoRandom, org: DemoOrganization, p: ItemProfile): DemoYearItem[] {
  const nextTopic = supply(p.normativeTopics, r);
  const nextRule = supply(RULE_TOPICS, r);
  const out: DemoYearItem[] = [];
  const add = (genre: 'rule' | 'normative_document', kind: 'year' | 'earlier' | 'repealed' | 'expired'): void => {
    const year = kind === 'year' ? 2025 : kind === 'earlier' ? r.int(2020, 2024) : kind === 'repealed' ? r.int(2019, 2022) : 2020;
    // An expired document took effect early enough in 2020 for its five-year term to end in 2025.
    const creationDate = kind === 'year' ? randomWorkingDay(calendar, r, '2025-01-06', '2025-12-12') : randomWorkingDay(calendar, r, `${year}-01-06`, kind === 'expired' ? '2020-10-30' : `${year}-12-15`);
    const publicationDate = published(calendar, r, creationDate, 1, 4);
    const effectiveDate = r.chance(0.5) ? publicationDate : addDays(publicationDate, 30);
    // A five-year term ends the day before the fifth anniversary; a repeal falls on a working day of the year.
    const anniversary = `${Number(effectiveDate.slice(0, 4)) + 5}-${effectiveDate.slice(5) === '02-29' ? '03-01' : effectiveDate.slice(5)}`;
    const expiryDate = kind === 'expired' ? addDays(anniversary, -1) : kind === 'repealed' ? randomWorkingDay(calendar, r, '2025-02-03', '2025-11-28') : undefined;
    const topic = genre === 'rule' ? nextRule() : nextTopic();
    const inner = genre === 'rule' ? `吴忠市${topic}管理办法` : `${p.place}${topic}${r.pick(['管理办法', '实施细则', '实施办法', '若干措施'])}`;
    const title = genre === 'rule' ? inner : `${org.name}关于印发《${inner}》的通知`;
    const body =
      genre === 'rule'
        ? [`《${inner}》已经市人民政府常务会议审议通过，现予公布，自${effectiveDate}起施行。`, '市长  ×××（演示）']
        : ['各有关单位：', `现将《${inner}》印发给你们，请认真贯彻执行。`, `本文件自${effectiveDate}起施行，有效期5年。`];
    if (kind === 'repealed') body.push(`本文件已于${expiryDate ?? ''}废止（演示）。`);
    if (kind === 'expired') body.push(`本文件有效期至${expiryDate ?? ''}，已失效（演示）。`);
    out.push({
      org: org.key,
      title,
      subject: 'art20-01',
      genre,
      keywords: [topic.replace(/[“”]/g, '').slice(0, 30), genre === 'rule' ? '规章' : '规范性文件'],
      creationDate,
      publicationDate,
      validity: kind === 'repealed' ? 'repealed' : kind === 'expired' ? 'expired' : 'in_force',
      effectiveDate,
      ...(expiryDate ? { expiryDate } : {}),
      body,
    });
  };
  const [rules, rulesEarlier, rulesRepealed] = p.rules ?? [0, 0, 0];
  for (let i = 0; i < rules; i += 1) add('rule', 'year');
  for (let i = 0; i < rulesEarlier; i += 1) add('rule', 'earlier');
  for (let i = 0; i < rulesRepealed; i += 1) add('rule', 'repealed');
  for (let i = 0; i < p.normative; i += 1) add('normative_document', 'year');
  for (let i = 0; i < p.normativeEarlier; i += 1) add('normative_document', 'earlier');
  for (let i = 0; i < p.repealed; i += 1) add('normative_document', 'repealed');
  for (let i = 0; i < p.expired; i += 1) add('normative_document', 'expired');
  // Numbers follow the date of issue: 规章 in one series (令第N号), 规范性文件 by year.
  out.sort((a, b) => (a.creationDate < b.creationDate ? -1 : a.creationDate > b.creationDate ? 1 : 0));
  let order = r.int(3, 6);
  const serial = new Map<string, number>();
  for (const item of out) {
    if (item.genre === 'rule') {
      order += 1;
      item.documentNumber = `吴忠市人民政府令第${order}号`;
    } else {
      const year = item.creationDate.slice(0, 4);
      const n = (serial.get(year) ?? 0) + r.int(1, 3);
      serial.set(year, n);
      item.documentNumber = `${p.prefix}〔${year}〕${n}号`;
    }
  }
  return out;
}

/** The items every organization publishes each year: its annual report, budget, final accounts and organization facts. */
function recurringItems(calendar: WorkingDayCalendar, r: DemoRandom, org: DemoOrganization): DemoYearItem[] {
  const government = org.kind === 'government';
  const item = (title: string, genre: Genre, subject: string, from: string, to: string, body: string[], keywords: string[]): DemoYearItem => {
    const creationDate = randomWorkingDay(calendar, r, from, to);
    return { org: org.key, title, subject, genre, keywords, creationDate, publicationDate: published(calendar, r, creationDate, 0, 3), validity: 'in_force', body };
  };
  return [
    // Departments report by January 31, governments by March 31 (2019 art. 49).
    item(`${org.name}2024年政府信息公开工作年度报告`, 'annual_report', 'art20-15', government ? '2025-02-10' : '2025-01-10', government ? '2025-03-21' : '2025-01-24',
      ['本报告依据《中华人民共和国政府信息公开条例》编制（演示数据，数字均为示例）。', '一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。'], ['年度报告']),
    item(government ? `${org.shortName}2025年财政预算公开` : `${org.name}2025年部门预算`, 'other_document', 'art20-07', '2025-02-05', '2025-03-10', ['收支预算总表、一般公共预算支出表及“三公”经费预算情况（示例数字）。'], ['预算']),
    item(government ? `${org.shortName}2024年财政决算公开` : `${org.name}2024年部门决算`, 'other_document', 'art20-07', '2025-07-15', '2025-08-29', ['收支决算总表及“三公”经费支出情况，决算数经审查批准后公开（示例数字）。'], ['决算']),
    item(`${org.name}机构职能及负责人信息`, 'other', 'art20-02', '2025-01-06', '2025-01-17', ['主要职责、内设机构、办公地址、办公时间、联系方式和负责人姓名（示例）。'], ['机构职能']),
  ];
}

/**
 * The demo year's items, organization by organization in {@link DEMO_ORGANIZATIONS} order.
 * @param calendar the working-day calendar (2019–2025 needed)
 * @param random the seeded generator (the plan consumes it: pass a fresh one for the same plan)
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when the calendar lacks a year
 */
export function planDemoYearItems(calendar: WorkingDayCalendar, random: DemoRandom): DemoYearItem[] {
  const plan: DemoYearItem[] = [];
  for (const org of DEMO_ORGANIZATIONS) {
    const p = PROFILES[org.key];
    const regulatory = regulatoryItems(calendar, random, org, p);
    const start = plan.length;
    plan.push(...regulatory);
    // Every second document of the year gets its interpretation, published with it (国办发〔2016〕80号 practice).
    const ofYear = regulatory.map((item, i) => ({ item, index: start + i })).filter(({ item }) => item.creationDate.startsWith('2025-'));
    const interpreted = ofYear.filter((_, i) => i % 2 === 0);
    for (const { item, index } of interpreted) {
      const inner = /《(.+)》/.exec(item.title)?.[1] ?? item.title;
      plan.push({
        org: org.key, title: `《${inner}》政策解读`, subject: 'art20-01', genre: 'interpretation', keywords: ['政策解读'], creationDate: item.publicationDate, publicationDate: item.publicationDate, validity: 'in_force',
        body: [`一、起草背景：为规范相关工作，制定《${inner}》。`, '二、主要内容：明确了适用范围、职责分工和办理程序。', '三、施行时间：与文件同步施行（示例）。'], explains: index,
      });
    }
    const recurring = recurringItems(calendar, random, org);
    plan.push(...recurring);
    const nextTopic = supply(p.topics, random);
    for (let i = interpreted.length + recurring.length; i < p.other; i += 1) {
      const genre = random.weighted(p.procurement ? PROCUREMENT_GENRES : EVERYDAY_GENRES);
      const [topic, subject] = nextTopic();
      const templates = (p.procurement ? PROCUREMENT[genre] : undefined) ?? TEMPLATES[genre] ?? [];
      // The trading centre's reports and statistics are about its trading, not one project.
      const bodyTopic = p.procurement && (genre === 'statistics' || genre === 'work_report') ? '公共资源交易' : topic;
      const creationDate = randomWorkingDay(calendar, random, '2025-01-02', '2025-12-19');
      plan.push({
        org: org.key, title: random.pick(templates)(topic, org, random, Number(creationDate.slice(5, 7))), subject, genre, keywords: [topic.slice(0, 30)], creationDate,
        publicationDate: published(calendar, random, creationDate, 0, 5), validity: 'in_force', body: (BODIES[genre] ?? ((x: string) => [`${x}相关信息（示例）。`]))(bodyTopic, org, random),
      });
    }
  }
  return plan;
}

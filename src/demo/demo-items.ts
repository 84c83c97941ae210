/**
 * The demo catalog: one REAL item (the 吴忠市 2017 annual report quotes it: test/fixtures/reports/
 * wuzhong-2017.txt lines 94–104) and about sixty clearly marked SYNTHETIC ones. Every synthetic body
 * starts with the marker 【演示数据】 and the items are stored with `synthetic = 1`; their titles,
 * document numbers and figures are made up. Dates are offsets from "today" of the injected clock, and
 * `{y}` in a text is the creation date's year, so the demo looks current whenever it is loaded.
 */
import type { Genre } from '../catalog/catalog-item.ts';
import type { DemoOrgKey } from './demo-organizations.ts';

/** The marker at the start of every synthetic body. */
export const SYNTHETIC_MARKER = '【演示数据】';

/** A lifecycle the demo loader gives an item; plain items are published with their dates. */
export type DemoRole = 'policy' | 'interpretation' | 'withdrawn' | 'draft' | 'submitted' | 'repealed';

/** One synthetic item. */
export interface DemoItemSpec {
  org: DemoOrgKey;
  title: string;
  summary?: string;
  documentNumber?: string;
  subject: string;
  genre: Genre;
  keywords?: string[];
  /** Body paragraphs (plain text; the marker is added by the loader). */
  body: string[];
  /** Days before today the information was formed (生成日期). */
  age: number;
  /** Days from creation to publication (publication = creation + lag ≤ today). */
  lag: number;
  role?: DemoRole;
}

/** The real catalog entry, exactly as printed (项目负责人 is printed as 张某某 in the source). */
export const REAL_ITEM = {
  org: 'serviceCenter' as DemoOrgKey,
  indexNumber: '640300032/2018-04416',
  title: '盐池县2018年农业综合开发土地治理（小流域综合治理）勘测设计中标公示',
  issuingAgency: '吴忠市政府服务中心',
  creationDate: '2018-02-01',
  publicationDate: '2018-02-01',
  subject: 'art20-09',
  genre: 'announcement' as Genre,
  disclosureType: 'proactive',
  bodyHtml:
    '<table><tbody>' +
    '<tr><th scope="row">招标单位</th><td>盐池县农业综合开发办公室</td><th scope="row">建设规模</th><td>盐池县2018年农业综合开发土地治理（小流域综合治理）勘测设计</td></tr>' +
    '<tr><th scope="row">建设地点</th><td>盐池县</td><th scope="row">结构性质</th><td>/</td></tr>' +
    '<tr><th scope="row">投标费率(%)</th><td>2.90</td><th scope="row">招标方式</th><td>公开招标</td></tr>' +
    '<tr><th scope="row">资质等级</th><td>工程设计水利行业丙级及以上资质或工程设计农林行业专业乙级及以上资质，测绘丙级及以上资质</td><th scope="row">质量标准</th><td>/</td></tr>' +
    '<tr><th scope="row">设计周期(天)</th><td>30</td><th scope="row">项目负责人</th><td>张某某</td></tr>' +
    '</tbody></table>' +
    '<p>1、工程的方案设计、初步设计、施工图设计、勘测、施工跟进及编制可行性研究报告等；</p>',
} as const;

const CITY_ITEMS: readonly DemoItemSpec[] = [
  { org: 'city', role: 'policy', title: '吴忠市人民政府关于印发《吴忠市推进乡村振兴战略实施方案》的通知', documentNumber: '吴政发〔{y}〕21号', subject: 'art20-03', genre: 'normative_document', keywords: ['乡村振兴', '实施方案'], age: 60, lag: 6,
    body: ['各县（市、区）人民政府，市政府各部门：', '现将《吴忠市推进乡村振兴战略实施方案》印发给你们，请结合实际认真贯彻落实。', '方案明确了产业兴旺、生态宜居、乡风文明、治理有效、生活富裕五个方面的重点任务，巩固拓展脱贫攻坚成果，防止规模性返贫。'] },
  { org: 'cityOffice', role: 'interpretation', title: '《吴忠市推进乡村振兴战略实施方案》政策解读', subject: 'art20-03', genre: 'interpretation', keywords: ['乡村振兴', '政策解读'], age: 54, lag: 1,
    body: ['一、制定背景：为全面推进乡村振兴，巩固拓展脱贫攻坚成果，市政府制定了本方案。', '二、主要内容：方案提出到{y}年底农村居民人均可支配收入增长百分之七以上等目标。', '三、解读机关：吴忠市人民政府办公室（示例）。'] },
  { org: 'city', title: '吴忠市人民政府关于调整城市供水价格的公告', subject: 'art20-08', genre: 'announcement', keywords: ['供水价格'], age: 120, lag: 3,
    body: ['经价格听证和市政府常务会议研究，决定调整城市居民生活用水价格。', '居民生活用水实行阶梯水价，第一阶梯每立方米 2.90 元（示例数字）。'] },
  { org: 'city', title: '吴忠市{y}年国民经济和社会发展统计公报', subject: 'art20-04', genre: 'statistics', keywords: ['统计公报'], age: 200, lag: 10,
    body: ['全年地区生产总值比上年增长百分之六点五（示例数字）。', '农村居民人均可支配收入增长百分之八，脱贫人口人均纯收入持续增长。'] },
  { org: 'city', title: '吴忠市突发事件总体应急预案', documentNumber: '吴政发〔{y}〕8号', subject: 'art20-12', genre: 'normative_document', keywords: ['应急预案'], age: 240, lag: 5,
    body: ['为提高政府保障公共安全和处置突发事件的能力，制定本预案。', '本预案适用于本市行政区域内自然灾害、事故灾难、公共卫生事件和社会安全事件的应对工作。'] },
  { org: 'city', title: '吴忠市人民政府关于公布行政许可事项清单的通知', documentNumber: '吴政发〔{y}〕15号', subject: 'art20-05', genre: 'notice', keywords: ['行政许可'], age: 150, lag: 4,
    body: ['现将吴忠市行政许可事项清单予以公布，共计 312 项（示例数字）。', '清单之外不得违法实施行政许可。'] },
  { org: 'city', role: 'repealed', title: '吴忠市人民政府关于印发《吴忠市城区临时占道经营管理办法》的通知', documentNumber: '吴政发〔{y}〕30号', subject: 'art20-01', genre: 'normative_document', keywords: ['占道经营'], age: 1500, lag: 7,
    body: ['现将《吴忠市城区临时占道经营管理办法》印发给你们，请遵照执行。', '本文件已废止（演示：有效性为废止的行政规范性文件）。'] },
  { org: 'cityOffice', title: '吴忠市人民政府办公室关于做好{y}年政务公开工作的通知', documentNumber: '吴政办发〔{y}〕12号', subject: 'art20-15', genre: 'notice', keywords: ['政务公开'], age: 90, lag: 2,
    body: ['各县（市、区）人民政府，市政府各部门：', '为深入贯彻《中华人民共和国政府信息公开条例》，现就做好本年度政务公开工作通知如下。', '一、加强政策解读和回应关切；二、规范依申请公开办理；三、做好政府信息公开工作年度报告编制。'] },
  { org: 'cityOffice', title: '吴忠市人民政府办公室关于印发《吴忠市政府信息公开申请办理工作规范》的通知', documentNumber: '吴政办发〔{y}〕19号', subject: 'art20-01', genre: 'normative_document', keywords: ['依申请公开'], age: 100, lag: 8,
    body: ['规范明确了申请的接收、登记、补正、征求意见、答复等环节的办理要求。', '答复期限依照条例第三十三条计算，以工作日计。'] },
  { org: 'cityOffice', title: '吴忠市{y}年政府信息公开工作年度报告', subject: 'art20-15', genre: 'annual_report', keywords: ['年度报告'], age: 330, lag: 40,
    body: ['本报告依据《中华人民共和国政府信息公开条例》编制（演示数据，数字均为示例）。', '一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。'] },
  { org: 'cityOffice', role: 'withdrawn', title: '吴忠市人民政府办公室关于召开全市政务服务工作会议的通知', subject: 'art20-15', genre: 'notice', age: 20, lag: 1,
    body: ['定于本月下旬召开全市政务服务工作会议，请各单位分管负责同志参加。'] },
  { org: 'cityOffice', role: 'draft', title: '吴忠市人民政府办公室关于开展政府网站和政务新媒体检查的通知', subject: 'art20-15', genre: 'notice', keywords: ['政府网站', '政务新媒体'], age: 3, lag: 0,
    body: ['为提升政府网站和政务新媒体管理水平，决定开展一次全面检查。'] },
  { org: 'cityOffice', role: 'submitted', title: '吴忠市人民政府办公室关于进一步做好12345政务服务便民热线工作的通知', subject: 'art21-city-02', genre: 'notice', keywords: ['12345热线'], age: 2, lag: 0,
    body: ['进一步规范热线工单的受理、转办、办理、回访和考核。'] },
  { org: 'serviceCenter', title: '吴忠市本级{y}年政府集中采购目录及标准', subject: 'art20-09', genre: 'announcement', keywords: ['政府采购'], age: 300, lag: 9,
    body: ['集中采购机构采购项目包括计算机、打印设备、公务用车等（示例）。', '分散采购限额标准：货物和服务项目 50 万元（示例数字）。'] },
  { org: 'serviceCenter', title: '利通区金积大道道路改造工程施工招标公告', subject: 'art20-09', genre: 'announcement', keywords: ['招标公告'], age: 45, lag: 2,
    body: ['招标人：吴忠市利通区人民政府（演示）。', '本项目采用公开招标方式，投标截止时间以交易平台公告为准。'] },
  { org: 'serviceCenter', title: '吴忠市公共资源交易中心{y}年第一季度交易情况', subject: 'art20-10', genre: 'statistics', age: 180, lag: 12,
    body: ['第一季度共完成各类交易项目 286 宗（示例数字），交易金额同比增长。'] },
  { org: 'finance', title: '吴忠市{y}年市本级财政预算公开', subject: 'art20-07', genre: 'other_document', keywords: ['财政预算'], age: 280, lag: 14,
    body: ['本年度一般公共预算收入预计增长百分之五（示例数字）。', '支出重点保障教育、医疗、社会保障和乡村振兴。'] },
  { org: 'finance', title: '吴忠市{y}年市本级财政决算公开', subject: 'art20-07', genre: 'other_document', keywords: ['财政决算'], age: 400, lag: 15,
    body: ['决算数据经市人大常委会审查批准后公开（示例）。'] },
  { org: 'finance', title: '吴忠市财政局关于下达{y}年中央财政衔接推进乡村振兴补助资金（扶贫发展）的通知', documentNumber: '吴财农发〔{y}〕16号', subject: 'art20-11', genre: 'notice', keywords: ['扶贫', '乡村振兴', '补助资金'], age: 75, lag: 5,
    body: ['现下达中央财政衔接推进乡村振兴补助资金（扶贫发展）共计 1.2 亿元（示例数字）。', '资金重点支持脱贫地区产业发展和脱贫人口就业增收，严禁挤占挪用扶贫资金。'] },
  { org: 'finance', title: '吴忠市行政事业性收费目录清单（{y}年版）', subject: 'art20-08', genre: 'other_document', keywords: ['收费目录'], age: 260, lag: 6,
    body: ['清单列明收费项目、收费依据和收费标准，清单之外一律不得收费。'] },
  { org: 'ecology', title: '吴忠市{y}年第三季度重点排污单位监督性监测结果公示', subject: 'art20-13', genre: 'announcement', keywords: ['监督性监测'], age: 40, lag: 7,
    body: ['本季度共监测重点排污单位 48 家（示例数字），达标 46 家。'] },
  { org: 'ecology', title: '吴忠市生态环境局行政处罚决定书', documentNumber: '吴环罚〔{y}〕7号', subject: 'art20-06', genre: 'other_document', keywords: ['行政处罚'], age: 130, lag: 5,
    body: ['当事人：某建材有限公司（示例）。', '违法事实：未按规定采取扬尘污染防治措施。处罚决定：罚款人民币 2 万元（示例）。'] },
  { org: 'ecology', title: '吴忠市{y}年环境质量状况公报', subject: 'art20-13', genre: 'statistics', age: 350, lag: 20,
    body: ['全年环境空气质量优良天数比例为百分之八十五（示例数字）。'] },
  { org: 'agriculture', title: '吴忠市农业农村局关于印发《吴忠市高标准农田建设项目实施方案》的通知', documentNumber: '吴农发〔{y}〕9号', subject: 'art21-town-02', genre: 'plan', keywords: ['高标准农田'], age: 160, lag: 6,
    body: ['本年度计划建设高标准农田 10 万亩（示例数字），统筹推进农田水利工程建设。'] },
  { org: 'agriculture', title: '吴忠市{y}年农业支持保护补贴资金发放情况公示', subject: 'art20-11', genre: 'announcement', keywords: ['补贴资金'], age: 110, lag: 9,
    body: ['补贴资金通过一卡通直接发放到户，接受社会监督。'] },
  { org: 'agriculture', title: '吴忠市巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作动态', subject: 'art20-11', genre: 'work_report', keywords: ['脱贫攻坚', '乡村振兴', '扶贫'], age: 25, lag: 2,
    body: ['全市持续落实防止返贫动态监测和帮扶机制，扶贫产业稳步发展。', '乡村振兴示范村建设有序推进。'] },
  { org: 'yanchiAgriDev', title: '盐池县{y}年农业综合开发土地治理项目竣工验收公示', subject: 'art20-10', genre: 'announcement', keywords: ['农业综合开发'], age: 70, lag: 4,
    body: ['项目建设内容包括小流域综合治理、田间道路和节水灌溉工程（示例）。'] },
  { org: 'yanchiAgriDev', title: '盐池县农业综合开发办公室关于{y}年高标准农田建设项目招标的公告', subject: 'art20-09', genre: 'announcement', keywords: ['招标公告', '高标准农田'], age: 35, lag: 3,
    body: ['招标方式：公开招标；资格要求：具备相应施工资质（示例）。'] },
];

const COUNTIES: readonly { org: DemoOrgKey; name: string; prefix: string }[] = [
  { org: 'litong', name: '利通区', prefix: '吴利政办发' },
  { org: 'hongsibao', name: '红寺堡区', prefix: '红政办发' },
  { org: 'qingtongxia', name: '青铜峡市', prefix: '青政办发' },
  { org: 'yanchi', name: '盐池县', prefix: '盐政办发' },
  { org: 'tongxin', name: '同心县', prefix: '同政办发' },
];

/** Six kinds of county items, repeated for each county with dates spread out. */
function countyItems(county: (typeof COUNTIES)[number], n: number): DemoItemSpec[] {
  const shift = n * 11;
  return [
    { org: county.org, title: `${county.name}{y}年部门预算公开`, subject: 'art20-07', genre: 'other_document', keywords: ['部门预算'], age: 250 + shift, lag: 12,
      body: [`${county.name}本级部门预算收支总体情况（示例数字）。`, '三公经费预算比上年下降。'] },
    { org: county.org, title: `${county.name}{y}年中央财政衔接推进乡村振兴补助资金项目公示`, subject: 'art20-11', genre: 'announcement', keywords: ['乡村振兴', '扶贫', '项目公示'], age: 80 + shift, lag: 3,
      body: [`${county.name}拟安排衔接推进乡村振兴补助资金项目 ${12 + n} 个（示例数字），公示期 10 天。`, '项目主要用于产业扶贫、小型公益性基础设施和就业帮扶。'] },
    { org: county.org, title: `${county.name}关于{y}年公开招聘社区工作者的公告`, subject: 'art20-14', genre: 'announcement', keywords: ['公开招聘'], age: 50 + shift, lag: 2,
      body: [`${county.name}面向社会公开招聘社区工作者 ${20 + n * 5} 名（示例数字）。`, '报名时间、条件和程序见本公告。'] },
    { org: county.org, title: `${county.name}{y}年农村低收入人口动态监测和帮扶工作情况`, subject: 'art21-city-07', genre: 'work_report', keywords: ['社会救助', '防止返贫'], age: 30 + shift, lag: 5,
      body: [`${county.name}建立农村低收入人口动态监测机制，对脱贫不稳定户及时落实帮扶措施。`, '巩固拓展扶贫成果，守住不发生规模性返贫底线。'] },
    { org: county.org, title: `${county.name}人民政府关于{y}年度土地征收成片开发方案的公示`, subject: 'art21-city-04', genre: 'announcement', keywords: ['土地征收'], age: 140 + shift, lag: n === 2 ? 45 : 6,
      body: ['根据《中华人民共和国土地管理法》，现将土地征收成片开发方案予以公示（示例）。', '利害关系人对方案有异议的，可在公示期内提出。'] },
    { org: county.org, title: `${county.name}人民政府办公室关于印发《${county.name}扶贫项目资产管理办法》的通知`, documentNumber: `${county.prefix}〔{y}〕${10 + n * 3}号`, subject: 'art20-11', genre: 'normative_document', keywords: ['扶贫项目资产'], age: 190 + shift, lag: 8,
      body: ['为加强扶贫项目资产后续管理，确保资产持续发挥效益，制定本办法。', '本办法自印发之日起施行。'] },
  ];
}

/** Every synthetic item spec (the city's, then six for each county). */
export function demoItemSpecs(): DemoItemSpec[] {
  return [...CITY_ITEMS, ...COUNTIES.flatMap((county, n) => countyItems(county, n))];
}

/**
 * A small realistic corpus for search tests: a county government with two departments and a
 * township, and ~30 catalog items in the style of real portals (titles, 文号, bodies), published
 * unless stated. `seedCorpus` inserts and indexes them and returns their ids by key.
 */
import type { Store } from '../../src/db/dialect.ts';
import { insertItem, insertOrganization } from './catalog-rows.ts';
import type { TestItemFields } from './catalog-rows.ts';

/** The organizations of the corpus. */
export type CorpusOrg = 'county' | 'office' | 'agriculture' | 'township';

/** One corpus item: a key, its organization and its fields. */
interface CorpusItem {
  key: string;
  org: CorpusOrg;
  fields: Omit<TestItemFields, 'organization_id'>;
}

const ITEMS: CorpusItem[] = [
  { key: 'povertyFunds', org: 'office', fields: { title: '关于做好扶贫资金公开工作的通知', document_number: '吴政办发〔2017〕19号', publication_date: '2017-05-12', creation_date: '2017-05-10', body_text: '各乡镇人民政府，县直各部门：为规范扶贫资金管理，现就做好扶贫资金公开工作通知如下。一、公开内容包括资金来源、分配结果和使用情况。' } },
  { key: 'povertyFunds190', org: 'office', fields: { title: '关于印发农村公路养护管理办法的通知', document_number: '吴政办发〔2017〕190号', publication_date: '2017-11-20', creation_date: '2017-11-18', genre: 'normative_document', body_text: '现将《农村公路养护管理办法》印发给你们，请认真贯彻执行。' } },
  { key: 'ruralPlan', org: 'county', fields: { title: '关于印发《全面推进乡村振兴实施方案》的通知', document_number: '吴政发〔2021〕3号', publication_date: '2021-03-01', creation_date: '2021-02-26', genre: 'normative_document', subject_category: 'art20-03', body_text: '为深入贯彻落实中央关于全面推进乡村振兴的决策部署，加快农业农村现代化，制定本方案。' } },
  { key: 'ruralTasks', org: 'agriculture', fields: { title: '2023年乡村振兴重点工作安排', publication_date: '2023-02-15', creation_date: '2023-02-14', genre: 'plan', subject_category: 'art21-town-01', body_text: '巩固拓展脱贫攻坚成果同乡村振兴有效衔接，推进高标准农田建设和农村人居环境整治。' } },
  { key: 'targetedPoverty', org: 'agriculture', fields: { title: '精准扶贫资金使用情况公示', publication_date: '2019-06-30', creation_date: '2019-06-28', genre: 'announcement', subject_category: 'art20-11', body_text: '现将2019年度精准扶贫资金使用情况予以公示，公示期为7天。' } },
  { key: 'annualReport', org: 'agriculture', fields: { title: '县农业农村局2022年政府信息公开工作年度报告', publication_date: '2023-01-20', creation_date: '2023-01-18', genre: 'annual_report', subject_category: 'art20-15', body_text: '本报告依据《中华人民共和国政府信息公开条例》编制，全文包括总体情况、主动公开政府信息情况等。' } },
  { key: 'randomInspection', org: 'office', fields: { title: '关于开展双随机一公开监管工作的通知', publication_date: '2020-04-01', creation_date: '2020-03-30', subject_category: 'art20-06', body_text: '全面推行双随机一公开监管，随机抽取检查对象，随机选派执法检查人员，抽查情况及查处结果及时向社会公开。' } },
  { key: 'budget', org: 'county', fields: { title: '2024年县级财政预算公开说明', publication_date: '2024-02-10', creation_date: '2024-02-08', genre: 'statistics', subject_category: 'art20-07', body_text: '2024年一般公共预算收入安排情况，三公经费预算较上年下降5%。' } },
  { key: 'landAcquisition', org: 'county', fields: { title: '关于征地拆迁补偿标准的公告', publication_date: '2022-08-08', creation_date: '2022-08-05', genre: 'announcement', subject_category: 'art21-city-04', body_text: '根据土地征收有关规定，现将征地拆迁补偿标准公告如下。' } },
  { key: 'covid', org: 'office', fields: { title: 'COVID-19疫情防控工作通告', publication_date: '2022-12-01', creation_date: '2022-11-30', genre: 'announcement', subject_category: 'art20-12', body_text: '做好COVID-19疫情防控，按要求开展PCR检测，配合做好流调工作。' } },
  { key: 'farmlandTender', org: 'agriculture', fields: { title: '高标准农田建设项目招标公告', publication_date: '2023-05-06', creation_date: '2023-05-05', genre: 'announcement', subject_category: 'art20-09', body_text: '本项目为2023年度高标准农田建设项目，现进行公开招标，欢迎合格投标人参加。' } },
  { key: 'tenderResult', org: 'agriculture', fields: { title: '高标准农田建设项目中标公示', publication_date: '2023-06-20', creation_date: '2023-06-19', genre: 'announcement', subject_category: 'art20-09', body_text: '经评标委员会评审，确定中标候选人，现予公示。' } },
  { key: 'oldHousing', org: 'county', fields: { title: '2022年城镇老旧小区改造计划', publication_date: '2022-03-15', creation_date: '2022-03-14', genre: 'plan', subject_category: 'art21-city-01', body_text: '计划改造老旧小区12个，惠及居民3200户。' } },
  { key: 'pension', org: 'county', fields: { title: '关于调整城乡居民基本养老保险基础养老金标准的通知', document_number: '吴政发〔2020〕11号', publication_date: '2020-07-01', creation_date: '2020-06-28', subject_category: 'art20-11', body_text: '自2020年1月1日起，城乡居民基本养老保险基础养老金最低标准提高至每人每月150元。' } },
  { key: 'school', org: 'office', fields: { title: '义务教育阶段学校招生工作方案', publication_date: '2024-06-01', creation_date: '2024-05-30', genre: 'plan', subject_category: 'art20-11', body_text: '坚持免试就近入学原则，做好义务教育阶段招生工作。' } },
  { key: 'riverChief', org: 'agriculture', fields: { title: '2021年全面推行河长制工作要点', publication_date: '2021-04-12', creation_date: '2021-04-10', genre: 'plan', subject_category: 'art20-13', body_text: '全面落实河长制，开展河湖清四乱专项行动。' } },
  { key: 'subsistence', org: 'township', fields: { title: '关于低保对象动态管理的通知', publication_date: '2023-09-09', creation_date: '2023-09-08', subject_category: 'art21-town-08', body_text: '对低保对象实行动态管理，做到应保尽保，同时做好扶贫对象的衔接工作。' } },
  { key: 'medicalInsurance', org: 'township', fields: { title: '关于做好城乡居民医保缴费工作的通知', publication_date: '2024-10-10', creation_date: '2024-10-09', subject_category: 'art20-11', body_text: '2025年度城乡居民医保集中缴费期为2024年10月10日至12月31日。' } },
  { key: 'foodSafety', org: 'office', fields: { title: '2024年第三季度食品安全监督抽检结果公告', publication_date: '2024-10-15', creation_date: '2024-10-14', genre: 'announcement', subject_category: 'art20-13', body_text: '本次共抽检食品样品120批次，合格118批次。' } },
  { key: 'workSafety', org: 'office', fields: { title: '安全生产专项整治三年行动实施方案', publication_date: '2020-05-20', creation_date: '2020-05-18', genre: 'plan', subject_category: 'art20-13', body_text: '深入开展安全生产专项整治，坚决遏制重特大事故发生。' } },
  { key: 'business', org: 'county', fields: { title: '关于进一步优化营商环境推进一网通办的实施意见', document_number: '吴政发〔2022〕8号', publication_date: '2022-06-06', creation_date: '2022-06-01', genre: 'normative_document', subject_category: 'art20-05', body_text: '深化放管服改革，推进政务服务一网通办，持续优化营商环境。' } },
  { key: 'penalty', org: 'office', fields: { title: '行政处罚决定书（吴市监罚〔2023〕45号）', publication_date: '2023-07-07', creation_date: '2023-07-06', genre: 'other_document', subject_category: 'art20-06', body_text: '当事人销售过期食品，依据《中华人民共和国食品安全法》作出行政处罚。' } },
  { key: 'interpretation', org: 'county', fields: { title: '《全面推进乡村振兴实施方案》政策解读', publication_date: '2021-03-05', creation_date: '2021-03-04', genre: 'interpretation', subject_category: 'art20-03', body_text: '一、制定背景。二、主要内容：围绕产业振兴、人才振兴等方面提出具体措施。' } },
  { key: 'scriptBody', org: 'office', fields: { title: '网站安全提示', publication_date: '2024-01-05', creation_date: '2024-01-04', genre: 'other', body_text: '请勿在留言中提交<script>alert("x")</script>等代码，扶贫咨询请拨打热线。' } },
  { key: 'draftPoverty', org: 'office', fields: { title: '扶贫工作草稿', status: 'draft', publication_date: null, body_text: '扶贫资金草稿内容。' } },
  { key: 'withdrawnPoverty', org: 'office', fields: { title: '已撤回的扶贫通知', status: 'withdrawn', publication_date: '2021-01-01', body_text: '扶贫资金已撤回。' } },
  { key: 'townPoverty', org: 'township', fields: { title: '某某镇2024年扶贫项目库公示', publication_date: '2024-03-03', creation_date: '2024-03-02', genre: 'announcement', subject_category: 'art20-11', body_text: '经村级申报、乡镇审核，现将扶贫项目库予以公示。' } },
  { key: 'repealedPoverty', org: 'county', fields: { title: '县扶贫开发领导小组工作规则', publication_date: '2016-09-01', creation_date: '2016-08-30', genre: 'normative_document', validity: 'repealed', expiry_date: '2021-12-31', body_text: '领导小组负责统筹全县扶贫开发工作。' } },
  { key: 'summaryPoverty', org: 'agriculture', fields: { title: '产业发展项目资金分配方案', summary: '下达产业扶贫项目资金分配方案', publication_date: '2018-04-04', creation_date: '2018-04-02', genre: 'plan', subject_category: 'art20-11', body_text: '各乡镇要严格按照方案使用资金。' } },
  { key: 'platform', org: 'office', fields: { title: 'Smart City Data Platform建设方案', publication_date: '2024-08-08', creation_date: '2024-08-07', genre: 'plan', body_text: 'The data platform connects government services. 建设城市大数据平台。' } },
];

/** The corpus's organizations and items, by key. */
export interface Corpus {
  orgs: Record<CorpusOrg, { id: number; path: string }>;
  ids: Record<string, number>;
}

/** Inserts and indexes the corpus into a fresh store. */
export async function seedCorpus(store: Store): Promise<Corpus> {
  const county = await insertOrganization(store.db, { name: '测试县人民政府' });
  const office = await insertOrganization(store.db, { name: '测试县人民政府办公室', parentId: county.id });
  const agriculture = await insertOrganization(store.db, { name: '测试县农业农村局', parentId: county.id });
  const township = await insertOrganization(store.db, { name: '某某镇人民政府', parentId: county.id, kind: 'government', level: 'township' });
  const orgs = { county, office, agriculture, township };
  const ids: Record<string, number> = {};
  for (const item of ITEMS) {
    ids[item.key] = await insertItem(store, { ...item.fields, organization_id: orgs[item.org].id });
  }
  return { orgs, ids };
}

/** The ids of the given keys, sorted (for comparing hit sets). */
export function idsOf(corpus: Corpus, keys: readonly string[]): number[] {
  return keys.map((k) => {
    const id = corpus.ids[k];
    if (id === undefined) throw new Error(`no corpus item ${k}`);
    return id;
  }).sort((a, b) => a - b);
}

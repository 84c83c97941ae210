/**
 * The demo region's annual reports of its synthetic year (2025), written and moved through the
 * submission workflow with the same services staff use (issue 5): every organization's table 二
 * decision counts and fees are entered, its narrative written (the template's 【请填写…】 markers
 * replaced by demo text naming the organization, so no two reports read alike), and most reports
 * are submitted, accepted and published, 吴忠市人民政府's roll-up last. A few are left where the
 * submission dashboard has something to show: one draft never submitted (overdue), one returned
 * with comments, one submitted and awaiting review. Every text carries the demo marker.
 */
import type { Actor } from '../auth/actor.ts';
import { acceptReport, getOrCreateReport, publishReport, returnReport, saveReport, submitReport } from '../annual-reports/report-workflow.service.ts';
import { setEntries } from '../annual-reports/report-entry.service.ts';
import { UNFILLED_MARKER_RE } from '../annual-reports/narrative/bind-narrative.ts';
import type { Organization } from '../organizations/organization.ts';
import { today } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { SYNTHETIC_MARKER } from './demo-items.ts';
import type { DemoOrgKey } from './demo-organizations.ts';
import { DEMO_YEAR } from './demo-year.ts';
import { DEMO_YEAR_END } from './demo-year-requests.ts';

/** Where each demo organization's 2025 report ends up. */
type DemoReportState = 'draft' | 'returned' | 'submitted' | 'published';

/** Organizations in the order their reports are processed (departments before governments, the city last). */
const PLAN: readonly { key: DemoOrgKey; state: DemoReportState; published?: string }[] = [
  { key: 'cityOffice', state: 'published', published: '2026-01-20' },
  { key: 'finance', state: 'published', published: '2026-01-23' },
  { key: 'ecology', state: 'published', published: '2026-01-27' },
  { key: 'agriculture', state: 'returned' },
  { key: 'serviceCenter', state: 'draft' },
  { key: 'yanchiAgriDev', state: 'published', published: '2026-01-26' },
  { key: 'litong', state: 'published', published: '2026-03-20' },
  { key: 'hongsibao', state: 'published', published: '2026-03-24' },
  { key: 'qingtongxia', state: 'published', published: '2026-03-25' },
  { key: 'yanchi', state: 'published', published: '2026-03-26' },
  { key: 'tongxin', state: 'submitted' },
  { key: 'city', state: 'published', published: '2026-03-30' },
];

/** Table 二 figures each office enters by hand (decisions, 件; fees, 万元): made up for the demo. */
const ENTRIES: Readonly<Partial<Record<DemoOrgKey, readonly [number, number, number, number]>>> = {
  city: [312, 45, 3, 0],
  cityOffice: [0, 0, 0, 0],
  serviceCenter: [2846, 0, 0, 126.4],
  finance: [18, 6, 0, 35.2],
  ecology: [96, 58, 11, 0],
  agriculture: [214, 37, 4, 0.85],
  litong: [1530, 212, 16, 48.3],
  hongsibao: [612, 95, 7, 12.05],
  qingtongxia: [1120, 168, 9, 30.6],
  yanchi: [880, 131, 12, 21.75],
  tongxin: [745, 102, 6, 18.2],
  yanchiAgriDev: [36, 0, 0, 0],
};

/** Problems and improvements, combined per organization so no two sections 五 read alike. */
const PROBLEMS = [
  '部分栏目更新不够及时，个别政策文件公开时间超过规定期限',
  '政策解读形式较为单一，图表、音视频等多样化解读较少',
  '依申请公开答复文书的说理还不够充分，告知救济途径的表述不够规范',
  '基层工作人员多为兼职，业务培训覆盖面不足，工作衔接不够顺畅',
  '政府信息公开目录的元数据填写不够规范，部分信息缺少文号和有效性标注',
  '对公众关切的回应时效有待提高，与公众的互动交流渠道利用不充分',
];
const IMPROVEMENTS = [
  '建立栏目更新台账，实行专人负责、按月通报，确保政策文件在形成之日起二十个工作日内公开',
  '推行文件与解读同步起草、同步审签、同步发布，增加图解和视频解读',
  '制定依申请公开答复文书范本，逐件审核答复说理和救济途径告知',
  '组织全员业务培训两期，建立新任联络员岗前培训制度',
  '开展政府信息公开目录元数据专项清理，补全文号、发布机构和有效性等要素',
  '完善舆情收集和回应机制，对公众关切事项在规定时限内作出回应',
];

/** The demo text replacing a template marker, by what the marker asks for. */
function fillFor(marker: string, org: Organization, index: number): string {
  const name = org.name;
  const tag = SYNTHETIC_MARKER;
  if (marker.includes('门户网站')) return `${org.shortName ?? name}人民政府门户网站（示例网址 https://www.example.org/）`;
  if (marker.includes('联系机构')) return `${name}政府信息公开工作机构（示例地址，邮编751100，电话0953-5550000）`;
  if (marker.includes('总体情况')) return `${tag}${name}深入贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，持续推进决策、执行、管理、服务、结果公开，政府信息公开工作质量稳步提升。`;
  if (marker.includes('主动公开工作')) return `${name}按照“公开为常态、不公开为例外”的原则，通过政府网站、政务新媒体和政府公报及时发布各类政府信息。`;
  if (marker.includes('依申请公开工作')) return '严格执行登记、审核、办理、答复、归档等环节的工作规范，做到依法依规、按时答复。';
  if (marker.includes('政府信息管理')) return `${name}落实公开属性源头认定和保密审查制度，对本机关制发的政策文件开展动态清理并及时标注有效性。`;
  if (marker.includes('公开平台')) return '加强政府网站和政务新媒体建设管理，规范政府信息公开专栏设置，定期开展内容检查。';
  if (marker.includes('监督检查')) return '主要负责同志定期听取政府信息公开工作汇报，将政府信息公开工作纳入年度绩效考核，组织开展季度检查。';
  if (marker.includes('工作考核')) return `本年度${name}政府信息公开工作年度考核等次为良好，社会评议满意率为百分之九十以上，未发生因政府信息公开工作被追究责任的情况。`;
  if (marker.includes('存在的主要问题')) {
    return `${tag}一是${PROBLEMS[index % PROBLEMS.length]}；二是${PROBLEMS[(index + 2) % PROBLEMS.length]}。`;
  }
  if (marker.includes('改进情况')) {
    return `针对上一年度发现的问题，${name}已逐项整改。下一步，一是${IMPROVEMENTS[index % IMPROVEMENTS.length]}；二是${IMPROVEMENTS[(index + 2) % IMPROVEMENTS.length]}。`;
  }
  if (marker.includes('其他需要报告')) return '无其他需要报告的事项。';
  return `${tag}（演示内容）`;
}

/**
 * The template's sections with every 【请填写…】 marker replaced by demo text naming the organization.
 * @param sections section id → the office's rich text with markers (a report's `sections`)
 * @param index the organization's place in the plan, so no two reports read alike
 * @returns section id → the text with no marker left
 */
export function filledSections(sections: Readonly<Record<string, string>>, org: Organization, index: number): Record<string, string> {
  return Object.fromEntries(Object.entries(sections).map(([id, html]) => [id, html.replace(UNFILLED_MARKER_RE, (marker) => fillFor(marker, org, index))]));
}

/** The earlier of a planned publication date and today (a report cannot be published in the future). */
function notAfterToday(ctx: ServiceContext, date: string): string {
  const now = today(ctx.clock);
  return date < now ? date : now;
}

/**
 * Writes and moves the demo organizations' 2025 reports through the workflow (see the header).
 * Nothing is done while 2025 is not over (the demo year is not loaded then).
 * @param orgs the demo organizations by key
 * @returns how many reports were created and how many published
 * @throws GongkaiError from the services (a report the checker refuses would be a demo defect)
 */
export async function loadDemoAnnualReports(ctx: ServiceContext, actor: Actor, orgs: ReadonlyMap<DemoOrgKey, Organization>): Promise<{ reports: number; published: number }> {
  if (today(ctx.clock) <= DEMO_YEAR_END) return { reports: 0, published: 0 };
  let published = 0;
  for (const [index, step] of PLAN.entries()) {
    const org = orgs.get(step.key);
    if (!org) continue;
    const [licensing, penalties, coercive, fees] = ENTRIES[step.key] ?? [0, 0, 0, 0];
    await setEntries(ctx, actor, org.id, DEMO_YEAR, [
      { cell: 't2-5/licensing/decisions', value: licensing, note: '演示数据：行政审批系统年度统计' },
      { cell: 't2-6/penalties/decisions', value: penalties, note: '演示数据：行政执法系统年度统计' },
      { cell: 't2-6/coercive-measures/decisions', value: coercive, note: '演示数据：行政执法系统年度统计' },
      { cell: 't2-8/fees/amount', value: fees, note: '演示数据：非税收入系统年度统计（万元）' },
    ]);
    let report = await getOrCreateReport(ctx, actor, org.id, DEMO_YEAR);
    report = await saveReport(ctx, actor, report.id, { version: report.version, sections: filledSections(report.sections, org, index) });
    if (step.state === 'draft') continue;
    report = await submitReport(ctx, actor, report.id, { version: report.version });
    if (step.state === 'submitted') continue;
    if (step.state === 'returned') {
      await returnReport(ctx, actor, report.id, { version: report.version, comment: '【演示】表二行政处罚决定数量与行政执法系统统计不一致，请核实后重新报送；“存在的主要问题”请结合本单位实际具体写明。' });
      continue;
    }
    report = await acceptReport(ctx, actor, report.id, { version: report.version });
    await publishReport(ctx, actor, report.id, { version: report.version, publicationDate: notAfterToday(ctx, step.published ?? `${DEMO_YEAR + 1}-03-31`) });
    published++;
  }
  return { reports: PLAN.length, published };
}

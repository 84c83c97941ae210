/**
 * A synthetic 2025 for the annual-report views (trace, roll-up comparison, routes): the seeded
 * region with the 42 request scripts and 7 review records of synthetic-requests.ts, plus the
 * records below, each chosen so the expected cells can be counted by hand:
 *
 * Regulatory documents (catalog, inserted directly; proactive):
 * - D1 利通区人民政府 行政规范性文件 吴利政规发〔2025〕1号, created 2025-03-01, published 2025-03-05, in force;
 * - D2 利通区教育局, the same document issued jointly: 吴利政规发[2025]1号 (bracket variant), published
 *   2025-03-06: in a roll-up over both it is D1 (smaller id) that counts, alone it counts for itself;
 * - D3 吴忠市人民政府 规章 吴忠市人民政府令第1号, created 2025-06-01, published 2025-06-10, in force;
 * - D4 吴忠市人民政府 行政规范性文件 created 2019-05-01, published 2019-05-05, repealed 2025-09-30;
 * - D5 盐池县人民政府 行政规范性文件 created 2020-01-10, published 2020-01-15, in force;
 * - D6 吴忠市财政局 行政规范性文件 created 2025-12-20, still a draft: never counts;
 * - N1 利通区人民政府 a notice (通知) published 2025-07-01 (a proactive item, not a regulatory document).
 * Hand count, 吴忠市 roll-up, 2025 (2021 format): 规章 制发 1 (D3), 现行有效 1 (D3); 行政规范性文件
 * 制发 1 (D1), 废止 1 (D4), 现行有效 2 (D1, D5). 2014 format 主动公开政府信息数: D1 D2 D3 N1 = 4.
 *
 * Entries (2021 table 二, entered by the city's editor): 利通区人民政府 行政许可 120, 收费 1.25 万元;
 * 利通区教育局 行政许可 30, 收费 0.0001 万元 (1 元). Roll-up: 150 and 1.2501.
 *
 * Review records besides the scripts: RX1 利通区人民政府 and RX2 利通区教育局, the same reconsideration
 * (吴忠市人民政府, 吴行复〔2025〕9号, filed 2025-05-01, pending) recorded by both joint respondents:
 * a roll-up over both counts it once (RX1, the smaller id).
 * Hand count, 吴忠市 roll-up, table 四 复议 总计: R1 R2 R6 RX1 = 4; 复议后起诉 总计: R5 = 1 (R4 is the
 * city as co-defendant).
 *
 * Engagement and work records of 2025 (issue 6; inserted directly): N1 went out on the website and
 * 政务微博. Press events P1 利通区 press conference 04-10 with the principal leader; P2 吴忠市 press
 * conference 05-10 answering concern C1; P3 盐池县 online interview 08-01 with the principal leader.
 * Concerns C1 吴忠市 微博微信 05-09, C2 利通区 website 09-01. Interpretation I1 利通区 of D1, 03-07.
 * Staffing: 吴忠市 2 offices, 3 full-time, 5 part-time, 1.5 万元; 利通区 1, 1, 2, 0.25 万元.
 * Reading points: RP1 吴忠市 open since 2020; RP2 利通区 closed 2025-12-31 (not open at year end);
 * RP3 盐池县 opened 2026. Meeting M1 吴忠市; training T1 利通区 30 attendees, T2 吴忠市 45;
 * complaint K1 盐池县. Hand count, 吴忠市 roll-up, 2014 format: responses C1 C2 P1 P3 I1 = 5 (P2
 * answers C1); press conferences 2 (leader 1); online interviews 1 (leader 1); interpretations 1;
 * 微博微信 1, other 1; offices 3, staff 11 (4 + 7), funding 1.75; reading points 1; meetings 1;
 * training 2, trainees 75; complaints 1; channels website 4, weibo 1.
 */
import type { Actor } from '../../src/auth/actor.ts';
import { systemActor } from '../../src/auth/actor.ts';
import { actorForUser } from '../../src/auth/session.service.ts';
import type { ReportStatus } from '../../src/annual-reports/annual-report.ts';
import { insertAnnualReport } from '../../src/annual-reports/annual-report.repository.ts';
import { defaultFormat } from '../../src/annual-reports/report-compute.service.ts';
import { upsertEntry } from '../../src/annual-reports/report-figures.repository.ts';
import type { Store } from '../../src/db/dialect.ts';
import { createReview } from '../../src/reviews/review.service.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import { insertItem } from './catalog-rows.ts';
import { createTestUser, seedRegion, testContext } from './factories.ts';
import type { SeededRegion } from './factories.ts';
import { generateSyntheticYear, SYNTHETIC_START } from './synthetic-requests.ts';
import type { SyntheticYear } from './synthetic-requests.ts';

/** The world: context, region, the ids created and some actors. */
export interface ReportTraceWorld {
  ctx: ServiceContext;
  clock: FixedClock;
  region: SeededRegion;
  year: SyntheticYear;
  /** Catalog item ids by label (D1–D6, N1). */
  items: Record<string, number>;
  /** The extra review records (RX1, RX2). */
  extraReviews: Record<string, number>;
  /** An editor of the whole city (entered the figures; may read personal data). */
  editor: Actor;
  editorUserId: number;
  editorName: string;
  /** An auditor of the whole city (names masked). */
  auditor: Actor;
  /** An editor of 盐池县 only. */
  yanchiEditor: Actor;
}

/** Builds the world on a fresh store (about two seconds: every script goes through the services). */
export async function reportTraceWorld(store: Store): Promise<ReportTraceWorld> {
  const clock = new FixedClock(SYNTHETIC_START);
  const ctx = testContext(store, clock);
  const region = await seedRegion(store, clock);
  const year = await generateSyntheticYear(ctx, clock, region);
  const seed = systemActor('trace-world');
  const doc = (organizationId: number, fields: Record<string, unknown>): Promise<number> =>
    insertItem(store, { organization_id: organizationId, genre: 'normative_document', title: '测试规范性文件', ...fields }, { index: false });
  const items: Record<string, number> = {};
  items['D1'] = await doc(region.litong.id, { document_number: '吴利政规发〔2025〕1号', creation_date: '2025-03-01', publication_date: '2025-03-05' });
  items['D2'] = await doc(region.litongDepartment.id, { document_number: '吴利政规发[2025]1号', creation_date: '2025-03-01', publication_date: '2025-03-06' });
  items['D3'] = await doc(region.city.id, { genre: 'rule', title: '吴忠市某某管理办法', document_number: '吴忠市人民政府令第1号', creation_date: '2025-06-01', publication_date: '2025-06-10' });
  items['D4'] = await doc(region.city.id, { document_number: '吴政规发〔2019〕2号', creation_date: '2019-05-01', publication_date: '2019-05-05', validity: 'repealed', expiry_date: '2025-09-30' });
  items['D5'] = await doc(region.yanchi.id, { document_number: '盐政规发〔2020〕1号', creation_date: '2020-01-10', publication_date: '2020-01-15' });
  items['D6'] = await doc(region.cityDepartment.id, { document_number: '吴财规发〔2025〕1号', creation_date: '2025-12-20', publication_date: null, status: 'draft' });
  items['N1'] = await insertItem(store, { organization_id: region.litong.id, genre: 'notice', title: '关于做好防汛工作的通知', creation_date: '2025-06-28', publication_date: '2025-07-01', channels: '["website","weibo"]' }, { index: false });
  await insertActivityRecords(store, region, items['D1']);

  const { user } = await createTestUser(store, clock, { role: 'editor', organizationId: region.city.id });
  const entered = { source: 'manual', note: '据行政审批局统计', enteredBy: user.id, enteredAt: '2026-01-10T02:00:00.000Z' };
  await upsertEntry(store.db, region.litong.id, 2025, 't2-5/licensing/decisions', 120, entered);
  await upsertEntry(store.db, region.litongDepartment.id, 2025, 't2-5/licensing/decisions', 30, { ...entered, note: null });
  await upsertEntry(store.db, region.litong.id, 2025, 't2-8/fees/amount', 1.25, entered);
  await upsertEntry(store.db, region.litongDepartment.id, 2025, 't2-8/fees/amount', 0.0001, entered);

  const joint = { path: 'reconsideration' as const, applicantName: '钱某', reviewingBody: '吴忠市人民政府', caseNumber: '吴行复〔2025〕9号', filedOn: '2025-05-01', outcome: 'pending' as const };
  const extraReviews: Record<string, number> = {};
  extraReviews['RX1'] = (await createReview(ctx, seed, { ...joint, organizationId: region.litong.id })).id;
  extraReviews['RX2'] = (await createReview(ctx, seed, { ...joint, organizationId: region.litongDepartment.id })).id;

  const auditorUser = (await createTestUser(store, clock, { role: 'auditor', organizationId: region.city.id })).user;
  const yanchiUser = (await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id })).user;
  return {
    ctx,
    clock,
    region,
    year,
    items,
    extraReviews,
    editor: actorForUser(user),
    editorUserId: user.id,
    editorName: user.displayName,
    auditor: actorForUser(auditorUser),
    yanchiEditor: actorForUser(yanchiUser),
  };
}

/** The engagement and work records of the header, straight into their tables. */
async function insertActivityRecords(store: Store, region: SeededRegion, policyItemId: number): Promise<void> {
  const db = store.db;
  const at = '2026-01-05T02:00:00.000Z';
  const stamp = { created_at: at, updated_at: at };
  const c1 = await db.insertInto('concern_response').values({ organization_id: region.city.id, topic: '供暖收费', channel: 'weibo_wechat', responded_on: '2025-05-09', summary: null, url: null, created_by: null, ...stamp }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('concern_response').values({ organization_id: region.litong.id, topic: '学区划分', channel: 'website', responded_on: '2025-09-01', summary: null, url: null, created_by: null, ...stamp }).execute();
  const press = (organization_id: number, kind: string, held_on: string, leader: number, concern: number | null) => ({ organization_id, kind, held_on, topic: `${held_on} 新闻发布`, principal_leader_attended: leader, speakers: null, url: null, concern_response_id: concern, created_by: null, ...stamp });
  await db.insertInto('press_event').values([press(region.litong.id, 'press_conference', '2025-04-10', 1, null), press(region.city.id, 'press_conference', '2025-05-10', 0, Number(c1.id)), press(region.yanchi.id, 'online_interview', '2025-08-01', 1, null)]).execute();
  await db.insertInto('policy_interpretation').values({ organization_id: region.litong.id, policy_item_id: policyItemId, title: '图解：规范性文件', form: 'graphic', published_on: '2025-03-07', url: null, interpretation_item_id: null, concern_response_id: null, created_by: null, ...stamp }).execute();
  const staffing = (organization_id: number, ogi_offices: number, staff_full_time: number, staff_part_time: number, funding: number) => ({ organization_id, year: 2025, ogi_offices, staff_full_time, staff_part_time, funding, note: null, updated_by: null, ...stamp });
  await db.insertInto('ogi_staffing').values([staffing(region.city.id, 2, 3, 5, 1.5), staffing(region.litong.id, 1, 1, 2, 0.25)]).execute();
  const point = (organization_id: number, name: string, opened_on: string, closed_on: string | null) => ({ organization_id, name, address: '示例地址', opening_hours: null, opened_on, closed_on, ...stamp });
  await db.insertInto('reading_point').values([point(region.city.id, 'RP1 市档案馆查阅点', '2020-01-01', null), point(region.litong.id, 'RP2 区图书馆查阅点', '2021-01-01', '2025-12-31'), point(region.yanchi.id, 'RP3 县政务服务中心查阅点', '2026-01-05', null)]).execute();
  await db.insertInto('ogi_meeting').values({ organization_id: region.city.id, held_on: '2025-02-01', title: '政务公开工作会议', kind: 'working', ...stamp }).execute();
  await db.insertInto('training_session').values([
    { organization_id: region.litong.id, held_on: '2025-06-01', title: '政务公开业务培训', attendees: 30, ...stamp },
    { organization_id: region.city.id, held_on: '2025-10-10', title: '条例专题培训', attendees: 45, ...stamp },
  ]).execute();
  await db.insertInto('ogi_complaint').values({ organization_id: region.yanchi.id, received_on: '2025-07-07', channel: 'phone', summary: '反映信息公开不及时', outcome: null, closed_on: null, ...stamp }).execute();
}

/**
 * Stores a report of an organization and year in a workflow state (straight through the
 * repository: the workflow service is another module's), for status views.
 * @param submittedAt ISO instant of the submission, for submitted and later states
 */
export async function storeReportStatus(store: Store, organizationId: number, year: number, status: ReportStatus, submittedAt: string | null = null): Promise<void> {
  await insertAnnualReport(
    store.db,
    {
      organizationId,
      year,
      formatId: defaultFormat(year),
      scope: 'own',
      members: null,
      status,
      sections: {},
      snapshot: null,
      findings: null,
      override: null,
      submittedAt,
      submittedBy: null,
      reviewedAt: null,
      reviewedBy: null,
      reviewComment: null,
      publishedAt: null,
      publishedBy: null,
      publicationDate: null,
      synthetic: false,
    },
    null,
    '2026-01-10T02:00:00.000Z',
  );
}

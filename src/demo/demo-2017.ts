/**
 * Loads the demo region's synthetic 2017 (demo-2017-plan.ts; issue 6): the catalog items of the
 * year by channel in bulk (demo-2017.repository.ts), the 35 requests and 10 reviews through the
 * same services staff use, the engagement and work records, and then 吴忠市's 2017 annual report
 * (2014 format, roll-up of the region) through the submission workflow to publication, so the
 * portal shows the table computed from these records next to the real report the demo imports.
 * Every record is marked synthetic; every text carries the demo marker.
 */
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { acceptReport, getOrCreateReport, publishReport, saveReport, submitReport } from '../annual-reports/report-workflow.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { personalDataKey, sealField } from '../requests/personal-data-cipher.ts';
import { newMessageTrackingCode } from '../messages/message.ts';
import { recordEvent, registerRequest } from '../requests/request.service.ts';
import { createReview } from '../reviews/review.service.ts';
import { nowIso, today } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { filledSections } from './demo-annual-reports.ts';
import { SYNTHETIC_MARKER } from './demo-items.ts';
import type { DemoOrgKey } from './demo-organizations.ts';
import { DEMO_ORGANIZATIONS } from './demo-organizations.ts';
import { demoRandom } from './demo-prng.ts';
import { addDays, randomWorkingDay } from './demo-year-dates.ts';
import { DEMO_2017, datesIn2017, plan2017Requests, plan2017Reviews, splitByWeight, WUZHONG_2017_FIGURES } from './demo-2017-plan.ts';
import type { Demo2017Case } from './demo-2017-plan.ts';
import { indexPublishedItemsAfter } from '../search/search-index.ts';
import { insertActivityRows, insertBulkItems, insertItemRun, selectItemIds, selectLastItemId, setIndexSerial } from './demo-2017.repository.ts';
import type { ActivityRows, BulkItem, ItemRun } from './demo-2017.repository.ts';

/** The seed of the 2017 plan. */
const SEED = 20170101;
const TAG = `${SYNTHETIC_MARKER}2017年演示数据`;

/** What was loaded. */
export interface Demo2017Summary {
  loaded: boolean;
  items: number;
  requests: number;
  reviews: number;
  /** Whether 吴忠市's 2017 report was published. */
  reportPublished: boolean;
}

type OrgOf = (key: DemoOrgKey) => Organization;

const TOPICS: readonly (readonly [string, string, string])[] = [
  ['工作动态', 'work_report', 'art20-15'], ['通知公告', 'notice', 'art20-15'], ['项目公示', 'announcement', 'art20-10'], ['政策措施', 'notice', 'art20-11'],
  ['统计信息', 'statistics', 'art20-04'], ['财政资金', 'announcement', 'art20-07'], ['行政许可结果', 'announcement', 'art20-05'], ['监督检查情况', 'work_report', 'art20-13'],
];
const CHANNEL_NAMES: Readonly<Record<string, string>> = { gazette: '政府公报', website: '政府网站', weibo: '政务微博', wechat: '政务微信', other: '报刊广播电视等' };

/**
 * The year's items of every organization: its 行政规范性文件 one by one, and runs of generated items
 * per channel and topic (the website's count less the normative documents).
 */
function planItems(orgOf: OrgOf, calendar: WorkingDayCalendar): { documents: BulkItem[]; runs: ItemRun[]; serials: Map<number, number> } {
  const random = demoRandom(SEED);
  const F = WUZHONG_2017_FIGURES;
  const byChannel = Object.entries(F.channels).map(([channel, total]) => [channel, splitByWeight(total)] as const);
  const normative = splitByWeight(F.normativeDocuments);
  const documents: BulkItem[] = [];
  const runs: ItemRun[] = [];
  const serials = new Map<number, number>();
  for (const o of DEMO_ORGANIZATIONS) {
    const org = orgOf(o.key);
    let serial = 0;
    for (let k = 1; k <= normative[o.key]; k++) {
      const publicationDate = randomWorkingDay(calendar, random, '2017-01-16', '2017-12-22');
      const created = addDays(publicationDate, -random.int(1, 10));
      documents.push({
        organizationId: org.id,
        indexNumber: `${org.organizationCode}/${DEMO_2017}-${String((serial += 1)).padStart(5, '0')}`,
        title: `${o.shortName}关于${['规范', '加强', '做好', '推进'][k % 4] ?? '规范'}${['城乡低保管理', '政府投资项目管理', '农村公益性公墓管理', '住房保障', '就业创业补贴', '扶贫项目资金管理'][k % 6] ?? ''}工作的通知（${DEMO_2017}年第${k}件）`,
        documentNumber: `${o.shortName}规发〔${DEMO_2017}〕${k}号`,
        issuingAgency: org.name,
        creationDate: created < '2017-01-03' ? '2017-01-03' : created,
        publicationDate,
        subjectCategory: 'art20-01',
        genre: 'normative_document',
        channels: '["website"]',
        bodyText: `${TAG}：虚构的行政规范性文件，并非真实的政府信息。`,
      });
    }
    for (const [channel, parts] of byChannel) {
      const n = parts[o.key] - (channel === 'website' ? normative[o.key] : 0);
      // Spread over the topics: the first `n % topics` topics get one more.
      TOPICS.forEach(([topic, genre, subject], t) => {
        const count = Math.floor(n / TOPICS.length) + (t < n % TOPICS.length ? 1 : 0);
        if (count === 0) return;
        runs.push({
          organizationId: org.id,
          organizationCode: org.organizationCode,
          issuingAgency: org.name,
          year: DEMO_2017,
          firstSerial: serial + 1,
          count,
          titlePrefix: `${o.shortName}${topic}（${CHANNEL_NAMES[channel] ?? channel}，${DEMO_2017}年第`,
          titleSuffix: '条）',
          genre,
          subjectCategory: subject,
          channels: JSON.stringify([channel]),
          bodyText: `${TAG}：虚构信息，并非真实的政府信息。`,
        });
        serial += count;
      });
    }
    serials.set(org.id, serial);
  }
  return { documents, runs, serials };
}

/** The registration input of a planned case (the channel decides which date is the date of receipt). */
function registration(c: Demo2017Case, organizationId: number): Record<string, unknown> {
  const dates = c.channel === 'in-person' ? {} : c.channel === 'registered-post' ? { signedOn: c.receivedOn } : { confirmedOn: c.receivedOn };
  return {
    organizationId,
    requesterType: 'natural',
    requesterName: c.requesterName,
    address: '宁夏回族自治区吴忠市（演示地址）',
    phone: '13800000000',
    channel: c.channel,
    submittedOn: c.receivedOn,
    ...dates,
    informationRequested: `${c.information}（${TAG}）`,
    deliveryForm: 'paper',
    deliveryMethod: c.channel === 'in-person' ? 'pickup' : 'post',
  };
}

/** The engagement and work records of the year. */
async function planActivity(ctx: ServiceContext, orgOf: OrgOf, calendar: WorkingDayCalendar): Promise<ActivityRows> {
  const random = demoRandom(SEED + 2);
  const F = WUZHONG_2017_FIGURES;
  const rows: ActivityRows = { concern_response: [], press_event: [], policy_interpretation: [], ogi_staffing: [], reading_point: [], ogi_meeting: [], training_session: [], hotline_work_order: [], deputy_proposal: [], message: [] };
  const split = (total: number): [DemoOrgKey, number][] => Object.entries(splitByWeight(total)) as [DemoOrgKey, number][];
  const id = (key: DemoOrgKey): number => orgOf(key).id;
  const short = (key: DemoOrgKey): string => DEMO_ORGANIZATIONS.find((o) => o.key === key)?.shortName ?? '';

  for (const [key, n] of split(F.weiboWechatResponses)) for (const on of datesIn2017(calendar, random, n)) rows.concern_response.push({ organization_id: id(key), topic: `${short(key)}回应网民关切：${random.pick(['供暖', '学位', '棚改安置', '道路施工', '公交线路', '环境整治'])}（${TAG}）`, channel: 'weibo_wechat', responded_on: on });
  for (const [key, n] of split(F.otherResponses)) for (const on of datesIn2017(calendar, random, n)) rows.concern_response.push({ organization_id: id(key), topic: `${short(key)}回应社会关切：${random.pick(['水价改革', '出租车改革', '禁燃区划定', '农民工工资', '食品安全'])}（${TAG}）`, channel: random.pick(['website', 'media', 'other']), responded_on: on });
  let leaders = F.pressConferencesWithLeader;
  for (const [key, n] of split(F.pressConferences)) {
    for (const on of datesIn2017(calendar, random, n)) {
      const leader = leaders > 0 && (rows.press_event.length % 2 === 0 || F.pressConferences - rows.press_event.length <= leaders) ? 1 : 0;
      leaders -= leader;
      rows.press_event.push({ organization_id: id(key), kind: 'press_conference', held_on: on, topic: `${short(key)}新闻发布会：${random.pick(['重点工作进展', '民生实事', '脱贫攻坚', '营商环境'])}（${TAG}）`, principal_leader_attended: leader });
    }
  }
  for (const [key, n] of split(F.interpretations)) {
    if (n === 0) continue;
    const policies = await selectItemIds(ctx.store.db, id(key), 'normative_document', DEMO_2017);
    const fallback = await selectItemIds(ctx.store.db, id(key), 'notice', DEMO_2017);
    const pool = [...policies, ...fallback.slice(0, n)];
    for (let k = 0; k < n; k++) {
      const policy = pool[k % pool.length];
      if (policy === undefined) continue;
      const row = await ctx.store.db.selectFrom('catalog_item').select(['title', 'publication_date']).where('id', '=', policy).executeTakeFirstOrThrow();
      const published = row.publication_date ?? '2017-12-29';
      rows.policy_interpretation.push({ organization_id: id(key), policy_item_id: policy, title: `解读：${row.title}`, form: random.pick(['text', 'graphic', 'graphic', 'video', 'interview']), published_on: published > '2017-12-27' ? published : addDays(published, random.int(0, 2)) });
    }
  }
  const offices = splitByWeight(F.ogiOffices);
  const fullTime = splitByWeight(F.staffFullTime);
  const partTime = splitByWeight(F.staffPartTime);
  const funding = splitByWeight(F.funding);
  for (const o of DEMO_ORGANIZATIONS) rows.ogi_staffing.push({ organization_id: id(o.key), year: DEMO_2017, ogi_offices: offices[o.key], staff_full_time: fullTime[o.key], staff_part_time: partTime[o.key], funding: funding[o.key], note: `${TAG}（含所属乡镇、街道和部门）` });
  for (const [key, n] of split(F.readingPoints)) {
    for (let k = 1; k <= n; k++) rows.reading_point.push({ organization_id: id(key), name: `${short(key)}政府信息公开查阅点${k}（演示）`, address: `${short(key)}${random.pick(['政务服务中心', '图书馆', '档案馆', '便民服务中心'])}（演示地址）`, opening_hours: '工作日 9:00-12:00，14:30-17:30', opened_on: randomWorkingDay(calendar, random, '2015-01-05', '2017-11-30') });
  }
  for (const [key, n] of split(F.meetings)) for (const on of datesIn2017(calendar, random, n)) rows.ogi_meeting.push({ organization_id: id(key), held_on: on, title: `${short(key)}政务公开工作${random.pick(['推进会', '专题会议', '领导小组会议'])}（${TAG}）`, kind: random.pick(['working', 'special']) });
  const sessions = split(F.trainingSessions).flatMap(([key, n]) => Array.from({ length: n }, () => key));
  // 895 attendees over 22 sessions: 40 or 41 each, the first 15 sessions one more.
  const perSession = sessions.map(() => 0);
  let remaining = F.trainees;
  sessions.forEach((_, i) => {
    const share = i === sessions.length - 1 ? remaining : Math.floor(F.trainees / sessions.length) + (i < F.trainees % sessions.length ? 1 : 0);
    perSession[i] = share;
    remaining -= share;
  });
  const trainingDates = datesIn2017(calendar, random, sessions.length);
  sessions.forEach((key, i) => rows.training_session.push({ organization_id: id(key), held_on: trainingDates[i] ?? '2017-06-01', title: `${short(key)}政务公开业务培训班（${TAG}）`, attendees: perSession[i] ?? 1 }));

  let order = 0;
  for (const [key, n] of split(F.hotline)) {
    for (const on of datesIn2017(calendar, random, n, '2017-01-03', '2017-12-15')) {
      order += 1;
      rows.hotline_work_order.push({ organization_id: id(key), order_number: `WZ12345-2017-${String(order).padStart(6, '0')}`, received_on: on, category: random.pick(['consultation', 'complaint', 'complaint', 'request_for_help', 'suggestion']), summary: `市民来电反映${random.pick(['供水', '道路', '噪音', '物业', '供暖'])}问题（${TAG}）`, replied_on: addWorkingDays(calendar, on, random.int(1, 8)), satisfaction: random.pick(['satisfied', 'satisfied', 'basically_satisfied']) });
    }
  }
  const proposals = (kind: 'npc_suggestion' | 'cppcc_proposal', total: number, session: string, who: string): void => {
    let number = 0;
    for (const [key, n] of split(total)) {
      for (let k = 0; k < n; k++) {
        number += 1;
        const received = randomWorkingDay(calendar, random, '2017-03-01', '2017-03-31');
        const replied = addWorkingDays(calendar, received, random.int(20, 50));
        rows.deputy_proposal.push({
          organization_id: id(key), kind, session, number: `第${number}号`, title: `关于${random.pick(['加快老旧小区改造', '加强农村饮水安全', '改善城区交通', '发展特色农业', '加强校园周边治理'])}的${kind === 'npc_suggestion' ? '建议' : '提案'}（${TAG}）`,
          proposer: `${who}${random.pick(['马', '王', '李', '杨'])}某某（演示）`, role: 'lead', received_on: received, due_on: addDays(received, 91), replied_on: replied,
          reply_summary: `已研究办理并书面答复（${TAG}）`, adoption: random.pick(['solved_or_adopted', 'being_solved', 'planned', 'explained']), disclosure: 'published', published_on: addWorkingDays(calendar, replied, random.int(1, 5)),
        });
      }
    }
  };
  proposals('npc_suggestion', F.npcSuggestions, '吴忠市第五届人民代表大会第一次会议', '人大代表');
  proposals('cppcc_proposal', F.cppccProposals, '政协吴忠市第五届委员会第一次会议', '政协委员');

  const key = await personalDataKey(ctx.config);
  const days = ctx.config.messageReplyDays;
  for (let k = 1; k <= F.messages; k++) {
    const org = k % 2 === 0 ? 'city' : 'cityOffice';
    const on = randomWorkingDay(calendar, random, '2017-01-09', '2017-12-08');
    const replied = addWorkingDays(calendar, on, random.int(1, days));
    const consent = k % 3 !== 0;
    const subject = `关于${random.pick(['小区供暖', '道路积水', '学校招生', '公交站点', '农贸市场'])}的问题（演示）`;
    const body = `${TAG}：市民来信反映相关问题，请求有关部门协调解决。`;
    rows.message.push({
      organization_id: id(org), tracking_code: newMessageTrackingCode((max) => random.int(0, max - 1)), subject, body, writer_name: `${random.pick(['马', '王', '李', '张'])}某某`,
      writer_contact: sealField(key, '13800000000') ?? '', publish_consent: consent ? 1 : 0, status: consent ? 'published' : 'replied',
      received_at: `${on}T02:00:00.000Z`, received_on: on, due_on: addWorkingDays(calendar, on, days), reply: `您好，您反映的问题已转有关部门办理（${TAG}）。`,
      replied_at: `${replied}T08:00:00.000Z`, replied_on: replied, published_at: consent ? `${replied}T09:00:00.000Z` : null, public_subject: consent ? subject : null, public_body: consent ? body : null,
    });
  }
  return rows;
}

/**
 * Loads the 2017 records and publishes 吴忠市's 2017 report (see the header). Nothing is loaded
 * when today (the injected clock) is in 2018 or earlier: the records and the report must lie in the past.
 * @param orgs the demo organizations by key (all of them)
 * @returns what was loaded
 * @throws GongkaiError from the services (a planned record they refuse would be a demo defect)
 */
export async function loadDemo2017(ctx: ServiceContext, actor: Actor, orgs: ReadonlyMap<DemoOrgKey, Organization>): Promise<Demo2017Summary> {
  if (today(ctx.clock) <= '2018-12-31') return { loaded: false, items: 0, requests: 0, reviews: 0, reportPublished: false };
  const orgOf: OrgOf = (key) => {
    const org = orgs.get(key);
    if (!org) throw new Error(`unknown demo organization ${key}`);
    return org;
  };
  const calendar = await loadCalendar(ctx);
  const at = nowIso(ctx.clock);
  const { documents, runs, serials } = planItems(orgOf, calendar);
  let itemCount = documents.length;
  await ctx.store.db.transaction().execute(async (trx) => {
    const lastId = await selectLastItemId(trx);
    await insertBulkItems(trx, documents, at);
    for (const run of runs) itemCount += await insertItemRun(trx, ctx.store.dialect, run, at);
    for (const [organizationId, serial] of serials) await setIndexSerial(trx, organizationId, DEMO_2017, serial);
    // Every published item is searchable, these too.
    await indexPublishedItemsAfter(trx, ctx.store.dialect, lastId);
    await recordAudit(trx, actor, ctx.clock, { action: 'demo.load_2017_items', entityType: 'demo', entityId: DEMO_2017, organizationId: orgOf('city').id, after: { items: itemCount } });
  });

  const cases = plan2017Requests(calendar, demoRandom(SEED + 1));
  for (const c of cases) {
    const view = await registerRequest(ctx, actor, registration(c, orgOf(c.org).id), { synthetic: true });
    for (const event of c.events) await recordEvent(ctx, actor, view.id, event);
  }
  const reviews = plan2017Reviews(calendar, demoRandom(SEED + 3));
  for (const r of reviews) {
    await createReview(ctx, actor, {
      organizationId: orgOf(r.org).id,
      path: r.path,
      applicantName: '申请人（演示）',
      reviewingBody: r.reviewingBody,
      caseNumber: r.caseNumber,
      filedOn: r.filedOn,
      decidedOn: r.decidedOn,
      outcome: 'upheld',
      summary: `${TAG}：针对政府信息公开申请答复提起`,
      synthetic: true,
    });
  }

  const activity = await planActivity(ctx, orgOf, calendar);
  await ctx.store.db.transaction().execute(async (trx) => {
    await insertActivityRows(trx, activity, at);
    await recordAudit(trx, actor, ctx.clock, {
      action: 'demo.load_2017_records',
      entityType: 'demo',
      entityId: DEMO_2017,
      organizationId: orgOf('city').id,
      after: Object.fromEntries(Object.entries(activity).map(([table, list]) => [table, (list as unknown[]).length])),
    });
  });

  // 吴忠市's 2017 report: the 2014 format, the roll-up of the region, published like the real one.
  const city = orgOf('city');
  let report = await getOrCreateReport(ctx, actor, city.id, DEMO_2017);
  report = await saveReport(ctx, actor, report.id, { version: report.version, sections: filledSections(report.sections, city, 0) });
  report = await submitReport(ctx, actor, report.id, { version: report.version });
  report = await acceptReport(ctx, actor, report.id, { version: report.version });
  await publishReport(ctx, actor, report.id, { version: report.version, publicationDate: '2018-03-30' });
  return { loaded: true, items: itemCount, requests: cases.length, reviews: reviews.length, reportPublished: true };
}

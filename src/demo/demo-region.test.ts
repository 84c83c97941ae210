// The demo region on both dialects: its tree, the real 2018 catalog entry exactly as printed in the
// 吴忠市 2017 annual report, the synthetic items (marked, dated from the clock, in every lifecycle
// state), the demo staff, audit events for everything, and idempotence.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { SYNTHETIC_MARKER } from './demo-items.ts';
import { loadDemoRegion } from './demo-region.ts';
import { DEMO_YEAR_TAG } from './demo-year.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const demo = systemActor('demo');
// The synthetic year 2025 (demo-year.test.ts) is loaded too; these tests look at the rest, told apart by its tag.
const YEAR = `%${DEMO_YEAR_TAG}%`;
/** The synthetic 2017's records (demo-2017.ts) carry this tag; the checks below are about the rest. */
const Y2017 = '%2017年演示数据%';

describeEachDialect('demo region', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    const summary = await loadDemoRegion(ctx, demo);
    assert.ok(summary);
    const { year, annualReports, year2017, ...rest } = summary;
    assert.deepEqual(rest, { organizations: 12, items: 59, users: 12, requests: 12 });
    assert.equal(year.loaded, true);
    // demo-annual-reports.ts: twelve reports, nine published (one draft, one returned, one awaiting review).
    assert.deepEqual(annualReports, { reports: 12, published: 9 });
    // demo-2017.ts: the records of the real 吴忠市 2017 table (test/acceptance/wuzhong-2017-demo.test.ts checks the cells).
    assert.deepEqual(year2017, { loaded: true, items: 127_736, requests: 35, reviews: 10, reportPublished: true });
  });
  after(() => t.close(store));

  void it('builds 吴忠市 with its five county governments and departments, competent department set', async () => {
    const orgs = await store.db.selectFrom('organization').selectAll().orderBy('id').execute();
    const byName = new Map(orgs.map((o) => [o.name, o]));
    const city = byName.get('吴忠市人民政府');
    const office = byName.get('吴忠市人民政府办公室');
    assert.equal(city?.organization_code, '640300000');
    assert.equal(city?.division_code, '640300');
    assert.equal(city?.parent_id, null);
    assert.equal(city?.competent_department_id, office?.id);
    assert.equal(byName.get('吴忠市政府服务中心')?.organization_code, '640300032');
    const counties = orgs.filter((o) => o.level === 'county' && o.kind === 'government').map((o) => [o.short_name, o.division_code, o.parent_id]);
    assert.deepEqual(counties, [
      ['利通区', '640302', city?.id],
      ['红寺堡区', '640303', city?.id],
      ['青铜峡市', '640381', city?.id],
      ['盐池县', '640323', city?.id],
      ['同心县', '640324', city?.id],
    ]);
    assert.equal(byName.get('盐池县农业综合开发办公室')?.parent_id, byName.get('盐池县人民政府')?.id);
    const ogi = JSON.parse(city?.ogi_office ?? '{}') as Record<string, string>;
    assert.match(ogi['phone'] ?? '', /示例/);
  });

  void it('holds the real 2018 entry as printed: imported, not synthetic, published', async () => {
    const item = await store.db.selectFrom('catalog_item').selectAll().where('index_number', '=', '640300032/2018-04416').executeTakeFirstOrThrow();
    assert.equal(item.title, '盐池县2018年农业综合开发土地治理（小流域综合治理）勘测设计中标公示');
    assert.equal(item.issuing_agency, '吴忠市政府服务中心');
    assert.equal(item.creation_date, '2018-02-01');
    assert.equal(item.publication_date, '2018-02-01');
    assert.equal(item.document_number, null);
    assert.equal(item.disclosure_type, 'proactive');
    assert.equal(item.genre, 'announcement');
    assert.equal(item.subject_category, 'art20-09');
    assert.equal(item.status, 'published');
    assert.equal(item.imported, 1);
    assert.equal(item.synthetic, 0);
    for (const fact of ['招标单位 盐池县农业综合开发办公室', '建设地点 盐池县', '投标费率(%) 2.90', '招标方式 公开招标', '设计周期(天) 30', '项目负责人 张某某']) assert.ok(item.body_text.includes(fact), fact);
  });

  void it('holds synthetic requests in every state of the workflow, with their outcomes', async () => {
    const rows = await store.db.selectFrom('request_case').select(['status', 'outcome', 'synthetic', 'requester_name']).where('information_requested', 'not like', YEAR).where('information_requested', 'not like', Y2017).execute();
    assert.equal(rows.length, 12);
    assert.ok(rows.every((r) => r.synthetic === 1 && r.requester_name.includes('演示')));
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['processing', 'awaiting-clarification', 'in-consultation', 'awaiting-fee', 'answered', 'delivered', 'closed']) assert.ok(statuses.has(s), s);
    const outcomes = rows.map((r) => r.outcome).filter((o) => o !== null).sort();
    assert.deepEqual(outcomes, ['disclosed', 'other-no-clarification', 'other-other', 'partial', 'unable-not-held', 'withheld-third-party']);
  });

  void it('marks every other item synthetic, spread over states, organizations and subjects, dated from the clock', async () => {
    const items = await store.db.selectFrom('catalog_item').selectAll().where('synthetic', '=', 1).where('body_text', 'not like', YEAR).where('body_text', 'not like', Y2017).execute();
    assert.equal(items.length, 58);
    assert.ok(items.every((i) => i.body_text.startsWith(SYNTHETIC_MARKER)));
    const states = new Map<string, number>();
    for (const i of items) states.set(i.status, (states.get(i.status) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(states), { published: 55, withdrawn: 1, draft: 1, submitted: 1 });
    assert.equal(new Set(items.map((i) => i.organization_id)).size, 12);
    assert.ok(new Set(items.map((i) => i.subject_category)).size >= 12);
    assert.ok(items.every((i) => i.creation_date <= '2026-11-30' && (i.publication_date ?? '') <= '2026-11-30'));
    assert.ok(items.some((i) => i.document_number === '吴政办发〔2026〕12号'));
    assert.ok(items.filter((i) => i.body_text.includes('扶贫')).length >= 10);
    assert.ok(items.filter((i) => i.body_text.includes('乡村振兴') || i.title.includes('乡村振兴')).length >= 10);
    const repealed = items.filter((i) => i.validity === 'repealed');
    assert.equal(repealed.length, 1);
    assert.equal(repealed[0]?.genre, 'normative_document');
    assert.equal(repealed[0]?.expiry_date, '2026-08-22');
    const links = (await store.db.selectFrom('interpretation_link').selectAll().execute()).filter((l) => items.some((i) => i.id === l.policy_item_id));
    assert.equal(links.length, 1);
    const policy = items.find((i) => i.id === links[0]?.policy_item_id);
    assert.equal(policy?.title, '吴忠市人民政府关于印发《吴忠市推进乡村振兴战略实施方案》的通知');
    assert.equal(policy?.document_number, '吴政发〔2026〕21号');
  });

  void it('creates demo staff with pending password changes, and audits everything', async () => {
    const users = await store.db.selectFrom('app_user').select(['username', 'must_change_password']).orderBy('username').execute();
    assert.equal(users.length, 12);
    assert.ok(users.every((u) => u.must_change_password === 1));
    assert.ok(users.some((u) => u.username === 'demo-640323000-approver'));
    const ids = async (table: 'catalog_item' | 'request_case' | 'review_case', column: 'body_text' | 'information_requested' | 'summary'): Promise<Set<string>> =>
      new Set((await store.db.selectFrom(table).select('id').where((eb) => eb.or([eb(column, 'like', YEAR), eb(column, 'like', Y2017)])).execute()).map((r) => String(r.id)));
    const ofYear: Record<string, Set<string>> = { catalog_item: await ids('catalog_item', 'body_text'), request_case: await ids('request_case', 'information_requested'), review_case: await ids('review_case', 'summary') };
    const events = await store.db.selectFrom('audit_event').select(['action', 'entity_type', 'entity_id']).execute();
    const actions = new Map<string, number>();
    for (const e of events) if (!ofYear[e.entity_type]?.has(e.entity_id)) actions.set(e.action, (actions.get(e.action) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries([...actions].sort(([a], [b]) => (a < b ? -1 : 1))), {
      // The twelve 2025 annual reports (demo-annual-reports.ts): each created, entered and saved;
      // eleven submitted (one left a draft), one returned, nine accepted and published; and
      // 吴忠市's 2017 report (demo-2017.ts): created, saved, submitted, accepted, published.
      'annual_report.accept': 10,
      'annual_report.create': 13,
      'annual_report.entries': 12,
      'annual_report.publish': 10,
      'annual_report.return': 1,
      'annual_report.save': 13,
      'annual_report.submit': 12,
      'catalog.item.create': 58,
      'catalog.item.import': 1,
      'catalog.item.link_interpretation': 1,
      'catalog.item.publish': 1,
      'catalog.item.submit': 2,
      'catalog.item.withdraw': 1,
      // The 2017 items and records, written in bulk with one audit event each (demo-2017.ts).
      'demo.load_2017_items': 1,
      'demo.load_2017_records': 1,
      'organization.create': 12,
      'organization.update': 11,
      // The real 吴忠市 2017 report, imported with its findings (demo-reports.ts).
      'report.import': 1,
      // The twelve demo requests' events, counted from demo-requests.ts.
      'request.answered': 4,
      'request.clarification-lapsed': 1,
      'request.clarification-requested': 2,
      'request.closed': 1,
      'request.consultation-answered': 1,
      'request.consultation-sent': 2,
      'request.delivered': 2,
      'request.extension-approved': 1,
      'request.fee-notice-sent': 1,
      'request.register': 12,
      'request.withdrawn': 1,
      // Three reconsideration or litigation records about the demo requests.
      'review.create': 3,
      'user.create': 12,
    });
    const search = await store.db.selectFrom('catalog_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(search.n), 56 + (ofYear['catalog_item']?.size ?? 0), 'every published item (the year\'s are all published) is searchable');
  });

  void it('loads nothing the second time', async () => {
    assert.equal(await loadDemoRegion(ctx, demo), null);
    const count = await store.db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 12);
  });
});

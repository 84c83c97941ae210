// Hotline import on both dialects: a UTF-8 CSV (fixture), a GB18030 CSV (fixture) and an XLSX written
// here with exceljs, with hand-checked stored values; re-import unchanged / updated; a dry run writing
// nothing; the all-or-nothing guarantee (one bad row among 50 writes nothing); the subtree rules;
// one audit event per import; and the per-organization figures read back for the annual report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import ExcelJS from 'exceljs';
import { systemActor } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { importHotlineOrders } from './hotline-import.ts';
import { countHotlineRows, selectHotlineFiguresBySubtree, selectOrdersByNumbers } from './hotline.repository.ts';
import { hotlineYearReport, listHotlineOrders } from './hotline.service.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const system = systemActor('test');
const fixture = (name: string): Buffer => readFileSync(new URL(`../../test/fixtures/hotline/${name}`, import.meta.url));
const HEADER = '工单编号,受理时间,承办单位,诉求类型,诉求内容,办结时间,满意度';

function csv(lines: string[]): Buffer {
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

async function auditCount(store: Store): Promise<number> {
  const row = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string | number>().as('n')).where('action', '=', 'hotline.import').executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDialect('hotline import', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
  });
  after(() => t.close(store));

  void it('imports a UTF-8 CSV: stored values, summary per organization, one import row and one audit event', async () => {
    const result = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'orders-utf8.csv', data: fixture('orders-utf8.csv'), dryRun: false });
    assert.deepEqual(result.issues, []);
    assert.deepEqual([result.total, result.valid, result.invalid, result.created, result.updated, result.unchanged], [3, 3, 0, 3, 0, 0]);
    assert.deepEqual(result.organizations, [
      { organizationId: region.litong.id, organizationName: '利通区人民政府', created: 1, updated: 0, unchanged: 0 },
      { organizationId: region.litongDepartment.id, organizationName: '利通区教育局', created: 2, updated: 0, unchanged: 0 },
    ]);
    assert.ok(result.importId !== null);
    const stored = await selectOrdersByNumbers(store.db, ['12345-2026-0001', '12345-2026-0002', '12345-2026-0003']);
    assert.deepEqual(stored.get('12345-2026-0002')?.values, {
      organizationId: region.litongDepartment.id,
      orderNumber: '12345-2026-0002',
      receivedOn: '2026-03-15',
      category: 'complaint',
      summary: '反映某小学违规收取资料费，要求退还',
      repliedOn: '2026-03-25',
      satisfaction: 'dissatisfied',
    });
    assert.deepEqual(stored.get('12345-2026-0001')?.values.repliedOn, '2026-03-04');
    assert.deepEqual(stored.get('12345-2026-0003')?.values, { organizationId: region.litongDepartment.id, orderNumber: '12345-2026-0003', receivedOn: '2026-04-01', category: 'suggestion', summary: '建议增开学校周边公交线路', repliedOn: null, satisfaction: null });
    const imports = await store.db.selectFrom('hotline_import').selectAll().where('id', '=', result.importId).executeTakeFirstOrThrow();
    assert.deepEqual([imports.file_name, imports.rows, imports.sha256, imports.imported_by], ['orders-utf8.csv', 3, result.sha256, null]);
    const audit = await store.db.selectFrom('audit_event').selectAll().where('action', '=', 'hotline.import').where('entity_id', '=', String(result.importId)).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.organization_id, region.litong.id);
    assert.equal(audit[0]?.actor_label, 'system:test');
    assert.equal((JSON.parse(audit[0]?.after_json ?? '{}') as { created: number }).created, 3);
  });

  void it('re-imports the same file as unchanged, and a later export as updated (with the old values audited)', async () => {
    const again = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'orders-utf8.csv', data: fixture('orders-utf8.csv'), dryRun: false });
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 3]);
    const later = csv([
      HEADER,
      '12345-2026-0001,2026-03-02,利通区人民政府,咨询,咨询户籍迁入需要哪些材料,2026-03-04,满意',
      '12345-2026-0003,2026-04-01,利通区教育局,建议,建议增开学校周边公交线路,2026-04-10,基本满意',
    ]);
    const dry = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'later.csv', data: later, dryRun: true });
    assert.deepEqual([dry.created, dry.updated, dry.unchanged, dry.importId], [0, 1, 1, null]);
    assert.equal((await selectOrdersByNumbers(store.db, ['12345-2026-0003'])).get('12345-2026-0003')?.values.repliedOn, null);
    const updated = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'later.csv', data: later, dryRun: false });
    assert.deepEqual(updated.organizations, [
      { organizationId: region.litong.id, organizationName: '利通区人民政府', created: 0, updated: 0, unchanged: 1 },
      { organizationId: region.litongDepartment.id, organizationName: '利通区教育局', created: 0, updated: 1, unchanged: 0 },
    ]);
    const row = (await selectOrdersByNumbers(store.db, ['12345-2026-0003'])).get('12345-2026-0003');
    assert.deepEqual([row?.values.repliedOn, row?.values.satisfaction], ['2026-04-10', 'basically_satisfied']);
    const audit = await store.db.selectFrom('audit_event').select(['before_json']).where('action', '=', 'hotline.import').where('entity_id', '=', String(updated.importId)).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.before_json ?? '{}'), { updated: [{ organizationId: region.litongDepartment.id, orderNumber: '12345-2026-0003', receivedOn: '2026-04-01', category: 'suggestion', summary: '建议增开学校周边公交线路', repliedOn: null, satisfaction: null }] });
  });

  void it('imports a GB18030 CSV with the alias headers', async () => {
    const result = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'orders-gb18030.csv', data: fixture('orders-gb18030.csv'), dryRun: false });
    assert.deepEqual(result.issues, []);
    assert.equal(result.created, 2);
    const stored = await selectOrdersByNumbers(store.db, ['GB-0101', 'GB-0102']);
    assert.deepEqual(stored.get('GB-0101')?.values, { organizationId: region.litong.id, orderNumber: 'GB-0101', receivedOn: '2026-05-06', category: 'request_for_help', summary: '独居老人申请上门助餐服务', repliedOn: '2026-05-08', satisfaction: 'basically_satisfied' });
    assert.deepEqual(stored.get('GB-0102')?.values, { organizationId: region.litongDepartment.id, orderNumber: 'GB-0102', receivedOn: '2026-05-20', category: 'report', summary: '举报校外培训机构无证办学', repliedOn: null, satisfaction: null });
  });

  void it('imports an XLSX with date cells, serial days, short names and codes into the city', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('工单');
    sheet.addRow(['工单号', '登记日期', '责任单位', '工单类型', '问题描述', '答复日期', '回访结果']);
    sheet.addRow(['XL-1', new Date(Date.UTC(2026, 6, 1, 9, 30)), '吴忠市', '投诉', '道路破损', new Date(Date.UTC(2026, 6, 8)), '满意']);
    sheet.addRow(['XL-2', 46000, '盐池县卫生健康局', '咨询', '疫苗接种时间', 46001.5, '']);
    sheet.addRow(['XL-3', '2026/7/2', '640302000', '其他', '其他诉求', '', '']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importHotlineOrders(ctx, system, { organizationId: region.city.id, fileName: 'orders.xlsx', data, dryRun: false });
    assert.deepEqual(result.issues, []);
    assert.deepEqual(
      result.organizations.map((o) => [o.organizationName, o.created]),
      [['吴忠市人民政府', 1], ['盐池县卫生健康局', 1], ['利通区人民政府', 1]],
    );
    const stored = await selectOrdersByNumbers(store.db, ['XL-1', 'XL-2', 'XL-3']);
    assert.deepEqual([stored.get('XL-1')?.values.receivedOn, stored.get('XL-1')?.values.repliedOn, stored.get('XL-1')?.values.satisfaction], ['2026-07-01', '2026-07-08', 'satisfied']);
    assert.deepEqual([stored.get('XL-2')?.values.organizationId, stored.get('XL-2')?.values.receivedOn, stored.get('XL-2')?.values.repliedOn], [region.yanchiDepartment.id, '2025-12-09', '2025-12-10']);
    assert.equal(stored.get('XL-3')?.values.organizationId, region.litong.id);
  });

  void it('writes nothing when one row of 50 is bad, and nothing on a dry run', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 50; i += 1) {
      const n = String(i).padStart(3, '0');
      // Row 37 was replied before it was received.
      const replied = i === 37 ? '2026-08-01' : '2026-08-20';
      lines.push(`BULK-${n},2026-08-10,${i % 2 === 0 ? '利通区教育局' : '利通区人民政府'},咨询,批量工单${n},${replied},`);
    }
    const before = { ...(await countHotlineRows(store.db)), audits: await auditCount(store) };
    const bad = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'bulk.csv', data: csv(lines), dryRun: false });
    assert.deepEqual(bad.issues.map((i) => [i.row, i.field, i.message]), [[37, 'replied_on', 'replied_on 2026-08-01 is before received_on 2026-08-10']]);
    assert.deepEqual([bad.total, bad.valid, bad.invalid, bad.importId, bad.created], [50, 49, 1, null, 49]);
    assert.deepEqual({ ...(await countHotlineRows(store.db)), audits: await auditCount(store) }, before);

    lines[37] = 'BULK-037,2026-08-10,利通区人民政府,咨询,批量工单037,2026-08-20,';
    const dry = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'bulk.csv', data: csv(lines), dryRun: true });
    assert.deepEqual([dry.issues.length, dry.created, dry.importId], [0, 50, null]);
    assert.deepEqual({ ...(await countHotlineRows(store.db)), audits: await auditCount(store) }, before);

    const real = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'bulk.csv', data: csv(lines), dryRun: false });
    assert.equal(real.created, 50);
    assert.deepEqual({ ...(await countHotlineRows(store.db)), audits: await auditCount(store) }, { orders: before.orders + 50, imports: before.imports + 1, audits: before.audits + 1 });
  });

  void it('keeps every row inside the importing organization\'s subtree', async () => {
    const { user } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const editor: Actor = actorForUser(user);
    const outside = csv([HEADER, 'SUB-1,2026-09-01,盐池县卫生健康局,咨询,越权工单,,', 'SUB-2,2026-09-01,利通区教育局,咨询,本辖区工单,,']);
    const result = await importHotlineOrders(ctx, editor, { organizationId: region.litong.id, fileName: 'sub.csv', data: outside, dryRun: true });
    assert.deepEqual(result.issues.map((i) => [i.row, i.field]), [[1, 'organization']]);
    assert.equal(result.issues[0]?.messageZh, '承办单位“盐池县卫生健康局”不是利通区人民政府或其下级机构（请填写全称、简称或机构代码）');

    // XL-2 is stored for 盐池县卫生健康局: an import into 利通区 may not re-route it.
    const foreign = csv([HEADER, 'XL-2,2025-12-09,利通区教育局,咨询,疫苗接种时间,2025-12-10,']);
    const refused = await importHotlineOrders(ctx, editor, { organizationId: region.litong.id, fileName: 'foreign.csv', data: foreign, dryRun: false });
    assert.deepEqual(refused.issues.map((i) => [i.row, i.field, i.message]), [[1, 'order_number', 'order number XL-2 is already stored for an organization outside 利通区人民政府; this import may not change it']]);
    assert.equal((await selectOrdersByNumbers(store.db, ['XL-2'])).get('XL-2')?.values.organizationId, region.yanchiDepartment.id);

    await assert.rejects(importHotlineOrders(ctx, editor, { organizationId: region.yanchi.id, fileName: 'sub.csv', data: outside, dryRun: true }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    const { user: auditorUser } = await createTestUser(store, clock, { role: 'auditor', organizationId: region.litong.id });
    await assert.rejects(importHotlineOrders(ctx, actorForUser(auditorUser), { organizationId: region.litong.id, fileName: 'sub.csv', data: outside, dryRun: true }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(importHotlineOrders(ctx, system, { organizationId: 999999, fileName: 'sub.csv', data: outside, dryRun: true }), (e) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN'));
  });

  void it('reports a header without required columns and a file without rows on row 0', async () => {
    const noColumns = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'h.csv', data: csv(['工单编号,受理时间,承办单位', 'H-1,2026-01-01,利通区人民政府']), dryRun: true });
    assert.deepEqual(noColumns.issues.map((i) => [i.row, i.field, i.messageZh]), [
      [0, 'category', '表头缺少“诉求类型/工单类型”列'],
      [0, 'summary', '表头缺少“诉求内容/问题描述”列'],
    ]);
    assert.equal(noColumns.invalid, 1);
    const empty = await importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'e.csv', data: csv([HEADER]), dryRun: true });
    assert.deepEqual(empty.issues.map((i) => [i.row, i.field]), [[0, 'file']]);
    await assert.rejects(importHotlineOrders(ctx, system, { organizationId: region.litong.id, fileName: 'x.xls', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), dryRun: true }), (e) => isGongkaiError(e, 'INPUT_UNSUPPORTED'));
  });

  void it('reads the figures back per organization and for the subtree, equal to hand counts', async () => {
    // 利通区 subtree, 2026: the UTF-8 file (3), the GB18030 file (2), XL-3 (1) and the 50 bulk orders.
    const figures = await selectHotlineFiguresBySubtree(store.db, region.litong.path, '2026-01-01', '2026-12-31');
    // 利通区人民政府: 0001 (replied in 2 days), GB-0101 (2 days), XL-3 (not replied), 25 odd bulk orders (10 days each).
    assert.deepEqual(figures.get(region.litong.id), { received: 28, replied: 27, replyDaysTotal: 2 + 2 + 25 * 10 });
    // 利通区教育局: 0002 (10 days), 0003 (9 days), GB-0102 (not replied), 25 even bulk orders (10 days each).
    assert.deepEqual(figures.get(region.litongDepartment.id), { received: 28, replied: 27, replyDaysTotal: 10 + 9 + 25 * 10 });
    assert.equal(figures.size, 2);
    const report = await hotlineYearReport(ctx, system, region.litong.id, 2026);
    assert.deepEqual([report.statistics.received, report.statistics.replied], [56, 54]);
    assert.equal(report.statistics.averageReplyDays, (2 + 2 + 250 + 10 + 9 + 250) / 54);
    assert.deepEqual(report.statistics.byCategory.consultation, { received: 51, replied: 51 });
    assert.deepEqual([report.statistics.rated, report.statistics.satisfied, report.statistics.satisfiedShare], [4, 1, 0.25]);
    assert.deepEqual(report.byOrganization.map((o) => [o.organizationName, o.depth, o.received]), [['利通区人民政府', 0, 28], ['利通区教育局', 1, 28]]);
    // The city's 2025 figures hold XL-2 only (received 2025-12-09).
    const city2025 = await selectHotlineFiguresBySubtree(store.db, region.city.path, '2025-01-01', '2025-12-31');
    assert.deepEqual([...city2025], [[region.yanchiDepartment.id, { received: 1, replied: 1, replyDaysTotal: 1 }]]);

    const page = await listHotlineOrders(ctx, system, { organizationId: region.litong.id, year: 2026, status: 'unreplied', pageSize: 10 });
    assert.deepEqual(page.orders.map((o) => o.order.orderNumber).sort(), ['GB-0102', 'XL-3']);
    const paged = await listHotlineOrders(ctx, system, { organizationId: region.litong.id, category: 'consultation', page: 2, pageSize: 20 });
    assert.deepEqual([paged.total, paged.orders.length, paged.page], [51, 20, 2]);
  });
});

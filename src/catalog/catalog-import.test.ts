// Bulk import of the catalog on both dialects: CSV (UTF-8 with BOM, GB18030) and XLSX happy paths
// with hand-checked stored values, a dry run reporting every bad row and writing nothing, duplicates
// against the store, header problems, permissions, and the one audit event per import.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import ExcelJS from 'exceljs';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { actorForUser } from '../auth/session.service.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { searchCatalog } from '../search/search.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { createTestUser, testContext } from '../../test/helpers/factories.ts';
import { encodeGb18030 } from '../../test/helpers/gb18030.ts';
import { importCatalog } from './catalog-import.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const system = systemActor('test');
let orgCounter = 0;

async function newOrganization(ctx: ServiceContext, parentId: number | null = null): Promise<Organization> {
  orgCounter += 1;
  return createOrganization(ctx, system, { parentId, name: `测试机构${orgCounter}`, kind: 'department', level: 'city', organizationCode: `64039${String(orgCounter).padStart(4, '0')}` });
}

async function countRows(store: Store, organizationId: number): Promise<{ items: number; search: number }> {
  const items = await store.db.selectFrom('catalog_item').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId).executeTakeFirstOrThrow();
  const search = await store.db.selectFrom('catalog_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: Number(items.n), search: Number(search.n) };
}

function csv(lines: string[]): Buffer {
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

describeEachDialect('catalog import', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
  });
  after(() => t.close(store));

  void it('imports a UTF-8 CSV with Chinese headers and names: values, statuses, search rows and one audit event', async () => {
    const org = await newOrganization(ctx);
    const code = org.organizationCode;
    const data = csv([
      '索引号,标题,内容概述,文号,发布机构,生成日期,发布日期,主题分类,体裁分类,关键词,公开属性,不予公开理由,有效性,生效日期,废止日期,正文',
      `${code}/2026-00007,关于做好扶贫资金公开工作的通知,扶贫资金公开,吴政办发〔2026〕12号,吴忠市人民政府办公室,2026/3/5,2026年3月6日,财政预算、决算信息,通知,扶贫，资金,主动公开,,有效,2026-03-06,,"第一段
第二段"`,
      `${code}/2025-00120,盐池县项目公示,,,,2025-12-01,2025-12-03,art20-09,公告公示,,proactive,,in_force,,,<p>招标单位：<b>盐池县</b></p><span style=""color:red"">附件</span>`,
      ',依申请公开的草稿,,,,2026-11-01,,art20-11,其他,,依申请公开,涉及个人信息,有效,,,',
    ]);
    const before = await countRows(store, org.id);
    const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'catalog.csv', data, dryRun: false });
    assert.deepEqual(result.issues, []);
    assert.equal(result.total, 3);
    assert.equal(result.valid, 3);
    assert.equal(result.invalid, 0);
    assert.equal(result.imported, 3);
    assert.equal(result.lastId! - result.firstId!, 2);

    const rows = await store.db.selectFrom('catalog_item').selectAll().where('organization_id', '=', org.id).orderBy('id').execute();
    assert.equal(rows.length, 3);
    const [first, second, third] = rows;
    assert.equal(first?.index_number, `${code}/2026-00007`);
    assert.equal(first?.document_number, '吴政办发〔2026〕12号');
    assert.equal(first?.issuing_agency, '吴忠市人民政府办公室');
    assert.equal(first?.creation_date, '2026-03-05');
    assert.equal(first?.publication_date, '2026-03-06');
    assert.equal(first?.effective_date, '2026-03-06');
    assert.equal(first?.subject_category, 'art20-07');
    assert.equal(first?.genre, 'notice');
    assert.deepEqual(JSON.parse(first?.keywords ?? ''), ['扶贫', '资金']);
    assert.equal(first?.disclosure_type, 'proactive');
    assert.equal(first?.validity, 'in_force');
    assert.equal(first?.body_html, '<p>第一段</p><p>第二段</p>');
    assert.equal(first?.body_text, '第一段\n第二段');
    assert.equal(first?.status, 'published');
    assert.equal(first?.imported, 1);
    assert.equal(first?.synthetic, 0);
    // A blank 发布机构 is the organization's name; an HTML body is sanitized (b → strong, span and style dropped).
    assert.equal(second?.issuing_agency, org.name);
    assert.equal(second?.genre, 'announcement');
    assert.equal(second?.body_html, '<p>招标单位：<strong>盐池县</strong></p>附件');
    assert.equal(third?.index_number, null);
    assert.equal(third?.status, 'draft');
    assert.equal(third?.disclosure_type, 'upon_request');
    assert.equal(third?.non_disclosure_reason, '涉及个人信息');

    const afterCounts = await countRows(store, org.id);
    assert.equal(afterCounts.search - before.search, 2, 'the two published items are searchable, the draft is not');
    const audit = await store.db.selectFrom('audit_event').selectAll().where('action', '=', 'catalog.import').where('organization_id', '=', org.id).execute();
    assert.equal(audit.length, 1);
    const after = JSON.parse(audit[0]?.after_json ?? '{}') as Record<string, unknown>;
    assert.equal(after['sha256'], result.sha256);
    assert.equal(after['rows'], 3);
    assert.equal(after['firstId'], result.firstId);
    assert.equal(after['lastId'], result.lastId);
    assert.equal(audit[0]?.entity_id, `${result.firstId}-${result.lastId}`);
    // Generated numbers of the org's template continue after the imported serials.
    const sequence = await store.db.selectFrom('index_number_sequence').selectAll().where('organization_id', '=', org.id).orderBy('year').execute();
    assert.deepEqual(sequence.map((s) => [s.year, s.last_serial]), [[2025, 120], [2026, 7]]);
  });

  void it('imports an XLSX with Excel date cells and alternative header labels', async () => {
    const org = await newOrganization(ctx);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(['序号', '信息名称', '成文日期', '公开日期', '分类', '体裁', '主题词', '公开方式', '索引号']);
    sheet.addRow([1, '吴忠市2026年财政预算公开', new Date(Date.UTC(2026, 0, 15)), new Date(Date.UTC(2026, 0, 20)), 'art20-07', 'other_document', '预算 财政', '主动公开', `${org.organizationCode}/2026-00001`]);
    sheet.addRow([]);
    sheet.addRow([3, { richText: [{ text: '关于' }, { text: '乡村振兴的通知' }] }, 46000, null, '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况', '通知', null, null, null]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'catalog.xlsx', data, dryRun: false });
    assert.deepEqual(result.issues, []);
    assert.equal(result.total, 2, 'the blank row is not counted');
    assert.equal(result.imported, 2);
    const rows = await store.db.selectFrom('catalog_item').selectAll().where('organization_id', '=', org.id).orderBy('id').execute();
    assert.equal(rows[0]?.title, '吴忠市2026年财政预算公开');
    assert.equal(rows[0]?.creation_date, '2026-01-15');
    assert.equal(rows[0]?.publication_date, '2026-01-20');
    assert.deepEqual(JSON.parse(rows[0]?.keywords ?? ''), ['预算', '财政']);
    assert.equal(rows[0]?.status, 'published');
    assert.equal(rows[1]?.title, '关于乡村振兴的通知');
    // Excel serial day 46000 is 2025-12-09.
    assert.equal(rows[1]?.creation_date, '2025-12-09');
    assert.equal(rows[1]?.subject_category, 'art20-11');
    assert.equal(rows[1]?.status, 'draft');
  });

  void it('reads a GB18030 CSV (what Excel saves on Chinese Windows)', async () => {
    const org = await newOrganization(ctx);
    const data = encodeGb18030(`索引号,标题,生成日期,发布日期,主题分类,体裁分类\r\n${org.organizationCode}/2026-00002,关于做好扶贫资金公开工作的通知（第一批）,2026年3月5日,2026-03-09,art20-11,通知\r\n`);
    const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'gbk.csv', data, dryRun: false });
    assert.deepEqual(result.issues, []);
    const row = await store.db.selectFrom('catalog_item').select(['title', 'creation_date']).where('organization_id', '=', org.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { title: '关于做好扶贫资金公开工作的通知（第一批）', creation_date: '2026-03-05' });
  });

  void it('a dry run reports every bad row with its row number and writes nothing; a real run with bad rows writes nothing either', async () => {
    const org = await newOrganization(ctx);
    const code = org.organizationCode;
    const data = csv([
      '索引号,标题,生成日期,发布日期,主题分类,体裁分类',
      `${code}/2026-00001,好的一行,2026-01-05,2026-01-06,art20-01,通知`,
      `${code}/2026-00002,日期不存在,2026-02-30,,art20-01,通知`,
      `${code}/2026-00003,,2026-01-05,,art20-01,通知`,
      `${code}/2026-00004,又一行好的,2026-01-05,,art20-01,通知`,
      `${code}/2026-00001,索引号重复,2026-01-05,2026-01-07,art20-01,通知`,
    ]);
    const auditBefore = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const dryRun of [true, false]) {
      const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'bad.csv', data, dryRun });
      assert.equal(result.total, 5);
      assert.equal(result.valid, 2);
      assert.equal(result.invalid, 3);
      assert.equal(result.imported, 0);
      assert.equal(result.dryRun, dryRun);
      assert.deepEqual(
        result.issues.map((i) => [i.row, i.field]),
        [
          [2, 'creationDate'],
          [3, 'title'],
          [5, 'indexNumber'],
        ],
      );
      assert.equal(result.issues[0]?.messageZh, '生成日期应为 YYYY-MM-DD 格式的有效日期');
      assert.equal(result.issues[1]?.messageZh, '请填写标题');
      assert.equal(result.issues[2]?.messageZh, `索引号 ${code}/2026-00001 与第 1 行重复`);
    }
    assert.equal((await countRows(store, org.id)).items, 0);
    const auditAfter = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(auditAfter.n), Number(auditBefore.n));
  });

  void it('refuses index numbers already in the store, future dates, and a published row without an index number', async () => {
    const org = await newOrganization(ctx);
    const code = org.organizationCode;
    const first = csv(['索引号,标题,生成日期,发布日期,主题分类,体裁分类', `${code}/2026-00009,已有的一条,2026-01-05,2026-01-06,art20-01,通知`]);
    assert.equal((await importCatalog(ctx, system, { organizationId: org.id, fileName: 'a.csv', data: first, dryRun: false })).imported, 1);
    const second = csv([
      '索引号,标题,生成日期,发布日期,主题分类,体裁分类',
      `${code}/2026-00009,再导一次,2026-01-05,2026-01-06,art20-01,通知`,
      `,没有索引号却已发布,2026-01-05,2026-01-06,art20-01,通知`,
      `${code}/2026-00010,未来的日期,2026-12-25,,art20-01,通知`,
    ]);
    const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'b.csv', data: second, dryRun: true });
    assert.deepEqual(
      result.issues.map((i) => [i.row, i.field, i.messageZh]),
      [
        [1, 'indexNumber', `索引号已存在：${code}/2026-00009 已被目录中的其他信息使用`],
        [2, 'indexNumber', '请填写索引号（已发布的信息应有索引号）'],
        [3, 'creationDate', '生成日期不能晚于今天'],
      ],
    );
  });

  void it('reads the optional 发布渠道 column (names or codes, several per cell; blank = 政府网站) and reports bad values by row', async () => {
    const org = await newOrganization(ctx);
    const code = org.organizationCode;
    const header = '索引号,标题,生成日期,发布日期,主题分类,体裁分类,发布渠道';
    const good = csv([
      header,
      `${code}/2026-00001,公报和网站,2026-01-05,2026-01-06,art20-01,通知,政府网站、政府公报`,
      `${code}/2026-00002,微博微信,2026-01-05,2026-01-06,art20-01,通知,"weibo, wechat"`,
      `${code}/2026-00003,未填渠道,2026-01-05,2026-01-06,art20-01,通知,`,
      `${code}/2026-00004,五个渠道,2026-01-05,2026-01-06,art20-01,通知,其他方式 政务微信 政务微博 政府网站 政府公报`,
    ]);
    const bad = csv([
      header,
      `${code}/2026-00011,未知渠道,2026-01-05,2026-01-06,art20-01,通知,政府网站、抖音、快手`,
      `${code}/2026-00012,渠道重复,2026-01-05,2026-01-06,art20-01,通知,政府网站，website`,
      `${code}/2026-00013,好的一行,2026-01-05,2026-01-06,art20-01,通知,政务微信`,
    ]);
    const checked = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'bad-channels.csv', data: bad, dryRun: false });
    assert.equal(checked.imported, 0);
    assert.deepEqual(
      checked.issues.map((i) => [i.row, i.field, i.messageZh]),
      [
        [1, 'channels', '发布渠道应为政府公报、政府网站、政务微博、政务微信或其他方式（“抖音”“快手”不是）'],
        [2, 'channels', '发布渠道不能重复'],
      ],
    );
    assert.equal(checked.issues[0]?.message, 'channels must be gazette, website, weibo, wechat or other (not: 抖音, 快手)');
    const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'channels.csv', data: good, dryRun: false });
    assert.deepEqual(result.issues, []);
    assert.equal(result.imported, 4);
    const rows = await store.db.selectFrom('catalog_item').select(['title', 'channels']).where('organization_id', '=', org.id).orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.title, JSON.parse(r.channels) as unknown]),
      [
        ['公报和网站', ['gazette', 'website']],
        ['微博微信', ['weibo', 'wechat']],
        ['未填渠道', ['website']],
        ['五个渠道', ['gazette', 'website', 'weibo', 'wechat', 'other']],
      ],
    );
  });

  void it('reports a header without a required column once, as row 0', async () => {
    const org = await newOrganization(ctx);
    const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'c.csv', data: csv(['标题,生成日期,体裁分类', '一条,2026-01-05,通知', '两条,2026-01-05,通知']), dryRun: true });
    assert.equal(result.total, 2);
    assert.equal(result.invalid, 2);
    assert.deepEqual(result.issues, [{ row: 0, field: 'subjectCategory', message: 'the header has no subjectCategory column (主题分类/分类)', messageZh: '表头缺少“主题分类/分类”列' }]);
  });

  void it('checks permission on the organization: an editor imports into their subtree only; the public not at all', async () => {
    const parent = await newOrganization(ctx);
    const child = await newOrganization(ctx, parent.id);
    const other = await newOrganization(ctx);
    const { user } = await createTestUser(store, clock, { role: 'editor', organizationId: parent.id });
    const editor: Actor = actorForUser(user);
    const data = csv(['标题,生成日期,主题分类,体裁分类', '一条草稿,2026-01-05,art20-01,通知']);
    const ok = await importCatalog(ctx, editor, { organizationId: child.id, fileName: 'd.csv', data, dryRun: false });
    assert.equal(ok.imported, 1);
    const createdBy = await store.db.selectFrom('catalog_item').select('created_by').where('organization_id', '=', child.id).executeTakeFirstOrThrow();
    assert.equal(createdBy.created_by, user.id);
    await assert.rejects(importCatalog(ctx, editor, { organizationId: other.id, fileName: 'd.csv', data, dryRun: false }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(importCatalog(ctx, { kind: 'public' }, { organizationId: other.id, fileName: 'd.csv', data, dryRun: true }), (e) => isGongkaiError(e, 'UNAUTHENTICATED'));
    await assert.rejects(importCatalog(ctx, system, { organizationId: 999_999, fileName: 'd.csv', data, dryRun: true }), (e) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN'));
  });

  void it('indexes every published row under its own id across batches (search finds each by its number)', async () => {
    const org = await newOrganization(ctx);
    const lines = ['索引号,标题,生成日期,发布日期,主题分类,体裁分类,正文'];
    for (let n = 1; n <= 1200; n += 1) {
      const published = n % 7 !== 0;
      lines.push(`${published ? `${org.organizationCode}/2026-${String(n).padStart(5, '0')}` : ''},批量测试信息第${n}号,2026-01-05,${published ? '2026-01-06' : ''},art20-01,通知,正文编号${n}`);
    }
    const result = await importCatalog(ctx, system, { organizationId: org.id, fileName: 'many.csv', data: csv(lines), dryRun: false });
    assert.equal(result.imported, 1200);
    for (const n of [1, 499, 500, 501, 1002, 1200]) {
      const found = await searchCatalog(ctx, PUBLIC_ACTOR, { q: `第${n}号`, sort: 'relevance', page: 1, pageSize: 5 });
      assert.deepEqual(found.hits.map((h) => h.item.title), [`批量测试信息第${n}号`], `item ${n}`);
    }
    const draft = await searchCatalog(ctx, PUBLIC_ACTOR, { q: '第700号', sort: 'relevance', page: 1, pageSize: 5 });
    assert.equal(draft.total, 0, 'drafts are not searchable');
  });

  void it('refuses a legacy .xls and a damaged .xlsx with typed errors', async () => {
    const org = await newOrganization(ctx);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await assert.rejects(importCatalog(ctx, system, { organizationId: org.id, fileName: 'old.xls', data: xls, dryRun: true }), (e) => isGongkaiError(e, 'INPUT_UNSUPPORTED'));
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    await assert.rejects(importCatalog(ctx, system, { organizationId: org.id, fileName: 'x.xlsx', data: broken, dryRun: true }), (e) => isGongkaiError(e, 'INPUT_CORRUPT'));
  });
});

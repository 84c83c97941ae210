// Export of the catalog on both dialects: the CSV's bytes (BOM, Chinese header, list names), the
// XLSX's layout (bold frozen header, widths), filters, permission, and export → import round trips
// (the re-imported items equal the exported ones, and exporting them again gives the same bytes).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import ExcelJS from 'exceljs';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { testContext } from '../../test/helpers/factories.ts';
import { exportCatalog } from './catalog-export.ts';
import { importCatalog } from './catalog-import.ts';
import { approveAndPublish, createDraft, submitItem } from './catalog.service.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const system = systemActor('test');
const HEADER = '索引号,标题,内容概述,文号,发布机构,生成日期,发布日期,主题分类,体裁分类,关键词,公开属性,不予公开理由,有效性,生效日期,废止日期,正文';
/** The export's header: the import's columns, then 发布渠道 (optional on import, so older files keep their layout). */
const EXPORT_HEADER = `${HEADER},发布渠道`;

function csv(lines: string[]): Buffer {
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Every stored field of an organization's items that an export carries, in id order. */
async function itemFields(store: Store, organizationId: number): Promise<Record<string, unknown>[]> {
  return store.db
    .selectFrom('catalog_item')
    .select(['index_number', 'title', 'summary', 'document_number', 'issuing_agency', 'creation_date', 'publication_date', 'subject_category', 'genre', 'keywords', 'channels', 'disclosure_type', 'non_disclosure_reason', 'validity', 'effective_date', 'expiry_date', 'body_html', 'body_text', 'status'])
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .execute();
}

describeEachDialect('catalog export', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let city: Organization;
  let county: Organization;
  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    city = await createOrganization(ctx, system, { parentId: null, name: '吴忠市人民政府', kind: 'government', level: 'city', organizationCode: '640300000' });
    county = await createOrganization(ctx, system, { parentId: city.id, name: '盐池县人民政府', kind: 'government', level: 'county', organizationCode: '640323000' });
    const cityFile = csv([
      EXPORT_HEADER,
      '640300000/2026-00001,关于做好扶贫资金公开工作的通知,扶贫资金公开,"吴政办发〔2026〕12号",吴忠市人民政府办公室,2026-03-05,2026-03-06,财政预算、决算信息,通知,扶贫，资金,主动公开,,有效,2026-03-06,,"第一段, 含逗号\n第二段 ""引号""",政务微信 政府网站',
      '640300000/2020-00031,吴忠市城区临时占道经营管理办法,,吴政发〔2020〕30号,吴忠市人民政府,2020-05-01,2020-05-08,art20-01,行政规范性文件,,主动公开,,废止,2020-05-08,2026-08-01,<p>已废止</p>,gazette；website',
      ',依申请公开的草稿,,,吴忠市人民政府,2026-11-01,,art21-town-05,其他,,依申请公开,涉及个人信息,有效,,,,',
    ]);
    const imported = await importCatalog(ctx, system, { organizationId: city.id, fileName: 'city.csv', data: cityFile, dryRun: false });
    assert.deepEqual(imported.issues, []);
    const countyFile = csv([HEADER, '640323000/2026-00005,盐池县项目公示,,,盐池县人民政府,2026-10-01,2026-10-02,art20-09,公告公示,,主动公开,,有效,,,<p>公示</p>']);
    assert.equal((await importCatalog(ctx, system, { organizationId: county.id, fileName: 'county.csv', data: countyFile, dryRun: false })).imported, 1);
    // One item through the editor's workflow (index number generated at publication).
    const draft = await createDraft(ctx, system, { organizationId: city.id, title: '吴忠市2026年政务公开工作要点', issuingAgency: '吴忠市人民政府', creationDate: '2026-11-20', subjectCategory: 'art20-15', genre: 'plan', bodyHtml: '<h2>一、总体要求</h2><ul><li>公开透明</li></ul>' });
    await submitItem(ctx, system, draft.id);
    await approveAndPublish(ctx, system, draft.id);
  });
  after(() => t.close(store));

  void it('writes a UTF-8 CSV with BOM, the Chinese header the importer reads, and list values by name', async () => {
    const data = await exportCatalog(ctx, system, { organizationId: city.id, includeSubtree: false, format: 'csv' });
    assert.deepEqual([...data.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = data.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    assert.equal(lines[0], EXPORT_HEADER);
    // Channels by name, in the list's order, whatever order and separators the imported file had.
    assert.equal(lines[1], '640300000/2026-00001,关于做好扶贫资金公开工作的通知,扶贫资金公开,吴政办发〔2026〕12号,吴忠市人民政府办公室,2026-03-05,2026-03-06,财政预算、决算信息,通知,扶贫，资金,主动公开,,有效,2026-03-06,,"<p>第一段, 含逗号</p><p>第二段 ""引号""</p>",政府网站、政务微信');
    assert.match(lines[2] ?? '', /,<p>已废止<\/p>,政府公报、政府网站$/);
    // 土地征收 is the name of both art21-city-04 and art21-town-05: the code is written to stay unambiguous.
    assert.match(lines[3] ?? '', /^,依申请公开的草稿,,,吴忠市人民政府,2026-11-01,,art21-town-05,其他,,依申请公开,涉及个人信息,有效,,,,政府网站$/);
    assert.match(lines[4] ?? '', /^640300000\/2026-00002,吴忠市2026年政务公开工作要点,/);
    assert.equal(lines.length, 6, 'four items, the header and the final line end');
  });

  void it('filters by status and includes the subtree only when asked', async () => {
    const published = (await exportCatalog(ctx, system, { organizationId: city.id, includeSubtree: true, status: 'published', format: 'csv' })).toString('utf8');
    assert.equal(published.split('\r\n').length - 2, 4);
    assert.ok(published.includes('盐池县项目公示'));
    assert.ok(!published.includes('依申请公开的草稿'));
    const own = (await exportCatalog(ctx, system, { organizationId: county.id, includeSubtree: false, format: 'csv' })).toString('utf8');
    assert.equal(own.split('\r\n').length - 2, 1);
  });

  void it('writes an XLSX with a bold, frozen header row and column widths', async () => {
    const data = await exportCatalog(ctx, system, { organizationId: city.id, includeSubtree: false, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    assert.equal(sheet.name, '政府信息公开目录');
    assert.equal(sheet.getRow(1).getCell(1).value, '索引号');
    assert.equal(sheet.getRow(1).font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
    assert.equal(sheet.getColumn(2).width, 48);
    assert.equal(sheet.rowCount, 5);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    void it(`export → import round-trips (${format}): same fields, and the re-export is byte-identical (csv)`, async () => {
      const exported = await exportCatalog(ctx, system, { organizationId: city.id, includeSubtree: false, format });
      const other = await t.open();
      try {
        const otherCtx = testContext(other, clock);
        const target = await createOrganization(otherCtx, system, { parentId: null, name: '吴忠市人民政府', kind: 'government', level: 'city', organizationCode: '640300000' });
        const result = await importCatalog(otherCtx, system, { organizationId: target.id, fileName: `export.${format}`, data: exported, dryRun: false });
        assert.deepEqual(result.issues, []);
        assert.equal(result.imported, 4);
        assert.deepEqual(await itemFields(other, target.id), await itemFields(store, city.id));
        if (format === 'csv') {
          const again = await exportCatalog(otherCtx, system, { organizationId: target.id, includeSubtree: false, format });
          assert.equal(again.toString('utf8'), exported.toString('utf8'));
        }
      } finally {
        await t.close(other);
      }
    });
  }

  void it('needs catalog.export on the organization', async () => {
    await assert.rejects(exportCatalog(ctx, { kind: 'public' }, { organizationId: city.id, includeSubtree: false, format: 'csv' }), (e) => isGongkaiError(e, 'UNAUTHENTICATED'));
    await assert.rejects(exportCatalog(ctx, system, { organizationId: 987_654, includeSubtree: false, format: 'csv' }), (e) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN'));
  });
});

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, it } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { insertItem } from '../../test/helpers/catalog-rows.ts';
import { seedCorpus } from '../../test/helpers/search-corpus.ts';
import type { Corpus } from '../../test/helpers/search-corpus.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';

const PUBLIC_URL = 'https://gk.example.gov.cn';
const SHA = 'ab'.padEnd(64, '0');

/** The text content (CDATA included) of every element named `name` in an XML document (htmlparser2, xml mode). */
function xmlTexts(xml: string, name: string): string[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName(name, doc).map((node) => DomUtils.textContent(node));
}

describeEachDialect('portal catalog pages', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let corpus: Corpus;
  let dataDir: string;
  let ids: { synthetic: number; attachmentItem: number; attachment: number; draftAttachment: number };

  before(async () => {
    store = await t.open();
    dataDir = await mkdtemp(join(tmpdir(), 'gk-portal-'));
    const config = loadConfig({ GONGKAI_DATA_DIR: dataDir, GONGKAI_PUBLIC_URL: PUBLIC_URL });
    corpus = await seedCorpus(store);
    const org = corpus.orgs.office.id;
    const synthetic = await insertItem(store, {
      organization_id: org,
      title: '演示：关于<b>加强</b>政务公开的通知',
      document_number: '演政办发〔2026〕1号',
      summary: '演示概述',
      keywords: ['政务公开', '演示'],
      channels: JSON.stringify(['website', 'gazette', 'wechat']),
      body_html: '<p>正文<strong>加粗</strong></p>',
      body_text: '正文加粗',
      synthetic: 1,
      publication_date: '2026-11-29',
      effective_date: '2026-12-01',
      created_by: null,
    });
    // A policy and its interpretation, linked.
    await store.db.insertInto('interpretation_link').values({ policy_item_id: corpus.ids['ruralPlan'] ?? 0, interpretation_item_id: corpus.ids['interpretation'] ?? 0 }).execute();
    // An attachment on a published item, and one on a draft.
    const attachmentItem = corpus.ids['budget'] ?? 0;
    await mkdir(join(config.attachmentsDir, SHA.slice(0, 2)), { recursive: true });
    await writeFile(join(config.attachmentsDir, SHA.slice(0, 2), SHA), 'PDF-BYTES');
    const insertAttachment = async (itemId: number): Promise<number> =>
      (
        await store.db
          .insertInto('attachment')
          .values({ item_id: itemId, file_name: '2024年预算表 (终稿).pdf', media_type: 'application/pdf', size_bytes: 9, sha256: SHA, created_at: '2026-11-30T02:00:00.000Z' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    ids = { synthetic, attachmentItem, attachment: await insertAttachment(attachmentItem), draftAttachment: await insertAttachment(corpus.ids['draftPoverty'] ?? 0) };
    app = await buildApp({ store, config, clock: new FixedClock('2026-11-30T02:00:00Z') }, { logger: false });
  });
  after(async () => {
    await app.close();
    await t.close(store);
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (url: string): Promise<LightMyRequestResponse> => app.inject({ method: 'GET', url });

  void it('shows the item page with the metadata block, body and marker', async () => {
    const res = await get(`/items/${ids.synthetic}`);
    assert.equal(res.statusCode, 200);
    const body = res.body;
    for (const label of ['索引号', '主题分类', '发布机构', '生成日期', '文号', '发布日期', '体裁分类', '关键词', '有效性', '公开属性', '发布渠道', '生效日期']) {
      assert.ok(body.includes(`<dt>${label}</dt>`), label);
    }
    assert.ok(body.includes('<dt>发布渠道</dt><dd>政府公报、政府网站、政务微信</dd>'), 'channels by name, in the list order');
    assert.match(body, /<dl class="meta">/);
    assert.ok(body.includes('<dd>演政办发〔2026〕1号</dd>'));
    assert.ok(body.includes('<dd>政务公开；演示</dd>'));
    assert.ok(body.includes('<dd>行政法规、规章和规范性文件</dd>'));
    assert.ok(body.includes('<dd>主动公开</dd>'));
    assert.ok(body.includes('<h1>演示：关于&lt;b&gt;加强&lt;/b&gt;政务公开的通知</h1>'), 'the title is escaped');
    assert.ok(body.includes('<p>正文<strong>加粗</strong></p>'), 'the sanitized body is kept as HTML');
    assert.ok(body.includes('合成演示数据'));
    assert.equal((body.match(/<h1>/g) ?? []).length, 1);
  });

  void it('answers 404 for draft, withdrawn, unknown and malformed items', async () => {
    for (const url of [`/items/${corpus.ids['draftPoverty']}`, `/items/${corpus.ids['withdrawnPoverty']}`, '/items/999999', '/items/abc', '/items/0']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /未找到/);
    }
  });

  void it('links policy documents and their interpretations both ways', async () => {
    const policy = await get(`/items/${corpus.ids['ruralPlan']}`);
    assert.ok(policy.body.includes('相关解读'));
    assert.ok(policy.body.includes(`href="/items/${corpus.ids['interpretation']}"`));
    const interpretation = await get(`/items/${corpus.ids['interpretation']}`);
    assert.ok(interpretation.body.includes('解读的政策文件'));
    assert.ok(interpretation.body.includes(`href="/items/${corpus.ids['ruralPlan']}"`));
  });

  void it('serves attachments of published items only, with a UTF-8 file name', async () => {
    const page = await get(`/items/${ids.attachmentItem}`);
    assert.ok(page.body.includes(`href="/items/${ids.attachmentItem}/attachments/${ids.attachment}"`));
    const res = await get(`/items/${ids.attachmentItem}/attachments/${ids.attachment}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, 'PDF-BYTES');
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-disposition'], `attachment; filename="2024____ (__).pdf"; filename*=UTF-8''2024%E5%B9%B4%E9%A2%84%E7%AE%97%E8%A1%A8%20%28%E7%BB%88%E7%A8%BF%29.pdf`);
    assert.equal((await get(`/items/${corpus.ids['draftPoverty']}/attachments/${ids.draftAttachment}`)).statusCode, 404);
    assert.equal((await get(`/items/${ids.attachmentItem}/attachments/${ids.draftAttachment}`)).statusCode, 404, 'attachment of another item');
  });

  void it('shows the home page with the newest items and the organizations', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('<h1>政府信息公开</h1>'));
    assert.ok(res.body.includes('<label for="home-q">关键词</label>'));
    assert.ok(res.body.includes(`href="/items/${ids.synthetic}"`), 'the newest item');
    assert.equal((res.body.match(/<li><a href="\/items\//g) ?? []).length, 10);
    assert.ok(res.body.includes(`href="/organizations/${corpus.orgs.county.id}"`));
    assert.ok(res.body.includes(`href="/catalog?org=${corpus.orgs.agriculture.id}"`));
  });

  void it('browses the catalog by organization subtree, category and genre, 20 a page', async () => {
    const all = await get('/catalog');
    assert.equal(all.statusCode, 200);
    assert.ok(all.body.includes('共 29 条'));
    assert.equal((all.body.match(/<tr><td>/g) ?? []).length, 20);
    assert.ok(all.body.includes('href="/catalog?page=2"'));
    const second = await get('/catalog?page=2');
    assert.equal((second.body.match(/<tr><td>/g) ?? []).length, 9);
    const township = await get(`/catalog?org=${corpus.orgs.township.id}`);
    assert.ok(township.body.includes('共 3 条'));
    assert.ok(!township.body.includes('关于做好扶贫资金公开工作的通知'));
    const county = await get(`/catalog?org=${corpus.orgs.county.id}&category=art20-11&genre=`);
    assert.ok(county.body.includes('共 6 条'), 'the whole subtree, one category');
    const genre = await get('/catalog?genre=interpretation');
    assert.ok(genre.body.includes('共 1 条'));
    assert.equal((await get('/catalog?org=999999')).statusCode, 400);
  });

  void it('lists published items and guides in the sitemap', async () => {
    const res = await get('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/xml/);
    const locs = xmlTexts(res.body, 'loc');
    assert.ok(locs.includes(`${PUBLIC_URL}/items/${corpus.ids['povertyFunds']}`));
    assert.ok(locs.includes(`${PUBLIC_URL}/organizations/${corpus.orgs.county.id}`));
    assert.ok(!locs.includes(`${PUBLIC_URL}/items/${corpus.ids['draftPoverty']}`));
    assert.ok(!locs.includes(`${PUBLIC_URL}/items/${corpus.ids['withdrawnPoverty']}`));
    assert.equal(locs.length, 29 + 4);
    assert.ok(res.body.includes(`<loc>${PUBLIC_URL}/items/${corpus.ids['povertyFunds']}</loc><lastmod>2017-05-12</lastmod>`));
    const robots = await get('/robots.txt');
    assert.ok(robots.body.includes(`Sitemap: ${PUBLIC_URL}/sitemap.xml`));
    assert.ok(robots.body.includes('Disallow: /console'));
  });

  void it('publishes Atom and RSS feeds of an organization subtree and of everything', async () => {
    const atom = await get(`/feeds/${corpus.orgs.agriculture.id}.atom`);
    assert.equal(atom.statusCode, 200);
    assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/);
    const titles = xmlTexts(atom.body, 'title');
    assert.equal(titles[0], '测试县农业农村局 政府信息公开');
    assert.ok(titles.includes('高标准农田建设项目中标公示'));
    assert.equal(xmlTexts(atom.body, 'entry').length, 7);
    assert.ok(xmlTexts(atom.body, 'id').includes(`${PUBLIC_URL}/items/${corpus.ids['ruralTasks']}`));
    const rss = await get(`/feeds/${corpus.orgs.agriculture.id}.rss`);
    assert.equal(rss.statusCode, 200);
    assert.equal(xmlTexts(rss.body, 'item').length, 7);
    const all = await get('/feeds/all.atom');
    assert.equal(xmlTexts(all.body, 'entry').length, 29);
    // Atom entry titles are type="html": the markup-looking text arrives escaped, so readers show it as written.
    assert.ok(xmlTexts(all.body, 'title').includes('演示：关于&lt;b&gt;加强&lt;/b&gt;政务公开的通知'));
    for (const url of ['/feeds/999999.atom', '/feeds/all.json', '/feeds/x.atom']) assert.equal((await get(url)).statusCode, 404, url);
  });
});

import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { insertItem } from '../../test/helpers/catalog-rows.ts';
import { seedCorpus } from '../../test/helpers/search-corpus.ts';
import type { Corpus } from '../../test/helpers/search-corpus.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';

describeEachDialect('search routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let corpus: Corpus;

  before(async () => {
    store = await t.open();
    corpus = await seedCorpus(store);
    // 21 announcements of 2025 for paging (20 a page).
    for (let n = 1; n <= 21; n += 1) {
      await insertItem(store, { organization_id: corpus.orgs.township.id, title: `公共租赁住房第${n}批保障对象公示`, genre: 'announcement', publication_date: `2025-03-${String(n).padStart(2, '0')}`, body_text: '现将公共租赁住房保障对象予以公示。' });
    }
    app = await buildApp({ store, config: loadConfig({}), clock: new FixedClock('2026-11-30T02:00:00Z') }, { logger: false });
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const get = (url: string): Promise<LightMyRequestResponse> => app.inject({ method: 'GET', url });

  void it('shows only the labelled form for an empty query', async () => {
    const res = await get('/search');
    assert.equal(res.statusCode, 200);
    for (const [field, label] of [['q', '关键词'], ['org', '机构'], ['category', '主题分类'], ['genre', '体裁'], ['year', '年份'], ['validity', '有效性'], ['sort', '排序']]) {
      assert.ok(res.body.includes(`<label for="${field}">${label}</label>`), label);
    }
    assert.ok(res.body.includes('<option value="' + String(corpus.orgs.agriculture.id) + '">'));
    assert.ok(!res.body.includes('条结果'));
  });

  void it('lists hits with their metadata and escaped, marked snippets', async () => {
    const res = await get(`/search?q=${encodeURIComponent('扶贫')}&org=&category=&genre=&year=&validity=&sort=relevance`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('共 7 条结果'));
    assert.ok(res.body.includes(`<a href="/items/${corpus.ids['povertyFunds']}">关于做好扶贫资金公开工作的通知</a>`));
    assert.ok(res.body.includes('文号：吴政办发〔2017〕19号'));
    assert.ok(res.body.includes('发布机构：测试县人民政府办公室'));
    assert.ok(res.body.includes('发布日期：2017-05-12'));
    assert.ok(res.body.includes('提交&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;等代码，<mark>扶贫</mark>'));
    assert.ok(!res.body.includes('<script>'));
    assert.ok(!res.body.includes('下一页'), 'one page only');
  });

  void it('pages with links that keep the filters', async () => {
    const first = await get(`/search?q=${encodeURIComponent('公共租赁住房')}&genre=announcement&year=2025`);
    assert.ok(first.body.includes('共 21 条结果'));
    assert.equal((first.body.match(/<h3>/g) ?? []).length, 20);
    const next = `/search?q=${encodeURIComponent('公共租赁住房')}&amp;genre=announcement&amp;year=2025&amp;page=2`;
    assert.ok(first.body.includes(`<a href="${next}" rel="next">下一页</a>`), 'next link keeps q, genre and year');
    const second = await get(next.replace(/&amp;/g, '&'));
    assert.equal((second.body.match(/<h3>/g) ?? []).length, 1);
    assert.ok(second.body.includes('rel="prev">上一页</a>'));
    assert.ok(second.body.includes('<ol class="hits" start="21">'));
    const otherYear = await get(`/search?q=${encodeURIComponent('公共租赁住房')}&year=2024`);
    assert.ok(otherYear.body.includes('共 0 条结果'));
  });

  void it('re-renders the form with field errors on bad input', async () => {
    const res = await get(`/search?q=${encodeURIComponent('扶贫')}&year=abc`);
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('role="alert"'));
    assert.ok(res.body.includes('年份应为 1949 至 2200 之间的四位数字'));
    assert.ok(res.body.includes('value="abc"'), 'what the user typed is kept');
    const org = await get(`/search?q=${encodeURIComponent('扶贫')}&org=999999`);
    assert.equal(org.statusCode, 400);
    assert.ok(org.body.includes('所选机构不存在'));
  });

  void it('answers the API with hits, totals and field errors', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('扶贫')}&pageSize=5&org=${corpus.orgs.county.id}`);
    assert.equal(res.statusCode, 200);
    const body = res.json<{ total: number; page: number; pageSize: number; hits: { item: Record<string, unknown>; snippet: string; score: number }[] }>();
    assert.deepEqual([body.total, body.page, body.pageSize, body.hits.length], [7, 1, 5, 5]);
    assert.deepEqual(Object.keys(body.hits[0]?.item ?? {}).sort(), ['documentNumber', 'genre', 'id', 'indexNumber', 'issuingAgency', 'organizationId', 'publicationDate', 'subjectCategory', 'title', 'validity']);
    assert.match(body.hits[0]?.snippet ?? '', /<mark>扶贫<\/mark>/);
    const syntax = await get(`/api/search?q=${encodeURIComponent('"NEAR( * )')}`);
    assert.equal(syntax.statusCode, 200);
    assert.equal(syntax.json<{ total: number }>().total, 0);
    for (const url of ['/api/search?q=x&pageSize=51', '/api/search?q=x&genre=bogus', '/api/search?q=x&page=0']) {
      const bad = await get(url);
      assert.equal(bad.statusCode, 400, url);
      assert.equal(bad.json<{ error: { code: string } }>().error.code, 'VALIDATION_FAILED');
    }
    const openapi = await get('/api/openapi.json');
    assert.ok(Object.keys(openapi.json<{ paths: Record<string, unknown> }>().paths).includes('/api/search'));
  });

  void it('rate-limits the search page per client (120 a minute)', async () => {
    let last = 0;
    for (let n = 0; n < 121; n += 1) last = (await app.inject({ method: 'GET', url: '/search', remoteAddress: '10.9.9.9' })).statusCode;
    assert.equal(last, 429);
    assert.equal((await app.inject({ method: 'GET', url: '/search', remoteAddress: '10.9.9.8' })).statusCode, 200);
  });
});

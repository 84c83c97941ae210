import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PUBLIC_ACTOR } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { insertItem, insertOrganization } from '../../test/helpers/catalog-rows.ts';
import { idsOf, seedCorpus } from '../../test/helpers/search-corpus.ts';
import type { Corpus } from '../../test/helpers/search-corpus.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { indexCatalogItem, rebuildSearchIndex, removeCatalogItemFromIndex } from './search-index.ts';
import { searchCatalog } from './search.service.ts';
import type { SearchQuery, SearchResult } from './search.service.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const config = loadConfig({});

/** The 7 published items that contain 扶贫 (title, summary or body); the draft and the withdrawn one do not count. */
const POVERTY = ['povertyFunds', 'targetedPoverty', 'subsistence', 'scriptBody', 'townPoverty', 'repealedPoverty', 'summaryPoverty'];

describeEachDialect('search service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let corpus: Corpus;
  const search = (q: string, extra: Partial<SearchQuery> = {}): Promise<SearchResult> =>
    searchCatalog(ctx, PUBLIC_ACTOR, { q, sort: 'relevance', page: 1, pageSize: 50, ...extra });
  const hitIds = (result: SearchResult): number[] => result.hits.map((h) => h.item.id).sort((a, b) => a - b);

  before(async () => {
    store = await t.open();
    ctx = { store, clock, config };
    corpus = await seedCorpus(store);
  });
  after(() => t.close(store));

  void it('finds published items by a two-character word, never drafts or withdrawn ones', async () => {
    const result = await search('扶贫');
    assert.equal(result.total, 7);
    assert.deepEqual(hitIds(result), idsOf(corpus, POVERTY));
  });

  void it('finds 乡村振兴 as a phrase and a 文号 whole or without its prefix', async () => {
    assert.deepEqual(hitIds(await search('乡村振兴')), idsOf(corpus, ['ruralPlan', 'ruralTasks', 'interpretation']));
    assert.deepEqual(hitIds(await search('吴政办发〔2017〕19号')), idsOf(corpus, ['povertyFunds']));
    assert.deepEqual(hitIds(await search('吴政办发[2017]19号')), idsOf(corpus, ['povertyFunds']));
    assert.deepEqual(hitIds(await search('〔2017〕19号')), idsOf(corpus, ['povertyFunds']));
    // A 文号 printed only in the title (no document_number) is found through the index.
    assert.deepEqual(hitIds(await search('吴市监罚〔2023〕45号')), idsOf(corpus, ['penalty']));
  });

  void it('combines terms with AND and matches each as a phrase', async () => {
    assert.deepEqual(hitIds(await search('扶贫 资金')), idsOf(corpus, ['povertyFunds', 'targetedPoverty', 'summaryPoverty']));
    assert.deepEqual(hitIds(await search('扶贫资金')), idsOf(corpus, ['povertyFunds', 'targetedPoverty']));
    assert.deepEqual(hitIds(await search('Platform')), idsOf(corpus, ['platform']));
    assert.deepEqual(hitIds(await search('COVID-19')), idsOf(corpus, ['covid']));
  });

  void it('treats FTS syntax in the input as plain text, and a query without words as no hits', async () => {
    assert.deepEqual(hitIds(await search('"扶贫"*')), idsOf(corpus, POVERTY));
    assert.equal((await search('扶贫 NEAR( "')).total, 0);
    assert.deepEqual(await search('" * ( )'), { total: 0, page: 1, pageSize: 50, hits: [] });
    assert.equal((await search('')).total, 0);
  });

  void it('filters by organization subtree, category, genre, year and validity', async () => {
    assert.equal((await search('扶贫', { organizationId: corpus.orgs.county.id })).total, 7);
    assert.deepEqual(hitIds(await search('扶贫', { organizationId: corpus.orgs.agriculture.id })), idsOf(corpus, ['targetedPoverty', 'summaryPoverty']));
    assert.deepEqual(hitIds(await search('扶贫', { subjectCategory: 'art20-11' })), idsOf(corpus, ['targetedPoverty', 'townPoverty', 'summaryPoverty']));
    assert.deepEqual(hitIds(await search('扶贫', { genre: 'normative_document' })), idsOf(corpus, ['repealedPoverty']));
    assert.deepEqual(hitIds(await search('扶贫', { year: 2019 })), idsOf(corpus, ['targetedPoverty']));
    assert.deepEqual(hitIds(await search('扶贫', { validity: 'repealed' })), idsOf(corpus, ['repealedPoverty']));
    await assert.rejects(search('扶贫', { organizationId: 999_999 }), (e) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN'));
  });

  void it('pages with a stable total, newest first when sorted by date', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search('扶贫', { sort: 'date', page, pageSize: 3 })));
    assert.deepEqual(pages.map((p) => [p.total, p.hits.length]), [[7, 3], [7, 3], [7, 1], [7, 0]]);
    const order = pages.flatMap((p) => p.hits.map((h) => h.item.publicationDate));
    assert.deepEqual(order, ['2024-03-03', '2024-01-05', '2023-09-09', '2019-06-30', '2018-04-04', '2017-05-12', '2016-09-01']);
    await assert.rejects(search('扶贫', { pageSize: 51 }), (e) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });

  void it('ranks a title match above a body-only match and returns item fields', async () => {
    const result = await search('招标公告');
    assert.deepEqual(hitIds(result), idsOf(corpus, ['farmlandTender']));
    const hit = result.hits[0];
    assert.equal(hit?.item.title, '高标准农田建设项目招标公告');
    assert.equal(hit?.item.organizationId, corpus.orgs.agriculture.id);
    assert.ok((hit?.score ?? 0) > 0);
    const ranked = await search('扶贫');
    const titleHits = new Set(idsOf(corpus, ['povertyFunds', 'targetedPoverty', 'townPoverty', 'repealedPoverty']));
    const positions = ranked.hits.map((h) => titleHits.has(h.item.id));
    assert.deepEqual(positions, [true, true, true, true, false, false, false], 'items with 扶贫 in the title come first');
  });

  void it('builds escaped snippets with the matched words marked', async () => {
    const result = await search('扶贫', { pageSize: 50 });
    const script = result.hits.find((h) => h.item.id === corpus.ids['scriptBody']);
    assert.equal(script?.snippet, '请勿在留言中提交&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;等代码，<mark>扶贫</mark>咨询请拨打热线。');
    const summaryOnly = result.hits.find((h) => h.item.id === corpus.ids['summaryPoverty']);
    assert.equal(summaryOnly?.snippet, '下达产业<mark>扶贫</mark>项目资金分配方案');
  });

  void it('round-trips index, re-index and removal', async () => {
    const org = await insertOrganization(store.db, { name: '往返测试局' });
    const id = await insertItem(store, { organization_id: org.id, title: '关于黑臭水体治理的通告', body_text: '开展黑臭水体整治。' });
    assert.deepEqual(hitIds(await search('黑臭水体')), [id]);
    await store.db.updateTable('catalog_item').set({ title: '关于垃圾分类的通告', body_text: '推行垃圾分类。' }).where('id', '=', id).execute();
    await indexCatalogItem(store.db, store.dialect, { id, title: '关于垃圾分类的通告', summary: null, documentNumber: null, bodyText: '推行垃圾分类。' });
    assert.equal((await search('黑臭水体')).total, 0);
    assert.deepEqual(hitIds(await search('垃圾分类')), [id]);
    await removeCatalogItemFromIndex(store.db, store.dialect, id);
    assert.equal((await search('垃圾分类')).total, 0);
    await removeCatalogItemFromIndex(store.db, store.dialect, id); // removing twice is harmless
    await store.db.deleteFrom('catalog_item').where('id', '=', id).execute();
  });

  void it('rebuilds the index from the published items', async () => {
    const progress: number[] = [];
    const count = await rebuildSearchIndex(store.db, store.dialect, (p) => progress.push(p.done));
    assert.equal(count, 28);
    assert.deepEqual(progress, [28]);
    assert.deepEqual(hitIds(await search('扶贫')), idsOf(corpus, POVERTY));
    assert.deepEqual(hitIds(await search('乡村振兴')), idsOf(corpus, ['ruralPlan', 'ruralTasks', 'interpretation']));
  });
});

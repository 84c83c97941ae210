/**
 * The same corpus indexed on SQLite (FTS5 bm25) and PostgreSQL (tsvector, ts_rank) must give the
 * same hit SET for every query (ranks may differ). Needs both engines: skipped without
 * GONGKAI_TEST_POSTGRES_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PUBLIC_ACTOR } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { seedCorpus } from '../../test/helpers/search-corpus.ts';
import type { Corpus } from '../../test/helpers/search-corpus.ts';
import { postgresAvailable, postgresStores, sqliteStores } from '../../test/helpers/stores.ts';
import { searchCatalog } from './search.service.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const config = loadConfig({});

/** Each query with the corpus keys it must find (on both engines). */
const EXPECTED: [string, string[]][] = [
  ['扶贫', ['povertyFunds', 'repealedPoverty', 'scriptBody', 'subsistence', 'summaryPoverty', 'targetedPoverty', 'townPoverty']],
  ['乡村振兴', ['interpretation', 'ruralPlan', 'ruralTasks']],
  ['吴政办发〔2017〕19号', ['povertyFunds']],
  ['〔2017〕190号', ['povertyFunds190']],
  ['platform', ['platform']],
  ['扶贫 资金', ['povertyFunds', 'summaryPoverty', 'targetedPoverty']],
  ['高标准农田 公告', ['farmlandTender']],
  ['"扶贫" * NEAR(资金', []],
  ['"NEAR(" AND', []],
  ['城乡居民', ['medicalInsurance', 'pension']],
  ['信息公开', ['annualReport']],
  ['振兴', ['interpretation', 'ruralPlan', 'ruralTasks']],
  // The title ends in 通知 and the 文号 starts with 吴政办发: a phrase must not run across fields.
  ['通知吴政办发', []],
  ['通知 吴政办发', ['povertyFunds', 'povertyFunds190']],
];

void describe('search: same hits on SQLite and PostgreSQL', { skip: postgresAvailable ? false : 'GONGKAI_TEST_POSTGRES_URL not set' }, () => {
  let sqlite: Store;
  let postgres: Store;
  let corpora: [Corpus, Corpus];

  before(async () => {
    [sqlite, postgres] = await Promise.all([sqliteStores.open(), postgresStores.open()]);
    corpora = [await seedCorpus(sqlite), await seedCorpus(postgres)];
  });
  after(async () => {
    await sqliteStores.close(sqlite);
    await postgresStores.close(postgres);
  });

  /** The corpus keys of the hits, sorted. */
  async function keys(store: Store, corpus: Corpus, q: string): Promise<string[]> {
    const byId = new Map(Object.entries(corpus.ids).map(([key, id]) => [id, key]));
    const result = await searchCatalog({ store, clock, config }, PUBLIC_ACTOR, { q, sort: 'relevance', page: 1, pageSize: 50 });
    assert.equal(result.total, result.hits.length, `${q}: the total counts the hits`);
    return result.hits.map((h) => byId.get(h.item.id) ?? `?${h.item.id}`).sort();
  }

  for (const [q, expected] of EXPECTED) {
    void it(`“${q}”`, async () => {
      const [onSqlite, onPostgres] = await Promise.all([keys(sqlite, corpora[0], q), keys(postgres, corpora[1], q)]);
      assert.deepEqual(onSqlite, onPostgres, 'same hit set on both engines');
      assert.deepEqual(onSqlite, [...expected].sort());
    });
  }

  void it('orders by date identically on both engines', async () => {
    const order = async (store: Store, corpus: Corpus): Promise<string[]> => {
      const byId = new Map(Object.entries(corpus.ids).map(([key, id]) => [id, key]));
      const result = await searchCatalog({ store, clock, config }, PUBLIC_ACTOR, { q: '扶贫', sort: 'date', page: 1, pageSize: 50 });
      return result.hits.map((h) => byId.get(h.item.id) ?? '');
    };
    const onSqlite = await order(sqlite, corpora[0]);
    assert.equal(onSqlite.length, 7, 'the seven items holding 扶贫');
    assert.deepEqual(onSqlite, await order(postgres, corpora[1]));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countRegulatoryDocuments, documentCells, documentKey } from './regulatory-document.ts';
import type { RegulatoryDocument } from './regulatory-document.ts';

function doc(over: Partial<RegulatoryDocument>): RegulatoryDocument {
  return {
    itemId: 1,
    organizationId: 1,
    genre: 'normative_document',
    documentNumber: null,
    creationDate: '2025-03-10',
    publicationDate: '2025-03-12',
    validity: 'in_force',
    expiryDate: null,
    status: 'published',
    ...over,
  };
}

void describe('documentKey', () => {
  void it('folds bracket and width variants of one 文号', () => {
    const a = documentKey({ itemId: 1, genre: 'normative_document', documentNumber: '吴政发〔2025〕3号' });
    assert.equal(documentKey({ itemId: 2, genre: 'normative_document', documentNumber: '吴政发[2025]3号' }), a);
    assert.equal(documentKey({ itemId: 3, genre: 'normative_document', documentNumber: ' 吴政发（2025）3号' }), a);
    assert.equal(documentKey({ itemId: 4, genre: 'normative_document', documentNumber: '吴政发［2025］3号' }), a);
    assert.notEqual(documentKey({ itemId: 5, genre: 'normative_document', documentNumber: '吴政发〔2025〕4号' }), a);
  });
  void it('keys a document without 文号 by its item', () => {
    assert.equal(documentKey({ itemId: 7, genre: 'rule', documentNumber: null }), 'item:7');
    assert.equal(documentKey({ itemId: 8, genre: 'rule', documentNumber: '  ' }), 'item:8');
  });
});

void describe('documentCells (2021 format)', () => {
  void it('counts a document created and in force in the year as issued and in force', () => {
    assert.deepEqual(documentCells(doc({}), 2025, '2021'), ['t2-1/normative-documents/issued', 't2-1/normative-documents/in-force']);
  });
  void it('counts an older document repealed in the year as repealed and not in force', () => {
    assert.deepEqual(documentCells(doc({ genre: 'rule', creationDate: '2019-01-05', validity: 'repealed', expiryDate: '2025-06-30' }), 2025, '2021'), ['t2-1/regulations/repealed']);
  });
  void it('keeps a document repealed next year in force this year', () => {
    assert.deepEqual(documentCells(doc({ creationDate: '2020-01-05', validity: 'repealed', expiryDate: '2026-01-01' }), 2025, '2021'), ['t2-1/normative-documents/in-force']);
  });
  void it('does not count a lapsed (失效) document as repealed', () => {
    assert.deepEqual(documentCells(doc({ creationDate: '2020-01-05', validity: 'expired', expiryDate: '2025-05-01' }), 2025, '2021'), []);
  });
  void it('does not count a superseded version as in force', () => {
    assert.deepEqual(documentCells(doc({ creationDate: '2020-01-05', status: 'superseded' }), 2025, '2021'), []);
  });
  void it('counts nothing for a withdrawn item', () => {
    assert.deepEqual(documentCells(doc({ status: 'withdrawn' }), 2025, '2021'), []);
  });
  void it('counts a document created in December and published in January as issued but not yet in force', () => {
    assert.deepEqual(documentCells(doc({ creationDate: '2025-12-30', publicationDate: '2026-01-04' }), 2025, '2021'), ['t2-1/normative-documents/issued']);
  });
});

void describe('documentCells (2019 and 2014 formats)', () => {
  void it('2019: made, published and public in total', () => {
    assert.deepEqual(documentCells(doc({}), 2020, '2019'), []);
    assert.deepEqual(documentCells(doc({ creationDate: '2020-02-01', publicationDate: '2020-02-03' }), 2020, '2019'), [
      't2-1/normative-documents/made',
      't2-1/normative-documents/published',
      't2-1/normative-documents/total-public',
    ]);
    assert.deepEqual(documentCells(doc({ creationDate: '2018-02-01', publicationDate: '2018-02-03' }), 2020, '2019'), ['t2-1/normative-documents/total-public']);
  });
  void it('2014: normative documents issued and proactively published; rules count nowhere', () => {
    assert.deepEqual(documentCells(doc({ creationDate: '2017-02-01', publicationDate: '2017-02-03' }), 2017, '2014'), ['stats/normative-issued/value', 'stats/proactive-normative/value']);
    assert.deepEqual(documentCells(doc({ genre: 'rule', creationDate: '2017-02-01', publicationDate: '2017-02-03' }), 2017, '2014'), []);
  });
});

void describe('countRegulatoryDocuments', () => {
  void it('counts a jointly issued document once and lists the smallest item id', () => {
    const docs = [
      doc({ itemId: 12, organizationId: 2, documentNumber: '吴政发〔2025〕3号' }),
      doc({ itemId: 10, organizationId: 1, documentNumber: '吴政发[2025]3号' }),
      doc({ itemId: 11, organizationId: 1, documentNumber: '吴政发〔2025〕4号' }),
      doc({ itemId: 13, organizationId: 3, genre: 'rule', documentNumber: null, creationDate: '2018-01-01' }),
    ];
    const { counts, items } = countRegulatoryDocuments(docs, 2025, '2021');
    assert.deepEqual(counts, { 't2-1/normative-documents/issued': 2, 't2-1/normative-documents/in-force': 2, 't2-1/regulations/in-force': 1 });
    assert.deepEqual(items['t2-1/normative-documents/issued'], [10, 11]);
    assert.deepEqual(items['t2-1/regulations/in-force'], [13]);
  });
});

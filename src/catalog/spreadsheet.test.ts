// Spreadsheet reading and the import columns, without a database: encodings (UTF-8 with and
// without BOM, GB18030, UTF-16), delimiters, row numbers around blank rows, date forms, header labels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeGb18030 } from '../../test/helpers/gb18030.ts';
import { mapHeader, normalizeDateCell, rowToRawInput, subjectCategoryLookup } from './catalog-import-columns.ts';
import { decodeText, detectSheetFormat, readSpreadsheet } from './spreadsheet.ts';

void describe('decodeText', () => {
  void it('reads UTF-8 with and without BOM, GB18030 and UTF-16LE with BOM', () => {
    const text = '标题,生成日期\n关于扶贫的通知,2026年3月5日\n';
    assert.equal(decodeText(Buffer.from(`\ufeff${text}`, 'utf8')), text);
    assert.equal(decodeText(Buffer.from(text, 'utf8')), text);
    assert.equal(decodeText(encodeGb18030(text)), text);
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), text);
  });
});

void describe('readSpreadsheet (CSV)', () => {
  void it('numbers data rows below the header, skipping blank rows but not their numbers; keeps quoted line breaks', async () => {
    const table = await readSpreadsheet('a.csv', Buffer.from('\n标题 ,生成日期\n一,2026-01-01\n,\n"二\n第二行",2026-01-02\n'));
    assert.deepEqual(table.headers, ['标题', '生成日期']);
    assert.deepEqual(table.rows, [
      { row: 1, cells: ['一', '2026-01-01'] },
      { row: 3, cells: ['二\n第二行', '2026-01-02'] },
    ]);
  });

  void it('reads tab-separated text (Excel "Unicode text")', async () => {
    const table = await readSpreadsheet('a.txt', Buffer.from('标题\t生成日期\n一\t2026-01-01\n'));
    assert.deepEqual(table.rows[0]?.cells, ['一', '2026-01-01']);
  });

  void it('detects XLSX by content and refuses binary data', () => {
    assert.equal(detectSheetFormat('named.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0])), 'xlsx');
    assert.equal(detectSheetFormat('a.csv', Buffer.from('a,b')), 'csv');
    assert.throws(() => detectSheetFormat('a.bin', Buffer.from([1, 0, 2, 3])), /INPUT_UNSUPPORTED|not a CSV or XLSX/);
  });
});

void describe('import columns', () => {
  void it('normalizes the date forms offices write', () => {
    assert.equal(normalizeDateCell('2026-03-05'), '2026-03-05');
    assert.equal(normalizeDateCell('2026/3/5'), '2026-03-05');
    assert.equal(normalizeDateCell('2026年3月5日'), '2026-03-05');
    assert.equal(normalizeDateCell('2026.03.05'), '2026-03-05');
    assert.equal(normalizeDateCell('20260305'), '2026-03-05');
    assert.equal(normalizeDateCell('2026-03-05 08:30:00'), '2026-03-05');
    assert.equal(normalizeDateCell(new Date(Date.UTC(2018, 1, 1))), '2018-02-01');
    assert.equal(normalizeDateCell(43132), '2018-02-01');
    assert.equal(normalizeDateCell('  '), undefined);
    assert.equal(normalizeDateCell('三月五日'), '三月五日', 'left for validation to report');
  });

  void it('maps Chinese labels (with marks and hints) and English names to fields, and names what is missing', () => {
    const mapping = mapHeader(['序号', '索引号', '名称*', '成文日期（YYYY-MM-DD）', 'subject_category', 'genre', '标题', 'publicationDate']);
    assert.deepEqual(mapping.fields, [null, 'indexNumber', 'title', 'creationDate', 'subjectCategory', 'genre', null, 'publicationDate']);
    assert.deepEqual(mapping.repeated, ['title']);
    assert.deepEqual(mapping.missing, []);
    assert.deepEqual(mapHeader(['标题', '体裁']).missing, ['creationDate', 'subjectCategory']);
  });

  void it('turns list names into codes and leaves unknown values for validation', () => {
    const mapping = mapHeader(['标题', '主题分类', '体裁分类', '公开属性', '有效性', '生成日期']);
    const subjects = subjectCategoryLookup([{ code: 'rural-revitalization', name: '乡村振兴' }]);
    assert.deepEqual(rowToRawInput(['一', '政府集中采购项目的目录、标准及实施情况', '公告公示', '不予公开', '废止', '2026/1/2'], mapping, subjects), {
      title: '一',
      subjectCategory: 'art20-09',
      genre: 'announcement',
      disclosureType: 'exempt',
      validity: 'repealed',
      creationDate: '2026-01-02',
    });
    assert.equal(rowToRawInput(['一', '乡村振兴', '其他', '', null, null], mapping, subjects)['subjectCategory'], 'theme:rural-revitalization');
    assert.equal(rowToRawInput(['一', '不存在的分类', '其他', '', null, null], mapping, subjects)['subjectCategory'], '不存在的分类');
    // 土地征收 names a city and a township category: by name it is the city one; codes are exact.
    assert.equal(subjects.get('土地征收'), 'art21-city-04');
    assert.equal(subjects.get('art21-town-05'), 'art21-town-05');
  });

  void it('reads 发布渠道 as channel codes: names, aliases or codes, any of the separators 、，,；; and spaces', () => {
    const mapping = mapHeader(['标题', '发布渠道']);
    assert.deepEqual(mapping.fields, ['title', 'channels']);
    assert.deepEqual(mapHeader(['公开渠道']).fields, ['channels']);
    const channels = (cell: string | null): string | undefined => rowToRawInput(['一', cell], mapping, new Map())['channels'];
    assert.equal(channels('政府公报、政府网站，政务微博,政务微信；其他方式'), 'gazette,website,weibo,wechat,other');
    assert.equal(channels('  WeChat  website;微信公众号 '), 'wechat,website,wechat', 'codes any case, aliases; repeats are left for validation');
    assert.equal(channels('政府网站、抖音'), 'website,抖音', 'unknown names left for validation');
    assert.equal(channels('   '), undefined);
    assert.equal(channels(null), undefined);
  });
});

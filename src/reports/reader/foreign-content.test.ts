import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docFromText, pingtan, wuzhong } from '../../../test/helpers/narrative-fixtures.ts';
import { findForeignContent } from './foreign-content.ts';

describe('findForeignContent', () => {
  it('finds the procurement notice pasted into the wuzhong narrative, title line included', () => {
    const { dt, foreign } = wuzhong();
    const notice = foreign.passages.filter((p) => p.reason === 'foreign-content');
    assert.equal(notice.length, 1);
    const p = notice[0];
    assert.ok(p);
    assert.ok(p.text.startsWith('盐池县2018年农业综合开发土地治理(小流域综合治理)勘测设计中标公示'));
    for (const s of ['640300032/2018-04416', '发布机构', '2018-02-01', '投标费率(%)\t2.90', '设计周期(天)\t30']) assert.ok(p.text.includes(s), s);
    assert.deepEqual(p.from, { line: 94, column: 1 });
    assert.equal(p.to?.line, 104);
    assert.ok(!p.text.includes('政府采购项目在') && !p.text.includes('中国政府采购网'));
    const range = foreign.ranges[foreign.passages.indexOf(p)];
    assert.ok(range);
    assert.equal(dt.text.slice(range.start, range.end), p.text);
  });

  it('flags the fragment a page break repeated (wuzhong line 28) and nothing else', () => {
    const { foreign } = wuzhong();
    const dups = foreign.passages.filter((p) => p.reason === 'duplicate-fragment');
    assert.deepEqual(
      dups.map((p) => p.from?.line),
      [28],
    );
    assert.ok(dups[0]?.text.endsWith('《吴忠市政务'));
  });

  it('leaves tab-separated tables without catalog keys alone, and does not look into excluded ranges', () => {
    const { dt, tables } = wuzhong();
    assert.equal(findForeignContent(dt, tables).passages.length, 2);
    const table = docFromText('统计指标\t单位\t统计数\n收到申请数\t件\t35\n');
    assert.deepEqual(findForeignContent(table, []).passages, []);
    const notice = docFromText('正文。\n某某项目中标公告\n索引号\t123/2018-00001\n发布机构\t某局\n正文。');
    assert.equal(findForeignContent(notice, []).passages[0]?.from?.line, 2);
    assert.deepEqual(findForeignContent(notice, [{ start: 0, end: notice.text.length }]).passages, []);
  });

  it('leaves a catalog table above the report alone (it is the report\'s own metadata)', () => {
    const page = docFromText('索引号\t123/2021-00001\t发布机构\t某县人民政府\n发布日期\t2021-03-05\n某县2020年政府信息公开工作年度报告\n正文。');
    assert.deepEqual(findForeignContent(page, []).passages, []);
  });

  it('finds nothing in a clean report', () => {
    assert.deepEqual(pingtan().foreign.passages, []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docFromText, huaian, pingtan, wuzhong } from '../../../test/helpers/narrative-fixtures.ts';
import { findForeignContent } from './foreign-content.ts';
import { organizationKind, readMetadata } from './report-metadata.ts';

describe('readMetadata', () => {
  it('reads wuzhong: title line, organization before the year, signature date', () => {
    const { dt, exclude } = wuzhong();
    assert.deepEqual(readMetadata(dt, exclude), {
      title: '吴忠市2017年政府信息公开工作年度报告',
      organizationName: '吴忠市',
      year: 2017,
      publicationDate: { date: '2018-01-20', source: 'signature', position: { line: 224, column: 1 } },
      citedFormat: null,
    });
  });

  it('reads pingtan: the 标题 header, the 发布时间 header, the cited 60号', () => {
    const { dt, exclude } = pingtan();
    assert.deepEqual(readMetadata(dt, exclude), {
      title: '平潭综合实验区2020年度政府信息公开工作年度报告',
      organizationName: '平潭综合实验区',
      year: 2020,
      publicationDate: { date: '2021-03-05', source: 'header', position: { line: 2, column: 1 } },
      citedFormat: '2019',
    });
  });

  it('reads huaian: a two-line title, no date in the text', async () => {
    const { dt, exclude } = await huaian();
    const m = readMetadata(dt, exclude);
    assert.equal(m.title, '淮安市人民政府2024年政府信息公开工作年度报告');
    assert.equal(m.organizationName, '淮安市人民政府');
    assert.equal(m.year, 2024);
    assert.equal(m.publicationDate, null);
    assert.equal(m.citedFormat, null);
  });

  it('never takes the statistics period or a foreign generation date', () => {
    const text = [
      '某县2017年政府信息公开工作年度报告',
      '统计期限为 2017 年 1 月 1 日至 2017 年 12 月 31 日。',
      '某某项目中标公示\t\t',
      '索引号\t640300032/2018-04416\t文号\t',
      '\t\t生成日期\t2018-02-01',
      '2018-02-01',
      '正文。',
    ].join('\n');
    const dt = docFromText(text);
    const foreign = findForeignContent(dt, []);
    assert.equal(foreign.ranges.length, 1);
    assert.equal(readMetadata(dt, foreign.ranges).publicationDate, null);
  });

  it('reads Chinese-numeral signature dates, a year after the title, and the 30号 citation', () => {
    const dt = docFromText('2021年某市财政局政府信息公开工作年度报告\n根据国办公开办函〔2021〕30号要求编制。\n某市财政局\n二〇二二年一月二十日\n');
    const m = readMetadata(dt, []);
    assert.equal(m.organizationName, '某市财政局');
    assert.equal(m.year, 2021);
    assert.deepEqual(m.publicationDate, { date: '2022-01-20', source: 'signature', position: { line: 4, column: 1 } });
    assert.equal(m.citedFormat, '2021');
  });

  it('reads the publication date from a catalog table above the report', () => {
    const dt = docFromText('索引号\t123/2021-00001\t发布机构\t某县人民政府\n生成日期\t2021-02-01\t发布日期\t2021-03-05\n某县2020年政府信息公开工作年度报告\n正文。');
    assert.deepEqual(readMetadata(dt, findForeignContent(dt, []).ranges).publicationDate, { date: '2021-03-05', source: 'header', position: { line: 2, column: 1 } });
  });

  it('rejects impossible dates and dates outside the report years', () => {
    const dt = docFromText('某县2020年政府信息公开工作年度报告\n正文。\n\n\n\n\n2015年3月1日\n2021年2月30日');
    assert.equal(readMetadata(dt, []).publicationDate, null);
  });
});

describe('organizationKind', () => {
  it('knows governments', () => {
    for (const name of ['淮安市人民政府', '吴忠市', '平潭综合实验区', '某某县', '某某镇', '某某新区', '内蒙古自治区']) assert.equal(organizationKind(name), 'government', name);
  });
  it('knows departments', () => {
    for (const name of ['淮安市财政局', '国家税务总局淮安市税务局', '市政府办公室', '淮安市人民政府办公室', '某市发展和改革委员会', '某市卫健委', '某区政府办', '省教育厅', '某某街道办事处']) {
      assert.equal(organizationKind(name), 'department', name);
    }
  });
  it('returns null for no name or an unknown one', () => {
    assert.equal(organizationKind(null), null);
    assert.equal(organizationKind(''), null);
    assert.equal(organizationKind('某某有限公司'), null);
  });
});

void describe('readMetadata, numeric signature dates', () => {
  void it('takes a signature date written 2018-04-20 at the end of the report', () => {
    const dt = docFromText('吴忠市2017年政府信息公开工作年度报告\n一、概述\n全年受理申请35件。\n吴忠市人民政府办公室\n2018-04-20');
    assert.equal(readMetadata(dt, []).publicationDate?.date, '2018-04-20');
    assert.equal(readMetadata(dt, []).publicationDate?.source, 'signature');
  });
});

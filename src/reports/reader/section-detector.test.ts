import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMAT_2014 } from '../format/format-2014.ts';
import { FORMAT_2019 } from '../format/format-2019.ts';
import { FORMAT_2021 } from '../format/format-2021.ts';
import { docFromText, huaian, pingtan, wuzhong } from '../../../test/helpers/narrative-fixtures.ts';
import { chineseOrdinal, detectSections, detectSectionsWithSpans, sectionSpans } from './section-detector.ts';

/** The sections after the opening (the `preamble` is tested on its own below). */
function headedSections(...args: Parameters<typeof detectSections>): ReturnType<typeof detectSections> {
  return detectSections(...args).filter((s) => s.id !== 'preamble');
}

describe('chineseOrdinal', () => {
  it('reads 一 … 九十九', () => {
    assert.deepEqual(['一', '七', '十', '十二', '二十', '二十三'].map(chineseOrdinal), [1, 7, 10, 12, 20, 23]);
    assert.deepEqual(['', '一二', '十十'].map(chineseOrdinal), [null, null, null]);
  });
});

describe('detectSections', () => {
  it('finds the 2014-format sections of wuzhong by title, whatever their ordinal', () => {
    const { dt, exclude } = wuzhong();
    const sections = headedSections(dt, FORMAT_2014, exclude);
    assert.deepEqual(
      sections.map((s) => [s.id, s.number, s.title, s.position?.line]),
      [
        ['overview', '一', '概述', 11],
        ['other-1', '二', '深化重点领域政府信息公开情况', 82],
        ['proactive', '三', '政府信息主动公开情况', 172],
        ['requests', '四', '政府信息依申请公开情况', 186],
        ['review', '五', '因政府信息公开申请行政复议、提起行政诉讼、收到投诉举报情况', 190],
        ['other-2', '六', '各级人大代表建议和政协委员提案办理结果公开情况', 194],
        ['problems', '七', '存在的问题及下一步重点工作', 204],
      ],
    );
    const overview = sections[0]?.text ?? '';
    assert.ok(overview.startsWith('2017年,吴忠市认真学习贯彻党的十九大精神'));
    assert.ok(overview.includes('(宁政办发〔2017〕80号)等文件精神'), 'page break joined');
    assert.ok(!overview.includes('\n\n'));
    const other1 = sections[1]?.text ?? '';
    assert.ok(!other1.includes('索引号') && other1.includes('政府采购项目在中国政府采购网'), 'foreign block left out');
    const problems = sections[6]?.text ?? '';
    assert.ok(problems.endsWith('吴忠市人民政府办公室2018年1月20日'), 'statistics table left out');
    assert.equal(sections[4]?.text, '全年受理因政府信息公开引起的复议诉讼8件,无败诉案件。未收到因政府信息公开方面的投诉、举报。');
  });

  it('finds the six sections of pingtan inline in one flattened line', () => {
    const { dt, exclude } = pingtan();
    const sections = headedSections(dt, FORMAT_2019, exclude);
    assert.deepEqual(
      sections.map((s) => [s.id, s.number, s.title]),
      [
        ['overview', '一', '总体情况'],
        ['proactive', '二', '主动公开政府信息情况'],
        ['requests', '三', '收到和处理政府信息公开申请情况'],
        ['review', '四', '政府信息公开行政复议、行政诉讼情况'],
        ['problems', '五', '存在的主要问题及改进情况'],
        ['other', '六', '其他需要报告的事项'],
      ],
    );
    assert.ok(sections.every((s) => s.position?.line === 10));
    assert.ok(sections[0]?.text.startsWith('2020年,我区以习近平新时代'));
    assert.equal(sections[5]?.text, '无其他需要报告的事项');
  });

  it('finds pingtan sections even with the flattened tables not excluded', () => {
    const { dt } = pingtan();
    assert.deepEqual(
      headedSections(dt, FORMAT_2019, []).map((s) => s.id),
      ['overview', 'proactive', 'requests', 'review', 'problems', 'other'],
    );
  });

  it('finds the six sections of the huaian PDF, 五 with substantive text', async () => {
    const { dt, exclude } = await huaian();
    const sections = headedSections(dt, FORMAT_2021, exclude);
    assert.deepEqual(
      sections.map((s) => [s.id, s.position?.page]),
      [
        ['overview', 1],
        ['proactive', 3],
        ['requests', 4],
        ['review', 5],
        ['problems', 5],
        ['other', 6],
      ],
    );
    const problems = sections[4]?.text ?? '';
    assert.ok(problems.startsWith('对照上级新要求和公众新期待,还有一些需要加强和改进的地方。'));
    assert.ok(problems.length > 200);
    assert.equal(sections[1]?.text, '', 'table 二 excluded');
    assert.equal(sections[5]?.text, '2024年,市政府严格落实《政府信息公开信息处理费管理办法》,全年收取政府信息公开信息处理费3940元。');
  });

  it('ignores sub-headings, enumerations inside words, table rows and ordinals that go backwards', () => {
    const dt = docFromText(
      [
        '一、总体情况',
        '(一)主动公开情况。统一、规范。',
        '二、主动公开政府信息情况',
        '三、本年新收\t3\t0\t3',
        '一、其他需要报告的事项',
        '三、收到和处理政府信息公开申请情况',
        '正文。',
      ].join('\n'),
    );
    assert.deepEqual(
      headedSections(dt, FORMAT_2021, []).map((s) => [s.id, s.number]),
      [
        ['overview', '一'],
        ['proactive', '二'],
        ['requests', '三'],
      ],
    );
  });

  it('gives unknown headings other-N and repeated ones too', () => {
    const dt = docFromText('一、总体情况\n正文。\n二、工作亮点\n正文。\n三、总体情况\n正文。');
    assert.deepEqual(
      headedSections(dt, FORMAT_2021, []).map((s) => s.id),
      ['overview', 'other-1', 'other-2'],
    );
  });

  it('keeps the opening before 一 as the preamble, with the statistics period', () => {
    const { dt, exclude } = pingtan();
    const sections = detectSections(dt, FORMAT_2019, exclude);
    assert.equal(sections[0]?.id, 'preamble');
    assert.equal(sections[0]?.number, '');
    assert.match(sections[0]?.text ?? '', /统计期限自2020年1月1日起至2020年12月31日止/);
    assert.equal(sections[1]?.id, 'overview');
  });

  it('knows the spans of its sections, and derives spans from positions otherwise', () => {
    const dt = docFromText('一、总体情况\n正文一。\n二、主动公开政府信息情况\n正文二。');
    const { sections, spans } = detectSectionsWithSpans(dt, FORMAT_2021, []);
    assert.deepEqual(spans, [
      { start: 0, bodyStart: 6, end: 12 },
      { start: 12, bodyStart: 24, end: dt.text.length },
    ]);
    const copies = sections.map((s) => ({ ...s }));
    assert.deepEqual(
      sectionSpans(dt, copies).map((s) => [s.start, s.end]),
      [
        [0, 12],
        [12, dt.text.length],
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../../shared/errors.ts';
import { textToSourceDocument } from './load-text.ts';
import { readNarrative } from './read-narrative.ts';
import { readDocument } from './read-report.ts';

const TEXT = [
  '吴忠市人民政府2025年政府信息公开工作年度报告',
  '本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。',
  '一、总体情况',
  '本年度新收政府信息公开申请12件,其中予以公开5件,部分公开3件。上年结转政府信息公开申请2件。',
  '从申请内容看,涉及社会保障的占40%,涉及城乡建设的占35%,涉及其他事项的占25%。',
  '二、主动公开政府信息情况',
  '',
  '三、收到和处理政府信息公开申请情况',
  '',
  '四、政府信息公开行政复议、行政诉讼情况',
  '',
  '五、存在的主要问题及改进情况',
  '本年度未收到投诉。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
].join('\n');

void describe('readNarrative', () => {
  void it('reads the sections, claims, share sets and breakdowns readDocument reads from a narrative', () => {
    const light = readNarrative(textToSourceDocument(TEXT), '2021');
    const full = readDocument(textToSourceDocument(TEXT), { format: '2021' });
    assert.deepEqual(light.sections, full.sections);
    assert.deepEqual(light.claims, full.claims);
    assert.deepEqual(light.shareSets, full.shareSets);
    assert.deepEqual(light.breakdowns, full.breakdowns);
    assert.equal(light.lineCount, 15);
    assert.deepEqual(
      light.sections.map((s) => s.id),
      ['preamble', 'overview', 'proactive', 'requests', 'review', 'problems', 'other'],
    );
    const received = light.claims.find((c) => c.value === 12);
    assert.deepEqual(received?.cells, ['t3/new/total']);
    assert.equal(received?.section, 'overview');
    assert.equal(light.breakdowns.length, 1);
    assert.deepEqual(
      light.shareSets[0]?.items.map((i) => i.value),
      [40, 35, 25],
    );
  });

  void it('keeps text under the headings 三 and 四, which readDocument takes for where tables 三 and 四 are', () => {
    const text = TEXT.replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n本年度办结申请10件。\n');
    const light = readNarrative(textToSourceDocument(text), '2021');
    assert.equal(light.sections.find((s) => s.id === 'requests')?.text, '本年度办结申请10件。');
    assert.deepEqual(light.claims.find((c) => c.value === 10)?.cells, ['t3/total/total']);
    const full = readDocument(textToSourceDocument(text), { format: '2021' });
    assert.equal(full.sections.find((s) => s.id === 'requests')?.text, '');
  });

  void it('refuses a text with no section and no report title', () => {
    assert.throws(
      () => readNarrative(textToSourceDocument('会议纪要\n今天开会,到会12人。'), '2021'),
      (error: unknown) => isGongkaiError(error, 'NOT_A_REPORT'),
    );
  });
});

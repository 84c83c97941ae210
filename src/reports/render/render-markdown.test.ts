import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, expandHeader, renderMarkdown } from './render-markdown.ts';
import { checkReport } from '../checker/check-report.ts';
import { buildReport } from '../checker/test-report-builder.ts';

void describe('escapeMarkdown', () => {
  void it('escapes table pipes, markup and HTML', () => {
    assert.equal(escapeMarkdown('a|b'), 'a\\|b');
    assert.equal(escapeMarkdown('<script>'), '&lt;script&gt;');
    assert.equal(escapeMarkdown('*x*\nnext'), '\\*x\\* next');
  });
});

void describe('expandHeader', () => {
  void it('spreads merged cells over a grid', () => {
    const c = (text: string, colspan = 1, rowspan = 1) => ({ text, colspan, rowspan, scope: 'col' as const });
    assert.deepEqual(expandHeader([[c('A', 2), c('B', 1, 2)], [c('a1'), c('a2')]], 3), [
      ['A', '', 'B'],
      ['a1', 'a2', ''],
    ]);
  });
});

void describe('renderMarkdown', () => {
  const report = buildReport('2021', {
    organization: { name: '测试|市' },
    cells: {
      't3/new/natural': 21, 't3/new/total': 21, 't3/disclosed/natural': 20, 't3/disclosed/total': 20, 't3/total/natural': 20, 't3/total/total': 20,
      't3/partial/research': { status: 'blank' },
      't3/partial/business': { status: 'ambiguous', candidates: [1, 10] },
      't4/cases/reconsideration-pending': { status: 'na', raw: '/' },
    },
    claims: [{ text: '受理申请 22 件', value: 22, mapping: 'requests-new', section: 'requests', position: { line: 77 } }],
  });
  const md = renderMarkdown(report, checkReport(report));
  const lines = md.split('\n');

  void it('marks a failing cell with ⚠E and the finding’s number', () => {
    const row = lines.find((l) => l.startsWith('| 一、本年新收政府信息公开申请数量 |'));
    assert.equal(row, '| 一、本年新收政府信息公开申请数量 | 21 ⚠E1 | 0 | 0 | 0 | 0 | 0 | 21 ⚠E2 ⚠E3 |');
    assert.ok(md.includes('1. <a id="finding-E1"></a>**⚠E1 错误 / error [V01]**'));
  });

  void it('shows blank as empty, na as /, ambiguous as ? with a note, and table 三’s header as text rows', () => {
    const partial = lines.find((l) => l.startsWith('| （二）部分公开'));
    assert.match(partial ?? '', /\| 0 \| \?［注1］ ⚠W\d \| {2}⚠W\d \| 0 \|/);
    assert.ok(md.includes('- 注1：“（二）部分公开（区分处理的，只计这一情形，不计其他情形）·商业企业”有歧义，候选值 / candidates：1 / 10'));
    assert.ok(lines.some((l) => l.startsWith('| 0 | 0 | 0 | / ⚠W')));
    const header = lines.indexOf('| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |  |  |  |  |  |  |');
    assert.ok(header > 0);
    assert.equal(lines[header + 2], '|  | **自然人** | **法人或其他组织** |  |  |  |  | **总计** |');
    assert.equal(lines[header + 3], '|  |  | **商业企业** | **科研机构** | **社会公益组织** | **法律服务机构** | **其他** |  |');
    assert.ok(lines.includes('| **三、本年度办理结果** |  |  |  |  |  |  |  |'));
  });

  void it('quotes passages with positions and groups them by narrative section', () => {
    assert.ok(md.includes('     > “受理申请 22 件”（第77行 / line 77）'));
    const byNarrative = md.slice(md.indexOf('## 按叙述段落'));
    assert.match(byNarrative, /### 三、收到和处理政府信息公开申请情况（第50行 \/ line 50）\n\n- \[⚠E3\]\(#finding-E3\) \[V07\] “受理申请 22 件”（第77行 \/ line 77）/);
  });

  void it('escapes report text and shows the header facts', () => {
    assert.ok(md.includes('- 机构 / Organization：测试\\|市（人民政府 / government）'));
    assert.ok(md.includes('国办公开办函〔2021〕30号'));
    assert.ok(md.includes('- 发布日期 / Published：2023-01-20'));
  });
});

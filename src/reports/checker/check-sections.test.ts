import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSections } from './check-sections.ts';
import { createContext } from './check-context.ts';
import { buildReport } from './test-report-builder.ts';
import type { BuildOptions, SectionInit } from './test-report-builder.ts';
import type { FormatId } from '../format/report-format.ts';

const run = (formatId: FormatId, options: BuildOptions = {}) => checkSections(createContext(buildReport(formatId, options)));
const SUBSTANTIVE = '一是政府信息公开工作发展还不够均衡，部分单位对主动公开的重视程度不够；二是政策解读的形式较为单一，解读质量有待提高。下一步将加强业务培训，完善考核机制。';
const six = (overrides: Record<string, string> = {}): SectionInit[] =>
  ['overview', 'proactive', 'requests', 'review', 'problems', 'other'].map((id) => ({ id, text: overrides[id] ?? (id === 'problems' ? SUBSTANTIVE : '开展工作考核。') }));

void describe('sections (V09)', () => {
  void it('passes six substantive sections in order', () => {
    assert.deepEqual(run('2021', { sections: six() }), []);
  });

  void it('a missing required section is an error in 2021, a warning in 2014', () => {
    const sections = six().filter((s) => s.id !== 'other');
    const [f, ...rest] = run('2021', { sections });
    assert.equal(rest.length, 0);
    assert.equal(f?.rule, 'V09');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, '六、其他需要报告的事项');
    const old = run('2014', { sections: six().filter((s) => s.id !== 'requests') });
    assert.deepEqual(old.map((x) => x.severity), ['warning']);
  });

  void it('a section whose table was read counts as present; without its table it is missing', () => {
    const sections = six().filter((s) => s.id !== 'review');
    assert.deepEqual(run('2021', { sections }), []);
    const t4Missing = Object.fromEntries(
      ['reconsideration', 'direct-suit', 'suit-after-reconsideration'].flatMap((g) =>
        ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => [`t4/cases/${g}-${o}`, { status: 'missing' as const }]),
      ),
    );
    const [f] = run('2021', { sections, cells: t4Missing });
    assert.equal(f?.expected, '四、政府信息公开行政复议、行政诉讼情况');
    assert.equal(f?.severity, 'error');
  });

  void it('sections out of order: one warning', () => {
    const s = six();
    const swapped = [s[0], s[2], s[1], s[3], s[4], s[5]].filter((x): x is SectionInit => x !== undefined);
    const findings = run('2021', { sections: swapped });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'warning');
    assert.match(findings[0]?.message.zh ?? '', /顺序/);
  });

  void it('section 五 that is only 无 or too short is a warning', () => {
    const [f] = run('2021', { sections: six({ problems: '无。' }) });
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.found, 1);
    assert.match(f?.message.zh ?? '', /仅为“无。”/);
    const [g] = run('2019', { sections: six({ problems: '基层政务公开标准化规范化水平有待进一步提升。' }) });
    assert.equal(g?.severity, 'warning');
    assert.equal(g?.found, 21); // 基层 政务 公开 标准化 规范化 水平 有待 进一步 提升
  });

  void it('a 2021 government report without 考核/评议/责任追究: info; a department: nothing', () => {
    const sections = six({ overview: '本年度主动公开政府信息。', problems: SUBSTANTIVE.replace('完善考核机制', '完善工作机制') });
    const [f] = run('2021', { sections });
    assert.equal(f?.severity, 'info');
    assert.match(f?.message.zh ?? '', /第五十条第（四）项/);
    assert.deepEqual(run('2021', { sections, organization: { kind: 'department' } }), []);
  });
});

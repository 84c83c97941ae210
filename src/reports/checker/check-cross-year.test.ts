import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCrossYear } from './check-cross-year.ts';
import { createContext } from './check-context.ts';
import { checkReport, checkReports } from './check-report.ts';
import { diceSimilarity } from './text-similarity.ts';
import { buildReport } from './test-report-builder.ts';
import type { SectionInit } from './test-report-builder.ts';

const LONG_A =
  '本年度我市深入贯彻落实政府信息公开条例，围绕中心工作，加强组织领导，完善制度建设，推进重点领域信息公开，强化政策解读和回应关切，' +
  '规范依申请公开办理流程，加强政府网站和政务新媒体建设管理，政府信息公开工作取得明显成效，人民群众的知情权参与权表达权和监督权得到有效保障。';
const LONG_B =
  '全区统筹推进基层政务公开标准化规范化建设，试点领域目录编制完成，群众办事指南逐项公开，财政预决算和重大建设项目批准实施信息全面公开，' +
  '十二三四五热线运行平稳，问政栏目持续开展，营商环境政策汇编印发，数据开放平台上线运行，公共资源交易信息实时推送，获得社会各界好评。';

void describe('text similarity', () => {
  void it('is 1 for equal texts, low for different ones', () => {
    assert.equal(diceSimilarity(LONG_A, LONG_A), 1);
    assert.ok(diceSimilarity(LONG_A, LONG_B) < 0.2);
    assert.equal(diceSimilarity('甲乙', '甲乙'), 1);
    assert.equal(diceSimilarity('甲乙丙', '甲乙丁'), 0.5); // bigrams 甲乙 乙丙 / 甲乙 乙丁: 2·1/(2+2)
  });
});

void describe('cross-year (V05, V06, V13)', () => {
  const prev2020 = buildReport('2019', {
    year: 2020,
    cells: { 't3/new/natural': 5, 't3/new/total': 5, 't3/disclosed/natural': 3, 't3/disclosed/total': 3, 't3/total/natural': 3, 't3/total/total': 3, 't3/carried-over/natural': 2, 't3/carried-over/total': 2 },
    sections: [{ id: 'overview', text: LONG_A }],
  });

  void it('V05 passes when carried in = last year’s carried over', () => {
    const cur = buildReport('2021', { year: 2021, cells: { 't3/carried-in/natural': 2, 't3/carried-in/total': 2, 't3/disclosed/natural': 2, 't3/disclosed/total': 2, 't3/total/natural': 2, 't3/total/total': 2 }, sections: [{ id: 'overview', text: LONG_B }] });
    assert.deepEqual(checkCrossYear(createContext(cur), prev2020), []);
  });

  void it('V05 carry-over mismatch: error per column, expected last year’s carried over', () => {
    const cur = buildReport('2021', { year: 2021, cells: { 't3/carried-in/natural': 1, 't3/carried-in/total': 1, 't3/disclosed/natural': 1, 't3/disclosed/total': 1, 't3/total/natural': 1, 't3/total/total': 1 }, sections: [{ id: 'overview', text: LONG_B }] });
    const findings = checkCrossYear(createContext(cur), prev2020);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.cells[0]?.id, f.expected, f.found]), [
      ['V05', 'error', 't3/carried-in/natural', 2, 1],
      ['V05', 'error', 't3/carried-in/total', 2, 1],
    ]);
    assert.match(findings[0]?.message.zh ?? '', /2020年度报告表三“四、结转下年度继续办理·自然人”/);
  });

  void it('V06 (2019 format both years): 上一年项目数量 = last year’s + 本年增/减, warning', () => {
    const prev = buildReport('2019', { year: 2019, cells: { 't2-6/penalties/previous': 2648, 't2-6/penalties/change': -18 }, sections: [{ id: 'overview', text: LONG_A }] });
    const ok = buildReport('2019', { year: 2020, cells: { 't2-6/penalties/previous': 2630 }, sections: [{ id: 'overview', text: LONG_B }] });
    assert.deepEqual(checkCrossYear(createContext(ok), prev), []);
    const bad = buildReport('2019', { year: 2020, cells: { 't2-6/penalties/previous': 2648 }, sections: [{ id: 'overview', text: LONG_B }] });
    const [f] = checkCrossYear(createContext(bad), prev);
    assert.equal(f?.rule, 'V06');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, 2630);
    assert.equal(f?.found, 2648);
  });

  void it('V13: a report repeating last year’s text is a warning', () => {
    const sections: SectionInit[] = [{ id: 'overview', text: LONG_A }, { id: 'problems', text: LONG_B }];
    const prev = buildReport('2021', { year: 2021, sections });
    const cur = buildReport('2021', { year: 2022, sections });
    const [f] = checkCrossYear(createContext(cur), prev);
    assert.equal(f?.rule, 'V13');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.found, '100%');
  });

  void it('V13 per section: only the copied section is flagged when the whole report differs', () => {
    const prev = buildReport('2021', { year: 2021, sections: [{ id: 'overview', text: LONG_A }, { id: 'problems', text: LONG_B }] });
    const cur = buildReport('2021', { year: 2022, sections: [{ id: 'overview', text: LONG_B.split('').reverse().join('') }, { id: 'problems', text: LONG_B }] });
    const findings = checkCrossYear(createContext(cur), prev);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.found]), [['V13', 'warning', '100%']]);
    assert.match(findings[0]?.message.zh ?? '', /“五、存在的主要问题及改进情况”/);
  });

  void it('a previous report of another organization or year is not compared (info)', () => {
    const other = buildReport('2019', { year: 2020, organization: { name: '别的市人民政府' } });
    const cur = buildReport('2021', { year: 2021 });
    assert.deepEqual(checkCrossYear(createContext(cur), other).map((f) => [f.rule, f.severity]), [['V05', 'info']]);
    const cur2022 = buildReport('2021', { year: 2022 });
    assert.deepEqual(checkCrossYear(createContext(cur2022), prev2020).map((f) => f.severity), ['info']);
  });

  void it('checkReport with previous and checkReports pair consecutive years of one organization', () => {
    const cur = buildReport('2021', { year: 2021, cells: { 't3/carried-in/natural': 1, 't3/carried-in/total': 1, 't3/disclosed/natural': 1, 't3/disclosed/total': 1, 't3/total/natural': 1, 't3/total/total': 1 } });
    assert.equal(checkReport(cur, { previous: prev2020 }).filter((f) => f.rule === 'V05').length, 2);
    const all = checkReports([
      { file: 'b-2021.txt', report: cur },
      { file: 'a-2020.txt', report: prev2020 },
    ]);
    const v05 = all.filter((f) => f.rule === 'V05');
    assert.equal(v05.length, 2);
    assert.ok(v05.every((f) => f.file === 'b-2021.txt'));
    // Each report keeps exactly its own findings; the later one gains the cross-year ones.
    assert.equal(all.filter((f) => f.file === 'a-2020.txt').length, checkReport(prev2020).length);
    assert.equal(all.filter((f) => f.file === 'b-2021.txt').length, checkReport(cur, { previous: prev2020 }).length);
    assert.equal(all.length, checkReport(prev2020).length + checkReport(cur, { previous: prev2020 }).length);
  });
});

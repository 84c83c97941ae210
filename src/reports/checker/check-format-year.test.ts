import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFormatYear, checkPeriod } from './check-format-year.ts';
import { createContext } from './check-context.ts';
import { buildReport } from './test-report-builder.ts';

void describe('format year (V12)', () => {
  void it('passes a report in its year’s format', () => {
    assert.deepEqual(checkFormatYear(createContext(buildReport('2021', { year: 2021 }))), []);
    assert.deepEqual(checkFormatYear(createContext(buildReport('2019', { year: 2020 }))), []);
    assert.deepEqual(checkFormatYear(createContext(buildReport('2014', { year: 2018 }))), []);
  });

  void it('a 2021 report in the 2019 format is an error', () => {
    const [f, ...rest] = checkFormatYear(createContext(buildReport('2019', { year: 2021 })));
    assert.equal(rest.length, 0);
    assert.equal(f?.rule, 'V12');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, '2021');
    assert.equal(f?.found, '2019');
    assert.match(f?.message.zh ?? '', /2021年度报告应使用.*国办公开办函〔2021〕30号.*但本报告使用的是.*国办公开办函〔2019〕60号/);
  });

  void it('a 2019 report in the 2014 format is a warning (60号 only encouraged its format)', () => {
    const [f] = checkFormatYear(createContext(buildReport('2014', { year: 2019 })));
    assert.equal(f?.severity, 'warning');
  });

  void it('an unknown year or a year before 2014 is info', () => {
    assert.deepEqual(checkFormatYear(createContext(buildReport('2014', { year: null }))).map((f) => f.severity), ['info']);
    assert.deepEqual(checkFormatYear(createContext(buildReport('2014', { year: 2012 }))).map((f) => f.severity), ['info']);
  });
});

void describe('statistics period (V14)', () => {
  void it('passes when 2017年1月1日至2017年12月31日 is stated (with spaces, as 吴忠 prints it)', () => {
    const report = buildReport('2014', { year: 2017, sections: [{ id: 'overview', text: '统计期限为 2017 年 1 月 1 日至 2017 年 12 月 31 日。' }] });
    assert.deepEqual(checkPeriod(createContext(report)), []);
  });

  void it('info when no period is stated', () => {
    const [f] = checkPeriod(createContext(buildReport('2021', { sections: [{ id: 'overview', text: '本年度工作情况如下。' }] })));
    assert.equal(f?.rule, 'V14');
    assert.equal(f?.severity, 'info');
  });

  void it('warning when the period states another year', () => {
    const report = buildReport('2021', { year: 2022, sections: [{ id: 'overview', text: '统计期限自2021年1月1日起至2021年12月31日止。' }] });
    const [f] = checkPeriod(createContext(report));
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, 2022);
    assert.equal(f?.found, '2021');
  });
});

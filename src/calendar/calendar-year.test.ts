import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { TEST_YEAR_2027 } from '../../test/helpers/calendar-fixtures.ts';
import { checkedCalendarYear, formatCalendarDaysText, parseCalendarDaysText, validateCalendarYear } from './calendar-year.ts';
import type { CalendarYearInput } from './calendar-year.ts';
import { builtInCalendar } from './working-days.ts';

const fieldsOf = (input: CalendarYearInput): string[] => validateCalendarYear(input).map((i) => i.field);

void describe('validateCalendarYear', () => {
  void it('accepts the (invented) 2027 test year', () => {
    assert.deepEqual(validateCalendarYear(TEST_YEAR_2027), []);
  });

  void it('accepts every built-in year from 2008 on, including the real odd cases', () => {
    // 2015-09-27 中秋 is a Sunday with no weekday off; 2022-12-31 元旦 opens the 2023 period across
    // the year's edge; 2011-06-04 端午 is a Saturday whose Sunday the dataset leaves out.
    for (const [year, data] of builtInCalendar().years) {
      if (year < 2008) continue;
      assert.deepEqual(validateCalendarYear({ year, source: data.source, holidays: data.holidays, workdays: data.workdays }), [], String(year));
    }
  });

  void it('refuses a year outside 2008–2100 or not an integer, and a blank source', () => {
    assert.deepEqual(fieldsOf({ ...TEST_YEAR_2027, year: 2007, holidays: { '2007-01-01': '元旦' }, workdays: {} }), ['year']);
    assert.deepEqual(fieldsOf({ ...TEST_YEAR_2027, year: 2101, holidays: { '2101-01-03': '元旦' }, workdays: {} }), ['year']);
    assert.deepEqual(fieldsOf({ ...TEST_YEAR_2027, year: 2027.5 }), ['year']);
    const blank = validateCalendarYear({ ...TEST_YEAR_2027, source: '  ' });
    assert.deepEqual(blank.map((i) => i.field), ['source']);
    assert.equal(blank[0]?.messageZh, '请填写依据的国务院办公厅通知（如 国办发明电〔2025〕7号）');
  });

  void it('refuses dates that are not real or not in the year, and blank names', () => {
    const issues = validateCalendarYear({
      ...TEST_YEAR_2027,
      holidays: { ...TEST_YEAR_2027.holidays, '2027-02-29': '春节', '2028-01-03': '元旦', '2027-06-10': ' ' },
      workdays: { ...TEST_YEAR_2027.workdays, '27-10-09': '国庆节' },
    });
    assert.deepEqual(
      issues.map((i) => [i.field, i.messageZh]),
      [
        ['holidays.2027-02-29', '放假日期“2027-02-29”不是有效日期（应为 YYYY-MM-DD）'],
        ['holidays.2028-01-03', '2028-01-03 不在 2027 年内'],
        ['holidays.2027-06-10', '2027-06-10 缺少节日名称'],
        ['workdays.27-10-09', '调休上班日期“27-10-09”不是有效日期（应为 YYYY-MM-DD）'],
      ],
    );
  });

  void it('refuses a make-up working day on a weekday, and a date in both lists', () => {
    const weekday = validateCalendarYear({ ...TEST_YEAR_2027, workdays: { ...TEST_YEAR_2027.workdays, '2027-02-19': '春节' } });
    assert.deepEqual(weekday.map((i) => [i.field, i.messageZh]), [['workdays.2027-02-19', '2027-02-19 是星期五，调休上班日只能是星期六或星期日']]);
    // Saturday 2027-02-06, inside 春节, listed as a working day too.
    const both = validateCalendarYear({ ...TEST_YEAR_2027, workdays: { ...TEST_YEAR_2027.workdays, '2027-02-06': '春节' } });
    assert.deepEqual(both.map((i) => i.field), ['workdays.2027-02-06']);
    assert.equal(both[0]?.messageZh, '2027-02-06 同时列为放假日期和调休上班日期');
  });

  void it('refuses a weekend holiday outside any holiday period, accepts one inside', () => {
    // Saturday 2027-10-16 is a week after 国庆节 (Oct 1–7) ends: a typo, not part of the period.
    const stray = validateCalendarYear({ ...TEST_YEAR_2027, holidays: { ...TEST_YEAR_2027.holidays, '2027-10-16': '国庆节' } });
    assert.deepEqual(stray.map((i) => [i.field, i.messageZh]), [['holidays.2027-10-16', '2027-10-16 是星期六，不在任何放假期间内（周末本来就休息，无需列出；请核对日期）']]);
    // Omitting the weekend days of a period, or listing them, are both fine.
    const without = Object.fromEntries(Object.entries(TEST_YEAR_2027.holidays).filter(([d]) => d !== '2027-02-06' && d !== '2027-02-07'));
    assert.deepEqual(validateCalendarYear({ ...TEST_YEAR_2027, holidays: without }), []);
    // Sunday 2027-10-10 right after the make-up Saturday 2027-10-09 is cut off from the period.
    assert.deepEqual(fieldsOf({ ...TEST_YEAR_2027, holidays: { ...TEST_YEAR_2027.holidays, '2027-10-10': '国庆节' } }), ['holidays.2027-10-10']);
  });

  void it('requires at least one holiday', () => {
    assert.deepEqual(fieldsOf({ ...TEST_YEAR_2027, holidays: {}, workdays: {} }), ['holidays']);
  });

  void it('checkedCalendarYear trims and orders, or throws VALIDATION_FAILED with every issue', () => {
    const year = checkedCalendarYear({ year: 2027, source: ' 国办发明电〔2026〕99号 ', holidays: { '2027-02-05': ' 春节', '2027-01-01': '元旦 ' }, workdays: {} });
    assert.deepEqual(year, { year: 2027, source: '国办发明电〔2026〕99号', holidays: { '2027-01-01': '元旦', '2027-02-05': '春节' }, workdays: {} });
    assert.throws(
      () => checkedCalendarYear({ ...TEST_YEAR_2027, source: '', workdays: { '2027-02-19': '春节' } }),
      (e) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues.length === 2 && e.message === 'Invalid input: source, workdays.2027-02-19',
    );
  });
});

void describe('parseCalendarDaysText / formatCalendarDaysText', () => {
  void it('reads one day per line, with spaces, a full-width space or a comma, skipping blanks and # comments', () => {
    const text = '# 2027 年\r\n2027-01-01 元旦\n\n  2027-1-2\u3000元旦  \n2027/01/03，元旦\n2027-02-05\t春节\n';
    assert.deepEqual(parseCalendarDaysText(text, 'holidays'), {
      days: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦', '2027-02-05': '春节' },
      issues: [],
    });
  });

  void it('reports each unreadable, nameless or repeated line with its number', () => {
    const parsed = parseCalendarDaysText('2027-02-20 春节\n春节 2027-02-21\n2027-04-25\n2027-02-20 春节\n', 'workdays');
    assert.deepEqual(parsed.days, { '2027-02-20': '春节' });
    assert.deepEqual(
      parsed.issues.map((i) => [i.field, i.messageZh]),
      [
        ['workdays', '第 2 行“春节 2027-02-21”没有以日期（YYYY-MM-DD）开头'],
        ['workdays', '第 3 行：2027-04-25 缺少名称（如“2027-04-25 春节”）'],
        ['workdays', '第 4 行：2027-02-20 与第 1 行重复'],
      ],
    );
  });

  void it('formats in date order, and the text reads back to the same days', () => {
    const text = formatCalendarDaysText({ '2027-02-20': '春节', '2027-01-31': '春节' });
    assert.equal(text, '2027-01-31 春节\n2027-02-20 春节');
    assert.deepEqual(parseCalendarDaysText(formatCalendarDaysText(TEST_YEAR_2027.holidays), 'holidays'), { days: { ...TEST_YEAR_2027.holidays }, issues: [] });
  });
});

/**
 * Calendar years for tests.
 *
 * TEST DATA, NOT THE REAL 2027 NOTICE: {@link TEST_YEAR_2027} is an invented, plausible 2027 in the
 * pattern of recent State Council notices (元旦 with its weekend, an eight-day 春节, 清明, 劳动节,
 * 端午, 中秋, 国庆节 with make-up Saturdays and Sundays). It exists only so tests can enter a year the
 * built-in data lacks; never load it into a real installation.
 *
 * Weekdays (hand-checked): 2027-01-01 Fri, 2027-02-05 Fri, 2027-02-12 Fri, 2027-02-20 Sat,
 * 2027-04-03 Sat, 2027-04-05 Mon, 2027-04-25 Sun, 2027-05-01 Sat, 2027-05-05 Wed, 2027-05-08 Sat,
 * 2027-06-09 Wed, 2027-09-15 Wed, 2027-09-26 Sun, 2027-10-01 Fri, 2027-10-07 Thu, 2027-10-09 Sat.
 */
import type { CalendarYearInput } from '../../src/calendar/calendar-year.ts';

/** The invented notice reference of {@link TEST_YEAR_2027}. */
export const TEST_2027_SOURCE = '测试数据（虚构，非真实通知）国办发明电〔2026〕99号';

function range(from: string, to: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
    out[new Date(day).toISOString().slice(0, 10)] = name;
  }
  return out;
}

/** An invented 2027 (28 holidays, 5 make-up working days). TEST DATA: see the module doc. */
export const TEST_YEAR_2027: CalendarYearInput = {
  year: 2027,
  source: TEST_2027_SOURCE,
  holidays: {
    ...range('2027-01-01', '2027-01-03', '元旦'),
    ...range('2027-02-05', '2027-02-12', '春节'),
    ...range('2027-04-03', '2027-04-05', '清明'),
    ...range('2027-05-01', '2027-05-05', '劳动节'),
    '2027-06-09': '端午',
    '2027-09-15': '中秋',
    ...range('2027-10-01', '2027-10-07', '国庆节'),
  },
  workdays: {
    '2027-02-20': '春节',
    '2027-04-25': '劳动节',
    '2027-05-08': '劳动节',
    '2027-09-26': '国庆节',
    '2027-10-09': '国庆节',
  },
};

/**
 * A correction of {@link TEST_YEAR_2027} (also invented): 端午 moves to Thursday 2027-06-10 and the
 * make-up Saturday 2027-10-09 is dropped (28 holidays, 4 make-up working days).
 */
export const TEST_YEAR_2027_CORRECTED: CalendarYearInput = {
  ...TEST_YEAR_2027,
  source: `${TEST_2027_SOURCE}（更正）`,
  holidays: Object.fromEntries([...Object.entries(TEST_YEAR_2027.holidays).filter(([date]) => date !== '2027-06-09'), ['2027-06-10', '端午']]),
  workdays: Object.fromEntries(Object.entries(TEST_YEAR_2027.workdays).filter(([date]) => date !== '2027-10-09')),
};

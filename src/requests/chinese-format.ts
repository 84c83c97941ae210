/**
 * How dates, numbers and sums of money are written in Chinese official documents (公文): the
 * signature date of a reply, the numbering of listed items, and the amount of a fee in capitals
 * (大写), as on a payment notice. Pure functions, no I/O.
 */
import { isIsoDate } from '../calendar/working-days.ts';
import { GongkaiError } from '../shared/errors.ts';

/**
 * Writes a date the way GB/T 9704-2012 (党政机关公文格式, 7.3.5.5) writes the date of a document:
 * Arabic numerals, year, month and day in full, no leading zeros: `2026-03-05` → `2026年3月5日`.
 * @param date `YYYY-MM-DD` (China time)
 * @throws GongkaiError `VALIDATION_FAILED` when `date` is not a real date in that form
 */
export function formatDateZh(date: string): string {
  if (!isIsoDate(date)) {
    throw new GongkaiError('VALIDATION_FAILED', `not a date (YYYY-MM-DD): ${date}`, {
      issues: [{ field: 'date', message: 'not a date (YYYY-MM-DD)', messageZh: '日期格式应为 YYYY-MM-DD' }],
    });
  }
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const SMALL_NUMERALS = '〇一二三四五六七八九';

/**
 * The Chinese numeral of 1–99 as used to number items (`（一）`, `（十二）`): 1 → 一, 10 → 十,
 * 12 → 十二, 20 → 二十, 35 → 三十五.
 * @throws GongkaiError `VALIDATION_FAILED` outside 1–99
 */
export function numeralZh(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) {
    throw new GongkaiError('VALIDATION_FAILED', `item numbers run from 1 to 99, got ${n}`, {
      issues: [{ field: 'items', message: 'at most 99 items', messageZh: '最多列出99项' }],
    });
  }
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? '' : `${tens === 1 ? '' : SMALL_NUMERALS[tens]}十`;
  return `${tensText}${ones === 0 ? '' : SMALL_NUMERALS[ones]}`;
}

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CAPITAL_PLACES = ['', '拾', '佰', '仟'];
const CAPITAL_GROUPS = ['', '万', '亿'];

/**
 * A whole number of 元 in financial capitals (大写金额), as written on payment notices and
 * receipts: 2200 → `贰仟贰佰元整`, 10010 → `壹万零壹拾元整`, 0 → `零元整`. One 零 stands for any
 * run of zeros between non-zero digits; trailing zeros are dropped.
 * @param yuan a non-negative integer below 1,000,000,000,000 (一万亿)
 * @throws GongkaiError `VALIDATION_FAILED` for a negative, fractional or too large amount
 */
export function yuanInCapitalsZh(yuan: number): string {
  if (!Number.isSafeInteger(yuan) || yuan < 0 || yuan >= 1e12) {
    throw new GongkaiError('VALIDATION_FAILED', `an amount in capitals must be a whole number of yuan from 0 to 999999999999, got ${yuan}`, {
      issues: [{ field: 'amountYuan', message: 'not a whole number of yuan in range', messageZh: '金额应为0至999999999999之间的整数元' }],
    });
  }
  if (yuan === 0) return '零元整';
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g] ?? 0;
    if (value === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    for (let place = 3; place >= 0; place--) {
      const digit = Math.floor(value / 10 ** place) % 10;
      if (digit === 0) {
        if (out !== '') zeroPending = true;
        continue;
      }
      if (zeroPending) out += '零';
      zeroPending = false;
      out += `${CAPITAL_DIGITS[digit]}${CAPITAL_PLACES[place]}`;
    }
    out += CAPITAL_GROUPS[g];
  }
  return `${out}元整`;
}

/**
 * Legal citations for Chinese pages. The rules keep their sources in a compact English form
 * (`2019 art. 33 ¶2`, `2019 art. 31 (三)`), which API users and developers read; pages in Chinese
 * show them as `2019年《条例》第三十三条第二款`. Pure.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A number 1–99 in Chinese numerals (`33` → `三十三`). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/**
 * A source citation in Chinese: article and paragraph numbers in Chinese numerals, `(一)` items as
 * 第（一）项, English glosses in parentheses dropped, `;` as `；`. Text already in Chinese is kept.
 * @param source e.g. `2019 art. 31 (一); 2019 art. 33 ¶2`
 * @returns e.g. `2019年《条例》第三十一条第（一）项；2019年《条例》第三十三条第二款`
 */
export function citationZh(source: string): string {
  return source
    .replace(/\s*\((?=[^)]*[A-Za-z])[^)]*\)/g, '')
    .replace(/(\d{4}) art\. (\d+)/g, (_m, year: string, n: string) => `${year}年《条例》第${chineseNumber(Number(n))}条`)
    .replace(/\bart\. (\d+)/g, (_m, n: string) => `第${chineseNumber(Number(n))}条`)
    .replace(/\s*¶(\d+)/g, (_m, n: string) => `第${chineseNumber(Number(n))}款`)
    .replace(/\s*\(([一二三四五六七八九十]+)\)/g, '第（$1）项')
    .replace(/RULES\.md §[\d.]+/g, '规则说明')
    .replace(/CALENDAR_YEAR_MISSING/g, '工作日历')
    .replace(/UNVERIFIED/g, '待核实')
    .replace(/\s*;\s*/g, '；')
    .replace(/,\s*/g, '，')
    .trim();
}

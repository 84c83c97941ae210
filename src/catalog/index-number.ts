/**
 * Index numbers (索引号). The national catalog guideline (RULES.md §4 [ML]) gives
 * `前段码/后段码`: the issuing unit's organization code (9 characters, hyphen dropped), then the
 * 4-digit year, `-`, and a 5-digit serial, e.g. `640300032/2018-04416`. Generated ones follow a
 * configurable template; imported ones are kept as found and validated leniently, because real
 * portals use credit codes, `YYYYMM`, 7-digit serials and kept hyphens (RULES.md §4 table).
 * An index number is unique, never reused, and never changed after publication.
 */

/** The default template: `{orgcode}/{yyyy}-{nnnnn}` (the guideline's form). */
export const DEFAULT_INDEX_NUMBER_TEMPLATE = '{orgcode}/{yyyy}-{nnnnn}';

/**
 * Fills a template. Placeholders: `{orgcode}` (hyphens dropped), `{yyyy}`, `{mm}`, and `{n…n}`
 * (the serial, zero-padded to the number of `n`s; a longer serial is printed in full).
 * @param template e.g. `{orgcode}/{yyyy}-{nnnnn}`
 * @param parts the organization code, the date the number is issued for (`YYYY-MM-DD`), and the serial (≥ 1)
 * @returns e.g. `640300032/2018-04416`
 */
export function formatIndexNumber(template: string, parts: { organizationCode: string; date: string; serial: number }): string {
  return template
    .replace(/\{orgcode\}/g, parts.organizationCode.replace(/-/g, ''))
    .replace(/\{yyyy\}/g, parts.date.slice(0, 4))
    .replace(/\{mm\}/g, parts.date.slice(5, 7))
    .replace(/\{(n+)\}/g, (_m, ns: string) => String(parts.serial).padStart(ns.length, '0'));
}

/** Whether a template is usable: it must contain a serial placeholder and a year. */
export function isValidTemplate(template: string): boolean {
  return /\{n+\}/.test(template) && /\{yyyy\}/.test(template) && template.length <= 64;
}

/**
 * Lenient check of an index number (imported or typed by hand): a front segment of 6–24 letters,
 * digits or hyphens, `/`, then a year (or year+month), `-`, and a 3–8 digit serial. Accepts every
 * real variant listed in RULES.md §4, e.g. `11341702486344515H/202110-00013`, `lanshanquczj/2020-0000077`.
 */
export function isAcceptableIndexNumber(value: string): boolean {
  return /^[0-9A-Za-z-]{6,24}\/(19|20)\d{2}(0[1-9]|1[0-2])?-\d{3,8}$/.test(value);
}

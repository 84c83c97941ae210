/**
 * The three faces an annual-report PDF embeds, standing in for the proprietary faces of official
 * documents (STACK.md §4): the body (仿宋_GB2312) is the CJK font {@link resolvePdfFont} finds; the
 * section headings (黑体) take a sans face and the title (方正小标宋简体) a bold serif face when the
 * Debian font packages provide them, else the body font. A font named by `GONGKAI_PDF_FONT` is
 * used for all three: an explicit choice is never mixed with others.
 */
import { existsSync } from 'node:fs';
import { resolvePdfFont } from '../../requests/pdf-font.ts';
import type { PdfFont } from '../../requests/pdf-font.ts';

/** The faces of a report PDF. */
export interface ReportPdfFonts {
  /** Narrative, tables, signature (for 仿宋_GB2312). */
  readonly body: PdfFont;
  /** Section headings and the 统计表 title (for 黑体). */
  readonly heading: PdfFont;
  /** The report title (for 方正小标宋简体). */
  readonly title: PdfFont;
}

/** Sans faces for headings, best first (fonts-noto-cjk, fonts-wqy-microhei, fonts-wqy-zenhei). */
const HEADING_FONTS: readonly { path: string; face: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
];

/** Bold serif faces for the title (fonts-noto-cjk). */
const TITLE_FONTS: readonly { path: string; face: string }[] = [{ path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' }];

/**
 * Finds the faces to embed.
 * @param env the environment (usually `process.env`); only `GONGKAI_PDF_FONT` is read
 * @param exists file-existence test, injectable for tests
 * @returns the body font of {@link resolvePdfFont}, and a heading and title face (the body font
 *   where none is installed, or when the body font was named by the environment)
 * @throws GongkaiError `FONT_MISSING` when no CJK font is found, `CONFIG_INVALID` for a bad
 *   `GONGKAI_PDF_FONT` (as {@link resolvePdfFont})
 */
export function resolveReportPdfFonts(env: Readonly<Record<string, string | undefined>> = process.env, exists: (path: string) => boolean = existsSync): ReportPdfFonts {
  const body = resolvePdfFont(env, exists);
  if (body.origin === 'env') return { body, heading: body, title: body };
  const pick = (list: readonly { path: string; face: string }[]): PdfFont => {
    const found = list.find((f) => exists(f.path));
    return found ? { ...found, origin: 'known' } : body;
  };
  return { body, heading: pick(HEADING_FONTS), title: pick(TITLE_FONTS) };
}

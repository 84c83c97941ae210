/**
 * Which CJK font file the PDF writer embeds. pdfkit has no system font lookup, and the standard
 * PDF fonts have no Chinese glyphs, so a font file must be named: `GONGKAI_PDF_FONT` when set,
 * else the first of {@link KNOWN_PDF_FONTS} that exists. A TrueType/OpenType collection (.ttc)
 * needs the face's PostScript name after `#`; without it pdfkit fails with
 * `this.font.createSubset is not a function` (STACK.md §4).
 */
import { existsSync } from 'node:fs';
import { GongkaiError } from '../shared/errors.ts';

/** A font file and, for a collection, the face inside it. */
export interface PdfFont {
  /** Absolute path of a .ttf, .otf or .ttc file. */
  path: string;
  /** PostScript name of the face in a .ttc (e.g. `WenQuanYiMicroHei`); absent for single-face files. */
  face?: string;
  /** Where the choice came from. */
  origin: 'env' | 'known';
}

/**
 * Debian font packages' files, best first: a serif face (closest to the 宋体/仿宋 of official
 * documents) before the sans ones. CI installs `fonts-wqy-microhei`; `fonts-noto-cjk` is the
 * usual desktop package. Face names checked with pdfkit 0.20.2 (STACK.md §4).
 */
export const KNOWN_PDF_FONTS: readonly { path: string; face?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
];

/** The environment variable that names the font: `path` or `path#FaceName`. */
export const PDF_FONT_ENV = 'GONGKAI_PDF_FONT';

/**
 * Splits `path#Face` into path and face; a value without `#` is a path alone.
 * @throws GongkaiError `CONFIG_INVALID` for an empty path or face, or a .ttc without a face
 */
export function parsePdfFontSpec(spec: string): { path: string; face?: string } {
  const hash = spec.lastIndexOf('#');
  const path = (hash < 0 ? spec : spec.slice(0, hash)).trim();
  const face = hash < 0 ? undefined : spec.slice(hash + 1).trim();
  if (path === '' || face === '') {
    throw new GongkaiError('CONFIG_INVALID', `${PDF_FONT_ENV}: expected "path" or "path#FaceName", got "${spec}"`);
  }
  if (face === undefined && /\.ttc$/i.test(path)) {
    throw new GongkaiError('CONFIG_INVALID', `${PDF_FONT_ENV}: ${path} is a font collection; name the face as "${path}#FaceName" (e.g. #WenQuanYiMicroHei)`);
  }
  return face === undefined ? { path } : { path, face };
}

/**
 * Finds the font to embed.
 * @param env the environment (usually `process.env`); only {@link PDF_FONT_ENV} is read
 * @param exists file-existence test, injectable for tests
 * @returns the font named by the environment, else the first known font present
 * @throws GongkaiError `CONFIG_INVALID` when `GONGKAI_PDF_FONT` is malformed or names a missing
 *   file (an explicit choice never silently falls back); `FONT_MISSING` when it is unset and no
 *   known font exists, naming the paths tried and the packages to install
 */
export function resolvePdfFont(env: Readonly<Record<string, string | undefined>> = process.env, exists: (path: string) => boolean = existsSync): PdfFont {
  const spec = env[PDF_FONT_ENV];
  if (spec !== undefined && spec.trim() !== '') {
    const parsed = parsePdfFontSpec(spec);
    if (!exists(parsed.path)) throw new GongkaiError('CONFIG_INVALID', `${PDF_FONT_ENV}: no file at ${parsed.path}`);
    return { ...parsed, origin: 'env' };
  }
  for (const known of KNOWN_PDF_FONTS) {
    if (exists(known.path)) return { ...known, origin: 'known' };
  }
  throw new GongkaiError(
    'FONT_MISSING',
    `tried ${KNOWN_PDF_FONTS.map((f) => f.path).join(', ')}; install fonts-wqy-microhei or fonts-noto-cjk, or set ${PDF_FONT_ENV}=/path/to/font.ttc#FaceName`,
  );
}

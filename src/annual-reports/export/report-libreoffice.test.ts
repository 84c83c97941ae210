import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { readReport } from '../../reports/reader/read-report.ts';
import { cellDifferences, distinctValueReport, formatSectionTitles } from './export-test-report.ts';
import { reportToDocx } from './report-docx.ts';
import { reportToXlsx } from './report-xlsx.ts';

const run = promisify(execFile);

/** The LibreOffice launcher on PATH, or null. */
function findLibreOffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['libreoffice', 'soffice']) {
      const path = join(dir, name);
      if (dir !== '' && existsSync(path)) return path;
    }
  }
  return null;
}

const LIBREOFFICE = findLibreOffice();
const REQUIRED = process.env.GONGKAI_REQUIRE_LIBREOFFICE === '1';
const SKIP = LIBREOFFICE === null && !REQUIRED ? 'LibreOffice is not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui); set GONGKAI_REQUIRE_LIBREOFFICE=1 to fail instead' : false;
/** The fontconfig aliases for 仿宋_GB2312, 黑体, … (STACK.md §4). */
const FONTS_CONF = fileURLToPath(new URL('./data/fonts.conf', import.meta.url));
const HAS_NOTO = existsSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc') && existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');

void describe('LibreOffice converts the exports to PDF', { skip: SKIP, timeout: 300_000 }, () => {
  const report = distinctValueReport('2021');
  let work: string;
  // One profile per test process: LibreOffice runs one conversion at a time per profile.
  const profile = join(tmpdir(), `lo-profile-${process.pid}`);

  /** Writes `bytes` as `name` and converts it; the PDF's bytes. */
  async function convert(bytes: Buffer, name: string): Promise<Buffer> {
    assert.ok(LIBREOFFICE, 'GONGKAI_REQUIRE_LIBREOFFICE=1 but neither libreoffice nor soffice is on PATH');
    const input = join(work, name);
    await writeFile(input, bytes);
    const out = join(work, 'out');
    // execFile rejects on a non-zero exit status: the conversion must exit 0.
    await run(LIBREOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, input], {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
      timeout: 240_000,
    });
    const pdf = join(out, name.replace(/\.[^.]+$/, '.pdf'));
    assert.ok(existsSync(pdf), `no PDF produced for ${name}`);
    return readFile(pdf);
  }

  void before(async () => {
    work = await mkdtemp(join(tmpdir(), 'gongkai-export-'));
  });
  void after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  void it('converts the DOCX (Writer), and the PDF it prints still reads back cell by cell', async () => {
    const pdf = await convert(await reportToDocx(report), 'report.docx');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const back = await readReport(pdf, { fileName: 'report.pdf' });
    assert.deepEqual(cellDifferences(report, back), []);
    assert.deepEqual(formatSectionTitles(back), formatSectionTitles(report));
    if (HAS_NOTO && spawnSync('pdffonts', ['-v']).error === undefined) {
      // the aliases took: 仿宋_GB2312 → Noto Serif CJK, 黑体 → Noto Sans CJK
      const fonts = spawnSync('pdffonts', ['-'], { input: pdf }).stdout.toString('utf8');
      assert.match(fonts, /NotoSerifCJK/);
      assert.match(fonts, /NotoSansCJK/);
    }
  });

  void it('converts the XLSX (Calc)', async () => {
    const pdf = await convert(await reportToXlsx(report), 'tables.xlsx');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const info = spawnSync('pdfinfo', ['-'], { input: pdf });
    // 说明 plus one page per table: 4 blocks of table 二, 三, 四
    if (info.error === undefined) assert.match(info.stdout.toString('utf8'), /Pages:\s+7\n/);
  });
});

/**
 * Plain-text output of the CLI: a structured report summarised for a terminal, and findings as
 * one line each with their position. Machine-readable output is `--json` instead.
 */
import { getFormat } from '../reports/format/formats.ts';
import type { Finding } from '../reports/checker/finding.ts';
import { cellId } from '../reports/format/report-format.ts';
import { cellsById, countBySeverity } from '../reports/render/finding-index.ts';
import type { ReportPosition, StructuredReport } from '../reports/model/structured-report.ts';

/** Which language(s) findings are printed in. */
export type Language = 'zh' | 'en' | 'both';

/** `line 12:5`, `p.3 x210.5`, or '' for an unknown position. */
function describePosition(position: ReportPosition | null | undefined): string {
  if (!position) return '';
  if (position.page !== undefined) return `p.${position.page}${position.x !== undefined ? ` x${position.x}` : ''}`;
  if (position.line !== undefined) return `line ${position.line}${position.column !== undefined ? `:${position.column}` : ''}`;
  return '';
}

/** A human summary of a structured report: identity, sections, every table cell, claims, ambiguities. */
export function printReport(report: StructuredReport): string {
  const format = getFormat(report.format.id);
  const out: string[] = [];
  out.push(`${report.title ?? '(no title)'}`);
  out.push(
    `organization: ${report.organization.name ?? '?'} (${report.organization.kind ?? 'kind unknown'}) · year: ${report.year ?? '?'} · format: ${format.id} ${format.citation} (${report.format.source}) · published: ${report.publicationDate ? `${report.publicationDate.date} (${report.publicationDate.source})` : '?'}`,
  );
  out.push(`sections: ${report.sections.map((s) => (s.number ? `${s.number}、${s.title}` : `(${s.id})`)).join(' | ') || '(none found)'}`);
  const cells = cellsById(report);
  for (const table of format.tables) {
    const read = report.tables.find((t) => t.id === table.id);
    out.push('');
    out.push(`[${table.id}] ${table.title} — ${read?.found ? `found (${read.layout}) ${describePosition(read.position)}` : 'NOT FOUND'}`);
    for (const row of table.rows) {
      const values = table.columns.map((column) => {
        const cell = cells.get(cellId(table.id, row.id, column.id));
        if (!cell) return '—';
        switch (cell.status) {
          case 'number':
            return `${cell.value}${cell.recovered ? '*' : ''}`;
          case 'blank':
            return '(blank)';
          case 'na':
            return 'N/A';
          case 'ambiguous':
            return `?{${(cell.candidates ?? []).join('|')}}`;
          case 'missing':
            return '—';
          case 'text':
            return JSON.stringify(cell.raw);
        }
      });
      out.push(`  ${row.label.padEnd(18, '　')} ${values.join('  ')}`);
    }
  }
  if (report.ambiguities.length > 0) {
    out.push('');
    out.push('ambiguous flattened rows (cell boundaries lost; more than one split satisfies every identity):');
    for (const a of report.ambiguities) {
      const shown = a.candidates.slice(0, 6).map((c) => c.join(',')).join(' | ');
      out.push(`  ${a.table}/${a.row} "${a.raw}" ${describePosition(a.position)}: ${a.candidates.length}${a.truncated ? '+' : ''} candidates: ${shown}${a.candidates.length > 6 ? ' …' : ''}`);
    }
  }
  out.push('');
  out.push(`narrative claims (${report.claims.length}):`);
  for (const claim of report.claims) {
    const bounds = claim.lowerBound !== undefined || claim.upperBound !== undefined ? ` ${claim.lowerBound ?? claim.value}–${claim.upperBound ?? '∞'}` : '';
    const qualifier = claim.qualifier === 'exact' ? '' : ` (${claim.qualifier}${bounds})`;
    const mapped = claim.cells ? ` → ${claim.cells.join(' + ')}` : '';
    out.push(`  ${describePosition(claim.position).padEnd(10)} ${claim.subject.slice(-24)} ${claim.value}${claim.unit}${qualifier}${mapped}`);
  }
  if (report.ignored.length > 0) {
    out.push('');
    out.push('ignored passages:');
    for (const passage of report.ignored) {
      out.push(`  ${passage.reason} ${describePosition(passage.from)}: ${passage.text.slice(0, 40).replace(/\s+/g, ' ')}`);
    }
  }
  for (const note of report.notes) out.push(`note: ${note.code} ${note.message} ${describePosition(note.position)}`);
  return out.join('\n');
}

/** One line per finding: severity, rule, position, message(s). */
export function printFindings(findings: readonly Finding[], language: Language): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const where = describePosition(finding.passages[0]?.position ?? finding.cells[0]?.position ?? null);
    const message =
      language === 'zh' ? finding.message.zh : language === 'en' ? finding.message.en : `${finding.message.zh}\n      ${finding.message.en}`;
    lines.push(`  ${finding.severity.toUpperCase().padEnd(7)} ${finding.rule.padEnd(10)} ${where ? `[${where}] ` : ''}${message}`);
  }
  return lines.join('\n');
}

/** Counts of findings by severity, as `check --json` reports them: `{ errors, warnings, infos }`. */
export function summarize(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  const c = countBySeverity(findings);
  return { errors: c.error, warnings: c.warning, infos: c.info };
}

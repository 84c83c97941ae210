/**
 * What both renderers need to know about the findings: a label per finding (E1, E2 … errors,
 * W1 … warnings, I1 … info), the findings that involve each cell, the section each quoted
 * passage belongs to, and how a cell's value is shown.
 */
import { getFormat } from '../format/formats.ts';
import type { ReportFormat } from '../format/report-format.ts';
import type { Cell, ReportPosition, Section, StructuredReport } from '../model/structured-report.ts';
import { fmt, where } from '../checker/check-context.ts';
import type { Finding, Severity } from '../checker/finding.ts';
import { formatIndex, tableName } from '../checker/format-index.ts';

/** A finding with its label (`E1`) and anchor (`finding-E1`). */
export interface LabelledFinding {
  readonly label: string;
  readonly anchor: string;
  readonly finding: Finding;
}

const PREFIX: Readonly<Record<Severity, string>> = { error: 'E', warning: 'W', info: 'I' };

/** Chinese and English names of the severities. */
export const SEVERITY_NAMES: Readonly<Record<Severity, { zh: string; en: string }>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** Labels the findings E1…, W1…, I1… in their order (the checker lists errors first). */
export function labelFindings(findings: readonly Finding[]): LabelledFinding[] {
  const counters: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  return findings.map((finding) => {
    counters[finding.severity] += 1;
    const label = `${PREFIX[finding.severity]}${counters[finding.severity]}`;
    return { label, anchor: `finding-${label}`, finding };
  });
}

/** The labelled findings involving each cell id, in finding order. */
export function findingsByCell(labelled: readonly LabelledFinding[]): Map<string, LabelledFinding[]> {
  const map = new Map<string, LabelledFinding[]>();
  for (const l of labelled) {
    for (const c of l.finding.cells) {
      const list = map.get(c.id) ?? [];
      if (!list.includes(l)) list.push(l);
      map.set(c.id, list);
    }
  }
  return map;
}

/** The worst severity among the findings. */
export function worstSeverity(list: readonly LabelledFinding[]): Severity {
  if (list.some((l) => l.finding.severity === 'error')) return 'error';
  if (list.some((l) => l.finding.severity === 'warning')) return 'warning';
  return 'info';
}

/**
 * The section a passage belongs to: its claim's section when it quotes a claim, else the last
 * section starting at or before its line; null when neither is known.
 */
export function sectionOfPassage(report: StructuredReport, passage: Finding['passages'][number]): Section | null {
  if (passage.claim !== null) {
    const claim = report.claims.find((c) => c.id === passage.claim);
    if (claim?.section) {
      const section = report.sections.find((s) => s.id === claim.section);
      if (section) return section;
    }
    const line = claim?.position?.line;
    if (line !== undefined) return sectionAtLine(report, line);
  }
  const line = passage.position?.line;
  return line === undefined ? null : sectionAtLine(report, line);
}

function sectionAtLine(report: StructuredReport, line: number): Section | null {
  let best: Section | null = null;
  for (const s of report.sections) {
    const start = s.position?.line;
    if (start !== undefined && start <= line && (best === null || (best.position?.line ?? 0) <= start)) best = s;
  }
  return best;
}

/** `第3页第12行` / `p. 3, line 12`; empty when unknown. */
export function positionText(position: ReportPosition | null | undefined): { zh: string; en: string } {
  return where(position);
}

/** A number without float noise. */
export function showNumber(value: number): string {
  return fmt(value);
}

/**
 * How a cell's value is shown: the number; blank as empty; na as `/`; ambiguous as `?` (the
 * candidates go in a note); missing (or absent) as `—`; text as printed.
 */
export function showCell(cell: Cell | undefined): string {
  if (!cell) return '—';
  switch (cell.status) {
    case 'number':
      return cell.value === null ? '' : showNumber(cell.value);
    case 'blank':
      return '';
    case 'na':
      return '/';
    case 'ambiguous':
      return '?';
    case 'missing':
      return '—';
    case 'text':
      return cell.raw;
  }
}

/** The report's format, or null when its id is unknown (the renderers then draw no tables). */
export function formatOf(report: StructuredReport): ReportFormat | null {
  try {
    return getFormat(report.format.id);
  } catch {
    return null;
  }
}

/** The report's cells by id. */
export function cellsById(report: StructuredReport): Map<string, Cell> {
  return new Map(report.cells.map((c) => [c.id, c]));
}

/** Counts of findings per severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** How a finding list names a cell: `表三“自然人·一、本年新收…”`; the bare id for a cell the format lacks. */
export function cellLabel(format: ReportFormat | null, id: string): string {
  const info = format ? formatIndex(format).cells.get(id) : undefined;
  return info ? `${tableName(info.table).zh}“${info.label}”` : id;
}

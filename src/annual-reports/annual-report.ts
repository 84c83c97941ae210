/**
 * The annual report (政府信息公开工作年度报告) as gongkai keeps it: one per organization and year,
 * covering the organization's own records (`own`) or a roll-up (汇总) of chosen organizations of its
 * subtree (`rollup`, a government's report compiled from its departments and subordinate
 * governments), with the office's narrative and its place in the submission workflow
 * (2019 art. 49–50). Pure types and rules; the tables are computed (report-figures.ts).
 */
import type { Finding } from '../reports/checker/finding.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';

/**
 * Workflow states: `draft` (the office edits), `submitted` (to the competent OGI department, locked),
 * `returned` (with comments: the office edits again), `accepted`, `published` (public, final).
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'published'] as const;
/** A workflow state. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Chinese names of the states, for the UI. */
export const REPORT_STATUS_NAMES_ZH: Readonly<Record<ReportStatus, string>> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已审核通过',
  published: '已公开',
};

/** What a report covers: the organization's own records, or a roll-up of chosen organizations. */
export type ReportScope = 'own' | 'rollup';

/**
 * Presets of a roll-up's members (汇总范围), from which the office picks:
 * - `self`: the organization's own records (its OGI office's cases and documents);
 * - `departments`: its departments and other bodies, with their own subordinate units, but not
 *   subordinate governments;
 * - `governments`: its subordinate governments, each with its whole subtree.
 * The default roll-up is all three, i.e. the whole subtree.
 */
export const MEMBER_PRESETS = ['self', 'departments', 'governments'] as const;
/** A preset of {@link MEMBER_PRESETS}. */
export type MemberPreset = (typeof MEMBER_PRESETS)[number];

/** The organization tree as the member presets need it. */
export interface MemberCandidate {
  id: number;
  parentId: number | null;
  path: string;
  kind: 'government' | 'department' | 'other';
}

/**
 * The members of a roll-up chosen by presets.
 * @param root the reporting organization
 * @param subtree every organization under it (the root included, any order)
 * @param presets the parts to include
 * @returns organization ids, sorted
 */
export function membersByPresets(root: MemberCandidate, subtree: readonly MemberCandidate[], presets: readonly MemberPreset[]): number[] {
  const byId = new Map(subtree.map((o) => [o.id, o]));
  // The first organization below the root on the way to `o`: it decides which part `o` is in.
  const branchOf = (o: MemberCandidate): MemberCandidate | undefined => {
    let current: MemberCandidate | undefined = o;
    while (current && current.parentId !== root.id) current = current.parentId === null ? undefined : byId.get(current.parentId);
    return current;
  };
  const ids: number[] = [];
  for (const o of subtree) {
    if (!o.path.startsWith(root.path)) continue;
    if (o.id === root.id) {
      if (presets.includes('self')) ids.push(o.id);
      continue;
    }
    const branch = branchOf(o);
    if (!branch) continue;
    const part: MemberPreset = branch.kind === 'government' ? 'governments' : 'departments';
    if (presets.includes(part)) ids.push(o.id);
  }
  return ids.sort((a, b) => a - b);
}

/** A stored annual report. Dates `YYYY-MM-DD` China time; instants ISO 8601 UTC. */
export interface AnnualReport {
  id: number;
  organizationId: number;
  year: number;
  formatId: FormatId;
  scope: ReportScope;
  /** The organizations a roll-up covers; null for `own`. */
  members: number[] | null;
  status: ReportStatus;
  /** The office's narrative by section id (rich text with `{{cell:…}}` / `{{fact:…}}` placeholders). */
  sections: Record<string, string>;
  /** The report as submitted (frozen); null while a draft or returned. */
  snapshot: StructuredReport | null;
  /** The findings of the last check. */
  findings: Finding[] | null;
  /** An approver's written reason to submit despite checker errors. */
  override: { reason: string; by: number | null; at: string } | null;
  submittedAt: string | null;
  submittedBy: number | null;
  reviewedAt: string | null;
  reviewedBy: number | null;
  /** The competent department's comments when it returned the report. */
  reviewComment: string | null;
  publishedAt: string | null;
  publishedBy: number | null;
  /** The date shown as the report's publication date (China time). */
  publicationDate: string | null;
  version: number;
  synthetic: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One workflow step of a report. */
export interface AnnualReportStep {
  id: number;
  reportId: number;
  /** created | saved | checked | submitted | override | returned | accepted | published. */
  step: string;
  actorId: number | null;
  at: string;
  comment: string | null;
}

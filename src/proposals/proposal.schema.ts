/**
 * API schemas of NPC deputy suggestions and CPPCC member proposals (zod; they also generate
 * /api/openapi.json), and the mapping of the console forms' flat fields to the service's input.
 */
import { z } from 'zod';
import { PROPOSAL_ADOPTIONS, PROPOSAL_DISCLOSURES, PROPOSAL_KINDS, PROPOSAL_ROLES, PROPOSAL_STATUSES, proposalStatus } from './proposal.ts';
import type { Proposal, ProposalAdoption, ProposalInput, ProposalKind, ProposalPatch, ProposalReply, ProposalRole } from './proposal.ts';
import type { ProposalCounts } from './proposal-statistics.ts';
import type { ProposalWithOrganization } from './proposal.repository.ts';
import type { ProposalStatisticsReport } from './proposal.service.ts';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';

/** A calendar date `YYYY-MM-DD` (China time); the service checks that it is a real date. */
const dateSchema = z.string().max(10);
const yearSchema = z.coerce.number().int().min(2000).max(9999);

/** A record as shown to staff. */
export const proposalSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  /** npc_suggestion (人大代表建议) | cppcc_proposal (政协委员提案). */
  kind: z.enum(PROPOSAL_KINDS),
  /** The session it was raised at, e.g. 市五届人大二次会议. */
  session: z.string(),
  /** Its number in the session, e.g. 第45号. */
  number: z.string(),
  title: z.string(),
  /** Deputy or member name(s). */
  proposer: z.string(),
  /** lead (主办) | joint (协办). */
  role: z.enum(PROPOSAL_ROLES),
  receivedOn: z.string(),
  /** Reply deadline. */
  dueOn: z.string(),
  repliedOn: z.string().nullable(),
  replySummary: z.string().nullable(),
  /** solved_or_adopted (解决或采纳) | being_solved (正在解决) | planned (列入计划) | explained (留作参考或说明). */
  adoption: z.enum(PROPOSAL_ADOPTIONS).nullable(),
  /** pending | published | withheld: the handling result's disclosure. */
  disclosure: z.enum(PROPOSAL_DISCLOSURES),
  withheldReason: z.string().nullable(),
  publishedOn: z.string().nullable(),
  /** unreplied | overdue | replied | published | withheld, as of today (China time). */
  status: z.enum(PROPOSAL_STATUSES),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** GET /api/proposals response. */
export const proposalListSchema = z.object({ proposals: z.array(proposalSchema) });

/** GET /api/proposals query. */
export const proposalListQuerySchema = z.object({
  /** Only this organization's subtree; default every subtree you may read. */
  organizationId: recordIdSchema.optional(),
  /** Only records received in this year. */
  year: yearSchema.optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
  /** Only records with this status today. */
  status: z.enum(PROPOSAL_STATUSES).optional(),
});

/** GET /api/proposals/statistics query. */
export const proposalStatisticsQuerySchema = z.object({ organizationId: recordIdSchema, year: yearSchema });

const countsSchema = z.object({
  /** Received in the year (each assignment: a jointly handled one counts for each organization). */
  received: z.number().int(),
  /** Of those, as lead handler: each suggestion once. */
  lead: z.number().int(),
  replied: z.number().int(),
  /** Replied on or before the due date. */
  repliedOnTime: z.number().int(),
  /** replied / received (0–1); null when nothing was received. */
  replyRate: z.number().nullable(),
  published: z.number().int(),
  withheld: z.number().int(),
  pendingDisclosure: z.number().int(),
  /** Not replied, due date passed. */
  overdue: z.number().int(),
});

/** GET /api/proposals/statistics response. */
export const proposalStatisticsSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** The day overdue is judged on. */
  today: z.string(),
  npcSuggestion: countsSchema,
  cppccProposal: countsSchema,
  total: countsSchema,
  /** Organizations of the subtree with records received in the year. */
  organizations: z.array(
    z.object({
      organizationId: z.number().int(),
      organizationName: z.string(),
      npcReceived: z.number().int(),
      npcReplied: z.number().int(),
      cppccReceived: z.number().int(),
      cppccReplied: z.number().int(),
      published: z.number().int(),
      withheld: z.number().int(),
    }),
  ),
});

const registrationFields = {
  kind: z.enum(PROPOSAL_KINDS),
  session: z.string().max(200),
  number: z.string().max(100),
  title: z.string().max(1000),
  proposer: z.string().max(400),
  role: z.enum(PROPOSAL_ROLES),
  receivedOn: dateSchema,
  /** Blank or absent: receivedOn plus the configured months (default 3). */
  dueOn: dateSchema.nullable(),
};

/** POST /api/proposals body. */
export const createProposalBodySchema = z.object({
  organizationId: z.number().int().positive().max(MAX_RECORD_ID),
  ...registrationFields,
  role: registrationFields.role.optional(),
  dueOn: registrationFields.dueOn.optional(),
});

/** PATCH /api/proposals/:id body (only while the disclosure is pending). */
export const updateProposalBodySchema = z.object({
  ...registrationFields,
  /** The `updatedAt` you read; a different one gives 409 CONFLICT. */
  expectedUpdatedAt: z.string().max(40),
}).partial();

/** POST /api/proposals/:id/reply body. */
export const replyBodySchema = z.object({
  repliedOn: dateSchema,
  replySummary: z.string().max(10000),
  adoption: z.enum(PROPOSAL_ADOPTIONS),
  expectedUpdatedAt: z.string().max(40).optional(),
});

/** POST /api/proposals/:id/publish body (optional: a request without a body arrives as null). */
export const publishBodySchema = z
  .object({
    /** Default today (China time). */
    publishedOn: dateSchema.optional(),
    expectedUpdatedAt: z.string().max(40).optional(),
  })
  .nullish();

/** POST /api/proposals/:id/withhold body. */
export const withholdBodySchema = z.object({
  /** At least 5 characters, e.g. 涉及国家秘密. */
  reason: z.string().max(1000),
  expectedUpdatedAt: z.string().max(40).optional(),
});

/** Maps a record to its API shape (an explicit copy: nothing else leaks). */
export function proposalToApi(r: ProposalWithOrganization, today: string): z.infer<typeof proposalSchema> {
  const p = r.proposal;
  return {
    id: p.id,
    organizationId: p.organizationId,
    organizationName: r.organization.name,
    kind: p.kind,
    session: p.session,
    number: p.number,
    title: p.title,
    proposer: p.proposer,
    role: p.role,
    receivedOn: p.receivedOn,
    dueOn: p.dueOn,
    repliedOn: p.repliedOn,
    replySummary: p.replySummary,
    adoption: p.adoption,
    disclosure: p.disclosure,
    withheldReason: p.withheldReason,
    publishedOn: p.publishedOn,
    status: proposalStatus(p, today),
    synthetic: p.synthetic,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function countsToApi(c: ProposalCounts): z.infer<typeof countsSchema> {
  return { ...c };
}

/** Maps a statistics report to its API shape. */
export function proposalStatisticsToApi(report: ProposalStatisticsReport): z.infer<typeof proposalStatisticsSchema> {
  const s = report.statistics;
  return {
    organizationId: report.organization.id,
    organizationName: report.organization.name,
    year: report.year,
    from: s.from,
    to: s.to,
    today: s.today,
    npcSuggestion: countsToApi(s.byKind.npc_suggestion),
    cppccProposal: countsToApi(s.byKind.cppcc_proposal),
    total: countsToApi(s.total),
    organizations: report.organizations.map(({ organization, figures }) => ({ organizationId: organization.id, organizationName: organization.name, ...figures })),
  };
}

/** An id field of a form: blank → NaN (the service reports the organization unknown). */
function formId(value: string | undefined): number {
  return value === undefined || value.trim() === '' ? Number.NaN : Number(value.trim());
}

/** The fields of the console's registration form, read into the service's input (the service validates). */
export function formToProposalInput(fields: Record<string, string>): ProposalInput {
  return {
    organizationId: formId(fields['organizationId']),
    kind: (fields['kind'] ?? '') as ProposalKind,
    session: fields['session'] ?? '',
    number: fields['number'] ?? '',
    title: fields['title'] ?? '',
    proposer: fields['proposer'] ?? '',
    role: (fields['role'] || 'lead') as ProposalRole,
    receivedOn: fields['receivedOn'] ?? '',
    dueOn: fields['dueOn'] ?? null,
  };
}

/** The fields of the console's correction form. */
export function formToProposalPatch(fields: Record<string, string>): ProposalPatch {
  const patch: ProposalPatch = {};
  for (const key of ['session', 'number', 'title', 'proposer', 'receivedOn', 'dueOn'] as const) {
    const value = fields[key];
    if (value !== undefined) patch[key] = value;
  }
  if (fields['kind'] !== undefined) patch.kind = fields['kind'] as ProposalKind;
  if (fields['role'] !== undefined) patch.role = fields['role'] as ProposalRole;
  return patch;
}

/** The fields of the console's reply form. */
export function formToReply(fields: Record<string, string>): ProposalReply {
  return { repliedOn: fields['repliedOn'] ?? '', replySummary: fields['replySummary'] ?? '', adoption: (fields['adoption'] ?? '') as ProposalAdoption };
}

/** A record as the forms' strings (for the correction and reply forms). */
export function proposalFormValues(p: Proposal): Record<string, string> {
  return {
    kind: p.kind,
    session: p.session,
    number: p.number,
    title: p.title,
    proposer: p.proposer,
    role: p.role,
    receivedOn: p.receivedOn,
    dueOn: p.dueOn,
    repliedOn: p.repliedOn ?? '',
    replySummary: p.replySummary ?? '',
    adoption: p.adoption ?? '',
  };
}

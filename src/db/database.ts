/**
 * The database's tables as Kysely sees them. One interface per table; `Database` maps table names
 * to them. Conventions that hold on both SQLite and PostgreSQL:
 * - ids are integers from an identity column, never reused;
 * - calendar dates are `YYYY-MM-DD` text in China time (no driver date conversion on either side);
 * - instants are ISO 8601 UTC text (`2026-11-30T10:07:12.000Z`);
 * - booleans are integers 0/1 (SQLite has no boolean type);
 * - lists (keywords) are JSON text.
 * Only repositories import these types together with Kysely; domain code uses its own types.
 */
import type { Generated, Kysely, Transaction } from 'kysely';

/** An organization of the region's tree (2019 art. 3, 4, 12). */
export interface OrganizationTable {
  id: Generated<number>;
  /** The parent in the tree; null for the region's root government. */
  parent_id: number | null;
  /** Materialized path of ids, `/1/5/12/`, for subtree filters that work on both dialects. */
  path: string;
  name: string;
  short_name: string | null;
  /** `government` | `department` | `other`. */
  kind: string;
  /** `province` | `city` | `county` | `township`. */
  level: string;
  /** GB/T 2260 six-digit code of the area the organization serves. */
  division_code: string | null;
  /** Organization code (9 characters) or unified social credit code (18): the index-number prefix. */
  organization_code: string;
  /** The organization whose OGI office is this one's competent OGI department (2019 art. 3). */
  competent_department_id: number | null;
  /** JSON: the OGI guide's facts (2019 art. 12): office name, address, hours, phone, fax, email, website, postcode. */
  ogi_office: string;
  /** Index-number template; null = the national default `{orgcode}/{yyyy}-{nnnnn}`. */
  index_number_template: string | null;
  /** Working days a mailbox message must be answered in; null = the installation's default (issue 6). */
  message_reply_days: number | null;
  created_at: string;
  updated_at: string;
}

/** A staff account. The public has no account. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** Argon2id PHC string. */
  password_hash: string;
  /** 1 when the account may log in. */
  active: number;
  /** 1 when the password must be changed at the next login (one-time passwords). */
  must_change_password: number;
  failed_logins: number;
  /** Instant until which login is refused after too many failures; null when not locked. */
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** A role a user holds over an organization and its subtree. */
export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: number;
  /** `system_admin` | `org_admin` | `editor` | `approver` | `auditor`. */
  role: string;
  /** The subtree root; null for system administrators. */
  organization_id: number | null;
}

/** A login session. Only the SHA-256 of the token is stored. */
export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** One audit event: append-only (no update or delete path exists in the code). */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  /** The acting user; null for the system (migrations, demo, CLI without a user) and the public. */
  actor_user_id: number | null;
  actor_label: string;
  /** A dotted action name, e.g. `catalog.item.publish`. */
  action: string;
  /** `organization` | `user` | `catalog_item` | … */
  entity_type: string;
  entity_id: string;
  /** The organization the change belongs to (for auditors' subtree view); null for global changes. */
  organization_id: number | null;
  /** JSON of the entity before the change; null on creation. */
  before_json: string | null;
  /** JSON of the entity after the change; null on deletion. */
  after_json: string | null;
  /** Free text: the reason given (withdrawal, override) or the request id. */
  note: string | null;
}

/** An item of the proactive-disclosure catalog (2019 art. 12, 19–26). */
export interface CatalogItemTable {
  id: Generated<number>;
  organization_id: number;
  /** 索引号; null while a draft has none yet. Unique. */
  index_number: string | null;
  title: string;
  summary: string | null;
  document_number: string | null;
  /** 发布机构: full name (may differ from the owning organization's, e.g. a joint issue). */
  issuing_agency: string;
  /** 生成/成文日期 `YYYY-MM-DD`: the date the information was formed or changed (2019 art. 26). */
  creation_date: string;
  /** 发布日期 `YYYY-MM-DD`; null until published. */
  publication_date: string | null;
  /** Subject category code (art. 20 / 21 or a local theme). */
  subject_category: string;
  /** Genre code (规章, 行政规范性文件, …). */
  genre: string;
  /** JSON array of keywords. */
  keywords: string;
  /** `proactive` | `upon_request` | `exempt`. */
  disclosure_type: string;
  /** Reason when `exempt` (or upon-request only). */
  non_disclosure_reason: string | null;
  /** `in_force` | `expired` | `repealed`. */
  validity: string;
  effective_date: string | null;
  expiry_date: string | null;
  /** Sanitized HTML. */
  body_html: string;
  /** Plain text of the body, for search and snippets. */
  body_text: string;
  /** `draft` | `submitted` | `published` | `withdrawn` | `superseded`. */
  status: string;
  /** The item that replaces this one, when superseded. */
  superseded_by_id: number | null;
  /** 1 when imported (index number kept as found). */
  imported: number;
  /** 1 for clearly marked synthetic demo data. */
  synthetic: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  /** JSON array of the channels it was published through (`gazette` | `website` | `weibo` | `wechat` | `other`), 2014 table 一 (二). */
  channels: Generated<string>;
}

/** The per-organization, per-year serial of generated index numbers: never goes back. */
export interface IndexNumberSequenceTable {
  organization_id: number;
  year: number;
  last_serial: number;
}

/** A file attached to an item, stored on disk under the data directory by its SHA-256. */
export interface AttachmentTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: string;
}

/** A policy interpretation (政策解读) linked to the policy document it explains. */
export interface InterpretationLinkTable {
  id: Generated<number>;
  /** The interpretation item. */
  interpretation_item_id: number;
  /** The policy document it explains. */
  policy_item_id: number;
}

/** A configurable local theme of subject categories (2019 art. 21 and local practice). */
export interface LocalThemeTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** Null for the whole region. */
  organization_id: number | null;
}

/**
 * The search table: a segmented copy of each item's searchable text (words separated by spaces).
 * On SQLite it is an FTS5 virtual table keyed by rowid = item id; on PostgreSQL a table with a
 * generated `tsvector` column under a GIN index. Only `src/search/` reads or writes it.
 */
export interface CatalogSearchTable {
  item_id: number;
  title: string;
  summary: string;
  document_number: string;
  body: string;
}

/** A day of the working-day calendar that differs from the weekend rule. */
export interface CalendarDayTable {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `holiday` (a weekday off) | `workday` (a make-up working day on a weekend). */
  kind: string;
  /** The holiday's name, e.g. 春节. */
  name: string;
  /** The State Council notice the day comes from. */
  source: string;
}

/** Years the calendar covers: a deadline running into a year not listed here is refused. */
export interface CalendarYearTable {
  year: number;
  /** The State Council notice for the year, e.g. 国办发明电〔2024〕12号. */
  source: string;
  updated_at: string;
}

/** Key/value settings (JSON values) of the installation. */
export interface SettingTable {
  key: string;
  value: string;
}

/**
 * A request for disclosure (依申请公开, 2019 art. 27–45). The projection columns (`status` …
 * `fee_yuan`, `closed_on`) are rebuilt from `request_event` in the same transaction as each event;
 * see src/requests/case-clock.ts. Personal data (`requester_id_number`, `phone`, `email`, `address`)
 * is shown only to staff of the organization's subtree and masked elsewhere.
 */
export interface RequestCaseTable {
  id: Generated<number>;
  organization_id: number;
  /** The public tracking code (查询码) given to the requester. */
  tracking_code: string;
  /** A column of table 三: natural | business | research | public-interest | legal-service | other. */
  requester_type: string;
  requester_name: string;
  requester_id_kind: string | null;
  requester_id_number: string | null;
  /** SHA-256 of the normalized identity (ID number, else name + phone), for per-month fee counting. */
  requester_key: string;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  /** in-person | registered-post | ordinary-post | fax | online | email. */
  channel: string;
  /** The date the requester submitted or posted the request. */
  submitted_on: string;
  /** The date of receipt under 2019 art. 31 (by channel). */
  received_on: string;
  information_requested: string;
  purpose: string | null;
  /** paper | electronic. */
  delivery_form: string;
  /** pickup | post | email | fax | online. */
  delivery_method: string;
  status: string;
  /** requester | third-party | null. */
  waiting_on: string | null;
  /** The table 三 (2021) row id of the decision, once decided. */
  outcome: string | null;
  outcome_on: string | null;
  /** `already-public` | `other-agency` | null: what the reply said beyond its row (2014 answer rows; issue 6). */
  answer_detail: string | null;
  legal_basis: string | null;
  clock_starts_after: string | null;
  reply_due: string | null;
  final_due: string | null;
  extended: Generated<number>;
  /** Fee paid, in 元 (integer). */
  fee_yuan: Generated<number>;
  closed_on: string | null;
  synthetic: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One event of a request's log: the source of its deadline, status and outcome. */
export interface RequestEventTable {
  id: Generated<number>;
  case_id: number;
  /** 1, 2, … within the case. */
  seq: number;
  kind: string;
  /** The legal date of the event (`YYYY-MM-DD`). */
  occurred_on: string;
  /** The event's fields as JSON. */
  data: Generated<string>;
  note: string | null;
  recorded_by: number | null;
  recorded_at: string;
}

/** A reconsideration (行政复议) or suit (行政诉讼) about OGI work (2019 art. 51; table 四). */
export interface ReviewCaseTable {
  id: Generated<number>;
  organization_id: number;
  request_case_id: number | null;
  /** reconsideration | direct-suit | suit-after-reconsideration. */
  path: string;
  /** original-agency | co-defendant (a reconsideration body sued with the original agency: not counted). */
  defendant_role: string;
  applicant_name: string;
  /** The reconsideration body or the court. */
  reviewing_body: string;
  case_number: string | null;
  filed_on: string;
  reconsideration_decided_on: string | null;
  reconsideration_outcome: string | null;
  suit_filed_on: string | null;
  decided_on: string | null;
  /** upheld | corrected | other | pending. */
  outcome: string;
  summary: string | null;
  synthetic: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A file of a request or review case (request letter, notice, reply, decision), content-addressed on disk. */
export interface CaseDocumentTable {
  id: Generated<number>;
  request_case_id: number | null;
  review_case_id: number | null;
  /** request | notice | reply | decision | other. */
  kind: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_by: number | null;
  created_at: string;
}

/** A reminder e-mail already sent (so each is sent once). */
export interface ReminderSentTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  due_on: string;
  recipient: string;
  sent_at: string;
}

/** A figure of the annual report an office enters by hand (table 二's decision counts and fees: no record holds them). */
export interface ReportEntryTable {
  id: Generated<number>;
  organization_id: number;
  year: number;
  /** The report cell, e.g. `t2-5/licensing/decisions`. */
  cell: string;
  /** A count, or 万元 for `t2-8/fees/amount`. */
  value: number;
  /** manual | import. */
  source: string;
  note: string | null;
  entered_by: number | null;
  entered_at: string;
}

/** An organization's annual report of a year (2019 art. 49–50): narrative, scope and workflow state. */
export interface AnnualReportTable {
  id: Generated<number>;
  organization_id: number;
  year: number;
  /** 2014 | 2019 | 2021. */
  format_id: string;
  /** own | rollup. */
  scope: string;
  /** JSON array of the organization ids a roll-up aggregates; null for `own`. */
  members: string | null;
  /** draft | submitted | returned | accepted | published. */
  status: string;
  /** JSON object: section id → the office's rich text with placeholders. */
  sections: string;
  /** JSON StructuredReport frozen at submission; null while a draft. */
  snapshot: string | null;
  /** JSON findings of the last check. */
  findings: string | null;
  override_reason: string | null;
  override_by: number | null;
  override_at: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  review_comment: string | null;
  published_at: string | null;
  published_by: number | null;
  publication_date: string | null;
  /** Optimistic lock: bumped by every change. */
  version: Generated<number>;
  synthetic: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One step of a report's workflow (created, saved, submitted, returned, accepted, published, override). */
export interface AnnualReportStepTable {
  id: Generated<number>;
  report_id: number;
  step: string;
  actor_id: number | null;
  at: string;
  comment: string | null;
}

/** A published report imported from a file, with what the reader read and the checker found. */
export interface ImportedReportTable {
  id: Generated<number>;
  organization_id: number | null;
  organization_name: string | null;
  year: number | null;
  format_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  /** JSON StructuredReport. */
  structured: string;
  /** JSON findings. */
  findings: string;
  /** The publication date the reader found (`YYYY-MM-DD`), copied out of `structured` for lists; null when none. */
  publication_date: string | null;
  imported_by: number | null;
  imported_at: string;
}

/** A message written to an organization's mailbox (市长信箱 / 留言) and its reply (issue 6). */
export interface MessageTable {
  id: Generated<number>;
  organization_id: number;
  /** Public tracking code given to the writer. Unique. */
  tracking_code: string;
  subject: string;
  body: string;
  /** The writer's name as given (personal data: masked in public views). */
  writer_name: string;
  /** The writer's contact (phone or e-mail), encrypted like requesters' contacts. */
  writer_contact: string;
  /** 1 when the writer agreed that the exchange may be published. */
  publish_consent: number;
  /** received | assigned | replied | published. */
  status: string;
  /** ISO instant of receipt. */
  received_at: string;
  /** China-time date of receipt `YYYY-MM-DD`. */
  received_on: string;
  /** The reply deadline `YYYY-MM-DD` (the organization's reply period in working days). */
  due_on: string;
  assigned_to: number | null;
  assigned_at: string | null;
  /** The reply text (plain). */
  reply: string | null;
  replied_at: string | null;
  replied_on: string | null;
  replied_by: number | null;
  published_at: string | null;
  published_by: number | null;
  /** The subject and body as published (personal data removed by staff); null until published. */
  public_subject: string | null;
  public_body: string | null;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One import of 12345 hotline work orders from a CSV/XLSX file. */
export interface HotlineImportTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  rows: number;
  imported_by: number | null;
  imported_at: string;
}

/** A 12345 hotline work order routed to an organization (imported from the hotline's system). */
export interface HotlineWorkOrderTable {
  id: Generated<number>;
  organization_id: number;
  /** The hotline system's work-order number. Unique. */
  order_number: string;
  received_on: string;
  /** consultation | complaint | suggestion | request_for_help | report | other. */
  category: string;
  summary: string;
  /** Date the organization replied; null when not replied. */
  replied_on: string | null;
  /** satisfied | basically_satisfied | dissatisfied | null. */
  satisfaction: string | null;
  import_id: number | null;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A response to a public concern or hot topic (回应关切 / 舆情回应). */
export interface ConcernResponseTable {
  id: Generated<number>;
  organization_id: number;
  topic: string;
  /** weibo_wechat | website | press | media | other: 2014 table 二 (二) 4–5. */
  channel: string;
  responded_on: string;
  summary: string | null;
  url: string | null;
  synthetic: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A press conference or online interview an organization held or took part in. */
export interface PressEventTable {
  id: Generated<number>;
  organization_id: number;
  /** press_conference | online_interview. */
  kind: string;
  held_on: string;
  topic: string;
  /** 1 when the organization's principal leader (主要负责同志) attended. */
  principal_leader_attended: number;
  speakers: string | null;
  url: string | null;
  /** The public concern it responded to, when it did (counted once with it). */
  concern_response_id: number | null;
  synthetic: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A catalog item a press event released or explained. */
export interface PressEventItemTable {
  press_event_id: number;
  item_id: number;
}

/** A policy interpretation (政策解读) of a policy document in the catalog, with its form. */
export interface PolicyInterpretationTable {
  id: Generated<number>;
  organization_id: number;
  /** The policy document it explains. */
  policy_item_id: number;
  title: string;
  /** text | graphic | video | interview. */
  form: string;
  published_on: string;
  url: string | null;
  /** The catalog item that carries it, when published as one. */
  interpretation_item_id: number | null;
  concern_response_id: number | null;
  synthetic: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** An NPC deputy suggestion or CPPCC member proposal assigned to an organization to handle. */
export interface DeputyProposalTable {
  id: Generated<number>;
  organization_id: number;
  /** npc_suggestion | cppcc_proposal. */
  kind: string;
  /** The session it was raised at, e.g. 市五届人大二次会议. */
  session: string;
  /** Its number in the session, e.g. 第45号. */
  number: string;
  title: string;
  /** Deputy or member name(s) (public office holders). */
  proposer: string;
  /** lead | joint (主办 / 协办). */
  role: string;
  received_on: string;
  due_on: string;
  replied_on: string | null;
  reply_summary: string | null;
  /** solved_or_adopted | being_solved | planned | explained | null. */
  adoption: string | null;
  /** pending | published | withheld. */
  disclosure: string;
  withheld_reason: string | null;
  published_on: string | null;
  synthetic: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** An organization's OGI staffing and dedicated funding of a year (2014 table 八). */
export interface OgiStaffingTable {
  id: Generated<number>;
  organization_id: number;
  year: number;
  /** 政府信息公开工作专门机构数. */
  ogi_offices: number;
  staff_full_time: number;
  staff_part_time: number;
  /** 专项经费 in 万元. */
  funding: number;
  note: string | null;
  synthetic: Generated<number>;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A public reading point (查阅点) where government information can be consulted (2019 art. 25). */
export interface ReadingPointTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  address: string;
  opening_hours: string | null;
  opened_on: string;
  closed_on: string | null;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A meeting on OGI work (工作会议 / 专题会议). */
export interface OgiMeetingTable {
  id: Generated<number>;
  organization_id: number;
  held_on: string;
  title: string;
  /** working | special. */
  kind: string;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A training session on OGI work with its number of attendees. */
export interface TrainingSessionTable {
  id: Generated<number>;
  organization_id: number;
  held_on: string;
  title: string;
  attendees: number;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A complaint or report (举报投诉) about the organization's OGI work. */
export interface OgiComplaintTable {
  id: Generated<number>;
  organization_id: number;
  received_on: string;
  /** letter | phone | online | in_person | other. */
  channel: string;
  summary: string;
  outcome: string | null;
  closed_on: string | null;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The whole schema. */
export interface Database {
  organization: OrganizationTable;
  app_user: UserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  catalog_item: CatalogItemTable;
  index_number_sequence: IndexNumberSequenceTable;
  attachment: AttachmentTable;
  interpretation_link: InterpretationLinkTable;
  local_theme: LocalThemeTable;
  catalog_search: CatalogSearchTable;
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
  setting: SettingTable;
  request_case: RequestCaseTable;
  request_event: RequestEventTable;
  review_case: ReviewCaseTable;
  case_document: CaseDocumentTable;
  reminder_sent: ReminderSentTable;
  report_entry: ReportEntryTable;
  annual_report: AnnualReportTable;
  annual_report_step: AnnualReportStepTable;
  imported_report: ImportedReportTable;
  message: MessageTable;
  hotline_import: HotlineImportTable;
  hotline_work_order: HotlineWorkOrderTable;
  concern_response: ConcernResponseTable;
  press_event: PressEventTable;
  press_event_item: PressEventItemTable;
  policy_interpretation: PolicyInterpretationTable;
  deputy_proposal: DeputyProposalTable;
  ogi_staffing: OgiStaffingTable;
  reading_point: ReadingPointTable;
  ogi_meeting: OgiMeetingTable;
  training_session: TrainingSessionTable;
  ogi_complaint: OgiComplaintTable;
}

/** A database handle or an open transaction: repositories accept either; callers own transactions. */
export type Db = Kysely<Database> | Transaction<Database>;


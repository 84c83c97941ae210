/**
 * The permission matrix (issue 3 acceptance): every API route × every role × own/other organization,
 * with the expected allow/deny written out by hand below, run on both databases. The table must list
 * exactly the routes of the OpenAPI document, so a new route cannot ship without its row.
 *
 * Each role's user holds its grant on 利通区人民政府 ("own"); "other" targets are in 盐池县人民政府.
 * Allowed requests must succeed (2xx); denied ones must get 401 (public on a staff route), 403, or
 * 404 where a record is hidden from the caller (an unpublished item looks absent to the public).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import type { Role } from '../../src/auth/actor.ts';
import { PUBLIC_ACTOR, systemActor } from '../../src/auth/actor.ts';
import { approveAndPublish, createDraft, submitItem } from '../../src/catalog/catalog.service.ts';
import { addAttachment } from '../../src/catalog/attachment.service.ts';
import type { Store } from '../../src/db/dialect.ts';
import { buildApp } from '../../src/http/app.ts';
import { createReview } from '../../src/reviews/review.service.ts';
import { registerRequest, submitPublicRequest } from '../../src/requests/request.service.ts';
import { acceptReport, getOrCreateReport, saveReport, submitReport } from '../../src/annual-reports/report-workflow.service.ts';
import type { AnnualReport } from '../../src/annual-reports/annual-report.ts';
import { createOrganization } from '../../src/organizations/organization.service.ts';
import { addRequestAttachment } from '../../src/requests/request-attachment.service.ts';
import type { GongkaiApp } from '../../src/http/context.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import { draftInput } from '../helpers/catalog-fixtures.ts';
import { createTestUser, loginToken, seedRegion, testContext } from '../helpers/factories.ts';
import type { SeededRegion } from '../helpers/factories.ts';
import { describeEachDialect } from '../helpers/stores.ts';
import { replyToMessage, submitPublicMessage } from '../../src/messages/message.service.ts';
import { createConcernResponse, createInterpretation, createPressEvent } from '../../src/engagement/engagement.service.ts';
import { createProposal, replyToProposal } from '../../src/proposals/proposal.service.ts';
import { createWorkRecord } from '../../src/work-records/work-record.service.ts';
import type { WorkRecordKind, WorkRecordValuesByKind } from '../../src/work-records/work-record.ts';

type Who = 'public' | Role;
type Where = 'own' | 'other';
/** `all`: allowed for own and other targets; `own`: only own; `none`: denied. */
type Grant = 'all' | 'own' | 'none';

const WHO: readonly Who[] = ['public', 'system_admin', 'org_admin', 'editor', 'approver', 'auditor'];

interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface World {
  ctx: ServiceContext;
  region: SeededRegion;
  seed: ReturnType<typeof systemActor>;
  /** A user (editor) of each organization, for the user routes. */
  users: Record<Where, number>;
}

function orgOf(w: World, where: Where): { id: number; name: string } {
  return where === 'own' ? w.region.litong : w.region.yanchi;
}

async function draft(w: World, where: Where): Promise<number> {
  const org = orgOf(w, where);
  return (await createDraft(w.ctx, w.seed, draftInput(org.id, { issuingAgency: org.name }))).id;
}
async function submitted(w: World, where: Where): Promise<number> {
  const id = await draft(w, where);
  await submitItem(w.ctx, w.seed, id);
  return id;
}
async function published(w: World, where: Where): Promise<number> {
  const id = await submitted(w, where);
  await approveAndPublish(w.ctx, w.seed, id);
  return id;
}

/** A request received in person on Friday 2026-11-27 (a valid POST /api/requests body). */
function requestInput(organizationId: number): Record<string, unknown> {
  return { organizationId, requesterType: 'natural', requesterName: '矩阵测试', channel: 'in-person', submittedOn: '2026-11-27', informationRequested: '矩阵测试申请的政府信息', deliveryForm: 'paper', deliveryMethod: 'pickup' };
}
async function requestCase(w: World, where: Where): Promise<number> {
  return (await registerRequest(w.ctx, w.seed, requestInput(orgOf(w, where).id))).id;
}

/** A pending reconsideration against the organization (a valid POST /api/reviews body). */
function reviewInput(organizationId: number): { organizationId: number; path: 'reconsideration'; applicantName: string; reviewingBody: string; filedOn: string; outcome: 'pending' } {
  return { organizationId, path: 'reconsideration', applicantName: '矩阵测试申请人', reviewingBody: '吴忠市人民政府', filedOn: '2026-09-01', outcome: 'pending' };
}
async function review(w: World, where: Where): Promise<number> {
  return (await createReview(w.ctx, w.seed, reviewInput(orgOf(w, where).id))).id;
}

/**
 * Annual reports: each call gets a fresh department below the own or other government, whose
 * competent OGI department is that government (so its approver and org_admin review it), and its
 * 2025 report in the state asked for. The template's 【请填写…】 markers are filled, so it submits.
 */
async function reportIn(w: World, where: Where, status: 'draft' | 'submitted' | 'accepted'): Promise<{ orgId: number; report: AnnualReport }> {
  nameSerial += 1;
  const parent = orgOf(w, where);
  const org = await createOrganization(w.ctx, w.seed, { parentId: parent.id, name: `矩阵年报局${nameSerial}`, kind: 'department', level: 'county', organizationCode: `64098${String(nameSerial).padStart(4, '0')}`, competentDepartmentId: parent.id });
  let report = await getOrCreateReport(w.ctx, w.seed, org.id, 2025);
  const filled = Object.fromEntries(Object.entries(report.sections).map(([id, html]) => [id, html.replace(/【请填写[^】]*】/g, '本机关依照条例规定认真做好政府信息公开工作，及时准确发布信息，持续改进工作方法。')]));
  report = await saveReport(w.ctx, w.seed, report.id, { version: report.version, sections: filled });
  if (status !== 'draft') report = await submitReport(w.ctx, w.seed, report.id, { version: report.version });
  if (status === 'accepted') report = await acceptReport(w.ctx, w.seed, report.id, { version: report.version });
  return { orgId: org.id, report };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A real published report (the demo's copy of 吴忠市 2017) for the import route. */
const WUZHONG_2017 = readFileSync(new URL('../../src/demo/data/wuzhong-2017.txt', import.meta.url));

function multipart(fileName: string, type: string, data: Buffer, fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkaiMatrixBoundary';
  const fieldParts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const head = `${fieldParts}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const CSV = Buffer.from('索引号,标题,发布机构,生成日期,主题分类,体裁分类,公开属性,有效性\n,矩阵测试导入,测试机构,2026-11-02,art20-01,notice,主动公开,有效\n');

/** One row of the matrix: the route, who may call it, and how to build a request against own/other data. */
interface Row {
  route: string;
  grants: Record<Who, Grant>;
  /** Builds the request; runs before each call, so state-changing routes get fresh records. */
  make(w: World, where: Where): Promise<Request>;
  /** Routes without an organization dimension run once ('own' only). */
  global?: boolean;
}

const everyone: Record<Who, Grant> = { public: 'all', system_admin: 'all', org_admin: 'all', editor: 'all', approver: 'all', auditor: 'all' };
const staffOnly: Record<Who, Grant> = { public: 'none', system_admin: 'all', org_admin: 'all', editor: 'all', approver: 'all', auditor: 'all' };
const readUnpublished: Record<Who, Grant> = { public: 'none', system_admin: 'all', org_admin: 'own', editor: 'own', approver: 'own', auditor: 'own' };
const drafting: Record<Who, Grant> = { public: 'none', system_admin: 'none', org_admin: 'own', editor: 'own', approver: 'none', auditor: 'none' };
const approving: Record<Who, Grant> = { public: 'none', system_admin: 'none', org_admin: 'none', editor: 'none', approver: 'own', auditor: 'none' };
const managingUsers: Record<Who, Grant> = { public: 'none', system_admin: 'all', org_admin: 'own', editor: 'none', approver: 'none', auditor: 'none' };
const readingUsers: Record<Who, Grant> = { public: 'none', system_admin: 'all', org_admin: 'own', editor: 'none', approver: 'none', auditor: 'own' };
const settingsOnly: Record<Who, Grant> = { public: 'none', system_admin: 'all', org_admin: 'none', editor: 'none', approver: 'none', auditor: 'none' };

let nameSerial = 0;

/** A valid POST /api/messages body: a message to the organization's mailbox, with the writer's consent to publish. */
function messageInput(organizationId: number): { organizationId: number; subject: string; body: string; writerName: string; writerContact: string; publishConsent: boolean } {
  return { organizationId, subject: '矩阵测试留言', body: '矩阵测试留言的内容', writerName: '矩阵测试', writerContact: '13900000000', publishConsent: true };
}
/** A message in the own/other organization's mailbox (received today), optionally replied: its id and tracking code. */
async function message(w: World, where: Where, replied = false): Promise<{ id: number; code: string }> {
  const { trackingCode } = await submitPublicMessage(w.ctx, PUBLIC_ACTOR, messageInput(orgOf(w, where).id));
  const row = await w.ctx.store.db.selectFrom('message').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
  if (replied) await replyToMessage(w.ctx, w.seed, row.id, '矩阵测试回复');
  return { id: row.id, code: trackingCode };
}
/** Assigning and replying to messages (`messages.handle`): org_admin, editor and approver of the subtree. */
const handlingMessages: Record<Who, Grant> = { public: 'none', system_admin: 'none', org_admin: 'own', editor: 'own', approver: 'own', auditor: 'none' };


/** A press conference the principal leader attended (a valid POST /api/press-events body). */
function pressEventInput(organizationId: number): { organizationId: number; kind: 'press_conference'; heldOn: string; topic: string; principalLeaderAttended: boolean } {
  return { organizationId, kind: 'press_conference', heldOn: '2026-11-27', topic: '矩阵测试新闻发布会', principalLeaderAttended: true };
}
async function pressEvent(w: World, where: Where): Promise<number> {
  return (await createPressEvent(w.ctx, w.seed, pressEventInput(orgOf(w, where).id))).id;
}
/** A 图解 interpretation of a freshly published policy item (published today, 2026-11-30: a valid POST /api/interpretations body). */
async function interpretationInput(w: World, where: Where): Promise<{ organizationId: number; policyItemId: number; title: string; form: 'graphic'; publishedOn: string }> {
  return { organizationId: orgOf(w, where).id, policyItemId: await published(w, where), title: '矩阵测试政策解读', form: 'graphic', publishedOn: '2026-11-30' };
}
async function interpretation(w: World, where: Where): Promise<number> {
  return (await createInterpretation(w.ctx, w.seed, await interpretationInput(w, where))).id;
}
/** A response on 微博微信 (a valid POST /api/concern-responses body). */
function concernResponseInput(organizationId: number): { organizationId: number; topic: string; channel: 'weibo_wechat'; respondedOn: string } {
  return { organizationId, topic: '矩阵测试热点', channel: 'weibo_wechat', respondedOn: '2026-11-26' };
}
async function concernResponse(w: World, where: Where): Promise<number> {
  return (await createConcernResponse(w.ctx, w.seed, concernResponseInput(orgOf(w, where).id))).id;
}


/** A one-row 12345 hotline export whose work order belongs to `organizationName` (a valid POST /api/hotline/imports file). */
function hotlineCsv(organizationName: string): Buffer {
  return Buffer.from(`工单编号,受理时间,承办单位,诉求类型,诉求内容,办结时间,满意度\nMATRIX-0001,2026-11-02,${organizationName},咨询,矩阵测试工单,2026-11-03,满意\n`);
}

/** A suggestion received 2026-09-01 (a valid POST /api/proposals body); the number is unique per call. */
function proposalInput(organizationId: number): { organizationId: number; kind: 'npc_suggestion'; session: string; number: string; title: string; proposer: string; receivedOn: string } {
  nameSerial += 1;
  return { organizationId, kind: 'npc_suggestion', session: '矩阵测试会议', number: `第${nameSerial}号`, title: '矩阵测试建议', proposer: '矩阵测试代表', receivedOn: '2026-09-01' };
}
/** A fresh suggestion of the own/other organization; `replied` also records a reply (so it can be published or withheld). */
async function proposal(w: World, where: Where, replied = false): Promise<number> {
  const id = (await createProposal(w.ctx, w.seed, proposalInput(orgOf(w, where).id))).id;
  if (replied) await replyToProposal(w.ctx, w.seed, id, { repliedOn: '2026-10-15', replySummary: '矩阵测试答复', adoption: 'planned' });
  return id;
}


/** A valid record of each work-record list (the POST body without `organizationId`); every date is before CLOCK (2026-11-30). */
const WORK_RECORD_INPUTS: { [K in WorkRecordKind]: WorkRecordValuesByKind[K] } = {
  'reading-point': { name: '矩阵测试查阅点', address: '矩阵测试地址', openingHours: '工作日 9:00–17:00', openedOn: '2026-01-05', closedOn: null },
  meeting: { heldOn: '2026-11-27', title: '矩阵测试工作会议', kind: 'working' },
  'training-session': { heldOn: '2026-11-26', title: '矩阵测试培训班', attendees: 30 },
  complaint: { receivedOn: '2026-11-25', channel: 'letter', summary: '矩阵测试举报投诉', outcome: null, closedOn: null },
};
/** A stored work record of the own or other organization. */
async function workRecord(w: World, where: Where, kind: WorkRecordKind): Promise<number> {
  return (await createWorkRecord(w.ctx, w.seed, kind, orgOf(w, where).id, WORK_RECORD_INPUTS[kind])).id;
}
/** The matrix rows of one work-record list at `/api/<path>`: staff of the subtree read it, org_admin and editor change it. */
function workRecordRows(path: string, kind: WorkRecordKind, patch: Record<string, unknown>): Row[] {
  return [
    { route: `GET /api/${path}`, grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/${path}?organizationId=${orgOf(w, where).id}&year=2026` }) },
    { route: `POST /api/${path}`, grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: `/api/${path}`, payload: { organizationId: orgOf(w, where).id, ...WORK_RECORD_INPUTS[kind] } }) },
    { route: `GET /api/${path}/{id}`, grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/${path}/${await workRecord(w, where, kind)}` }) },
    { route: `PATCH /api/${path}/{id}`, grants: drafting, make: async (w, where) => ({ method: 'PATCH', url: `/api/${path}/${await workRecord(w, where, kind)}`, payload: patch }) },
    { route: `DELETE /api/${path}/{id}`, grants: drafting, make: async (w, where) => ({ method: 'DELETE', url: `/api/${path}/${await workRecord(w, where, kind)}` }) },
  ];
}


const MATRIX: Row[] = [
  // Sessions: logging in is open to all; the others need a session of any role.
  { route: 'POST /api/session', grants: everyone, global: true, make: async () => {
    nameSerial += 1;
    const { user, password } = await createTestUser(currentStore(), CLOCK, { role: 'auditor', organizationId: currentWorld().region.litong.id, username: `matrix-login-${nameSerial}` });
    return { method: 'POST', url: '/api/session', payload: { username: user.username, password } };
  } },
  { route: 'GET /api/session/me', grants: staffOnly, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/session/me' }) },
  { route: 'PUT /api/session/password', grants: staffOnly, global: true, make: () => Promise.resolve({ method: 'PUT', url: '/api/session/password', payload: { currentPassword: 'Test-Passw0rd!', newPassword: 'Changed-Passw0rd!' } }) },
  { route: 'DELETE /api/session', grants: staffOnly, global: true, make: () => Promise.resolve({ method: 'DELETE', url: '/api/session' }) },
  // Users.
  { route: 'GET /api/users', grants: { ...readingUsers, org_admin: 'all', auditor: 'all' }, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/users' }) },
  { route: 'GET /api/users/{id}', grants: readingUsers, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/users/${w.users[where]}` }) },
  { route: 'POST /api/users', grants: managingUsers, make: (w, where) => {
    nameSerial += 1;
    return Promise.resolve({ method: 'POST', url: '/api/users', payload: { username: `matrix-new-${nameSerial}`, displayName: '矩阵测试', password: 'Matrix-Passw0rd!', grants: [{ role: 'editor', organizationId: orgOf(w, where).id }] } });
  } },
  { route: 'PATCH /api/users/{id}', grants: managingUsers, make: (w, where) => Promise.resolve({ method: 'PATCH', url: `/api/users/${w.users[where]}`, payload: { displayName: '矩阵测试用户' } }) },
  { route: 'POST /api/users/{id}/reset-password', grants: managingUsers, make: (w, where) => Promise.resolve({ method: 'POST', url: `/api/users/${w.users[where]}/reset-password` }) },
  // Organizations: reading is public; creating below / updating needs an administrator of the subtree.
  { route: 'GET /api/organizations', grants: everyone, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/organizations' }) },
  { route: 'GET /api/organizations/{id}', grants: everyone, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/organizations/${orgOf(w, where).id}` }) },
  { route: 'POST /api/organizations', grants: managingUsers, make: (w, where) => {
    nameSerial += 1;
    return Promise.resolve({ method: 'POST', url: '/api/organizations', payload: { parentId: orgOf(w, where).id, name: `矩阵测试局${nameSerial}`, kind: 'department', level: 'county', organizationCode: `64099${String(nameSerial).padStart(4, '0')}` } });
  } },
  { route: 'PATCH /api/organizations/{id}', grants: managingUsers, make: (w, where) => Promise.resolve({ method: 'PATCH', url: `/api/organizations/${orgOf(w, where).id}`, payload: { shortName: where === 'own' ? '利通区' : '盐池县' } }) },
  // Audit log.
  { route: 'GET /api/audit', grants: readingUsers, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/audit?organizationId=${orgOf(w, where).id}` }) },
  // Catalog reads: published items are public; drafts only to staff of the subtree.
  { route: 'GET /api/items', grants: everyone, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/items' }) },
  { route: 'GET /api/items/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/items/${await draft(w, where)}` }) },
  { route: 'GET /api/items/{id}/timeliness', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/items/${await draft(w, where)}/timeliness` }) },
  { route: 'GET /api/items/{id}/attachments/{attachmentId}', grants: readUnpublished, make: async (w, where) => {
    const id = await draft(w, where);
    const attachment = await addAttachment(w.ctx, w.seed, id, { fileName: '附件.pdf', mediaType: 'application/pdf', data: PDF });
    return { method: 'GET', url: `/api/items/${id}/attachments/${attachment.id}` };
  } },
  // Catalog changes.
  { route: 'POST /api/items', grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: '/api/items', payload: draftInput(orgOf(w, where).id, { issuingAgency: orgOf(w, where).name }) }) },
  { route: 'PATCH /api/items/{id}', grants: drafting, make: async (w, where) => {
    const id = await draft(w, where);
    const row = await w.ctx.store.db.selectFrom('catalog_item').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow();
    return { method: 'PATCH', url: `/api/items/${id}`, payload: { title: '修改后的标题', expectedUpdatedAt: row.updated_at } };
  } },
  { route: 'POST /api/items/{id}/submit', grants: drafting, make: async (w, where) => ({ method: 'POST', url: `/api/items/${await draft(w, where)}/submit` }) },
  { route: 'POST /api/items/{id}/attachments', grants: drafting, make: async (w, where) => ({ method: 'POST', url: `/api/items/${await draft(w, where)}/attachments`, ...multipart('附件.pdf', 'application/pdf', PDF) }) },
  { route: 'POST /api/items/{id}/interpretations', grants: drafting, make: async (w, where) => {
    const policy = await published(w, where);
    const org = orgOf(w, where);
    const interpretation = (await createDraft(w.ctx, w.seed, draftInput(org.id, { issuingAgency: org.name, title: '政策解读', genre: 'interpretation' }))).id;
    return { method: 'POST', url: `/api/items/${policy}/interpretations`, payload: { interpretationItemId: interpretation } };
  } },
  { route: 'POST /api/items/{id}/return', grants: approving, make: async (w, where) => ({ method: 'POST', url: `/api/items/${await submitted(w, where)}/return`, payload: { comment: '请补充内容概述' } }) },
  { route: 'POST /api/items/{id}/publish', grants: approving, make: async (w, where) => ({ method: 'POST', url: `/api/items/${await submitted(w, where)}/publish` }) },
  { route: 'POST /api/items/{id}/withdraw', grants: approving, make: async (w, where) => ({ method: 'POST', url: `/api/items/${await published(w, where)}/withdraw`, payload: { reason: '内容有误' } }) },
  { route: 'POST /api/items/{id}/supersede', grants: approving, make: async (w, where) => {
    const old = await published(w, where);
    const replacement = await published(w, where);
    return { method: 'POST', url: `/api/items/${old}/supersede`, payload: { byItemId: replacement } };
  } },
  { route: 'POST /api/items/import', grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: `/api/items/import?organizationId=${orgOf(w, where).id}&dryRun=true`, ...multipart('目录.csv', 'text/csv', CSV) }) },
  { route: 'GET /api/items/export', grants: { ...readUnpublished, system_admin: 'all' }, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/items/export?organizationId=${orgOf(w, where).id}&format=csv` }) },
  // Reconsideration and litigation records (table 四): read by staff of the subtree, managed by org_admin/editor.
  { route: 'GET /api/reviews', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/reviews?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'GET /api/reviews/table', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/reviews/table?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'POST /api/reviews', grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: '/api/reviews', payload: reviewInput(orgOf(w, where).id) }) },
  { route: 'GET /api/reviews/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/reviews/${await review(w, where)}` }) },
  { route: 'PATCH /api/reviews/{id}', grants: drafting, make: async (w, where) => ({ method: 'PATCH', url: `/api/reviews/${await review(w, where)}`, payload: { decidedOn: '2026-10-20', outcome: 'upheld' } }) },
  // Requests: the queue and cases are read by staff of the subtree; registering by editors and org admins;
  // recording events by those and approvers (an extension only by approvers: tested in the service).
  { route: 'GET /api/requests', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/requests?organizationId=${orgOf(w, where).id}&filter=all` }) },
  { route: 'POST /api/requests', grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: '/api/requests', payload: requestInput(orgOf(w, where).id) }) },
  { route: 'GET /api/requests/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/requests/${await requestCase(w, where)}` }) },
  { route: 'POST /api/requests/{id}/events', grants: { ...drafting, approver: 'own' }, make: async (w, where) => ({ method: 'POST', url: `/api/requests/${await requestCase(w, where)}/events`, payload: { kind: 'clarification-requested', on: '2026-11-30', items: '请写明文件名称', dueOn: '2026-12-10' } }) },
  { route: 'POST /api/requests/{id}/attachments', grants: { ...drafting, approver: 'own' }, make: async (w, where) => ({ method: 'POST', url: `/api/requests/${await requestCase(w, where)}/attachments`, ...multipart('申请书.pdf', 'application/pdf', PDF, { kind: 'request' }) }) },
  { route: 'GET /api/requests/{id}/attachments/{attachmentId}', grants: readUnpublished, make: async (w, where) => {
    const id = await requestCase(w, where);
    const attachment = await addRequestAttachment(w.ctx, w.seed, id, { fileName: '申请书.pdf', mediaType: 'application/pdf', data: PDF }, 'request');
    return { method: 'GET', url: `/api/requests/${id}/attachments/${attachment.id}` };
  } },
  // Request statistics (tables 三 and 四): read by staff of the subtree (requests.read and reviews.read).
  { route: 'GET /api/requests/statistics', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/requests/statistics?organizationId=${orgOf(w, where).id}&year=2026&format=2021` }) },
  // Annual reports: the staff export (the draft computed now; the snapshot once submitted).
  // Importing a published report file: editors and org admins of the organization (and system admins anywhere).
  { route: 'POST /api/reports/imports', grants: { ...drafting, system_admin: 'all' }, make: (w, where) => Promise.resolve({ method: 'POST', url: `/api/reports/imports?organizationId=${orgOf(w, where).id}&year=2017`, ...multipart('wuzhong-2017.txt', 'text/plain', WUZHONG_2017) }) },
  { route: 'GET /api/reports/{orgId}/{year}/export', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/reports/${orgOf(w, where).id}/2026/export?format=json` }) },
  // Annual reports (2019 art. 49–50): read by staff of the subtree; written and submitted by editors and org admins;
  // returned or accepted on the competent OGI department's organization (approver, org_admin); published by approvers.
  { route: 'GET /api/reports', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/reports?organizationId=${orgOf(w, where).id}&year=2025` }) },
  { route: 'PUT /api/reports/{orgId}/{year}', grants: drafting, make: async (w, where) => {
    const { orgId, report } = await reportIn(w, where, 'draft');
    return { method: 'PUT', url: `/api/reports/${orgId}/2025`, payload: { version: report.version, sections: { other: '<p>无其他需要报告的事项。</p>' } } };
  } },
  { route: 'PUT /api/reports/{orgId}/{year}/entries', grants: drafting, make: async (w, where) => {
    const { orgId } = await reportIn(w, where, 'draft');
    return { method: 'PUT', url: `/api/reports/${orgId}/2025/entries`, payload: { entries: [{ cell: 't2-5/licensing/decisions', value: 12 }] } };
  } },
  { route: 'POST /api/reports/{orgId}/{year}/check', grants: drafting, make: async (w, where) => ({ method: 'POST', url: `/api/reports/${(await reportIn(w, where, 'draft')).orgId}/2025/check` }) },
  { route: 'POST /api/reports/{orgId}/{year}/submit', grants: drafting, make: async (w, where) => {
    const { orgId, report } = await reportIn(w, where, 'draft');
    return { method: 'POST', url: `/api/reports/${orgId}/2025/submit`, payload: { version: report.version } };
  } },
  { route: 'POST /api/reports/{orgId}/{year}/return', grants: { ...approving, org_admin: 'own' }, make: async (w, where) => {
    const { orgId, report } = await reportIn(w, where, 'submitted');
    return { method: 'POST', url: `/api/reports/${orgId}/2025/return`, payload: { version: report.version, comment: '请核实表二的行政许可数量' } };
  } },
  { route: 'POST /api/reports/{orgId}/{year}/accept', grants: { ...approving, org_admin: 'own' }, make: async (w, where) => {
    const { orgId, report } = await reportIn(w, where, 'submitted');
    return { method: 'POST', url: `/api/reports/${orgId}/2025/accept`, payload: { version: report.version } };
  } },
  { route: 'POST /api/reports/{orgId}/{year}/publish', grants: approving, make: async (w, where) => {
    const { orgId, report } = await reportIn(w, where, 'accepted');
    return { method: 'POST', url: `/api/reports/${orgId}/2025/publish`, payload: { version: report.version } };
  } },
  { route: 'GET /api/reports/{orgId}/{year}/steps', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/reports/${(await reportIn(w, where, 'submitted')).orgId}/2025/steps` }) },
  // The views over annual reports: the records behind a cell, the roll-up comparison and the submission dashboard
  // are read by staff of the subtree (reports.read).
  { route: 'GET /api/reports/{orgId}/{year}/trace', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/reports/${orgOf(w, where).id}/2026/trace?cell=t3/new/total` }) },
  { route: 'GET /api/reports/{orgId}/{year}/members', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/reports/${orgOf(w, where).id}/2026/members` }) },
  { route: 'GET /api/reports/dashboard', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/reports/dashboard?year=2025&organizationId=${orgOf(w, where).id}` }) },
  // Search is public.
  { route: 'GET /api/search', grants: everyone, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/search?q=%E9%80%9A%E7%9F%A5' }) },
  // The working-day calendar: reading is public; entering or correcting a year is for system administrators.
  { route: 'GET /api/calendar/years', grants: everyone, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/calendar/years' }) },
  { route: 'GET /api/calendar/years/{year}', grants: everyone, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/calendar/years/2026' }) },
  { route: 'PUT /api/calendar/years/{year}', grants: settingsOnly, global: true, make: () => Promise.resolve({ method: 'PUT', url: '/api/calendar/years/2027', payload: { source: '国办发明电〔2026〕99号（矩阵测试数据）', holidays: { '2027-01-01': '元旦' } } }) },
  // The public side of requests: the deadline calculator and tracking by code are open to everyone.
  { route: 'GET /api/deadline', grants: everyone, global: true, make: () => Promise.resolve({ method: 'GET', url: '/api/deadline?received=2024-09-27&channel=online&extension=20' }) },
  { route: 'GET /api/requests/track/{code}', grants: everyone, global: true, make: async (w) => {
    const filed = await submitPublicRequest(w.ctx, { organizationId: w.region.litong.id, requesterType: 'natural', requesterName: '矩阵测试', informationRequested: '矩阵测试申请的政府信息', deliveryForm: 'electronic', deliveryMethod: 'online' });
    return { method: 'GET', url: `/api/requests/track/${filed.trackingCode}` };
  } },
  // Mailbox messages (issue 6): writing and tracking by code are public (POST rate limited: 10 per 10 minutes per client,
  // so the row runs once per role); the queue, one message and the statistics are read by staff of the subtree;
  // assign/reply by org_admin, editor, approver; publish by approvers; the reply period by system and org admins.
  { route: 'POST /api/messages', grants: everyone, global: true, make: (w) => Promise.resolve({ method: 'POST', url: '/api/messages', payload: messageInput(w.region.litong.id) }) },
  { route: 'GET /api/messages/track/{code}', grants: everyone, global: true, make: async (w) => ({ method: 'GET', url: `/api/messages/track/${(await message(w, 'own')).code}` }) },
  { route: 'GET /api/messages', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/messages?organizationId=${orgOf(w, where).id}` }) },
  { route: 'GET /api/messages/statistics', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/messages/statistics?organizationId=${orgOf(w, where).id}&from=2026-01-01&to=2026-12-31&subtree=true` }) },
  { route: 'GET /api/messages/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/messages/${(await message(w, where)).id}` }) },
  { route: 'POST /api/messages/{id}/assign', grants: handlingMessages, make: async (w, where) => ({ method: 'POST', url: `/api/messages/${(await message(w, where)).id}/assign`, payload: { userId: w.users[where] } }) },
  { route: 'POST /api/messages/{id}/reply', grants: handlingMessages, make: async (w, where) => ({ method: 'POST', url: `/api/messages/${(await message(w, where)).id}/reply`, payload: { reply: '矩阵测试回复' } }) },
  { route: 'POST /api/messages/{id}/publish', grants: approving, make: async (w, where) => ({ method: 'POST', url: `/api/messages/${(await message(w, where, true)).id}/publish`, payload: { publicBody: '矩阵测试留言（已删去个人信息）' } }) },
  { route: 'PUT /api/messages/settings/{organizationId}', grants: managingUsers, make: (w, where) => Promise.resolve({ method: 'PUT', url: `/api/messages/settings/${orgOf(w, where).id}`, payload: { replyDays: 12 } }) },

  // Engagement records (press events, interpretations, concern responses; 2014 table 二): read by staff of the
  // subtree (engagement.read), recorded, corrected and deleted by editors and org admins (engagement.manage).
  { route: 'GET /api/press-events', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/press-events?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'POST /api/press-events', grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: '/api/press-events', payload: pressEventInput(orgOf(w, where).id) }) },
  { route: 'GET /api/press-events/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/press-events/${await pressEvent(w, where)}` }) },
  { route: 'PATCH /api/press-events/{id}', grants: drafting, make: async (w, where) => ({ method: 'PATCH', url: `/api/press-events/${await pressEvent(w, where)}`, payload: { topic: '矩阵测试新闻发布会（更正）', principalLeaderAttended: false } }) },
  { route: 'DELETE /api/press-events/{id}', grants: drafting, make: async (w, where) => ({ method: 'DELETE', url: `/api/press-events/${await pressEvent(w, where)}` }) },
  { route: 'GET /api/interpretations', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/interpretations?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'POST /api/interpretations', grants: drafting, make: async (w, where) => ({ method: 'POST', url: '/api/interpretations', payload: await interpretationInput(w, where) }) },
  { route: 'GET /api/interpretations/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/interpretations/${await interpretation(w, where)}` }) },
  { route: 'PATCH /api/interpretations/{id}', grants: drafting, make: async (w, where) => ({ method: 'PATCH', url: `/api/interpretations/${await interpretation(w, where)}`, payload: { form: 'video', url: 'https://www.example.gov.cn/jd/1.mp4' } }) },
  { route: 'DELETE /api/interpretations/{id}', grants: drafting, make: async (w, where) => ({ method: 'DELETE', url: `/api/interpretations/${await interpretation(w, where)}` }) },
  { route: 'GET /api/concern-responses', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/concern-responses?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'POST /api/concern-responses', grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: '/api/concern-responses', payload: concernResponseInput(orgOf(w, where).id) }) },
  { route: 'GET /api/concern-responses/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/concern-responses/${await concernResponse(w, where)}` }) },
  { route: 'PATCH /api/concern-responses/{id}', grants: drafting, make: async (w, where) => ({ method: 'PATCH', url: `/api/concern-responses/${await concernResponse(w, where)}`, payload: { channel: 'website', summary: '已在政府网站回应' } }) },
  { route: 'DELETE /api/concern-responses/{id}', grants: drafting, make: async (w, where) => ({ method: 'DELETE', url: `/api/concern-responses/${await concernResponse(w, where)}` }) },
  { route: 'GET /api/engagement/figures', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/engagement/figures?organizationId=${orgOf(w, where).id}&year=2026` }) },


  // 12345 hotline work orders (issue 6): read by staff of the subtree (hotline.read); imported by editors and
  // org admins of the importing organization and system admins anywhere (hotline.import). The import is a dry run.
  { route: 'POST /api/hotline/imports', grants: { ...drafting, system_admin: 'all' }, make: (w, where) => Promise.resolve({ method: 'POST', url: `/api/hotline/imports?organizationId=${orgOf(w, where).id}&dryRun=true`, ...multipart('热线工单.csv', 'text/csv', hotlineCsv(orgOf(w, where).name)) }) },
  { route: 'GET /api/hotline/orders', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/hotline/orders?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'GET /api/hotline/statistics', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/hotline/statistics?organizationId=${orgOf(w, where).id}&year=2026` }) },

  // NPC deputy suggestions and CPPCC member proposals: read by staff of the subtree, managed by org_admin/editor, disclosure decided by approvers.
  { route: 'GET /api/proposals', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/proposals?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'GET /api/proposals/statistics', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/proposals/statistics?organizationId=${orgOf(w, where).id}&year=2026` }) },
  { route: 'POST /api/proposals', grants: drafting, make: (w, where) => Promise.resolve({ method: 'POST', url: '/api/proposals', payload: proposalInput(orgOf(w, where).id) }) },
  { route: 'GET /api/proposals/{id}', grants: readUnpublished, make: async (w, where) => ({ method: 'GET', url: `/api/proposals/${await proposal(w, where)}` }) },
  { route: 'PATCH /api/proposals/{id}', grants: drafting, make: async (w, where) => ({ method: 'PATCH', url: `/api/proposals/${await proposal(w, where)}`, payload: { title: '矩阵测试建议（更正）' } }) },
  { route: 'POST /api/proposals/{id}/reply', grants: drafting, make: async (w, where) => ({ method: 'POST', url: `/api/proposals/${await proposal(w, where)}/reply`, payload: { repliedOn: '2026-10-15', replySummary: '矩阵测试答复', adoption: 'planned' } }) },
  { route: 'POST /api/proposals/{id}/publish', grants: approving, make: async (w, where) => ({ method: 'POST', url: `/api/proposals/${await proposal(w, where, true)}/publish`, payload: { publishedOn: '2026-10-16' } }) },
  { route: 'POST /api/proposals/{id}/withhold', grants: approving, make: async (w, where) => ({ method: 'POST', url: `/api/proposals/${await proposal(w, where, true)}/withhold`, payload: { reason: '涉及国家秘密' } }) },

  // OGI work records (2014 table 六, 八, 九): read by staff of the subtree (work_records.read), changed by
  // org_admin and editor of the subtree (work_records.manage). The staffing PUT is an upsert without
  // `expectedUpdatedAt`, so repeated calls succeed.
  { route: 'GET /api/work-records/staffing', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/work-records/staffing?organizationId=${orgOf(w, where).id}&year=2025` }) },
  { route: 'PUT /api/work-records/staffing', grants: drafting, make: (w, where) => Promise.resolve({ method: 'PUT', url: `/api/work-records/staffing?organizationId=${orgOf(w, where).id}&year=2025`, payload: { ogiOffices: 1, staffFullTime: 3, staffPartTime: 10, funding: 12.5 } }) },
  { route: 'GET /api/work-records/figures', grants: readUnpublished, make: (w, where) => Promise.resolve({ method: 'GET', url: `/api/work-records/figures?organizationId=${orgOf(w, where).id}&year=2025&subtree=true` }) },
  ...workRecordRows('reading-points', 'reading-point', { closedOn: '2026-11-27' }),
  ...workRecordRows('ogi-meetings', 'meeting', { kind: 'special' }),
  ...workRecordRows('training-sessions', 'training-session', { attendees: 45 }),
  ...workRecordRows('ogi-complaints', 'complaint', { outcome: '已答复', closedOn: '2026-11-27' }),

];

const CLOCK = new FixedClock('2026-11-30T02:00:00Z');
let world: World | undefined;
let storeRef: Store | undefined;
function currentWorld(): World {
  if (!world) throw new Error('world not built');
  return world;
}
function currentStore(): Store {
  if (!storeRef) throw new Error('store not open');
  return storeRef;
}

describeEachDialect('permission matrix: every API route x role x own/other organization', (t) => {
  let app: GongkaiApp;
  let store: Store;

  before(async () => {
    store = await t.open();
    storeRef = store;
    const ctx = testContext(store, CLOCK);
    const region = await seedRegion(store, CLOCK);
    const own = await createTestUser(store, CLOCK, { role: 'editor', organizationId: region.litong.id });
    const other = await createTestUser(store, CLOCK, { role: 'editor', organizationId: region.yanchi.id });
    world = { ctx, region, seed: systemActor('matrix'), users: { own: own.user.id, other: other.user.id } };
    app = await buildApp(ctx, { logger: false });
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  /** A fresh session for each call: some routes (logout, password change) end the caller's sessions. */
  async function tokenFor(who: Who): Promise<string | undefined> {
    if (who === 'public') return undefined;
    const { user, password } = await createTestUser(store, CLOCK, { role: who, organizationId: who === 'system_admin' ? null : currentWorld().region.litong.id });
    return loginToken(store, user.username, password, CLOCK);
  }

  void it('lists exactly the routes of the OpenAPI document', () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    assert.deepEqual(MATRIX.map((r) => r.route).sort(), documented);
  });

  for (const row of MATRIX) {
    void it(row.route, async () => {
      const failures: string[] = [];
      for (const who of WHO) {
        for (const where of row.global ? (['own'] as const) : (['own', 'other'] as const)) {
          const token = await tokenFor(who);
          const request = await row.make(currentWorld(), where);
          const response = await app.inject({
            method: request.method,
            url: request.url,
            ...(request.payload !== undefined ? { payload: request.payload as string } : {}),
            headers: { ...(request.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          });
          const grant = row.grants[who];
          const allowed = grant === 'all' || (grant === 'own' && where === 'own');
          const status = response.statusCode;
          const ok = allowed ? status >= 200 && status < 300 : who === 'public' ? [401, 404].includes(status) : [403, 404].includes(status);
          if (!ok) failures.push(`${who}/${where}: expected ${allowed ? 'allow (2xx)' : 'deny'}, got ${status} ${response.body.slice(0, 160)}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});

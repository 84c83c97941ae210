import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CatalogWorld } from '../../test/helpers/catalog-fixtures.ts';
import { catalogCounts, catalogWorld, draftInput } from '../../test/helpers/catalog-fixtures.ts';
import { testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { PUBLIC_ACTOR } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { identifyAttachment } from './attachment.ts';
import { addAttachment, attachmentPath, getAttachment } from './attachment.service.ts';
import { approveAndPublish, createDraft, submitItem } from './catalog.service.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);

void describe('attachment type check', () => {
  void it('accepts matching declared type, extension and magic bytes', () => {
    assert.ok(identifyAttachment('通知.pdf', 'application/pdf', PDF).ok);
    assert.ok(identifyAttachment('表格.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ZIP).ok);
    assert.ok(identifyAttachment('公文.ofd', 'application/octet-stream', ZIP).ok);
    assert.ok(identifyAttachment('旧表.XLS', 'application/vnd.ms-excel', OLE).ok);
    assert.ok(identifyAttachment('图.png', 'image/png', PNG).ok);
    assert.ok(identifyAttachment('说明.txt', 'text/plain; charset=utf-8', Buffer.from('政府信息公开\n')).ok);
  });

  void it('refuses other extensions, mismatched types and wrong magic bytes', () => {
    const refused = (name: string, type: string, data: Buffer): string => {
      const r = identifyAttachment(name, type, data);
      assert.equal(r.ok, false, name);
      return r.ok ? '' : r.zh;
    };
    assert.match(refused('run.exe', 'application/octet-stream', Buffer.from('MZ')), /不允许上传 \.exe/);
    assert.match(refused('page.html', 'text/html', Buffer.from('<script>')), /不允许上传 \.html/);
    assert.match(refused('通知.pdf', 'text/html', PDF), /声明的类型/);
    assert.match(refused('通知.pdf', 'application/pdf', Buffer.from('MZ\x90\x00')), /不是 \.pdf 格式/);
    assert.match(refused('图.jpg', 'image/jpeg', PNG), /不是 \.jpg 格式/);
    assert.match(refused('a.txt', 'text/plain', Buffer.from([0x4d, 0x5a, 0x00, 0x01])), /不是 \.txt 格式/);
  });
});

describeEachDialect('attachment service', (t) => {
  let store: Store;
  let w: CatalogWorld;
  let dir: string;
  before(async () => {
    store = await t.open();
    dir = await mkdtemp(join(tmpdir(), 'gk-attach-'));
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    const base = testContext(store, clock);
    w = await catalogWorld(store, clock, { ...base, config: { ...base.config, attachmentsDir: dir, maxUploadBytes: 1024 } });
  });
  after(async () => {
    await t.close(store);
    await rm(dir, { recursive: true, force: true });
  });

  void it('stores a good PDF content-addressed, audited, and serves it to the public once published', async () => {
    const draft = await createDraft(w.ctx, w.editor, draftInput(w.office.id));
    const before = await catalogCounts(store);
    const attachment = await addAttachment(w.ctx, w.editor, draft.id, { fileName: '../../附件1：实施细则.pdf', mediaType: 'application/pdf', data: PDF });
    assert.equal(attachment.fileName, '附件1：实施细则.pdf');
    assert.equal(attachment.mediaType, 'application/pdf');
    assert.equal(attachment.sizeBytes, PDF.length);
    assert.equal(attachment.sha256.length, 64);
    const path = attachmentPath(dir, attachment.sha256);
    assert.equal(path, join(dir, attachment.sha256.slice(0, 2), attachment.sha256));
    assert.deepEqual(await readFile(path), PDF);
    const after1 = await catalogCounts(store);
    assert.equal(after1.attachments, before.attachments + 1);
    assert.equal(after1.audits, before.audits + 1);
    // Not public while a draft; public once published.
    await assert.rejects(getAttachment(w.ctx, PUBLIC_ACTOR, draft.id, attachment.id), (e: unknown) => isGongkaiError(e, 'NOT_FOUND'));
    assert.equal((await getAttachment(w.ctx, w.editor, draft.id, attachment.id)).filePath, path);
    await submitItem(w.ctx, w.editor, draft.id);
    await approveAndPublish(w.ctx, w.approver, draft.id);
    assert.equal((await getAttachment(w.ctx, PUBLIC_ACTOR, draft.id, attachment.id)).attachment.id, attachment.id);
    // Published items take no more attachments.
    await assert.rejects(addAttachment(w.ctx, w.editor, draft.id, { fileName: 'b.pdf', mediaType: 'application/pdf', data: PDF }), (e: unknown) => isGongkaiError(e, 'ILLEGAL_TRANSITION'));
    await assert.rejects(getAttachment(w.ctx, PUBLIC_ACTOR, draft.id, attachment.id + 999), (e: unknown) => isGongkaiError(e, 'NOT_FOUND'));
  });

  void it('refuses too large files, wrong magic bytes, and outsiders, writing nothing', async () => {
    const draft = await createDraft(w.ctx, w.editor, draftInput(w.office.id));
    const before = await catalogCounts(store);
    await assert.rejects(addAttachment(w.ctx, w.editor, draft.id, { fileName: 'big.pdf', mediaType: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(1024)]) }), (e: unknown) => isGongkaiError(e, 'UPLOAD_TOO_LARGE') && e.issues[0]?.field === 'file');
    await assert.rejects(addAttachment(w.ctx, w.editor, draft.id, { fileName: 'fake.pdf', mediaType: 'application/pdf', data: Buffer.from('MZ\x90\x00 not a pdf') }), (e: unknown) => isGongkaiError(e, 'UPLOAD_TYPE') && e.issues[0]?.field === 'file');
    await assert.rejects(addAttachment(w.ctx, w.editor, draft.id, { fileName: 'x.exe', mediaType: 'application/octet-stream', data: Buffer.from('MZ') }), (e: unknown) => isGongkaiError(e, 'UPLOAD_TYPE'));
    await assert.rejects(addAttachment(w.ctx, w.yanchiEditor, draft.id, { fileName: 'a.pdf', mediaType: 'application/pdf', data: PDF }), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(addAttachment(w.ctx, PUBLIC_ACTOR, draft.id, { fileName: 'a.pdf', mediaType: 'application/pdf', data: PDF }), (e: unknown) => isGongkaiError(e, 'UNAUTHENTICATED'));
    assert.deepEqual(await catalogCounts(store), before);
  });
});

/**
 * Annual-report reminder e-mails through a real SMTP server (smtp-server on loopback), as the
 * request reminders are tested: due-soon (10 calendar days, the default) and overdue reminders go
 * once per organization, year and kind to each OGI office address; submitted reports, offices
 * without an address and reports not yet due get none; a failed send is retried on the next run.
 * Runs on SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { systemActor } from '../auth/actor.ts';
import { countAuditEvents } from '../audit/audit.repository.ts';
import type { Store } from '../db/dialect.ts';
import { updateOrganization } from '../organizations/organization.service.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { storeReportStatus } from '../../test/helpers/report-trace-world.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { actorForUser } from '../auth/session.service.ts';
import { dueReportReminders, sendReportReminders } from './report-reminder.service.ts';

const SYSTEM = systemActor('test');
const DAY = 86_400_000;

describeEachDialect('report reminder e-mails', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let clock: FixedClock;
  let region: SeededRegion;
  let server: SMTPServer;
  let transport: Transporter;
  const received: string[] = [];

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          for (const rcpt of session.envelope.rcptTo) received.push(rcpt.address);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: (server.server.address() as AddressInfo).port, secure: false, ignoreTLS: true });
    store = await t.open();
    // 2026-01-25: 6 days before the departments' deadline, 65 before the governments'.
    clock = new FixedClock('2026-01-25T02:00:00Z');
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    for (const [o, email] of [
      [region.cityDepartment, 'ogi@czj.example.gov.cn'],
      [region.litong, 'ogi@litong.example.gov.cn'],
      [region.litongDepartment, 'ogi@jyj.example.gov.cn'],
      [region.yanchiDepartment, 'ogi@wjj.example.gov.cn'],
    ] as const) {
      await updateOrganization(ctx, SYSTEM, o.id, { ogiOffice: { email } });
    }
    // 财政局 has submitted; 教育局 has a draft; 卫健局 nothing; 利通区 was returned; 盐池县 has no address.
    await storeReportStatus(store, region.cityDepartment.id, 2025, 'submitted', '2026-01-20T02:00:00.000Z');
    await storeReportStatus(store, region.litongDepartment.id, 2025, 'draft');
    await storeReportStatus(store, region.litong.id, 2025, 'returned', '2026-01-15T02:00:00.000Z');
  });
  after(async () => {
    await t.close(store);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  void it('sends due-soon, then overdue reminders, each once, to the offices that have not submitted', async () => {
    const audits = await countAuditEvents(store.db);
    assert.deepEqual(await sendReportReminders(ctx, SYSTEM, transport), { sent: 2, skipped: 0, failed: 0 });
    assert.deepEqual(received.splice(0).sort(), ['ogi@jyj.example.gov.cn', 'ogi@wjj.example.gov.cn']);
    assert.equal(await countAuditEvents(store.db), audits + 2, 'each sent reminder is recorded');
    assert.deepEqual(await sendReportReminders(ctx, SYSTEM, transport), { sent: 0, skipped: 2, failed: 0 }, 'the same day again: nothing new');
    assert.equal(received.length, 0);

    // 2026-02-01: the departments are overdue (a new kind: sent once more).
    clock.advance(7 * DAY);
    const due = await dueReportReminders(ctx, SYSTEM);
    assert.deepEqual(due.map((r) => [r.recipient, r.kind, r.deadline]).sort(), [
      ['ogi@jyj.example.gov.cn', 'overdue', '2026-01-31'],
      ['ogi@wjj.example.gov.cn', 'overdue', '2026-01-31'],
    ]);
    assert.deepEqual(await sendReportReminders(ctx, SYSTEM, transport), { sent: 2, skipped: 0, failed: 0 });
    assert.equal(received.splice(0).length, 2);

    // 2026-03-25: 利通区人民政府 (returned) is due on 03-31; the departments' overdue reminders went already.
    clock.advance(52 * DAY);
    assert.deepEqual(await sendReportReminders(ctx, SYSTEM, transport), { sent: 1, skipped: 2, failed: 0 });
    assert.deepEqual(received.splice(0), ['ogi@litong.example.gov.cn']);
  });

  void it('a failed send is not recorded and goes out on the next run', async () => {
    // 2026-04-01: 利通区人民政府 is overdue.
    clock.advance(7 * DAY);
    const broken = { sendMail: () => Promise.reject(new Error('connection refused')) } as unknown as Transporter;
    assert.deepEqual(await sendReportReminders(ctx, SYSTEM, broken), { sent: 0, skipped: 2, failed: 1 });
    assert.deepEqual(await sendReportReminders(ctx, SYSTEM, transport), { sent: 1, skipped: 2, failed: 0 });
    assert.deepEqual(received.splice(0), ['ogi@litong.example.gov.cn']);
  });

  void it('without a transport nothing is sent; only the system may send', async () => {
    assert.deepEqual(await sendReportReminders(ctx, SYSTEM, null), { sent: 0, skipped: 0, failed: 0 });
    const editor = actorForUser((await createTestUser(store, clock, { role: 'org_admin', organizationId: region.city.id })).user);
    await assert.rejects(sendReportReminders(ctx, editor, transport), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
  });
});

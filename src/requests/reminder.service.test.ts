/**
 * Reminder e-mails through a real SMTP server (smtp-server on loopback): due-soon and overdue cases
 * of organizations with an OGI office address are reminded once; a case without an address, an
 * answered case and one due later are not. Dates counted by hand from 国办发明电〔2023〕7号.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { updateOrganization } from '../organizations/organization.service.ts';
import { FixedClock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { seedRegion, testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { sendDueReminders } from './reminder.service.ts';
import { recordEvent, registerRequest } from './request.service.ts';

const BASE = { requesterType: 'natural', requesterName: '李四', informationRequested: '某项目的环评批复', deliveryForm: 'electronic', deliveryMethod: 'email', channel: 'in-person' };

describeEachDialect('reminder e-mails', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let server: SMTPServer;
  let port = 0;
  const received: { to: string; subject: string }[] = [];
  const seed = systemActor('test');

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, subject });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    store = await t.open();
  });
  after(async () => {
    await t.close(store);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends due-soon and overdue reminders once, to the OGI office address', async () => {
    // Today 2024-11-25 (Mon); window 5 working days → due soon until 12-02.
    const clock = new FixedClock('2024-11-25T02:00:00Z');
    ctx = testContext(store, clock);
    const region = await seedRegion(store, clock);
    await updateOrganization(ctx, seed, region.litong.id, { ogiOffice: { email: 'ogi@litong.example.gov.cn' } });
    // Received 2024-10-25 (Fri): 20 working days → 11-22 (Fri): overdue.
    const overdue = await registerRequest(ctx, seed, { ...BASE, organizationId: region.litong.id, submittedOn: '2024-10-25' });
    // Received 2024-11-01 (Fri): 11-04..08 (5), 11-11..15 (10), 11-18..22 (15), 11-25..29 (20) → 11-29: due soon.
    const dueSoon = await registerRequest(ctx, seed, { ...BASE, organizationId: region.litong.id, submittedOn: '2024-11-01' });
    // Received 2024-11-20: due 12-18, later than the window.
    await registerRequest(ctx, seed, { ...BASE, organizationId: region.litong.id, submittedOn: '2024-11-20' });
    // Overdue but answered: no reminder.
    const answered = await registerRequest(ctx, seed, { ...BASE, organizationId: region.litong.id, submittedOn: '2024-10-24' });
    await recordEvent(ctx, seed, answered.id, { kind: 'answered', on: '2024-11-21', outcome: 'disclosed' });
    // Overdue at an organization without an address: in-app only.
    await registerRequest(ctx, seed, { ...BASE, organizationId: region.yanchi.id, submittedOn: '2024-10-25' });
    assert.equal(overdue.clock.deadline?.finalDue, '2024-11-22');
    assert.equal(dueSoon.clock.deadline?.finalDue, '2024-11-29');

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const first = await sendDueReminders(ctx, seed, transport);
    assert.deepEqual(first, { sent: 2, skipped: 0, failed: 0 });
    const mine = received.splice(0);
    assert.deepEqual(mine.map((m) => m.to).sort(), ['ogi@litong.example.gov.cn', 'ogi@litong.example.gov.cn']);
    assert.equal(mine.length, 2);
    const second = await sendDueReminders(ctx, seed, transport);
    assert.deepEqual(second, { sent: 0, skipped: 2, failed: 0 }, 'each reminder goes out once');
    assert.equal(received.length, 0);
  });
});

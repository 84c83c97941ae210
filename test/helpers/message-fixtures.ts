/**
 * A hand-made mailbox for September 2024, counted on 2024-10-20, shared by the statistics unit test
 * and the repository test (2024: 09-14 Sat and 09-29 Sun worked; 09-15..09-17 and 10-01..10-07 off).
 * Three organizations `A`, `B`, `C`; calendar days / working days (after receipt up to the reply
 * day) are written next to each replied message. Hand-counted figures for [2024-09-01, 2024-09-30]:
 * - A: received 5, replied 4, on time 3, overdue 1, days 3 + 18 + 0 + 19 = 40, working days 3 + 13 + 0 + 10 = 26;
 * - B: received 5, replied 3, on time 2, overdue 1, days 8 + 25 + 6 = 39, working days 6 + 12 + 4 = 22;
 * - C: received 1, replied 1, on time 1, days 2, working days 2.
 */
import type { MessageFigureRecord } from '../../src/messages/message-statistics.ts';

/** An organization of the fixture. */
export type FixtureOrganization = 'A' | 'B' | 'C';

/** One message of the fixture, with why it counts as it does. */
export interface FixtureMessage extends Omit<MessageFigureRecord, 'organizationId'> {
  org: FixtureOrganization;
  note: string;
}

/** The messages. */
export const MESSAGE_FIXTURE: readonly FixtureMessage[] = [
  { note: 'A1 on time: 3 days / 3 working (09-03, 04, 05)', org: 'A', receivedOn: '2024-09-02', dueOn: '2024-09-14', repliedOn: '2024-09-05' },
  { note: 'A2 late: 18 days / 13 working (09-03..06, 09..14, 18..20)', org: 'A', receivedOn: '2024-09-02', dueOn: '2024-09-14', repliedOn: '2024-09-20' },
  { note: 'A3 same day: 0 / 0', org: 'A', receivedOn: '2024-09-10', dueOn: '2024-09-25', repliedOn: '2024-09-10' },
  { note: 'A4 unanswered, due 10-10 < 10-20: overdue', org: 'A', receivedOn: '2024-09-20', dueOn: '2024-10-10', repliedOn: null },
  { note: 'A5 on the due day: 19 days / 10 working (09-29, 30, 10-08..12, 14..16)', org: 'A', receivedOn: '2024-09-27', dueOn: '2024-10-16', repliedOn: '2024-10-16' },
  { note: 'A6 received before the period', org: 'A', receivedOn: '2024-08-30', dueOn: '2024-09-13', repliedOn: '2024-09-02' },
  { note: 'A7 received after the period, overdue', org: 'A', receivedOn: '2024-10-02', dueOn: '2024-10-18', repliedOn: null },
  { note: 'B1 on time: 8 days / 6 working (09-06, 09..13)', org: 'B', receivedOn: '2024-09-05', dueOn: '2024-09-20', repliedOn: '2024-09-13' },
  { note: 'B2 late: 25 days / 12 working (09-14, 18..20, 23..27, 29, 30, 10-08)', org: 'B', receivedOn: '2024-09-13', dueOn: '2024-09-29', repliedOn: '2024-10-08' },
  { note: 'B3 unanswered, due 10-18 < 10-20: overdue', org: 'B', receivedOn: '2024-09-30', dueOn: '2024-10-18', repliedOn: null },
  { note: 'B4 unanswered, due 10-21: not yet overdue', org: 'B', receivedOn: '2024-09-30', dueOn: '2024-10-21', repliedOn: null },
  { note: 'B5 on time: 6 days / 4 working (09-19, 20, 23, 24)', org: 'B', receivedOn: '2024-09-18', dueOn: '2024-10-08', repliedOn: '2024-09-24' },
  { note: 'C1 on time: 2 days / 2 working', org: 'C', receivedOn: '2024-09-09', dueOn: '2024-09-23', repliedOn: '2024-09-11' },
];

/** The fixture as statistics records, with each organization's id. */
export function fixtureRecords(ids: Readonly<Record<FixtureOrganization, number>>): MessageFigureRecord[] {
  return MESSAGE_FIXTURE.map((m) => ({ organizationId: ids[m.org], receivedOn: m.receivedOn, dueOn: m.dueOn, repliedOn: m.repliedOn }));
}

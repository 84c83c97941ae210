import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendar } from '../calendar/working-days.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { appendEvent, DEFAULT_CLOCK_OPTIONS, foldCase, timeliness } from './case-clock.ts';
import type { CaseClock, ClockOptions } from './case-clock.ts';
import type { Channel } from './request-case.ts';
import { REQUEST_EVENT_KINDS } from './request-event.ts';
import type { LoggedEvent, RequestEvent, RequestEventKind } from './request-event.ts';

const calendar = builtInCalendar();

/*
 * Every expected date below was counted by hand on a printed month calendar marked with the
 * State Council General Office notices on the year's holidays, not by calling the code:
 * - 2019: 国办发明电〔2018〕15号 as amended by 国办发明电〔2019〕2号 (劳动节 05-01 … 05-04 off,
 *   Sun 04-28 and Sun 05-05 worked; 端午 06-07 off);
 * - 2024: 国办发明电〔2023〕7号 (春节 02-10 … 02-17 off, Sun 02-04 and Sun 02-18 worked);
 * - 2025: 国办发明电〔2024〕12号 (清明 04-04 off; 劳动节 05-01 … 05-05 off, Sun 04-27 worked;
 *   国庆/中秋 10-01 … 10-08 off, Sun 09-28 and Sat 10-11 worked).
 * The period runs from the day after the start date (the module's convention).
 *
 * The base case: received in person on Mon 2025-03-03. 20 working days: 03-04 … 03-07 (4),
 * 03-10 … 03-14 (9), 03-17 … 03-21 (14), 03-24 … 03-28 (19), 03-31 (20): due 2025-03-31.
 */
const R = '2025-03-03';
const DUE = '2025-03-31';

type Code = 'ILLEGAL_TRANSITION' | 'VALIDATION_FAILED';

function received(on = R, channel: Channel = 'in-person'): RequestEvent {
  return { kind: 'received', on, channel };
}

function logOf(events: readonly RequestEvent[]): LoggedEvent[] {
  return events.map((e, i) => ({ ...e, seq: i + 1 }));
}

function fold(events: readonly RequestEvent[], options: ClockOptions = DEFAULT_CLOCK_OPTIONS): CaseClock {
  return foldCase(calendar, logOf(events), options);
}

/** Asserts that folding `events` is refused with `code` and this Chinese reason (and field). */
function refused(events: readonly RequestEvent[], code: Code, zh: string, field?: string, options: ClockOptions = DEFAULT_CLOCK_OPTIONS): void {
  assert.throws(
    () => fold(events, options),
    (e: unknown) => {
      assert.ok(isGongkaiError(e), `not a GongkaiError: ${String(e)}`);
      assert.equal(e.code, code, e.message);
      assert.equal(e.issues[0]?.messageZh, zh);
      if (field !== undefined) assert.equal(e.issues[0]?.field, field);
      return true;
    },
  );
}

const clarify = (on: string, dueOn: string): RequestEvent => ({ kind: 'clarification-requested', on, items: '请明确所需信息的名称和文号', dueOn });
const clarified = (on: string): RequestEvent => ({ kind: 'clarification-received', on });
const consult = (on: string, partyName = '某公司', party: 'third-party' | 'agency' = 'third-party'): RequestEvent => ({ kind: 'consultation-sent', on, party, partyName });
const consultAnswer = (on: string, consultation: number, opinion: 'consent' | 'objection' | 'no-reply' = 'consent'): RequestEvent => ({ kind: 'consultation-answered', on, consultation, opinion });
const extend = (on: string, workingDays = 20, noticeOn = on): RequestEvent => ({ kind: 'extension-approved', on, workingDays, reason: '需要调取档案', approvedBy: '张主任', noticeOn });
const feeNotice = (on: string): RequestEvent => ({ kind: 'fee-notice-sent', on, method: 'per-request', quantity: 12, amountYuan: 200 });
const answer = (on: string, outcome = 'disclosed', reasons?: string): RequestEvent => ({ kind: 'answered', on, outcome, legalBasis: '第三十六条第（二）项', ...(reasons === undefined ? {} : { reasons }) });
const deliver = (on: string): RequestEvent => ({ kind: 'delivered', on, method: 'post' });

/** The allowed next kinds in each state, as the module lists them. */
const NEXT = {
  processing: ['clarification-requested', 'consultation-sent', 'extension-approved', 'fee-notice-sent', 'answered', 'withdrawn'],
  awaitingClarification: ['clarification-received', 'clarification-lapsed', 'withdrawn'],
  inConsultation: ['consultation-answered', 'consultation-sent', 'extension-approved', 'answered', 'withdrawn'],
  awaitingFee: ['fee-paid', 'fee-lapsed', 'extension-approved', 'withdrawn'],
} satisfies Record<string, RequestEventKind[]>;

/** The logs that put a case in each state (received 2025-03-03). */
const STATES: Record<string, readonly RequestEvent[]> = {
  processing: [received()],
  'processing after clarification': [received(), clarify('2025-03-05', '2025-03-20'), clarified('2025-03-10')],
  'awaiting-clarification': [received(), clarify('2025-03-05', '2025-03-20')],
  'in-consultation': [received(), consult('2025-03-07')],
  'awaiting-fee': [received(), feeNotice('2025-03-10')],
  answered: [received(), answer('2025-03-20')],
  delivered: [received(), answer('2025-03-20'), deliver('2025-03-21')],
  'closed (delivered and closed)': [received(), answer('2025-03-20'), deliver('2025-03-21'), { kind: 'closed', on: '2025-03-24' }],
  'closed (withdrawn)': [received(), { kind: 'withdrawn', on: '2025-03-12' }],
};

/** One well-formed event of each kind on 2025-03-25, to probe the kinds a state does not list. */
function sample(kind: RequestEventKind): RequestEvent {
  const on = '2025-03-25';
  switch (kind) {
    case 'received':
      return received(on);
    case 'clarification-requested':
      return clarify(on, '2025-04-10');
    case 'clarification-received':
    case 'clarification-lapsed':
    case 'fee-paid':
    case 'fee-lapsed':
    case 'withdrawn':
    case 'closed':
      return { kind, on };
    case 'consultation-sent':
      return consult(on);
    case 'consultation-answered':
      return consultAnswer(on, 2);
    case 'extension-approved':
      return extend(on);
    case 'fee-notice-sent':
      return feeNotice(on);
    case 'answered':
      return answer(on);
    case 'delivered':
      return deliver(on);
  }
}

void describe('case clock: transitions accepted', () => {
  void it('a new case is processing with the full period and every first step open', () => {
    const c = fold([received()]);
    assert.equal(c.ruleSet.id, 'regulations2019');
    assert.equal(c.status, 'processing');
    assert.equal(c.waitingOn, null);
    assert.equal(c.outcome, null);
    assert.equal(c.outcomeOn, null);
    assert.equal(c.closedOn, null);
    assert.equal(c.deadline?.clockStartsAfter, R);
    assert.equal(c.deadline?.replyDue, DUE);
    assert.equal(c.deadline?.finalDue, DUE);
    assert.equal(c.provisional, false);
    assert.deepEqual(c.excluded, []);
    assert.deepEqual(c.allowedNext, NEXT.processing);
    assert.equal(c.lastEventOn, R);
  });

  void describe('from processing', () => {
    void it('clarification-requested: awaiting the requester, the clock stands', () => {
      const c = fold([received(), clarify('2025-03-05', '2025-03-20')]);
      assert.equal(c.status, 'awaiting-clarification');
      assert.equal(c.waitingOn, 'requester');
      assert.equal(c.deadline, null);
      assert.equal(c.outcome, null);
      assert.equal(c.closedOn, null);
      assert.deepEqual(c.clarification, { seq: 2, requestedOn: '2025-03-05', items: '请明确所需信息的名称和文号', dueOn: '2025-03-20', receivedOn: null, lapsedOn: null });
      assert.deepEqual(c.allowedNext, NEXT.awaitingClarification);
    });

    void it('consultation-sent: in consultation, waiting on the third party', () => {
      const c = fold([received(), consult('2025-03-07')]);
      assert.equal(c.status, 'in-consultation');
      assert.equal(c.waitingOn, 'third-party');
      assert.equal(c.outcome, null);
      assert.deepEqual(c.allowedNext, NEXT.inConsultation);
    });

    void it('extension-approved: still processing, the extension no longer offered', () => {
      const c = fold([received(), extend('2025-03-28')]);
      assert.equal(c.status, 'processing');
      assert.equal(c.waitingOn, null);
      assert.deepEqual(c.extension, { seq: 2, approvedOn: '2025-03-28', workingDays: 20, reason: '需要调取档案', approvedBy: '张主任', noticeOn: '2025-03-28' });
      assert.deepEqual(c.allowedNext, ['clarification-requested', 'consultation-sent', 'fee-notice-sent', 'answered', 'withdrawn']);
    });

    void it('fee-notice-sent: awaiting the fee from the requester', () => {
      const c = fold([received(), feeNotice('2025-03-10')]);
      assert.equal(c.status, 'awaiting-fee');
      assert.equal(c.waitingOn, 'requester');
      assert.equal(c.outcome, null);
      assert.deepEqual(c.allowedNext, NEXT.awaitingFee);
    });

    void it('answered: the outcome is decided on the answer day, the case is not closed yet', () => {
      const c = fold([received(), answer('2025-03-20')]);
      assert.equal(c.status, 'answered');
      assert.equal(c.waitingOn, null);
      assert.equal(c.outcome, 'disclosed');
      assert.equal(c.outcomeOn, '2025-03-20');
      assert.equal(c.legalBasis, '第三十六条第（二）项');
      assert.equal(c.answeredOn, '2025-03-20');
      assert.equal(c.closedOn, null);
      assert.deepEqual(c.allowedNext, ['delivered']);
    });

    void it('withdrawn: closed that day with the outcome 其他处理：其他', () => {
      const c = fold([received(), { kind: 'withdrawn', on: '2025-03-12', reason: '申请人书面撤回' }]);
      assert.equal(c.status, 'closed');
      assert.equal(c.waitingOn, null);
      assert.equal(c.outcome, 'other-other');
      assert.equal(c.outcomeOn, '2025-03-12');
      assert.equal(c.closedOn, '2025-03-12');
      assert.deepEqual(c.allowedNext, []);
    });
  });

  void describe('from awaiting-clarification', () => {
    const base = [received(), clarify('2025-03-05', '2025-03-20')];

    void it('clarification-received: processing again, no second clarification offered', () => {
      const c = fold([...base, clarified('2025-03-10')]);
      assert.equal(c.status, 'processing');
      assert.equal(c.waitingOn, null);
      assert.equal(c.clarification?.receivedOn, '2025-03-10');
      assert.deepEqual(c.allowedNext, ['consultation-sent', 'extension-approved', 'fee-notice-sent', 'answered', 'withdrawn']);
    });

    void it('clarification-lapsed after the period: closed as 逾期不补正 (row （六）1), no deadline', () => {
      const c = fold([...base, { kind: 'clarification-lapsed', on: '2025-03-21' }]);
      assert.equal(c.status, 'closed');
      assert.equal(c.waitingOn, null);
      assert.equal(c.outcome, 'other-no-clarification');
      assert.equal(c.outcomeOn, '2025-03-21');
      assert.equal(c.closedOn, '2025-03-21');
      assert.equal(c.legalBasis, '第三十条');
      assert.equal(c.deadline, null);
      assert.deepEqual(c.allowedNext, []);
    });

    void it('withdrawn: closed as 其他', () => {
      const c = fold([...base, { kind: 'withdrawn', on: '2025-03-07' }]);
      assert.equal(c.status, 'closed');
      assert.equal(c.outcome, 'other-other');
      assert.equal(c.closedOn, '2025-03-07');
      assert.equal(c.deadline, null);
    });
  });

  void describe('from in-consultation (third party asked on Fri 2025-03-07)', () => {
    const base = [received(), consult('2025-03-07')];

    void it('consultation-answered: processing again, with the opinion recorded', () => {
      const c = fold([...base, consultAnswer('2025-03-12', 2, 'objection')]);
      assert.equal(c.status, 'processing');
      assert.equal(c.waitingOn, null);
      assert.equal(c.consultations[0]?.answeredOn, '2025-03-12');
      assert.equal(c.consultations[0]?.opinion, 'objection');
      assert.deepEqual(c.allowedNext, NEXT.processing);
    });

    void it('consultation-sent: a second party consulted, still in consultation', () => {
      const c = fold([...base, consult('2025-03-11', '某区住建局', 'agency')]);
      assert.equal(c.status, 'in-consultation');
      assert.equal(c.waitingOn, 'third-party');
      assert.deepEqual(
        c.consultations.map((x) => [x.seq, x.party, x.sentOn]),
        [
          [2, 'third-party', '2025-03-07'],
          [3, 'agency', '2025-03-11'],
        ],
      );
    });

    void it('extension-approved: still in consultation', () => {
      const c = fold([...base, extend('2025-03-20')]);
      assert.equal(c.status, 'in-consultation');
      assert.deepEqual(c.allowedNext, ['consultation-answered', 'consultation-sent', 'answered', 'withdrawn']);
    });

    void it('answered once the window has passed without a reply (the agency decides itself, art. 32)', () => {
      // Window: 15 working days after 03-07 = 03-28; answering on 03-31 is allowed.
      const c = fold([...base, answer('2025-03-31')]);
      assert.equal(c.status, 'answered');
      assert.equal(c.outcome, 'disclosed');
      assert.equal(c.outcomeOn, '2025-03-31');
    });

    void it('withdrawn: closed', () => {
      const c = fold([...base, { kind: 'withdrawn', on: '2025-03-10' }]);
      assert.equal(c.status, 'closed');
      assert.equal(c.outcome, 'other-other');
      assert.equal(c.closedOn, '2025-03-10');
    });
  });

  void describe('from awaiting-fee (notice on Mon 2025-03-10, pay by 2025-04-08)', () => {
    const base = [received(), feeNotice('2025-03-10')];

    void it('fee-paid: processing again, no second fee notice offered', () => {
      const c = fold([...base, { kind: 'fee-paid', on: '2025-03-14' }]);
      assert.equal(c.status, 'processing');
      assert.equal(c.waitingOn, null);
      assert.equal(c.fee?.paidOn, '2025-03-14');
      assert.deepEqual(c.allowedNext, ['clarification-requested', 'consultation-sent', 'extension-approved', 'answered', 'withdrawn']);
    });

    void it('fee-lapsed after the payment deadline: closed as 逾期未缴费 (row （六）2)', () => {
      const c = fold([...base, { kind: 'fee-lapsed', on: '2025-04-09' }]);
      assert.equal(c.status, 'closed');
      assert.equal(c.waitingOn, null);
      assert.equal(c.outcome, 'other-unpaid-fee');
      assert.equal(c.outcomeOn, '2025-04-09');
      assert.equal(c.closedOn, '2025-04-09');
      assert.equal(c.legalBasis, '第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
      assert.deepEqual(c.allowedNext, []);
    });

    void it('extension-approved: still awaiting the fee', () => {
      const c = fold([...base, extend('2025-03-20')]);
      assert.equal(c.status, 'awaiting-fee');
      assert.deepEqual(c.allowedNext, ['fee-paid', 'fee-lapsed', 'withdrawn']);
    });

    void it('withdrawn: closed', () => {
      const c = fold([...base, { kind: 'withdrawn', on: '2025-03-11' }]);
      assert.equal(c.status, 'closed');
      assert.equal(c.outcome, 'other-other');
      assert.equal(c.closedOn, '2025-03-11');
    });
  });

  void it('answered → delivered → closed keeps the outcome and dates the closing', () => {
    const delivered = fold([received(), answer('2025-03-20', 'partial', '部分内容涉及个人隐私'), deliver('2025-03-21')]);
    assert.equal(delivered.status, 'delivered');
    assert.equal(delivered.waitingOn, null);
    assert.equal(delivered.deliveredOn, '2025-03-21');
    assert.equal(delivered.outcome, 'partial');
    assert.equal(delivered.closedOn, null);
    assert.deepEqual(delivered.allowedNext, ['closed']);

    const closed = fold([received(), answer('2025-03-20', 'partial', '部分内容涉及个人隐私'), deliver('2025-03-21'), { kind: 'closed', on: '2025-03-24' }]);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.outcome, 'partial');
    assert.equal(closed.outcomeOn, '2025-03-20');
    assert.equal(closed.closedOn, '2025-03-24');
    assert.deepEqual(closed.allowedNext, []);
    assert.equal(closed.lastEventOn, '2025-03-24');
  });

  void it('unable-unclear is accepted once a clarification was received', () => {
    const c = fold([received(), clarify('2025-03-05', '2025-03-20'), clarified('2025-03-10'), answer('2025-03-20', 'unable-unclear')]);
    assert.equal(c.outcome, 'unable-unclear');
  });

  void it('appendEvent numbers the new event after the log and leaves the log untouched', () => {
    const log = logOf([received()]);
    const c = appendEvent(calendar, log, consult('2025-03-07'));
    assert.equal(c.consultations[0]?.seq, 2);
    assert.equal(log.length, 1);
    assert.throws(() => appendEvent(calendar, log, { kind: 'fee-paid', on: '2025-03-07' }), (e: unknown) => isGongkaiError(e, 'ILLEGAL_TRANSITION'));
  });

  void it('every kind a state does not list as next is refused', () => {
    for (const [state, events] of Object.entries(STATES)) {
      const allowed = fold(events).allowedNext;
      for (const kind of REQUEST_EVENT_KINDS) {
        if (allowed.includes(kind)) continue;
        assert.throws(
          () => fold([...events, sample(kind)]),
          (e: unknown) => isGongkaiError(e, 'ILLEGAL_TRANSITION') || isGongkaiError(e, 'VALIDATION_FAILED'),
          `${kind} accepted in state ${state}`,
        );
      }
    }
  });
});

void describe('case clock: refusals', () => {
  void it('refuses a log that does not start with a valid receipt', () => {
    refused([], 'ILLEGAL_TRANSITION', '申请没有收到记录');
    refused([answer('2025-03-20')], 'ILLEGAL_TRANSITION', '申请的第一项记录必须是收到申请');
    refused([received('2025-02-30')], 'VALIDATION_FAILED', '收到申请日期格式应为 YYYY-MM-DD', 'receivedOn');
    refused([received('2008-04-30')], 'VALIDATION_FAILED', '收到申请日期早于《条例》施行日（2008-05-01）', 'receivedOn');
  });

  void it('refuses a bad date, a second receipt and an event dated before receipt', () => {
    refused([received(), consult('2025-02-30')], 'VALIDATION_FAILED', '日期格式应为 YYYY-MM-DD', 'on');
    refused([received(), received('2025-03-04')], 'ILLEGAL_TRANSITION', '每件申请只能登记一次收到');
    refused([received(), consult('2025-03-02')], 'VALIDATION_FAILED', '日期早于收到申请日期 2025-03-03', 'on');
  });

  void it('refuses any event after the case is closed, however it closed', () => {
    const closedLogs = [
      STATES['closed (delivered and closed)'] ?? [],
      STATES['closed (withdrawn)'] ?? [],
      [received(), clarify('2025-03-05', '2025-03-20'), { kind: 'clarification-lapsed', on: '2025-03-21' }],
      [received(), feeNotice('2025-03-10'), { kind: 'fee-lapsed', on: '2025-04-09' }],
    ] satisfies (readonly RequestEvent[])[];
    for (const events of closedLogs) {
      refused([...events, answer('2025-04-10')], 'ILLEGAL_TRANSITION', '本申请已办结，不能再登记办理事项');
      refused([...events, { kind: 'withdrawn', on: '2025-04-10' }], 'ILLEGAL_TRANSITION', '本申请已办结，不能再登记办理事项');
    }
  });

  void describe('clarification (2019 art. 30)', () => {
    void it('refuses a second clarification request, while awaiting it or after it arrived', () => {
      const zh = '补正只能一次性告知，不能第二次要求补正（条例第三十条）';
      refused([received(), clarify('2025-03-05', '2025-03-20'), clarify('2025-03-06', '2025-03-20')], 'ILLEGAL_TRANSITION', zh);
      refused([received(), clarify('2025-03-05', '2025-03-20'), clarified('2025-03-10'), clarify('2025-03-11', '2025-03-20')], 'ILLEGAL_TRANSITION', zh);
    });

    void it('refuses a request later than 7 working days after receipt under the 2019 text', () => {
      // From 2025-03-03: 03-04 … 03-07, 03-10, 03-11, 03-12 → the 7th working day is 2025-03-12.
      assert.equal(fold([received(), clarify('2025-03-12', '2025-03-26')]).status, 'awaiting-clarification');
      refused([received(), clarify('2025-03-13', '2025-03-26')], 'ILLEGAL_TRANSITION', '应当自收到申请之日起7个工作日内一次性告知补正，最迟 2025-03-12（条例第三十条）');
      // Across 劳动节 2025 with the make-up Sunday: from Mon 04-21: 04-22 … 04-25, Sun 04-27, 04-28, 04-29.
      assert.equal(fold([received('2025-04-21'), clarify('2025-04-29', '2025-05-15')]).status, 'awaiting-clarification');
      refused([received('2025-04-21'), clarify('2025-04-30', '2025-05-15')], 'ILLEGAL_TRANSITION', '应当自收到申请之日起7个工作日内一次性告知补正，最迟 2025-04-29（条例第三十条）');
      // First day of the 2019 text, Wed 2019-05-15: 05-16, 05-17, 05-20 … 05-24 → 2019-05-24.
      refused([received('2019-05-15'), clarify('2019-05-27', '2019-06-10')], 'ILLEGAL_TRANSITION', '应当自收到申请之日起7个工作日内一次性告知补正，最迟 2019-05-24（条例第三十条）');
    });

    void it('allows a later request under the 2008 text, which sets no limit', () => {
      // Received Mon 2019-05-06 (2008 text). 7 working days would end 05-15; asked on 05-20.
      const c = fold([received('2019-05-06'), clarify('2019-05-20', '2019-06-03')]);
      assert.equal(c.ruleSet.id, 'regulations2008');
      assert.equal(c.status, 'awaiting-clarification');
    });

    void it('refuses a clarification while consulting or awaiting a fee, and after the answer', () => {
      refused([received(), consult('2025-03-04'), clarify('2025-03-05', '2025-03-20')], 'ILLEGAL_TRANSITION', '征求意见或收费期间不能告知补正');
      refused([received(), feeNotice('2025-03-04'), clarify('2025-03-05', '2025-03-20')], 'ILLEGAL_TRANSITION', '征求意见或收费期间不能告知补正');
      refused([received(), answer('2025-03-04'), clarify('2025-03-05', '2025-03-20')], 'ILLEGAL_TRANSITION', '已作出答复，不能再告知补正');
    });

    void it('refuses missing items and a period that does not end after the notice', () => {
      refused([received(), { kind: 'clarification-requested', on: '2025-03-05', items: ' ', dueOn: '2025-03-20' }], 'VALIDATION_FAILED', '需要补正的事项不能为空', 'items');
      refused([received(), clarify('2025-03-05', '2025-03-05')], 'VALIDATION_FAILED', '补正期限应晚于告知日期', 'dueOn');
      refused([received(), clarify('2025-03-05', '2025-03-32')], 'VALIDATION_FAILED', '补正期限应晚于告知日期', 'dueOn');
    });

    void it('refuses a clarification received or lapsed when none is awaited, or dated before the request', () => {
      refused([received(), clarified('2025-03-10')], 'ILLEGAL_TRANSITION', '当前没有等待补正的事项');
      refused([received(), clarify('2025-03-05', '2025-03-20'), clarified('2025-03-10'), clarified('2025-03-11')], 'ILLEGAL_TRANSITION', '当前没有等待补正的事项');
      refused([received(), { kind: 'clarification-lapsed', on: '2025-03-21' }], 'ILLEGAL_TRANSITION', '当前没有等待补正的事项');
      refused([received(), clarify('2025-03-05', '2025-03-20'), clarified('2025-03-04')], 'VALIDATION_FAILED', '日期早于上一项办理记录（2025-03-05），请按发生顺序登记', 'on');
    });

    void it('refuses a lapse before the clarification period ends (on its last day included)', () => {
      refused([received(), clarify('2025-03-05', '2025-03-20'), { kind: 'clarification-lapsed', on: '2025-03-20' }], 'ILLEGAL_TRANSITION', '补正期限至 2025-03-20 届满，届满前不能视为放弃申请');
    });
  });

  void describe('consultation (2019 art. 32, 34)', () => {
    void it('refuses a consultation while awaiting clarification or a fee, after the answer, or after the period', () => {
      refused([received(), clarify('2025-03-05', '2025-03-20'), consult('2025-03-06')], 'ILLEGAL_TRANSITION', '等待补正或缴费期间不能征求意见');
      refused([received(), feeNotice('2025-03-05'), consult('2025-03-06')], 'ILLEGAL_TRANSITION', '等待补正或缴费期间不能征求意见');
      refused([received(), answer('2025-03-05'), consult('2025-03-06')], 'ILLEGAL_TRANSITION', '已作出答复，不能再征求意见');
      assert.equal(fold([received(), consult(DUE)]).status, 'in-consultation');
      refused([received(), consult('2025-04-01')], 'ILLEGAL_TRANSITION', `答复期限已于 ${DUE} 届满`);
    });

    void it('refuses a consultation without a party name or with an unknown kind of party', () => {
      refused([received(), consult('2025-03-06', '  ')], 'VALIDATION_FAILED', '被征求意见方名称不能为空', 'partyName');
      refused([received(), { kind: 'consultation-sent', on: '2025-03-06', party: 'court', partyName: '某法院' } as unknown as RequestEvent], 'VALIDATION_FAILED', '被征求意见方应为第三方或其他机关', 'party');
    });

    void it('refuses an answer to an unknown consultation, a second answer, an early date and an unknown opinion', () => {
      const base = [received(), consult('2025-03-07')];
      refused([...base, consultAnswer('2025-03-12', 9)], 'VALIDATION_FAILED', '找不到对应的征求意见', 'consultation');
      refused([...base, consultAnswer('2025-03-12', 1)], 'VALIDATION_FAILED', '找不到对应的征求意见', 'consultation');
      refused([...base, consultAnswer('2025-03-12', 2), consultAnswer('2025-03-13', 2)], 'ILLEGAL_TRANSITION', '该征求意见已登记答复');
      refused([...base, consultAnswer('2025-03-06', 2)], 'VALIDATION_FAILED', '日期早于上一项办理记录（2025-03-07），请按发生顺序登记', 'on');
      refused([...base, { kind: 'consultation-answered', on: '2025-03-12', consultation: 2, opinion: 'maybe' } as unknown as RequestEvent], 'VALIDATION_FAILED', '意见应为同意、反对或逾期未答复', 'opinion');
    });

    void it('refuses “no reply” until the party’s 15 working days have passed', () => {
      // From Fri 03-07: 03-10 … 03-14, 03-17 … 03-21, 03-24 … 03-28 → the window ends 2025-03-28.
      refused([received(), consult('2025-03-07'), consultAnswer('2025-03-28', 2, 'no-reply')], 'ILLEGAL_TRANSITION', '被征求意见方答复期限至 2025-03-28，届满前不能登记逾期未答复');
      assert.equal(fold([received(), consult('2025-03-07'), consultAnswer('2025-03-31', 2, 'no-reply')]).status, 'processing');
    });
  });

  void describe('extension (2019 art. 33 ¶2)', () => {
    void it('refuses an extension after the deadline passed, and a notice to the requester after it', () => {
      refused([received(), extend('2025-04-01')], 'ILLEGAL_TRANSITION', `答复期限已于 ${DUE} 届满，不能再延长`);
      refused([received(), extend(DUE, 20, '2025-04-01')], 'VALIDATION_FAILED', `应在原答复期限 ${DUE} 届满前告知申请人`, 'noticeOn');
      refused([received(), extend('2025-03-28', 20, '2025-03-27')], 'VALIDATION_FAILED', '告知申请人日期不能早于批准日期', 'noticeOn');
      assert.equal(fold([received(), extend(DUE, 20, DUE)]).deadline?.finalDue, '2025-04-28');
    });

    void it('refuses a second extension, one while awaiting clarification, and one after the answer', () => {
      refused([received(), extend('2025-03-20', 5), extend('2025-03-21', 5)], 'ILLEGAL_TRANSITION', '答复期限只能延长一次');
      refused([received(), clarify('2025-03-05', '2025-03-20'), extend('2025-03-06')], 'ILLEGAL_TRANSITION', '等待补正期间不能延长答复期限');
      refused([received(), answer('2025-03-05'), extend('2025-03-06')], 'ILLEGAL_TRANSITION', '已作出答复，不能延长答复期限');
    });

    void it('refuses more than 20 working days (15 under the 2008 text), none, or a fraction', () => {
      refused([received(), extend('2025-03-20', 21)], 'VALIDATION_FAILED', '延长期限最长不得超过20个工作日', 'workingDays');
      refused([received(), extend('2025-03-20', 0)], 'VALIDATION_FAILED', '延长期限最长不得超过20个工作日', 'workingDays');
      refused([received(), extend('2025-03-20', 2.5)], 'VALIDATION_FAILED', '延长期限最长不得超过20个工作日', 'workingDays');
      refused([received('2019-05-06'), extend('2019-05-20', 16)], 'VALIDATION_FAILED', '延长期限最长不得超过15个工作日', 'workingDays');
      assert.equal(fold([received('2019-05-06'), extend('2019-05-20', 15)]).extension?.workingDays, 15);
    });

    void it('refuses an extension without reason or approver', () => {
      refused([received(), { kind: 'extension-approved', on: '2025-03-20', workingDays: 10, reason: '', approvedBy: '张主任', noticeOn: '2025-03-20' }], 'VALIDATION_FAILED', '延期理由不能为空', 'reason');
      refused([received(), { kind: 'extension-approved', on: '2025-03-20', workingDays: 10, reason: '需要调取档案', approvedBy: ' ', noticeOn: '2025-03-20' }], 'VALIDATION_FAILED', '批准人（政府信息公开工作机构负责人）不能为空', 'approvedBy');
    });
  });

  void describe('fee (国办函〔2020〕109号)', () => {
    void it('refuses payment after the payment deadline, and a lapse on or before it', () => {
      const base = [received(), feeNotice('2025-03-10')];
      refused([...base, { kind: 'fee-paid', on: '2025-04-09' }], 'ILLEGAL_TRANSITION', '缴费期限已于 2025-04-08 届满，应登记逾期未缴费');
      assert.equal(fold([...base, { kind: 'fee-paid', on: '2025-04-08' }]).status, 'processing');
      refused([...base, { kind: 'fee-lapsed', on: '2025-04-08' }], 'ILLEGAL_TRANSITION', '缴费期限至 2025-04-08，届满前不能视为放弃申请');
      refused([...base, { kind: 'fee-paid', on: '2025-03-05' }], 'VALIDATION_FAILED', '日期早于上一项办理记录（2025-03-10），请按发生顺序登记', 'on');
    });

    void it('refuses payment or lapse when no fee is awaited', () => {
      refused([received(), { kind: 'fee-paid', on: '2025-03-10' }], 'ILLEGAL_TRANSITION', '当前没有待缴纳的费用');
      refused([received(), { kind: 'fee-lapsed', on: '2025-04-10' }], 'ILLEGAL_TRANSITION', '当前没有待缴纳的费用');
      refused([received(), feeNotice('2025-03-10'), { kind: 'fee-paid', on: '2025-03-14' }, { kind: 'fee-paid', on: '2025-03-17' }], 'ILLEGAL_TRANSITION', '当前没有待缴纳的费用');
    });

    void it('refuses a second notice, one while consulting, after the answer or after the period', () => {
      refused([received(), feeNotice('2025-03-10'), { kind: 'fee-paid', on: '2025-03-14' }, feeNotice('2025-03-17')], 'ILLEGAL_TRANSITION', '每件申请只能发出一次收费通知');
      refused([received(), consult('2025-03-07'), feeNotice('2025-03-10')], 'ILLEGAL_TRANSITION', '等待补正或征求意见期间不能发出收费通知');
      refused([received(), clarify('2025-03-05', '2025-03-20'), feeNotice('2025-03-10')], 'ILLEGAL_TRANSITION', '等待补正或征求意见期间不能发出收费通知');
      refused([received(), answer('2025-03-05'), feeNotice('2025-03-10')], 'ILLEGAL_TRANSITION', '已作出答复，不能发出收费通知');
      refused([received(), feeNotice('2025-04-01')], 'ILLEGAL_TRANSITION', `应当在答复期限（${DUE}）内发出收费通知`);
    });

    void it('refuses an unknown method, a bad quantity or amount', () => {
      const notice = (fields: Record<string, unknown>): RequestEvent => ({ ...feeNotice('2025-03-10'), ...fields });
      refused([received(), notice({ method: 'both' })], 'VALIDATION_FAILED', '收费方式应为按件或按量', 'method');
      refused([received(), notice({ quantity: 0 })], 'VALIDATION_FAILED', '件数或页数应为正整数', 'quantity');
      refused([received(), notice({ quantity: 1.5 })], 'VALIDATION_FAILED', '件数或页数应为正整数', 'quantity');
      refused([received(), notice({ amountYuan: 0 })], 'VALIDATION_FAILED', '收费金额应为正整数（元）', 'amountYuan');
      refused([received(), notice({ amountYuan: 99.5 })], 'VALIDATION_FAILED', '收费金额应为正整数（元）', 'amountYuan');
    });
  });

  void describe('answer (2019 art. 36, 37)', () => {
    void it('refuses an answer while awaiting a fee or a clarification', () => {
      refused([received(), feeNotice('2025-03-10'), answer('2025-03-12')], 'ILLEGAL_TRANSITION', '正在等待申请人缴费，不能答复');
      refused([received(), clarify('2025-03-05', '2025-03-20'), answer('2025-03-12')], 'ILLEGAL_TRANSITION', '正在等待申请人补正，不能答复');
    });

    void it('refuses an answer while a consultation is open within its window (to its last day)', () => {
      refused([received(), consult('2025-03-07'), answer('2025-03-28')], 'ILLEGAL_TRANSITION', '征求某公司意见尚未答复（期限至 2025-03-28），请先登记其答复');
    });

    void it('refuses a second answer', () => {
      refused([received(), answer('2025-03-05'), answer('2025-03-06')], 'ILLEGAL_TRANSITION', '已作出答复，不能重复答复');
    });

    void it('refuses an answer without an outcome, with an unknown one, or with one reached only by lapse', () => {
      refused([received(), answer('2025-03-20', '')], 'VALIDATION_FAILED', '答复必须选择一项办理结果', 'outcome');
      refused([received(), answer('2025-03-20', 'granted')], 'VALIDATION_FAILED', '办理结果无效', 'outcome');
      refused([received(), answer('2025-03-20', 'other-no-clarification')], 'VALIDATION_FAILED', '办理结果无效', 'outcome');
      refused([received(), answer('2025-03-20', 'other-unpaid-fee')], 'VALIDATION_FAILED', '办理结果无效', 'outcome');
    });

    void it('refuses “still unclear after clarification” without a received clarification', () => {
      refused([received(), answer('2025-03-20', 'unable-unclear')], 'VALIDATION_FAILED', '“补正后申请内容仍不明确”须先有补正', 'outcome');
    });

    void it('refuses a withheld or partial outcome without reasons', () => {
      refused([received(), answer('2025-03-20', 'withheld-third-party')], 'VALIDATION_FAILED', '不予公开或部分公开须说明理由', 'reasons');
      refused([received(), answer('2025-03-20', 'withheld-process', '  ')], 'VALIDATION_FAILED', '不予公开或部分公开须说明理由', 'reasons');
      refused([received(), answer('2025-03-20', 'partial')], 'VALIDATION_FAILED', '不予公开或部分公开须说明理由', 'reasons');
      assert.equal(fold([received(), answer('2025-03-20', 'withheld-third-party', '涉及商业秘密，第三方不同意公开')]).outcome, 'withheld-third-party');
    });

    void it('refuses an answer without its legal basis', () => {
      refused([received(), { kind: 'answered', on: '2025-03-20', outcome: 'disclosed', legalBasis: '' }], 'VALIDATION_FAILED', '法律依据不能为空', 'legalBasis');
    });
  });

  void describe('delivery, withdrawal and closing', () => {
    void it('refuses delivery before an answer, before the answer day, or by an unknown method', () => {
      refused([received(), deliver('2025-03-21')], 'ILLEGAL_TRANSITION', '尚未答复，不能登记送达');
      refused([received(), answer('2025-03-20'), deliver('2025-03-19')], 'VALIDATION_FAILED', '日期早于上一项办理记录（2025-03-20），请按发生顺序登记', 'on');
      refused([received(), answer('2025-03-20'), { kind: 'delivered', on: '2025-03-21', method: 'pigeon' } as unknown as RequestEvent], 'VALIDATION_FAILED', '送达方式无效', 'method');
    });

    void it('refuses withdrawal of an answered case', () => {
      refused([received(), answer('2025-03-20'), { kind: 'withdrawn', on: '2025-03-21' }], 'ILLEGAL_TRANSITION', '已答复的申请不能撤回');
      refused([received(), answer('2025-03-20'), deliver('2025-03-21'), { kind: 'withdrawn', on: '2025-03-24' }], 'ILLEGAL_TRANSITION', '已答复的申请不能撤回');
    });

    void it('refuses closing before delivery', () => {
      refused([received(), { kind: 'closed', on: '2025-03-21' }], 'ILLEGAL_TRANSITION', '答复送达后才能办结归档');
      refused([received(), answer('2025-03-20'), { kind: 'closed', on: '2025-03-21' }], 'ILLEGAL_TRANSITION', '答复送达后才能办结归档');
    });
  });
});

void describe('case clock: deadlines (hand-counted)', () => {
  void it('restarts the full 20 working days from the clarified request, across 劳动节 2025', () => {
    // Received Mon 2025-04-21. Without clarification: 04-22 … 04-25, Sun 04-27, 04-28 … 04-30 (8),
    // 05-06 … 05-09 (12), 05-12 … 05-16 (17), 05-19, 05-20, 05-21 (20) → 2025-05-21.
    assert.equal(fold([received('2025-04-21')]).deadline?.replyDue, '2025-05-21');
    // Clarified request on Fri 04-25: Sun 04-27, 04-28 … 04-30 (4), 05-06 … 05-09 (8),
    // 05-12 … 05-16 (13), 05-19 … 05-23 (18), 05-26, 05-27 (20) → 2025-05-27.
    const c = fold([received('2025-04-21'), clarify('2025-04-24', '2025-05-09'), clarified('2025-04-25')]);
    assert.equal(c.deadline?.clockStartsAfter, '2025-04-25');
    assert.equal(c.deadline?.replyDue, '2025-05-27');
    assert.equal(c.deadline?.finalDue, '2025-05-27');
  });

  void it('restarts 15 working days under the 2008 text (received 2019-05-06)', () => {
    // Without clarification: 05-07 … 05-10 (4), 05-13 … 05-17 (9), 05-20 … 05-24 (14), 05-27 (15).
    assert.equal(fold([received('2019-05-06')]).deadline?.replyDue, '2019-05-27');
    // Clarified Wed 05-22: 05-23, 05-24 (2), 05-27 … 05-31 (7), 06-03 … 06-06 (11), 端午 06-07 off,
    // 06-10 … 06-13 (15) → 2019-06-13.
    const c = fold([received('2019-05-06'), clarify('2019-05-20', '2019-06-03'), clarified('2019-05-22')]);
    assert.equal(c.deadline?.replyDue, '2019-06-13');
  });

  void it('excludes a consultation answered early from the day after sending to the answer day', () => {
    // Sent Fri 03-07, answered Wed 03-12: 03-08 … 03-12 excluded, 3 working days (03-10, 11, 12).
    // Count: 03-04 … 03-07 (4), 03-13, 03-14 (6), 03-17 … 03-21 (11), 03-24 … 03-28 (16),
    // 03-31, 04-01, 04-02, 04-03 (20) → 2025-04-03.
    const c = fold([received(), consult('2025-03-07'), consultAnswer('2025-03-12', 2)]);
    assert.deepEqual(c.excluded, [{ from: '2025-03-08', to: '2025-03-12', cause: 'third-party', consultationSeq: 2, reasonZh: '征求第三方（某公司）意见', publicReasonZh: '征求第三方意见', workingDays: 3, provisional: false }]);
    assert.equal(c.consultations[0]?.windowEndsOn, '2025-03-28');
    assert.equal(c.deadline?.replyDue, '2025-04-03');
    assert.equal(c.provisional, false);
  });

  void it('assumes an unanswered consultation takes all 15 working days (provisional)', () => {
    // 03-08 … 03-28 excluded (15 working days). Count: 03-04 … 03-07 (4), 03-31 … 04-03 (8),
    // 清明 04-04 off, 04-07 … 04-11 (13), 04-14 … 04-18 (18), 04-21, 04-22 (20) → 2025-04-22.
    const open = fold([received(), consult('2025-03-07')]);
    assert.deepEqual(open.excluded, [{ from: '2025-03-08', to: '2025-03-28', cause: 'third-party', consultationSeq: 2, reasonZh: '征求第三方（某公司）意见', publicReasonZh: '征求第三方意见', workingDays: 15, provisional: true }]);
    assert.equal(open.deadline?.replyDue, '2025-04-22');
    assert.equal(open.provisional, true);
    // Once “no reply” is recorded after the window, the same interval is final.
    const lapsed = fold([received(), consult('2025-03-07'), consultAnswer('2025-03-31', 2, 'no-reply')]);
    assert.equal(lapsed.excluded[0]?.to, '2025-03-28');
    assert.equal(lapsed.excluded[0]?.provisional, false);
    assert.equal(lapsed.deadline?.replyDue, '2025-04-22');
    assert.equal(lapsed.provisional, false);
  });

  void it('caps a late answer to a consultation at the end of the 15-working-day window', () => {
    const c = fold([received(), consult('2025-03-07'), consultAnswer('2025-04-02', 2, 'objection')]);
    assert.equal(c.excluded[0]?.to, '2025-03-28');
    assert.equal(c.excluded[0]?.workingDays, 15);
    assert.equal(c.deadline?.replyDue, '2025-04-22');
  });

  void it('does not count a working day twice when two consultations overlap', () => {
    // Third party 03-08 … 03-12 (3 working days), agency 03-12 … 03-14 (3): together 03-10 … 03-14 (5).
    // Count: 03-04 … 03-07 (4), 03-17 … 03-21 (9), 03-24 … 03-28 (14), 03-31 (15), 04-01 … 04-03 (18),
    // 04-07, 04-08 (20) → 2025-04-08.
    const c = fold([received(), consult('2025-03-07'), consult('2025-03-11', '某区住建局', 'agency'), consultAnswer('2025-03-12', 2), consultAnswer('2025-03-14', 3)]);
    assert.deepEqual(
      c.excluded.map((i) => [i.from, i.to, i.workingDays, i.reasonZh]),
      [
        ['2025-03-08', '2025-03-12', 3, '征求第三方（某公司）意见'],
        ['2025-03-12', '2025-03-14', 3, '征求其他机关（某区住建局）意见'],
      ],
    );
    assert.equal(c.deadline?.replyDue, '2025-04-08');
  });

  void it('excludes a consultation spanning 国庆 2025 by working days only', () => {
    // Received Mon 2025-09-22; an agency consulted on Fri 09-26. Window: Sun 09-28 (1), 09-29, 09-30 (3),
    // 10-01 … 10-08 off, 10-09, 10-10 (5), Sat 10-11 (6), 10-13 … 10-17 (11), 10-20 … 10-23 (15) → 10-23.
    // Answered Fri 10-10: 09-27 … 10-10 excluded, 5 working days (09-28, 09-29, 09-30, 10-09, 10-10).
    // Count: 09-23 … 09-26 (4), Sat 10-11 (5), 10-13 … 10-17 (10), 10-20 … 10-24 (15), 10-27 … 10-31 (20).
    const base = [received('2025-09-22'), consult('2025-09-26', '市统计局', 'agency')];
    assert.equal(fold([received('2025-09-22')]).deadline?.replyDue, '2025-10-24');
    const c = fold([...base, consultAnswer('2025-10-10', 2)]);
    assert.equal(c.consultations[0]?.windowEndsOn, '2025-10-23');
    assert.deepEqual(c.excluded, [{ from: '2025-09-27', to: '2025-10-10', cause: 'agency', consultationSeq: 2, reasonZh: '征求其他机关（市统计局）意见', publicReasonZh: '征求其他机关意见', workingDays: 5, provisional: false }]);
    assert.equal(c.deadline?.replyDue, '2025-10-31');
    assert.equal(c.deadline?.finalDue, '2025-10-31');
  });

  void it('adds an extension of 20 working days, counting the make-up Sunday of 劳动节 2025', () => {
    // After 03-31: 04-01 … 04-03 (3), 04-07 … 04-11 (8), 04-14 … 04-18 (13), 04-21 … 04-25 (18),
    // Sun 04-27 (19), 04-28 (20) → 2025-04-28.
    const c = fold([received(), extend('2025-03-28', 20, '2025-03-28')]);
    assert.equal(c.deadline?.replyDue, DUE);
    assert.equal(c.deadline?.finalDue, '2025-04-28');
    assert.equal(c.deadline?.workingDaysCounted, 40);
  });

  void it('adds an extension of 5 working days after a period spanning 春节 2024', () => {
    // Received Mon 2024-01-29: 01-30 … 02-02 (4), Sun 02-04 (5), 02-05 … 02-09 (10), 02-10 … 02-17 off,
    // Sun 02-18 (11), 02-19 … 02-23 (16), 02-26 … 02-29 (20) → 2024-02-29; + 5: 03-01, 03-04 … 03-07.
    const c = fold([received('2024-01-29'), extend('2024-02-26', 5, '2024-02-27')]);
    assert.equal(c.deadline?.replyDue, '2024-02-29');
    assert.equal(c.deadline?.finalDue, '2024-03-07');
  });

  void describe('fee notice on Mon 2025-03-10', () => {
    // Pay by: 03-11 … 03-14 (4), 03-17 … 03-21 (9), 03-24 … 03-28 (14), 03-31 … 04-03 (18),
    // 清明 04-04 off, 04-07, 04-08 (20) → 2025-04-08.
    void it('sets payBy 20 working days after the notice', () => {
      const c = fold([received(), feeNotice('2025-03-10')]);
      assert.deepEqual(c.fee, { seq: 2, noticeOn: '2025-03-10', method: 'per-request', quantity: 12, amountYuan: 200, alreadyThisMonth: null, payBy: '2025-04-08', paidOn: null, lapsedOn: null });
    });

    void it('with feePausesClock: true, excludes the notice-to-payment interval', () => {
      // Paid Fri 03-14: 03-11 … 03-14 excluded (4). Count: 03-04 … 03-07 (4), 03-10 (5),
      // 03-17 … 03-21 (10), 03-24 … 03-28 (15), 03-31 … 04-03 (19), 04-07 (20) → 2025-04-07.
      const c = fold([received(), feeNotice('2025-03-10'), { kind: 'fee-paid', on: '2025-03-14' }], { feePausesClock: true });
      assert.deepEqual(c.excluded, [{ from: '2025-03-11', to: '2025-03-14', cause: 'fee', consultationSeq: null, reasonZh: '收费通知至缴费期间（可配置，依据待核实）', publicReasonZh: '收费通知至缴费期间', workingDays: 4, provisional: false }]);
      assert.equal(c.deadline?.replyDue, '2025-04-07');
      assert.equal(c.provisional, false);
    });

    void it('with feePausesClock: true and the fee unpaid, assumes the whole payment period (provisional)', () => {
      // 03-11 … 04-08 excluded (20). Count: 03-04 … 03-07 (4), 03-10 (5), 04-09 … 04-11 (8),
      // 04-14 … 04-18 (13), 04-21 … 04-25 (18), Sun 04-27 (19), 04-28 (20) → 2025-04-28.
      const c = fold([received(), feeNotice('2025-03-10')]);
      assert.equal(c.excluded[0]?.workingDays, 20);
      assert.equal(c.excluded[0]?.to, '2025-04-08');
      assert.equal(c.deadline?.replyDue, '2025-04-28');
      assert.equal(c.provisional, true);
    });

    void it('with feePausesClock: false, the period runs on', () => {
      const options: ClockOptions = { feePausesClock: false };
      const unpaid = fold([received(), feeNotice('2025-03-10')], options);
      assert.deepEqual(unpaid.excluded, []);
      assert.equal(unpaid.deadline?.replyDue, DUE);
      assert.equal(unpaid.provisional, false);
      assert.equal(unpaid.fee?.payBy, '2025-04-08');
      const paid = fold([received(), feeNotice('2025-03-10'), { kind: 'fee-paid', on: '2025-03-14' }], options);
      assert.equal(paid.deadline?.replyDue, DUE);
    });

    void it('allows an extension while awaiting the fee until the provisional deadline', () => {
      // The provisional reply deadline is 2025-04-28 (above), so an extension on 04-28 is in time.
      const c = fold([received(), feeNotice('2025-03-10'), extend('2025-04-28', 20, '2025-04-28')]);
      assert.equal(c.status, 'awaiting-fee');
      refused([received(), feeNotice('2025-03-10'), extend('2025-04-29', 20, '2025-04-29')], 'ILLEGAL_TRANSITION', '答复期限已于 2025-04-28 届满，不能再延长');
    });
  });
});

void describe('case clock: timeliness', () => {
  void it('counts working days left to the deadline, zero on the day, negative when overdue', () => {
    const c = fold([received()]);
    // (03-24, 03-31]: 03-25 … 03-28, 03-31.
    assert.deepEqual(timeliness(calendar, c, '2025-03-24'), { workingDaysLeft: 5, overdue: false, answeredLate: false, answeredOnTime: null });
    assert.deepEqual(timeliness(calendar, c, '2025-03-29'), { workingDaysLeft: 1, overdue: false, answeredLate: false, answeredOnTime: null });
    assert.deepEqual(timeliness(calendar, c, DUE), { workingDaysLeft: 0, overdue: false, answeredLate: false, answeredOnTime: null });
    // (03-31, 04-02]: 04-01, 04-02.
    assert.deepEqual(timeliness(calendar, c, '2025-04-02'), { workingDaysLeft: -2, overdue: true, answeredLate: false, answeredOnTime: null });
  });

  void it('is overdue on the weekend right after a Friday deadline, with no working day passed yet', () => {
    // Received Fri 2025-02-28: 03-03 … 03-07 (5), 03-10 … 03-14 (10), 03-17 … 03-21 (15), 03-24 … 03-28 (20).
    const c = fold([received('2025-02-28')]);
    assert.equal(c.deadline?.finalDue, '2025-03-28');
    assert.deepEqual(timeliness(calendar, c, '2025-03-28'), { workingDaysLeft: 0, overdue: false, answeredLate: false, answeredOnTime: null });
    const saturday = timeliness(calendar, c, '2025-03-29');
    assert.equal(saturday.overdue, true);
    // No working day lies in (03-28, 03-29], so the count is (negative) zero; the views print 已逾期 for it.
    assert.equal(Math.abs(saturday.workingDaysLeft ?? Number.NaN), 0);
    // (03-28, 04-01]: 03-31, 04-01.
    assert.equal(timeliness(calendar, c, '2025-04-01').workingDaysLeft, -2);
  });

  void it('counts to the provisional deadline during a consultation', () => {
    // Deadline 2025-04-22 (above). (04-03, 04-22]: 04-07 … 04-11, 04-14 … 04-18, 04-21, 04-22.
    const c = fold([received(), consult('2025-03-07')]);
    assert.equal(timeliness(calendar, c, '2025-04-03').workingDaysLeft, 12);
  });

  void it('classifies answers as on time, within the extension, or late', () => {
    const extended = [received(), extend('2025-03-28', 20, '2025-03-28')];
    assert.deepEqual(timeliness(calendar, fold([...extended, answer(DUE)]), '2025-05-01'), { workingDaysLeft: null, overdue: false, answeredLate: false, answeredOnTime: 'on-time' });
    assert.deepEqual(timeliness(calendar, fold([...extended, answer('2025-04-15')]), '2025-05-01'), { workingDaysLeft: null, overdue: false, answeredLate: false, answeredOnTime: 'extended' });
    assert.deepEqual(timeliness(calendar, fold([...extended, answer('2025-04-28')]), '2025-05-01').answeredOnTime, 'extended');
    assert.deepEqual(timeliness(calendar, fold([...extended, answer('2025-04-29')]), '2025-05-01'), { workingDaysLeft: null, overdue: false, answeredLate: true, answeredOnTime: 'late' });
    assert.deepEqual(timeliness(calendar, fold([received(), answer('2025-04-01')]), '2025-05-01'), { workingDaysLeft: null, overdue: false, answeredLate: true, answeredOnTime: 'late' });
  });

  void it('has nothing to count while the clock stands or after a lapse or withdrawal', () => {
    const none = { workingDaysLeft: null, overdue: false, answeredLate: false, answeredOnTime: null };
    assert.deepEqual(timeliness(calendar, fold([received(), clarify('2025-03-05', '2025-03-20')]), '2025-04-30'), none);
    assert.deepEqual(timeliness(calendar, fold([received(), feeNotice('2025-03-10'), { kind: 'fee-lapsed', on: '2025-04-09' }]), '2025-04-30'), none);
    assert.deepEqual(timeliness(calendar, fold([received(), { kind: 'withdrawn', on: '2025-03-10' }]), '2025-04-30'), none);
  });
});

void describe('case clock: explanation', () => {
  void it('states the receipt with the art. 31 rule of the channel and the period of the text in force', () => {
    const [first] = fold([received()]).explanation;
    assert.deepEqual(first, {
      on: R,
      textZh: '收到申请（当面提交：当面提交的，以提交之日为收到申请之日）。适用《中华人民共和国政府信息公开条例》（2019年国务院令第711号修订），答复期限为20个工作日，自收到申请次日起算。',
      textEn: 'received (in person: the date of submission); regulations2019: 20 working days from the day after receipt',
      source: '2019 art. 31 (一); 2019 art. 33 ¶2',
    });
    const [registered] = fold([received(R, 'registered-post')]).explanation;
    assert.ok(registered?.textZh.startsWith('收到申请（挂号信函（需签收）：以邮寄方式提交的，以行政机关签收之日为收到申请之日）'));
    assert.equal(registered?.source, '2019 art. 31 (二); 2019 art. 33 ¶2');
    const [email2008] = fold([received('2019-05-06', 'email')]).explanation;
    assert.ok(email2008?.textZh.includes('自电子邮件系统接收之日为收到申请之日'));
    assert.ok(email2008?.textZh.includes('答复期限为15个工作日'));
    assert.equal(email2008?.source, '国办公开办函〔2015〕207号; 2008 art. 24 ¶2');
  });

  void it('explains the clarification restart and the new deadline', () => {
    const steps = fold([received('2025-04-21', 'online'), clarify('2025-04-24', '2025-05-09'), clarified('2025-04-25')]).explanation;
    assert.deepEqual(
      steps.map((s) => [s.on, s.textZh, s.source]),
      [
        ['2025-04-21', '收到申请（互联网（在线申请）：通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日）。适用《中华人民共和国政府信息公开条例》（2019年国务院令第711号修订），答复期限为20个工作日，自收到申请次日起算。', '2019 art. 31 (三); 2019 art. 33 ¶2'],
        ['2025-04-24', '一次性告知补正，补正期限至 2025-05-09；等待补正期间不计算答复期限。', '2019 art. 30'],
        ['2025-04-25', '收到补正后的申请，答复期限自该日次日起重新计算20个工作日。', '2019 art. 30'],
        ['2025-05-27', '自 2025-04-25 次日起计算20个工作日，答复期限为 2025-05-27。', '2019 art. 33 ¶2'],
      ],
    );
  });

  void it('explains each excluded consultation interval with its working days', () => {
    const steps = fold([received('2025-09-22'), consult('2025-09-26', '市统计局', 'agency')]).explanation;
    assert.equal(steps[1]?.textZh, '征求其他机关（市统计局）意见，对方应在 2025-10-23 前答复（尚未答复，暂按期限届满计算）；2025-09-27 至 2025-10-23 的 15 个工作日不计入答复期限。');
    const answered = fold([received('2025-09-22'), consult('2025-09-26', '市统计局', 'agency'), consultAnswer('2025-10-10', 2)]).explanation;
    assert.equal(answered[1]?.textZh, '征求其他机关（市统计局）意见，对方应在 2025-10-23 前答复，2025-10-10 收到答复；2025-09-27 至 2025-10-10 的 5 个工作日不计入答复期限。');
    assert.equal(answered[1]?.source, '2019 art. 33 ¶3 (third-party and inter-agency consultation); 2019 art. 32 (third party), art. 34 (other agencies; silence = consent)');
    assert.equal(answered.at(-1)?.textZh, '自 2025-09-22 次日起计算20个工作日（扣除上述不计入期间），答复期限为 2025-10-31。');
  });

  void it('explains the extension with its approver, reason and notice', () => {
    const steps = fold([received(), extend('2025-03-28', 20, '2025-03-28')]).explanation;
    const step = steps.find((s) => s.source === '2019 art. 33 ¶2' && s.on === '2025-03-28');
    assert.equal(step?.textZh, '经政府信息公开工作机构负责人（张主任）同意延长答复期限20个工作日（理由：需要调取档案），2025-03-28 告知申请人，延长后答复期限为 2025-04-28。');
    assert.equal(step?.textEn, 'extension of 20 working days approved by 张主任: due 2025-04-28');
  });

  void it('explains the fee notice, the excluded fee period and a late answer', () => {
    const steps = fold([received(), feeNotice('2025-03-10'), { kind: 'fee-paid', on: '2025-03-14' }, answer('2025-04-08')]).explanation;
    assert.deepEqual(
      steps.map((s) => s.on),
      ['2025-03-03', '2025-03-10', '2025-04-07', '2025-04-08'],
    );
    assert.equal(steps[1]?.textZh, '发出收费通知（按件计收 200 元），申请人应在 2025-04-08 前缴纳，2025-03-14 已缴纳；2025-03-11 至 2025-03-14 不计入答复期限（收费期间是否中止计算尚无明确依据，按本系统配置）。');
    assert.equal(steps[3]?.textZh, '作出答复（予以公开），已超过答复期限。');
  });
});

describe('case clock: the public explanation', () => {
  it('names no consulted party or official and gives no internal reason, even for short names', () => {
    const calendar = builtInCalendar();
    const c = foldCase(calendar, [
      { kind: 'received', on: '2025-03-03', channel: 'online', seq: 1 },
      { kind: 'consultation-sent', on: '2025-03-05', party: 'third-party', partyName: '20', seq: 2 },
      { kind: 'consultation-answered', on: '2025-03-10', consultation: 2, opinion: 'consent', seq: 3 },
      { kind: 'extension-approved', on: '2025-03-20', workingDays: 5, reason: '涉及李某档案', approvedBy: '王', noticeOn: '2025-03-20', seq: 4 },
    ]);
    const text = c.publicExplanation.map((s) => `${s.textZh} ${s.textEn}`).join('\n');
    assert.ok(!text.includes('（20）') && !text.includes('of 20'), text);
    assert.ok(!text.includes('王') && !text.includes('李某'), text);
    assert.match(text, /20个工作日/, 'ordinary figures are untouched');
    assert.ok(c.explanation.some((s) => s.textZh.includes('（20）')), 'staff see the name');
  });
});

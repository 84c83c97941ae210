import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import type { ErrorCode } from '../shared/errors.ts';
import {
  addCalendarMonths,
  applyProposalPatch,
  applyReply,
  decideDisclosure,
  defaultDueOn,
  isOverdue,
  proposalStatus,
  proposalValuesFromInput,
  repliedOnTime,
  validateProposal,
} from './proposal.ts';
import type { ProposalInput, ProposalState } from './proposal.ts';

const TODAY = '2026-11-30';

function throwsWith(fn: () => unknown, code: ErrorCode, field?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.deepEqual(error.issues.map((i) => i.field), [field]);
    return true;
  });
}

const input: ProposalInput = {
  organizationId: 1,
  kind: 'npc_suggestion',
  session: ' 市五届人大二次会议 ',
  number: '第45号',
  title: '关于加快老旧小区改造的建议',
  proposer: '张三、李四',
  receivedOn: '2026-03-15',
};

void describe('proposal domain', () => {
  void it('adds calendar months on the same day, clamped to the month end, across years', () => {
    assert.equal(addCalendarMonths('2026-03-15', 3), '2026-06-15');
    assert.equal(addCalendarMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addCalendarMonths('2027-11-30', 3), '2028-02-29');
    assert.equal(addCalendarMonths('2026-05-31', 1), '2026-06-30');
    assert.equal(addCalendarMonths('2026-12-31', 12), '2027-12-31');
    assert.equal(addCalendarMonths('2026-01-31', 0), '2026-01-31');
    assert.equal(defaultDueOn('2026-08-31', 3), '2026-11-30');
    throwsWith(() => addCalendarMonths('2026-02-30', 3), 'VALIDATION_FAILED');
  });

  void it('normalizes input: trims, role lead, due date from the configured months unless given', () => {
    const values = proposalValuesFromInput(input, 3);
    assert.deepEqual(values, { kind: 'npc_suggestion', session: '市五届人大二次会议', number: '第45号', title: '关于加快老旧小区改造的建议', proposer: '张三、李四', role: 'lead', receivedOn: '2026-03-15', dueOn: '2026-06-15' });
    assert.equal(proposalValuesFromInput(input, 2).dueOn, '2026-05-15');
    assert.equal(proposalValuesFromInput({ ...input, dueOn: '2026-04-30', role: 'joint' }, 3).dueOn, '2026-04-30');
    assert.equal(proposalValuesFromInput({ ...input, dueOn: '  ' }, 3).dueOn, '2026-06-15');
    // A bad receipt date leaves the default blank; validation names only receivedOn.
    assert.deepEqual(validateProposal(proposalValuesFromInput({ ...input, receivedOn: '2026-13-01' }, 3), TODAY).map((i) => i.field), ['receivedOn']);
    // A patch of the receipt date with a blank due date recomputes it; without dueOn it keeps the old one.
    assert.equal(applyProposalPatch(values, { receivedOn: '2026-04-01', dueOn: '' }, 3).dueOn, '2026-07-01');
    assert.equal(applyProposalPatch(values, { receivedOn: '2026-04-01' }, 3).dueOn, '2026-06-15');
  });

  void it('validates the registration fields', () => {
    const values = proposalValuesFromInput(input, 3);
    assert.deepEqual(validateProposal(values, TODAY), []);
    const fields = (overrides: Partial<typeof values>): string[] => validateProposal({ ...values, ...overrides }, TODAY).map((i) => i.field);
    assert.deepEqual(fields({ kind: 'motion' as never }), ['kind']);
    assert.deepEqual(fields({ role: 'co' as never }), ['role']);
    assert.deepEqual(fields({ session: '', number: '', title: '', proposer: '' }), ['session', 'number', 'title', 'proposer']);
    assert.deepEqual(fields({ title: 'x'.repeat(501) }), ['title']);
    assert.deepEqual(fields({ receivedOn: '2026-12-01' }), ['receivedOn']);
    assert.deepEqual(fields({ dueOn: '2026-03-14' }), ['dueOn']);
    assert.deepEqual(fields({ dueOn: '2026-03-15' }), []);
    assert.deepEqual(fields({ dueOn: 'soon' }), ['dueOn']);
  });

  const registered: ProposalState = { receivedOn: '2026-03-15', dueOn: '2026-06-15', repliedOn: null, disclosure: 'pending' };

  void it('derives overdue and status from the injected date', () => {
    assert.equal(isOverdue(registered, '2026-06-15'), false, 'due today is not overdue');
    assert.equal(isOverdue(registered, '2026-06-16'), true);
    assert.equal(proposalStatus(registered, '2026-06-15'), 'unreplied');
    assert.equal(proposalStatus(registered, '2026-06-16'), 'overdue');
    const late = { ...registered, repliedOn: '2026-06-20' };
    assert.equal(isOverdue(late, TODAY), false);
    assert.equal(repliedOnTime(late), false);
    assert.equal(repliedOnTime({ ...registered, repliedOn: '2026-06-15' }), true);
    assert.equal(proposalStatus(late, TODAY), 'replied');
    assert.equal(proposalStatus({ ...late, disclosure: 'published' }, TODAY), 'published');
    assert.equal(proposalStatus({ ...late, disclosure: 'withheld' }, TODAY), 'withheld');
  });

  void it('records a reply only while undecided, with a date between receipt and today', () => {
    const reply = { repliedOn: '2026-05-20', replySummary: ' 已列入2027年改造计划 ', adoption: 'planned' as const };
    assert.deepEqual(applyReply(registered, reply, TODAY), { repliedOn: '2026-05-20', replySummary: '已列入2027年改造计划', adoption: 'planned' });
    throwsWith(() => applyReply(registered, { ...reply, repliedOn: '2026-03-14' }, TODAY), 'VALIDATION_FAILED', 'repliedOn');
    throwsWith(() => applyReply(registered, { ...reply, repliedOn: '2026-12-01' }, TODAY), 'VALIDATION_FAILED', 'repliedOn');
    throwsWith(() => applyReply(registered, { ...reply, replySummary: '  ' }, TODAY), 'VALIDATION_FAILED', 'replySummary');
    throwsWith(() => applyReply(registered, { ...reply, adoption: 'ignored' as never }, TODAY), 'VALIDATION_FAILED', 'adoption');
    throwsWith(() => applyReply({ ...registered, repliedOn: '2026-05-20', disclosure: 'published' }, reply, TODAY), 'ILLEGAL_TRANSITION');
  });

  void it('publishes or withholds only a replied, undecided record', () => {
    const replied: ProposalState = { ...registered, repliedOn: '2026-05-20' };
    assert.deepEqual(decideDisclosure(replied, { type: 'publish', publishedOn: '2026-05-20' }, TODAY), { disclosure: 'published', publishedOn: '2026-05-20', withheldReason: null });
    assert.deepEqual(decideDisclosure(replied, { type: 'withhold', reason: ' 涉及国家秘密 ' }, TODAY), { disclosure: 'withheld', publishedOn: null, withheldReason: '涉及国家秘密' });
    throwsWith(() => decideDisclosure(registered, { type: 'publish', publishedOn: TODAY }, TODAY), 'ILLEGAL_TRANSITION');
    throwsWith(() => decideDisclosure(registered, { type: 'withhold', reason: '涉及国家秘密' }, TODAY), 'ILLEGAL_TRANSITION');
    throwsWith(() => decideDisclosure(replied, { type: 'publish', publishedOn: '2026-05-19' }, TODAY), 'VALIDATION_FAILED', 'publishedOn');
    throwsWith(() => decideDisclosure(replied, { type: 'publish', publishedOn: '2026-12-01' }, TODAY), 'VALIDATION_FAILED', 'publishedOn');
    throwsWith(() => decideDisclosure(replied, { type: 'withhold', reason: '涉密 ' }, TODAY), 'VALIDATION_FAILED', 'withheldReason');
    throwsWith(() => decideDisclosure({ ...replied, disclosure: 'published' }, { type: 'withhold', reason: '涉及国家秘密' }, TODAY), 'ILLEGAL_TRANSITION');
    throwsWith(() => decideDisclosure({ ...replied, disclosure: 'withheld' }, { type: 'publish', publishedOn: TODAY }, TODAY), 'ILLEGAL_TRANSITION');
  });
});

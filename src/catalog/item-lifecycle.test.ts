import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { ITEM_STATUSES } from './catalog-item.ts';
import { ITEM_ACTIONS, ITEM_TRANSITIONS, actionsFrom, transition } from './item-lifecycle.ts';

void describe('item lifecycle table', () => {
  void it('allows exactly the six documented transitions, with their permissions', () => {
    const allowed = ITEM_TRANSITIONS.map((t) => `${t.from}:${t.action}->${t.to}@${t.permission}`).sort();
    assert.deepEqual(allowed, [
      'draft:edit->draft@catalog.draft',
      'draft:submit->submitted@catalog.submit',
      'published:supersede->superseded@catalog.withdraw',
      'published:withdraw->withdrawn@catalog.withdraw',
      'submitted:publish->published@catalog.approve',
      'submitted:return->draft@catalog.approve',
    ]);
  });

  void it('refuses every other (state, action) pair with ILLEGAL_TRANSITION and a reason in both languages', () => {
    let refused = 0;
    for (const { code: from } of ITEM_STATUSES) {
      for (const { code: action } of ITEM_ACTIONS) {
        if (ITEM_TRANSITIONS.some((t) => t.from === from && t.action === action)) continue;
        assert.throws(
          () => transition(from, action),
          (error: unknown) => isGongkaiError(error, 'ILLEGAL_TRANSITION') && error.issues.length === 1 && error.issues[0]?.field === 'status' && error.issues[0].messageZh.length > 0,
          `${from} × ${action}`,
        );
        refused += 1;
      }
    }
    // 5 states × 6 actions − 6 allowed.
    assert.equal(refused, 24);
  });

  void it('explains the common mistakes', () => {
    assert.throws(() => transition('draft', 'publish'), (e: unknown) => isGongkaiError(e) && e.issues[0]?.messageZh === '草稿须先提交审核，才能审核并发布');
    assert.throws(() => transition('published', 'edit'), (e: unknown) => isGongkaiError(e) && e.issues[0]?.messageZh === '已发布的信息不能修改，只能撤回或以新信息替代');
    assert.throws(() => transition('withdrawn', 'publish'), (e: unknown) => isGongkaiError(e) && e.issues[0]?.messageZh === '已撤回的信息不能再审核并发布');
  });

  void it('lists the actions of a state; withdrawn and superseded are final', () => {
    assert.deepEqual(actionsFrom('submitted').map((t) => t.action), ['return', 'publish']);
    assert.deepEqual(actionsFrom('withdrawn'), []);
    assert.deepEqual(actionsFrom('superseded'), []);
    assert.equal(transition('submitted', 'publish').to, 'published');
  });
});

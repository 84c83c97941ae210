/**
 * The catalog item's lifecycle as one transition table: state × action → next state, and the
 * permission (policy action) the actor needs. Pure: no I/O, tested without a database.
 *
 *   draft ──submit──▶ submitted ──publish──▶ published ──withdraw──▶ withdrawn
 *     ▲ edit            │                        └──supersede──▶ superseded
 *     └─────return──────┘
 *
 * Approval and publication are one step taken by the approver (the OGI office head), as the
 * national practice of 先审查后公开 (2019 art. 17) asks: nothing is public before it is approved.
 * Withdrawn and superseded are final: an index number, once issued, is never reused (2019 art. 12
 * and the catalog guideline), so a withdrawn item is never republished; a new item is drafted instead.
 */
import { GongkaiError } from '../shared/errors.ts';
import type { Action } from '../auth/policy.ts';
import type { ItemStatus } from './catalog-item.ts';
import { ITEM_STATUSES, nameOf } from './catalog-item.ts';

/** What can be done to an item. */
export const ITEM_ACTIONS = [
  { code: 'edit', name: '编辑' },
  { code: 'submit', name: '提交审核' },
  { code: 'return', name: '退回' },
  { code: 'publish', name: '审核并发布' },
  { code: 'withdraw', name: '撤回' },
  { code: 'supersede', name: '替代' },
] as const;

/** An item action. */
export type ItemAction = (typeof ITEM_ACTIONS)[number]['code'];

/** One allowed transition. */
export interface ItemTransition {
  from: ItemStatus;
  action: ItemAction;
  to: ItemStatus;
  /** The policy action the actor must hold on the item's organization. */
  permission: Action;
}

/** The transition table: every allowed (state, action) pair; anything else is illegal. */
export const ITEM_TRANSITIONS: readonly ItemTransition[] = [
  { from: 'draft', action: 'edit', to: 'draft', permission: 'catalog.draft' },
  { from: 'draft', action: 'submit', to: 'submitted', permission: 'catalog.submit' },
  { from: 'submitted', action: 'return', to: 'draft', permission: 'catalog.approve' },
  { from: 'submitted', action: 'publish', to: 'published', permission: 'catalog.approve' },
  { from: 'published', action: 'withdraw', to: 'withdrawn', permission: 'catalog.withdraw' },
  { from: 'published', action: 'supersede', to: 'superseded', permission: 'catalog.withdraw' },
];

/** Why an action is refused in a state, in English and Chinese, for the states where a hint helps. */
function refusalReason(from: ItemStatus, action: ItemAction): { en: string; zh: string } {
  const stateZh = nameOf(ITEM_STATUSES, from);
  const actionZh = nameOf(ITEM_ACTIONS, action);
  if (action === 'publish' && from === 'draft') return { en: 'a draft must be submitted for approval before it is published', zh: '草稿须先提交审核，才能审核并发布' };
  if (action === 'edit' && from === 'published') return { en: 'a published item cannot be edited; withdraw it or supersede it with a new item', zh: '已发布的信息不能修改，只能撤回或以新信息替代' };
  if (action === 'edit' && from === 'submitted') return { en: 'an item awaiting approval cannot be edited; it must be returned first', zh: '待审核的信息不能修改，须先退回' };
  if ((from === 'withdrawn' || from === 'superseded') && action !== 'edit') return { en: `a ${from} item is final`, zh: `${stateZh}的信息不能再${actionZh}` };
  return { en: `cannot ${action} an item that is ${from}`, zh: `${stateZh}状态的信息不能${actionZh}` };
}

/**
 * The transition for `action` in state `from`.
 * @returns the next state and the permission needed
 * @throws GongkaiError `ILLEGAL_TRANSITION`, with an issue on `status` giving the reason in both languages
 */
export function transition(from: ItemStatus, action: ItemAction): ItemTransition {
  const found = ITEM_TRANSITIONS.find((t) => t.from === from && t.action === action);
  if (found) return found;
  const reason = refusalReason(from, action);
  throw new GongkaiError('ILLEGAL_TRANSITION', `${from} → ${action}`, { issues: [{ field: 'status', message: reason.en, messageZh: reason.zh }] });
}

/** The actions allowed in a state (ignoring permissions): what the console may offer. */
export function actionsFrom(from: ItemStatus): ItemTransition[] {
  return ITEM_TRANSITIONS.filter((t) => t.from === from);
}

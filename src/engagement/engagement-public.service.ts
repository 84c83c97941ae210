/**
 * What the public portal reads of engagement records (2019 art. 23 channels; the portal's 回应解读
 * column): a year's press conferences, online interviews, interpretations and concern responses,
 * and the interpretation records of a published catalog item. Whoever asks sees the same thing.
 * Interpretations of a policy that is no longer published are not shown; links to an
 * interpretation item are given only while that item is published.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { InterpretationForm } from './engagement-record.ts';
import { findEngagementOrganization, listConcernResponses, listInterpretations, listInterpretationsOfPolicy, listPressEvents } from './engagement.repository.ts';
import type { ConcernResponseRecord, EngagementOrganization, InterpretationRecord, PressEventRecord } from './engagement.repository.ts';
import { checkEngagementYear, yearPeriod } from './engagement.service.ts';

/** An interpretation as the item page lists it. */
export interface PublicInterpretation {
  id: number;
  title: string;
  form: InterpretationForm;
  /** `YYYY-MM-DD`. */
  publishedOn: string;
  /** The catalog item carrying it, when published (its page is the link when there is no url). */
  interpretationItemId: number | null;
  /** Where to read it: the recorded url, else the interpretation item's page, else null. */
  href: string | null;
}

/** The 回应解读 page's content for a year. */
export interface PublicEngagement {
  year: number;
  /** The organization filtered on (its subtree), or null for all. */
  organization: EngagementOrganization | null;
  pressEvents: PressEventRecord[];
  interpretations: InterpretationRecord[];
  concernResponses: ConcernResponseRecord[];
}

/** How an interpretation record is linked on the portal. */
export function publicInterpretation(r: InterpretationRecord): PublicInterpretation {
  const item = r.interpretationItem?.status === 'published' ? r.interpretationItem : null;
  return {
    id: r.interpretation.id,
    title: r.interpretation.title,
    form: r.interpretation.form,
    publishedOn: r.interpretation.publishedOn,
    interpretationItemId: item?.id ?? null,
    href: r.interpretation.url ?? (item ? `/items/${item.id}` : null),
  };
}

/**
 * The year's records of all organizations or of one organization's subtree, newest first (at most
 * 500 of each kind).
 * Permission: `engagement.read_published` (public).
 * @throws GongkaiError `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function getPublicEngagement(ctx: ServiceContext, actor: Actor, query: { year: number; organizationId?: number }): Promise<PublicEngagement> {
  authorize(actor, 'engagement.read_published');
  checkEngagementYear(query.year);
  let organization: EngagementOrganization | null = null;
  if (query.organizationId !== undefined) {
    organization = (await findEngagementOrganization(ctx.store.db, query.organizationId)) ?? null;
    if (!organization) throw new GongkaiError('ORGANIZATION_UNKNOWN', String(query.organizationId));
  }
  const filter = { rootPaths: organization ? [organization.path] : null, ...yearPeriod(query.year) };
  const db = ctx.store.db;
  const [pressEvents, interpretations, concernResponses] = await Promise.all([
    listPressEvents(db, filter),
    listInterpretations(db, { ...filter, publishedPolicyOnly: true }),
    listConcernResponses(db, filter),
  ]);
  return { year: query.year, organization, pressEvents, interpretations, concernResponses };
}

/**
 * The interpretation records of a policy item, newest first, for its public page (the caller has
 * checked the item is published).
 * Permission: `engagement.read_published` (public).
 */
export async function listPublicInterpretationsOfItem(ctx: ServiceContext, actor: Actor, policyItemId: number): Promise<PublicInterpretation[]> {
  authorize(actor, 'engagement.read_published');
  return (await listInterpretationsOfPolicy(ctx.store.db, policyItemId)).map(publicInterpretation);
}

/**
 * 12345 hotline work orders (12345 热线工单) as the organization's records know them: the city's
 * hotline system receives a call, routes a work order to the organization that handles it, and the
 * organization replies. The hotline's counts (received, replied, reply rate) belong to the OGI work
 * an annual report describes (2019 art. 50: 政府信息公开工作情况; issue 6, the 2014 table's
 * engagement figures). Vocabulary only; pure.
 */

/** Work-order categories (诉求类型), as the hotline systems label them. */
export const HOTLINE_CATEGORIES = ['consultation', 'complaint', 'suggestion', 'request_for_help', 'report', 'other'] as const;
/** A category. */
export type HotlineCategory = (typeof HOTLINE_CATEGORIES)[number];
/** Chinese names of the categories (what exports write and the console shows). */
export const HOTLINE_CATEGORY_NAMES_ZH: Readonly<Record<HotlineCategory, string>> = {
  consultation: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  request_for_help: '求助',
  report: '举报',
  other: '其他',
};

/** The caller's verdict at the follow-up call (回访结果). */
export const HOTLINE_SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
/** A verdict. */
export type HotlineSatisfaction = (typeof HOTLINE_SATISFACTIONS)[number];
/** Chinese names of the verdicts. */
export const HOTLINE_SATISFACTION_NAMES_ZH: Readonly<Record<HotlineSatisfaction, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** A stored work order. Dates are `YYYY-MM-DD` (China time). */
export interface HotlineWorkOrder {
  id: number;
  organizationId: number;
  /** The hotline system's work-order number; unique across the store. */
  orderNumber: string;
  receivedOn: string;
  category: HotlineCategory;
  summary: string;
  /** Date the organization replied; null when not replied. */
  repliedOn: string | null;
  satisfaction: HotlineSatisfaction | null;
  /** The import that last wrote it; null when entered otherwise (the demo). */
  importId: number | null;
  synthetic: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The values a file row gives for a work order (the fields an import compares and writes). */
export interface HotlineOrderValues {
  organizationId: number;
  orderNumber: string;
  receivedOn: string;
  category: HotlineCategory;
  summary: string;
  repliedOn: string | null;
  satisfaction: HotlineSatisfaction | null;
}

/** Whether `value` is a category code. */
export function isHotlineCategory(value: string): value is HotlineCategory {
  return (HOTLINE_CATEGORIES as readonly string[]).includes(value);
}

/** Whether `value` is a satisfaction code. */
export function isHotlineSatisfaction(value: string): value is HotlineSatisfaction {
  return (HOTLINE_SATISFACTIONS as readonly string[]).includes(value);
}

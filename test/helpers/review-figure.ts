/**
 * A review record as the annual report's figures hold it (src/annual-reports/report-figures.ts), for
 * pure tests: a reconsideration of 吴忠市人民政府 filed 2025-04-01 and upheld 2025-06-01, with any
 * field overridden.
 */
import type { ReviewFigure } from '../../src/annual-reports/report-figures.ts';

/** A review figure with the defaults above and `over` applied. */
export function reviewFigure(over: Partial<ReviewFigure> = {}): ReviewFigure {
  return {
    id: 1,
    organizationId: 1,
    reviewingBody: '吴忠市人民政府',
    caseNumber: null,
    path: 'reconsideration',
    defendantRole: 'original-agency',
    filedOn: '2025-04-01',
    suitFiledOn: null,
    decidedOn: '2025-06-01',
    outcome: 'upheld',
    ...over,
  };
}

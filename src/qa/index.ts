/** Public surface of the answer service. */
export { createQaService, DEFAULT_LOW_CONFIDENCE } from './service.js';
export { validateGroundedAnswer, modelAnswerSchema, type ModelAnswer, type ValidatedAnswer } from './grounded.js';
export { formatCitation, formatSourcesLine, numberToChinese } from './citations.js';
export type { QaAnswer, QaAskOptions, QaService, QaServiceOptions, UnsureReport } from './types.js';

/** Public surface of the safety checks: crisis, scope and prompt injection. */
export { crisisReply, detectCrisis, isPastHarm, safetyLine, type CrisisKind } from './crisis.js';
export { classifyScope, outOfScopeReply, outsideDomain, outsideReply, type OutsideDomain, type Scope } from './scope.js';
export { detectInjection, stripInjection } from './injection.js';

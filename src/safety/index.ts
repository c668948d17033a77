/** Public surface of the safety checks: crisis, scope and prompt injection. */
export { crisisReply, detectCrisis, type CrisisKind } from './crisis.js';
export { classifyScope, outOfScopeReply, type Scope } from './scope.js';
export { detectInjection, stripInjection } from './injection.js';

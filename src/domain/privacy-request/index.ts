/**
 * The privacy-request lifecycle, one operation a file: the transition table (transitions.ts),
 * the compare-and-set every status change goes through (change-status.ts), one function per
 * transition named by its verb, and the reads. Use as `import * as requests from '.../privacy-request'`.
 */
export { TRANSITIONS, canMove, type Action } from './transitions';
export { create, type PrivacyRequestInput } from './create';
export { claim } from './claim';
export { saveProgress } from './save-progress';
export { pause } from './pause';
export { resume, type ResumeArgs } from './resume';
export { complete } from './complete';
export { fail } from './fail';
export { giveUp } from './give-up';
export { expire } from './expire';
export { retry } from './retry';
export { cancel } from './cancel';
export { logAttempts } from './attempts';
export { find, findChains, findDeliveries, findMany, idsChangedSince } from './find';
export { list, cursorOf } from './list';
export type { AttemptRow, Checkpoint, ClaimedRun, Progress, RunWebhook } from './run';
export type { ChainStepView, PrivacyRequestView, WebhookDeliveryView } from './views';

/**
 * Client settings files (`airlock init <client>`): where each assistant keeps its hooks, and the merge that adds
 * or removes exactly Airlock's own hooks while leaving the user's settings as they were.
 */
export { applyClientSettings, type ClientSettingsRequest, type ClientSettingsResult } from './apply.js';
export { BACKUP_SUFFIX } from './file.js';
export { installHooks, removeHooks, type MergeResult } from './merge.js';
export { hookCommand, isOurHandler } from './ours.js';
export { SETTINGS_SPECS } from './specs.js';
export type { ClientSettingsSpec, Scope, SettingsClient } from './types.js';

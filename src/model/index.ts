export * from './action.js';
export * from './analysis.js';
export * from './context.js';
export * from './decision.js';
export * from './effect.js';
export * from './hook.js';
export * from './policy.js';

/**
 * agent-airlock: governs what AI coding assistants may do.
 * The library's front door: analyse and decide, with the same pipeline the CLI and server use.
 */
export * from './model/index.js';
export { AirlockError } from './errors/index.js';
export type { ErrorCode } from './errors/index.js';
export { analyzeAction, analyzeCommand, LIMITS } from './analyze/index.js';
export { buildEngine, compilePolicies, decide, sourcesDigest } from './policy/index.js';
export type { PolicyEngine, DecideOptions, EngineOptions, PrecompiledPack, PolicyInfo } from './policy/index.js';
export { Airlock } from './pipeline/airlock.js';
export type { AirlockOptions, AuditSink } from './pipeline/airlock.js';
export type { ContextOptions } from './config/context.js';

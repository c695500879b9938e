/**
 * @testnet/core/tasks — everything about tasks and chain definitions: the root's task names plus
 * the task registry, fee-currency helpers, deterministic randomness and start defaults.
 */
export * from "../tasks/index.js"

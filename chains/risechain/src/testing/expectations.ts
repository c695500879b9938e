// Test support only (not exported): assertions shared by the category test files.

import { checkCleanRun, type TaskRun } from "@testnet/core/testing"
import { expect } from "vitest"

/**
 * The run completed its one task successfully, left nothing pending, and the journal agrees with
 * the chain (on-chain nonce = journal's highest mined nonce + 1).
 *
 * @example
 * expectCleanRun(await runner.run(selfTransfer), "self_transfer")
 */
export function expectCleanRun(run: TaskRun, task: string) {
  expect(checkCleanRun(run, task)).toEqual([])
}

/**
 * The first 0x address in the outcome's first note matched by `pattern` (group 1).
 *
 * @example
 * const counter = noteAddress(run, /counter at (0x[0-9a-fA-F]{40})/)
 */
export function noteMatch(run: TaskRun, pattern: RegExp): string {
  return pattern.exec(run.result.unwrap().notes[0] ?? "")?.[1] ?? ""
}

import { type RunCliOptions, runCli } from "../../cli/runCli.js"
import { Ok } from "../../result.js"
import { type ChainDefinition, defineChain } from "../../tasks/defineChain.js"
import { defineTask } from "../../tasks/defineTask.js"
import { createTaskOutcome } from "../../tasks/outcome.js"

/**
 * A small chain for CLI tests (not exported from the package).
 *
 * @example
 * const result = await runTestCli(["tasks"])
 */
export const testChain: ChainDefinition = defineChain({
  name: "testchain",
  displayName: "Test chain",
  chainId: 31337,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  capabilities: { eip1559: true, nativeValueTransfers: true },
  devnet: {},
  version: "9.8.7",
  tasks: [
    defineTask({
      name: "transfer",
      category: "native",
      weight: 6,
      description: "Sends 0 wei to itself.",
      run: async () => Ok(createTaskOutcome()),
    }),
    defineTask({
      name: "deploy_counter",
      category: "contract",
      weight: 3,
      description: "Deploys a Counter.",
      run: async () => Ok(createTaskOutcome()),
    }),
    defineTask({
      name: "call_counter",
      category: "contract",
      weight: 1,
      description: "Increments a Counter.",
      run: async () => Ok(createTaskOutcome()),
    }),
    defineTask({
      name: "overdraw",
      category: "negative",
      weight: 0,
      expectedFailure: true,
      description: "Sends more than the balance.",
      run: async () => Ok(createTaskOutcome()),
    }),
  ],
})

/**
 * Runs the CLI in-process with captured output.
 *
 * @example
 * const { code, stdout, stderr } = await runTestCli(["start", "--tps", "abc"])
 */
export async function runTestCli(
  argv: readonly string[],
  options: Omit<RunCliOptions, "argv" | "exit" | "stdout" | "stderr"> & {
    chain?: ChainDefinition
    tty?: boolean
  } = {},
): Promise<{ code: number; exitCalls: number[]; stdout: string; stderr: string }> {
  let stdout = ""
  let stderr = ""
  const exitCalls: number[] = []
  const { chain = testChain, tty = false, ...rest } = options
  const code = await runCli(chain, {
    environment: {},
    ...rest,
    argv,
    exit: (exitCode) => exitCalls.push(exitCode),
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
  })
  return { code, exitCalls, stdout, stderr }
}

/**
 * `node dist/mainJobProcess.js '<options JSON>'`: runs one main-job phase ((e) or (f)) in a process
 * of its own, as `start` runs the job, and prints its result as one line `RESULT <JSON>`. Its RSS,
 * CPU, heap and event loop are then the job's alone, not shared with the modules and leftover heap
 * of the phases that ran before it in the bench process (which entered (e) at ~226 MB).
 */
import type { ChainDefinition } from "@testnet/core"
import { stopAllDevnets } from "@testnet/core/devnet"
import { type MainJobPhaseOptions, runMainJobPhase } from "./phases/mainJob.js"

const [optionsText] = process.argv.slice(2)
if (optionsText === undefined) {
  process.stderr.write("usage: mainJobProcess.js '<main-job phase options as JSON>'\n")
  process.exit(2)
}
const options = JSON.parse(optionsText) as Omit<MainJobPhaseOptions, "chain">
process.once("SIGTERM", () => {
  void stopAllDevnets().finally(() => process.exit(1))
})
try {
  // Loaded by name at run time, like bench.ts does: the main-job phases run the Tempo catalog.
  const specifier = "@testnet/tempo"
  const { tempo } = (await import(specifier)) as { tempo: ChainDefinition }
  const result = await runMainJobPhase({ ...options, chain: tempo })
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
  await stopAllDevnets()
  process.exit(0)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  await stopAllDevnets()
  process.exit(1)
}

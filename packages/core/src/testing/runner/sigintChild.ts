/**
 * Child process of the SIGINT test: runs the test chain on the embedded devnet until a signal,
 * printing one JSON line per event on stdout.
 */
import { parseConfig } from "../../config/parse.js"
import { getRunningDevnetPids } from "../../devnet/processRegistry.js"
import { runLoad } from "../../runner/load/runLoad.js"
import { testChain } from "./testChain.js"

const print = (line: Record<string, unknown>) =>
  process.stdout.write(
    `${JSON.stringify(line, (_key, value) => (typeof value === "bigint" ? value.toString() : value))}\n`,
  )

const database = process.argv[2]
if (database === undefined) throw new Error("usage: sigintChild <database path>")
const config = parseConfig({
  rpcUrls: [],
  targetTps: 20,
  workers: 10,
  wallets: { count: 10 },
  database,
  seed: 7,
  logLevel: "silent",
  blockTimeSeconds: 1,
})
if (config.isErr()) throw config.error
let announced = false
const report = await runLoad({
  chain: testChain,
  config: config.value,
  graceMs: 15_000,
  snapshotIntervalMs: 200,
  onSnapshot(snapshot) {
    if (!announced) {
      announced = true
      print({ type: "devnet", pids: getRunningDevnetPids() })
    }
    print({ type: "snapshot", sent: snapshot.sent, included: snapshot.included })
  },
})
if (report.isErr()) {
  print({ type: "error", code: report.error.name, message: report.error.message })
  process.exitCode = 1
} else {
  print({
    type: "report",
    runId: report.value.runId,
    summary: report.value.summary,
    mismatches: report.value.reconciliation?.mismatches.length ?? -1,
  })
}

/**
 * `node dist/rpcProxyProcess.js <upstream URL> <latency ms>`: the network-conditions proxy in a
 * process of its own, so its CPU is not counted as the framework's. Prints one JSON line with its
 * URL; on SIGUSR2 prints its counters as one JSON line; exits on SIGTERM.
 */
import { startNetworkConditionsProxy } from "@testnet/test-helpers/network-conditions"

const [upstream, latencyText = "0"] = process.argv.slice(2)
if (upstream === undefined) {
  process.stderr.write("usage: rpcProxyProcess.js <upstream URL> <latency ms>\n")
  process.exit(2)
}
const latencyMs = Number(latencyText)
const proxy = await startNetworkConditionsProxy({
  upstream,
  // Half of the added round trip on the way in, half on the way out.
  conditions:
    latencyMs > 0 ? { latencyMs: { request: latencyMs / 2, response: latencyMs / 2, jitter: 0 } } : {},
  seed: 1,
})
process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`)
process.on("SIGUSR2", () => {
  process.stdout.write(
    `${JSON.stringify({ counters: { ...proxy.counters, callsByMethod: proxy.callsByMethod } })}\n`,
  )
})
process.once("SIGTERM", () => {
  void proxy.close().finally(() => process.exit(0))
})

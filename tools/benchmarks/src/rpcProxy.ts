/**
 * The parent's handle on rpcProxyProcess.js: start it in front of a node, read its counters
 * (JSON-RPC calls and HTTP requests it received), stop it.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"

/**
 * What the proxy received so far: JSON-RPC calls (also by method) and HTTP requests.
 *
 * @example
 * const { callsByMethod } = await proxy.counters()
 */
export type ProxyCounters = { calls: number; requests: number; callsByMethod: Record<string, number> }

/**
 * A counting (optionally slowing) RPC proxy in its own process.
 *
 * @example
 * const proxy = await startRpcProxy(devnet.rpcUrl, 100)
 * const { calls } = await proxy.counters()
 * await proxy.stop()
 */
export type RpcProxy = {
  url: string
  pid: number
  counters(): Promise<ProxyCounters>
  stop(): Promise<void>
}

/**
 * Starts the proxy process; `latencyMs` is added to every HTTP round trip (0: a plain counter).
 *
 * @example
 * const proxy = await startRpcProxy("http://127.0.0.1:8545", 0)
 */
export async function startRpcProxy(
  upstream: string,
  latencyMs: number,
  // Next to the bundled bench.js; tests (which run the sources) pass the built file.
  script = fileURLToPath(new URL("./rpcProxyProcess.js", import.meta.url)),
): Promise<RpcProxy> {
  const child: ChildProcess = spawn(process.execPath, [script, upstream, String(latencyMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const waiting: ((line: string) => void)[] = []
  lines.on("line", (line) => waiting.shift()?.(line))
  const nextLine = (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the RPC proxy process did not answer")), timeoutMs)
      waiting.push((line) => {
        clearTimeout(timer)
        resolve(line)
      })
    })
  const { url } = JSON.parse(await nextLine(10_000)) as { url: string }
  return {
    url,
    pid: child.pid ?? -1,
    async counters() {
      const answer = nextLine(5_000)
      child.kill("SIGUSR2")
      const { counters } = JSON.parse(await answer) as { counters: ProxyCounters }
      return { calls: counters.calls, requests: counters.requests, callsByMethod: counters.callsByMethod }
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
      child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 3_000)
      await exited
      clearTimeout(timer)
    },
  }
}

import type { Command } from "commander"
import { CliUsageError } from "../../errors/cli.js"
import { loadProxyList } from "../../proxy/proxyList.js"
import { createProxyManager, type ProxyDiagnostic } from "../../proxy/proxyManager.js"
import { Err, Ok } from "../../result.js"
import { addCommonOptions } from "../commonOptions.js"
import type { CliContext, OutcomeSlot } from "../context.js"
import { exitCodes } from "../exitCodes.js"
import { collect } from "../flagParsers.js"
import { examplesText } from "../helpText.js"
import { loadCommandConfig } from "../loadCommandConfig.js"
import { renderTable } from "../table.js"

/**
 * `proxies check`: sends `eth_chainId` (or a GET to --url) through every configured proxy and
 * prints a table. Exit 0 when all work, 1 when any fails.
 *
 * @example
 * registerProxiesCommand(program, context, slot) // then: tempo proxies check --config testnet.toml
 */
export function registerProxiesCommand(program: Command, context: CliContext, slot: OutcomeSlot): void {
  const examples = examplesText(context.programName, [
    "proxies check --config testnet.toml",
    "proxies check --proxy socks5://127.0.0.1:1080 --rpc-url https://rpc.example",
    "proxies check --config testnet.toml --url https://example.com --json",
  ])
  const proxies = program
    .command("proxies")
    .description("check the configured proxies")
    .addHelpText("after", examples)
  addCommonOptions(proxies.command("check"))
    .description("request through every proxy and report status and latency")
    .addHelpText("after", examples)
    .option("--proxy <url>", "proxy URL (repeatable; adds to proxies.urls)", collect)
    .option("--rpc-url <url>", "JSON-RPC endpoint to reach through the proxies (default: the config's first)")
    .option("--url <url>", "check with a GET to this URL instead of JSON-RPC")
    .action(
      slot.wrap(
        async (options: {
          config?: string
          json?: boolean
          proxy?: string[]
          rpcUrl?: string
          url?: string
        }) => {
          const config = await loadCommandConfig(
            context,
            options.config === undefined ? {} : { config: options.config },
          )
          if (config.isErr()) return config
          const list = await loadProxyList({
            urls: [...config.value.proxies.urls, ...(options.proxy ?? [])],
            file: config.value.proxies.file,
          })
          if (list.isErr()) return list
          if (list.value.length === 0) {
            return Err(
              new CliUsageError({
                message: "no proxies configured",
                hints: [
                  "Set proxies.urls or proxies.file in the config, TESTNET_PROXIES_URLS, or pass --proxy URL.",
                ],
                command: `${context.programName} proxies check`,
              }),
            )
          }
          const rpcUrl = options.rpcUrl ?? config.value.rpcUrls[0]
          const target =
            options.url !== undefined ? { url: options.url } : rpcUrl !== undefined ? { rpcUrl } : undefined
          if (target === undefined) {
            return Err(
              new CliUsageError({
                message: "nothing to check the proxies against",
                hints: ["Pass --rpc-url URL or --url URL, or set rpc_urls in the config."],
                command: `${context.programName} proxies check`,
              }),
            )
          }
          const manager = createProxyManager({
            proxies: list.value,
            mode: config.value.proxies.mode,
            directFallback: config.value.proxies.directFallback,
          })
          if (manager.isErr()) return manager
          try {
            const diagnostics = await manager.value.checkAll(target)
            context.io.stdout.write(
              options.json ? `${JSON.stringify(diagnostics)}\n` : renderProxyDiagnostics(diagnostics),
            )
            return Ok(
              diagnostics.every((diagnostic) => diagnostic.status === "ok")
                ? exitCodes.ok
                : exitCodes.failure,
            )
          } finally {
            await manager.value.close()
          }
        },
      ),
    )
}

/**
 * The `proxies check` table (masked URLs only).
 *
 * @example
 * renderProxyDiagnostics(await manager.checkAll({ rpcUrl }))
 */
export function renderProxyDiagnostics(diagnostics: readonly ProxyDiagnostic[]): string {
  return renderTable(
    [
      { header: "proxy" },
      { header: "protocol" },
      { header: "status" },
      { header: "latency", align: "right" },
      { header: "error" },
    ],
    diagnostics.map((diagnostic) => [
      diagnostic.proxy,
      diagnostic.protocol,
      diagnostic.status,
      diagnostic.latencyMs === undefined ? "—" : `${Math.round(diagnostic.latencyMs)} ms`,
      diagnostic.error === undefined ? "" : `${diagnostic.errorCode ?? ""} ${diagnostic.error}`.trim(),
    ]),
  )
}

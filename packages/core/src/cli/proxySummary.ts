/**
 * The per-proxy lines of the end-of-run summary: requests, failures and bans of each configured
 * proxy (masked URLs: credentials never reach the terminal). Kept apart from summary.ts so the
 * run summary's layout stays one concern.
 */
import type { ProxyDiagnostic } from "../proxy/proxyManager.js"
import { renderTable } from "./table.js"

/**
 * A table of the run's proxies (empty text when the run used none).
 *
 * @example
 * process.stdout.write(renderProxySummary(report.proxies))
 */
export function renderProxySummary(proxies: readonly ProxyDiagnostic[]): string {
  if (proxies.length === 0) return ""
  const table = renderTable(
    [
      { header: "proxy" },
      { header: "status" },
      { header: "requests", align: "right" },
      { header: "errors", align: "right" },
      { header: "bans", align: "right" },
    ],
    proxies.map((proxy) => [
      proxy.proxy,
      proxy.status,
      String(proxy.successes + proxy.failures),
      String(proxy.failures),
      String(proxy.bans),
    ]),
  )
  return `\nProxies:\n${table}`
}

/**
 * The per-proxy lines as one JSON line (`type: "proxies"`) for `--json`.
 *
 * @example
 * console.log(proxySummaryJson(report.proxies)) // {"type":"proxies","proxies":[{"proxy":"http://***:***@…","requests":12,…}]}
 */
export function proxySummaryJson(proxies: readonly ProxyDiagnostic[]): string {
  return JSON.stringify({
    type: "proxies",
    proxies: proxies.map((proxy) => ({
      proxy: proxy.proxy,
      status: proxy.status,
      requests: proxy.successes + proxy.failures,
      errors: proxy.failures,
      bans: proxy.bans,
    })),
  })
}

import type { InjectionCounters } from "@testnet/test-helpers"
import type { CliOutcome } from "./tempoCli.js"

function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n")
}

/**
 * The summary JSON line of `start --json` (`{"type":"summary",…}`), or undefined if none was printed.
 *
 * @example
 * const summary = summaryOf(outcome)
 */
export function summaryOf(outcome: CliOutcome): Record<string, unknown> | undefined {
  for (const line of outcome.stdout.split("\n").reverse()) {
    if (!line.includes('"type":"summary"')) continue
    try {
      return JSON.parse(line) as Record<string, unknown>
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * A readable account of one CLI run for assertion messages: exit, time, what the proxy
 * injected, the summary's transaction counts and the end of stderr.
 *
 * @example
 * expect(outcome.exitCode, describeOutcome("http5xx", outcome, proxy.counters)).toBe(0)
 */
export function describeOutcome(name: string, outcome: CliOutcome, counters?: InjectionCounters): string {
  const injected =
    counters === undefined
      ? "no proxy"
      : Object.entries(counters)
          .filter(([, value]) => value > 0)
          .map(([key, value]) => `${key}=${value}`)
          .join(" ")
  const summary = summaryOf(outcome)
  return [
    `[${name}] exit ${outcome.exitCode ?? outcome.signal}${outcome.timedOut ? " (killed by the suite's deadline)" : ""} after ${(outcome.elapsedMs / 1000).toFixed(1)} s`,
    `proxy: ${injected}`,
    `summary: ${summary === undefined ? "none printed" : JSON.stringify(summary.transactions ?? summary)}`,
    `stderr (end):\n${lastLines(outcome.stderr, 12)}`,
  ].join("\n")
}

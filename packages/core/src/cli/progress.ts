import type { RunSnapshot } from "../runner/statistics/statistics.js"
import type { CliOutput } from "./io.js"
import { formatDuration } from "./table.js"

/**
 * The live progress block on a terminal (a few lines, redrawn in place).
 *
 * @example
 * renderProgressLines(snapshot)
 * // ["elapsed 12.0 s  task starts/s 49.8 (target 50)  tx/s 48.7  in flight 31", …]
 */
export function renderProgressLines(snapshot: RunSnapshot): string[] {
  const lines = [
    // The target is task starts per second; a task may send several transactions (or none), so
    // the achieved rates of both are named, never set against each other.
    `elapsed ${formatDuration(snapshot.elapsedMs)}  task starts/s ${snapshot.currentTaskStartsPerSecond.toFixed(1)} (target ${snapshot.targetTps})  tx/s ${snapshot.currentTps.toFixed(1)}  in flight ${snapshot.tasksInFlight}`,
    `tasks ${snapshot.tasksStarted} started, ${snapshot.tasksSucceeded} ok, ${snapshot.tasksFailed} failed${snapshot.skippedStarts > 0 ? `, ${snapshot.skippedStarts} skipped` : ""}`,
    `tx sent ${snapshot.sent}  included ${snapshot.included}  reverted ${snapshot.reverted}  rejected ${snapshot.rejected}  dropped ${snapshot.dropped}  pending ${snapshot.pendingTransactions}`,
    `inclusion p50 ${formatDuration(snapshot.inclusionLatencyMs.p50)}  p95 ${formatDuration(snapshot.inclusionLatencyMs.p95)}`,
  ]
  // Say what the end of the run waits for, and how to stop waiting (shutdown.ts: a second signal aborts).
  if (snapshot.draining)
    lines.unshift(
      `draining ${snapshot.pendingTransactions} transactions and ${snapshot.tasksInFlight} tasks in flight — Ctrl-C again to force`,
    )
  if (snapshot.topErrors.length > 0) {
    lines.push(
      `errors ${snapshot.topErrors
        .slice(0, 3)
        .map((error) => `${error.code} ×${error.count}`)
        .join(", ")}`,
    )
  }
  return lines
}

/**
 * The progress as one JSON line (non-TTY output: logs, CI, `--json`).
 *
 * @example
 * progressJsonLine(snapshot) // '{"type":"progress","elapsedMs":12000,…}'
 */
export function progressJsonLine(snapshot: RunSnapshot): string {
  return JSON.stringify({ type: "progress", ...snapshot }, (_key, value: unknown) =>
    value === undefined ? null : value,
  )
}

/**
 * ANSI sequence that moves the cursor up over the previous block and clears it.
 *
 * @example
 * eraseLines(3) // "\u001b[3F\u001b[0J"
 */
export function eraseLines(count: number): string {
  return count === 0 ? "" : `\u001b[${count}F\u001b[0J`
}

/**
 * How many terminal rows `lines` occupy at `columns` wide: a line longer than the terminal wraps
 * onto several rows, and the eraser must move up over all of them or the block tears.
 *
 * @example
 * terminalRows(["x".repeat(150)], 100) // 2
 */
export function terminalRows(lines: readonly string[], columns: number | undefined): number {
  const width = columns !== undefined && columns > 0 ? columns : Number.POSITIVE_INFINITY
  // Code points, not UTF-16 units ("—", "…" are one column each).
  return lines.reduce((rows, line) => rows + Math.max(1, Math.ceil([...line].length / width)), 0)
}

/**
 * A live progress display.
 *
 * @example
 * const progress: ProgressRenderer = createProgressRenderer({ output: io.stderr })
 */
export type ProgressRenderer = {
  /** Redraws (throttled) with the latest numbers. */
  update(snapshot: RunSnapshot): void
  /** Writes other text (a log line) above the live block without corrupting it. */
  print(text: string): void
  /** Draws the last state once more (if given) and stops updating. */
  finish(snapshot?: RunSnapshot): void
}

/**
 * Draws progress: on a TTY one block redrawn in place (cursor moves), otherwise one JSON line per
 * `intervalMs`. `update` may be called as often as you like; output is throttled.
 *
 * @example
 * const progress = createProgressRenderer({ output: io.stderr, intervalMs: 5_000 })
 * const timer = setInterval(() => progress.update(runner.snapshot()), 250)
 * // … at the end:
 * clearInterval(timer); progress.finish(runner.snapshot())
 */
export function createProgressRenderer(parameters: {
  output: CliOutput
  /** Default: `output.isTTY`. */
  interactive?: boolean
  /** Minimum time between two renders; default 250 ms on a TTY, 5 000 ms otherwise. */
  intervalMs?: number
  now?: () => number
}): ProgressRenderer {
  const interactive = parameters.interactive ?? parameters.output.isTTY === true
  const intervalMs = parameters.intervalMs ?? (interactive ? 250 : 5_000)
  const now = parameters.now ?? Date.now
  let lastRender = Number.NEGATIVE_INFINITY
  let drawnLines = 0
  let finished = false
  let lastLines: string[] = []

  const draw = (snapshot: RunSnapshot) => {
    if (interactive) {
      const lines = renderProgressLines(snapshot)
      parameters.output.write(`${eraseLines(drawnLines)}${lines.join("\n")}\n`)
      drawnLines = terminalRows(lines, parameters.output.columns)
      lastLines = lines
    } else {
      parameters.output.write(`${progressJsonLine(snapshot)}\n`)
    }
  }

  return {
    update(snapshot) {
      if (finished) return
      const time = now()
      if (time - lastRender < intervalMs) return
      lastRender = time
      draw(snapshot)
    },
    print(text) {
      const line = text.endsWith("\n") ? text : `${text}\n`
      if (!interactive || finished || drawnLines === 0) {
        parameters.output.write(line)
        return
      }
      // Erase the block, print above it, draw it again below.
      parameters.output.write(`${eraseLines(drawnLines)}${line}${lastLines.join("\n")}\n`)
    },
    finish(snapshot) {
      if (finished) return
      finished = true
      if (snapshot !== undefined) draw(snapshot)
    },
  }
}

import { BaseError } from "../errors/base.js"
import { isBadInputError } from "./exitCodes.js"

/**
 * How much to show.
 *
 * @example
 * renderError(error, { verbose: true })
 */
export type RenderErrorOptions = {
  /** Add details and the cause chain (and, for runtime failures, the innermost stack). */
  verbose?: boolean
}

/**
 * Renders an error for the terminal: one line `error: <short message>`, then the hints indented.
 * Never a stack trace for bad input; `--verbose` adds details and the cause chain.
 *
 * @example
 * renderError(new TaskNotFoundError({ name: "x", available: ["a"] }))
 * // "error: Unknown task \"x\".\n  Available tasks: a\n"
 */
export function renderError(error: unknown, options: RenderErrorOptions = {}): string {
  const lines: string[] = []
  if (BaseError.isInstance(error)) {
    lines.push(`error: ${error.shortMessage}`)
    for (const hint of error.metaMessages) lines.push(`  ${hint}`)
    if (options.verbose) {
      if (error.details !== undefined) lines.push(`  details: ${error.details}`)
      lines.push(...renderCauses(error, !isBadInputError(error)))
    }
  } else {
    const message = error instanceof Error ? error.message : String(error)
    lines.push(`error: unexpected internal error: ${firstLine(message)}`)
    if (options.verbose) {
      if (error instanceof Error && error.stack !== undefined) lines.push(indent(error.stack))
      lines.push(...renderCauses(error, true))
    } else {
      lines.push("  This is a bug. Re-run with --verbose for the stack trace and report it.")
    }
  }
  return `${lines.join("\n")}\n`
}

function renderCauses(error: unknown, withStack: boolean): string[] {
  const lines: string[] = []
  const seen = new Set<unknown>([error])
  let current = (error as { cause?: unknown }).cause
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current)
    if (BaseError.isInstance(current)) {
      lines.push(`  caused by: ${current.name} [${current.code}]: ${current.shortMessage}`)
      if (current.details !== undefined) lines.push(`    details: ${current.details}`)
    } else if (current instanceof Error) {
      const code = (current as { code?: unknown }).code
      lines.push(
        `  caused by: ${current.name}${code === undefined ? "" : ` [${String(code)}]`}: ${firstLine(current.message)}`,
      )
      const next = (current as { cause?: unknown }).cause
      if (withStack && (next === undefined || next === null) && current.stack !== undefined) {
        lines.push(indent(current.stack, "    "))
      }
    } else {
      lines.push(`  caused by: ${firstLine(String(current))}`)
    }
    current = (current as { cause?: unknown }).cause
  }
  return lines
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? ""
}

function indent(text: string, prefix = "  "): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n")
}

/**
 * One column of a text table.
 *
 * @example
 * const column: TableColumn = { header: "tps", align: "right" }
 */
export type TableColumn = {
  header: string
  align?: "left" | "right"
  /** May be truncated (with "…") so the table fits `maxWidth`; the full value stays in `--json`. */
  shrink?: boolean
}

/** The width tables aim for: a 100-column terminal. */
export const defaultTableWidth = 100

/** Column widths shrunk (widest shrinkable first, never below its header or 8) to fit `maxWidth`. */
function fitWidths(columns: readonly TableColumn[], widths: number[], maxWidth: number): number[] {
  const fitted = [...widths]
  const total = () => fitted.reduce((sum, width) => sum + width, 0) + 2 * (fitted.length - 1)
  const floor = (index: number) => Math.max(8, columns[index]?.header.length ?? 0)
  while (total() > maxWidth) {
    let widest = -1
    for (const [index, column] of columns.entries())
      if (
        column.shrink &&
        (fitted[index] ?? 0) > floor(index) &&
        (widest < 0 || (fitted[index] ?? 0) > (fitted[widest] ?? 0))
      )
        widest = index
    if (widest < 0) break
    fitted[widest] = Math.max(floor(widest), (fitted[widest] ?? 0) - (total() - maxWidth))
  }
  return fitted
}

function truncate(cell: string, width: number): string {
  return cell.length <= width ? cell : `${cell.slice(0, Math.max(0, width - 1))}…`
}

/**
 * Renders a plain-text table (no colours, so it is stable in logs and tests): a header, a rule,
 * then the rows; columns are padded to their widest cell.
 *
 * @example
 * renderTable([{ header: "task" }, { header: "count", align: "right" }], [["transfer", "12"]])
 * // "task      count\n--------  -----\ntransfer     12\n"
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: { maxWidth?: number } = {},
): string {
  const natural = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row[index] ?? "").length)),
  )
  const widths = options.maxWidth === undefined ? natural : fitWidths(columns, natural, options.maxWidth)
  const format = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const width = widths[index] ?? 0
        const cell = truncate(cells[index] ?? "", width)
        return column.align === "right" ? cell.padStart(width) : cell.padEnd(width)
      })
      .join("  ")
      .trimEnd()
  const lines = [
    format(columns.map((column) => column.header)),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...rows.map(format),
  ]
  return `${lines.join("\n")}\n`
}

/**
 * Milliseconds for humans: "850 ms", "12.3 s", "4m 05s", "—" when unknown.
 *
 * @example
 * formatDuration(65_000) // "1m 05s"
 */
export function formatDuration(milliseconds: number | undefined): string {
  if (milliseconds === undefined || !Number.isFinite(milliseconds)) return "—"
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(milliseconds / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const tail = `${String(minutes).padStart(hours > 0 ? 2 : 1, "0")}m ${String(seconds).padStart(2, "0")}s`
  return hours > 0 ? `${hours}h ${tail}` : tail
}

/**
 * A share as a percentage with one decimal: "97.5%", "—" when the total is 0.
 *
 * @example
 * formatPercent(39, 40) // "97.5%"
 */
export function formatPercent(part: number, total: number): string {
  if (total <= 0) return "—"
  return `${((part / total) * 100).toFixed(1)}%`
}

/**
 * Where the CLI writes. Defaults to the process streams; tests pass string collectors.
 *
 * @example
 * const output: CliOutput = { write: (text) => chunks.push(text), isTTY: false }
 */
export type CliOutput = {
  write(text: string): unknown
  /** True on an interactive terminal: pretty logs, live progress block, colours. */
  readonly isTTY?: boolean
  /** Terminal width, when known. */
  readonly columns?: number
}

/**
 * The CLI's view of the process.
 *
 * @example
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, environment: process.env }
 */
export type CliIo = {
  stdout: CliOutput
  stderr: CliOutput
  environment: Readonly<Record<string, string | undefined>>
}

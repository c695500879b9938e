import { loadConfig } from "@testnet/core"

/**
 * True when the `--config` / `-c` file on the command line says when a run stops
 * (`duration_seconds` or `count`). An unreadable or invalid file counts as true: core's CLI then
 * reports it properly, and no default is added behind its back.
 *
 * @example
 * const stops = await configFileStops(["start", "--config", "testnet.toml"]) // false unless the file sets a stop
 */
export async function configFileStops(argv: readonly string[]): Promise<boolean> {
  let file: string | undefined
  for (const [index, argument] of argv.entries()) {
    if (argument === "--config" || argument === "-c") file = argv[index + 1]
    else if (argument.startsWith("--config=")) file = argument.slice("--config=".length)
  }
  if (file === undefined) return false
  const loaded = await loadConfig({ file, environment: {} })
  return loaded.isErr() || loaded.value.durationSeconds !== undefined || loaded.value.count !== undefined
}

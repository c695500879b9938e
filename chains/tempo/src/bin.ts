#!/usr/bin/env node
// The `tempo` command: core's CLI for the Tempo chain, plus `--network <name>` and the defaults
// of `start` (see prepareTempoArguments).
import { runCli } from "@testnet/core"
import { createTempoChain } from "./chain.js"
import { prepareTempoArguments } from "./networks/cliArguments.js"
import { configFileStops } from "./networks/configFileStops.js"

const argv = process.argv.slice(2)
const prepared = prepareTempoArguments(argv, process.env, { configFileStops: await configFileStops(argv) })
if (!prepared.ok) {
  process.stderr.write(`error: ${prepared.message}\n`)
  process.exit(2)
}
await runCli(createTempoChain(prepared.network), { argv: prepared.argv, programName: "tempo" })

#!/usr/bin/env node
// The `tempo` command: core's CLI for the Tempo chain. `--network NAME` and the `start` defaults
// are declared on the chain (networks, startDefaults) and applied by core.
import { runCli } from "@testnet/core"
import { tempo } from "./chain.js"

// `pnpm start -- --duration 10` passes the separator on; no tempo command takes positional "-…" values.
const argv = process.argv.slice(2).filter((argument) => argument !== "--")
await runCli(tempo, { argv, programName: "tempo" })

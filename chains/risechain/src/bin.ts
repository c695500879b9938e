#!/usr/bin/env node
import { runCli } from "@testnet/core"
import { risechain } from "./chain.js"

await runCli(risechain)

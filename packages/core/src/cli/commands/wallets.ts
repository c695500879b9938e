import type { Command } from "commander"
import { Ok } from "../../result.js"
import { loadWorkerWallets, walletSeed } from "../../runner/load/workerWallets.js"
import { exportAddressesCsv, generateKeystores, listKeystoreAddresses } from "../../wallet/keystoreTool.js"
import { readPassword } from "../../wallet/password.js"
import { addCommonOptions } from "../commonOptions.js"
import type { CliContext, OutcomeSlot } from "../context.js"
import { exitCodes } from "../exitCodes.js"
import { parsePositiveInteger } from "../flagParsers.js"
import { examplesText } from "../helpText.js"
import { loadCommandConfig } from "../loadCommandConfig.js"
import { renderTable } from "../table.js"
import { registerFundingCommands } from "./walletsFunding.js"

/**
 * `wallets generate | list | fund | reclaim`: keystore tooling and funding.
 * Passwords come from TESTNET_WALLET_PASSWORD or a muted prompt — never from a flag (flags are
 * visible in `ps` and shell history).
 *
 * @example
 * registerWalletsCommand(program, context, slot) // then: tempo wallets generate --dir keystores --count 20
 */
export function registerWalletsCommand(program: Command, context: CliContext, slot: OutcomeSlot): void {
  const name = context.programName
  const wallets = program
    .command("wallets")
    .description("generate and list keystores; fund and reclaim run wallets")
    .addHelpText(
      "after",
      `
Examples:
  $ TESTNET_WALLET_PASSWORD=… ${name} wallets generate --dir keystores --count 20
  $ ${name} wallets list --dir keystores --csv > addresses.csv
  $ TESTNET_FUNDER_KEY=0x… ${name} wallets fund --rpc-url https://rpc.example --config testnet.toml
  $ TESTNET_FUNDER_KEY=0x… ${name} wallets reclaim --rpc-url https://rpc.example --config testnet.toml`,
    )

  addCommonOptions(wallets.command("generate"))
    .description("create new encrypted keystores (password from TESTNET_WALLET_PASSWORD or a prompt)")
    .addHelpText(
      "after",
      examplesText(name, [
        "wallets generate --dir keystores --count 20",
        `TESTNET_WALLET_PASSWORD=… ${name} wallets generate --dir keystores --count 100 --json`,
      ]),
    )
    .requiredOption("--dir <directory>", "directory to write the keystore files to")
    .requiredOption("-n, --count <n>", "how many keystores", parsePositiveInteger)
    .action(
      slot.wrap(async (options: { dir: string; count: number; json?: boolean }) => {
        const password = await readPassword({ environment: context.io.environment })
        if (password.isErr()) return password
        const written = await generateKeystores({
          directory: options.dir,
          count: options.count,
          password: password.value,
          onProgress: options.json
            ? undefined
            : (done, total) => {
                if (context.io.stderr.isTTY) context.io.stderr.write(`\rencrypting ${done}/${total}`)
              },
        })
        if (context.io.stderr.isTTY && !options.json) context.io.stderr.write("\n")
        if (written.isErr()) return written
        if (options.json) {
          context.io.stdout.write(`${JSON.stringify(written.value)}\n`)
        } else {
          context.io.stdout.write(`Wrote ${written.value.length} keystore(s) to ${options.dir}:\n`)
          for (const file of written.value) context.io.stdout.write(`${file.address}  ${file.file}\n`)
        }
        return Ok(exitCodes.ok)
      }),
    )

  addCommonOptions(wallets.command("list"))
    .description(
      "list the addresses of keystores (no password needed: nothing is decrypted), or without --dir the worker wallets a run uses (derived from TESTNET_FUNDER_KEY when no source is configured)",
    )
    .addHelpText(
      "after",
      examplesText(name, [
        "wallets list --dir keystores",
        "wallets list --dir keystores --csv > addresses.csv",
        `TESTNET_FUNDER_KEY=0x… ${name} wallets list --wallets 20`,
      ]),
    )
    .option("--dir <path>", "keystore file or directory")
    .option("--csv", "print address,file lines as CSV")
    .option("--wallets <n>", "how many worker wallets (wallets.count)", parsePositiveInteger)
    .option(
      "--wallet-seed <text>",
      "seed of derived worker wallets (wallets.seed, default: the chain's name)",
    )
    .action(
      slot.wrap(
        async (options: {
          dir?: string
          csv?: boolean
          json?: boolean
          config?: string
          wallets?: number
          walletSeed?: string
        }) => {
          if (options.dir === undefined) {
            // The run's worker wallets: configured sources, else derived from the funder key.
            const config = await loadCommandConfig(context, options)
            if (config.isErr()) return config
            const loaded = await loadWorkerWallets({
              config: config.value,
              environment: context.io.environment,
              chain: context.chain,
            })
            if (loaded.isErr()) return loaded
            const origin =
              config.value.wallets.sources.length === 0
                ? `derived ${walletSeed(config.value, context.chain.name)}`
                : "configured sources"
            const rows = loaded.value.map((wallet, index) => ({ index, address: wallet.address, origin }))
            if (options.json) context.io.stdout.write(`${JSON.stringify(rows)}\n`)
            else if (options.csv)
              context.io.stdout.write(
                `index,address,origin\n${rows.map((row) => `${row.index},${row.address},${row.origin}`).join("\n")}\n`,
              )
            else
              context.io.stdout.write(
                renderTable(
                  [{ header: "index" }, { header: "address" }, { header: "origin" }],
                  rows.map((row) => [String(row.index), row.address, row.origin]),
                ),
              )
            return Ok(exitCodes.ok)
          }
          const listed = await listKeystoreAddresses(options.dir)
          if (listed.isErr()) return listed
          if (options.json) context.io.stdout.write(`${JSON.stringify(listed.value)}\n`)
          else if (options.csv) context.io.stdout.write(exportAddressesCsv(listed.value))
          else
            context.io.stdout.write(
              renderTable(
                [{ header: "address" }, { header: "file" }],
                listed.value.map((file) => [file.address, file.file]),
              ),
            )
          return Ok(exitCodes.ok)
        },
      ),
    )

  registerFundingCommands(wallets, context, slot)
}

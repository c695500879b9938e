import { InvalidArgumentError } from "commander"
import { isPostgresUrl } from "../database/maskUrl.js"
import { CliInvalidFlagError, type CliInvalidFlagErrorType } from "../errors/cli.js"
import { maskUrl } from "../redaction/maskUrl.js"
import { Err, Ok, type Result } from "../result.js"
import type { Shard } from "./flagParsers.js"

/** Letters, digits and `. _ : -`, starting with a letter or digit: safe in file names, URLs and labels. */
const campaignPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/

const campaignRule = "1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"

/**
 * The variable a Kubernetes Job sets to name the campaign of its pods (deploy/kubernetes/job.yaml
 * fills it from the Job's uid); `--campaign` wins over it.
 *
 * @example
 * environment[campaignVariable] // "tempo-soak-7f3c…"
 */
export const campaignVariable = "TESTNET_CAMPAIGN"

/**
 * Commander parser of `--campaign NAME`.
 *
 * @example
 * parseCampaign("soak-2026-12-03") // "soak-2026-12-03"
 */
export function parseCampaign(text: string): string {
  const name = text.trim()
  if (!campaignPattern.test(name)) throw new InvalidArgumentError(`Expected ${campaignRule}.`)
  return name
}

/**
 * The campaign `start` records: `--campaign`, else TESTNET_CAMPAIGN, else none (a sharded run then
 * derives one from its plan when it opens its run).
 *
 * @example
 * const campaign = resolveCampaignFlag(options.campaign, context.io.environment)
 * if (campaign.isErr()) return campaign
 */
export function resolveCampaignFlag(
  flag: string | undefined,
  environment: Readonly<Record<string, string | undefined>>,
): Result<string | undefined, CliInvalidFlagErrorType> {
  if (flag !== undefined) return Ok(flag)
  const fromEnvironment = environment[campaignVariable]?.trim()
  if (fromEnvironment === undefined || fromEnvironment === "") return Ok(undefined)
  if (campaignPattern.test(fromEnvironment)) return Ok(fromEnvironment)
  return Err(
    new CliInvalidFlagError({
      flag: campaignVariable,
      value: fromEnvironment.slice(0, 40),
      reason: `a campaign name is ${campaignRule}`,
    }) as CliInvalidFlagErrorType,
  )
}

/**
 * Several shards are several processes writing one campaign: only a shared PostgreSQL database
 * sees them all (and holds the funding lock). A SQLite file is refused before anything starts.
 *
 * @example
 * const refused = refuseCampaignOnSqlite({ index: 2, count: 4 }, "./data/tempo.db") // a CliInvalidFlagError
 */
export function refuseCampaignOnSqlite(
  shard: Shard | undefined,
  databaseUrl: string,
): CliInvalidFlagErrorType | undefined {
  if (shard === undefined || shard.count < 2 || isPostgresUrl(databaseUrl)) return undefined
  return new CliInvalidFlagError({
    flag: "--shard",
    value: `${shard.index}/${shard.count}`,
    reason: `a campaign across processes needs PostgreSQL (--db postgres://...), not the SQLite file ${maskUrl(databaseUrl)}`,
    hints: [
      "Give every shard the same --db postgres://USER@HOST:5432/DB (or `database` in the config):",
      "the shards record one campaign there and fund from one funder key one at a time.",
    ],
  }) as CliInvalidFlagErrorType
}

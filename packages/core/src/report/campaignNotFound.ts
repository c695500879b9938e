import type { DatabaseQueries } from "../database/queries/index.js"
import { ReportCampaignNotFoundError, type ReportCampaignNotFoundErrorType } from "../errors/report.js"
import { Err, type Result } from "../result.js"

/**
 * The error for a campaign with no runs, listing the five newest campaigns (none when even that
 * read fails: the unknown campaign is the error worth reporting).
 *
 * @example
 * if (runs.length === 0) return campaignNotFound(database, "soak-1")
 */
export async function campaignNotFound(
  database: { readonly queries: Pick<DatabaseQueries, "latestCampaigns"> },
  campaign: string,
): Promise<Result<never, ReportCampaignNotFoundErrorType>> {
  const latest = await database.queries.latestCampaigns({ limit: 5 })
  return Err(
    new ReportCampaignNotFoundError({
      campaign,
      latestCampaigns: latest.isOk() ? latest.value : [],
    }) as ReportCampaignNotFoundErrorType,
  )
}

// By hand: `node proxyCommand.js <profile> <upstream URL> [seed]` starts the proxy, prints its URL,
// and prints the counters on Ctrl-C. Bundle it first (see docs/network-conditions.md).
import { startNetworkConditionsProxy } from "./networkConditionsProxy.js"
import { getNetworkProfile, networkProfiles } from "./profiles.js"

const [profileName = "clean", upstream = "http://127.0.0.1:8545", seed = "1"] = process.argv.slice(2)
const profile = getNetworkProfile(profileName)
if (profile === undefined) {
  process.stderr.write(
    `unknown profile "${profileName}"; known: ${Object.keys(networkProfiles).join(", ")}\n`,
  )
  process.exit(2)
}
const proxy = await startNetworkConditionsProxy({
  upstream,
  conditions: profile.conditions,
  seed: Number(seed),
})
process.stdout.write(`${proxy.url}  (${profile.name}: ${profile.description})\n`)
process.once("SIGINT", async () => {
  process.stdout.write(`${JSON.stringify(proxy.counters)}\n`)
  await proxy.close()
  process.exit(0)
})

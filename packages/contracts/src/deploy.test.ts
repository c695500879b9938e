import { Contract, ContractFactory, HDNodeWallet, JsonRpcProvider, type TransactionResponse } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { artifacts, type ContractName } from "./index.js"
import { startAnvil, type TestAnvil } from "./testing/anvil.js"

// anvil's public development mnemonic; the keys it derives are well known and hold no real value.
const developmentMnemonic = "test test test test test test test test test test test junk"

const constructorArguments: Record<ContractName, unknown[]> = {
  CalldataSink: [],
  Counter: [],
  EventEmitter: [],
  Factory: [],
  GasBurner: [],
  MemeToken: ["Meme", "MEME", 10n ** 24n],
  MultiSend: [],
  MultiToken: ["https://example.invalid/{id}.json"],
  Reverter: [],
  SelfDestructor: [false],
  SimpleNft: ["Simple", "SNFT"],
  StorageWriter: [],
}

// Tempo mode is the strictest target (T4 gas rules, no native value), so the evmVersion and
// every constructor are proven there. The 12 deployments need ~57M gas under T4 storage pricing,
// more than the default 30M block, hence the larger block gas limit.
describe("artifacts deploy on anvil --network tempo (T4)", () => {
  let anvil: TestAnvil
  let provider: JsonRpcProvider
  let signer: HDNodeWallet
  const deployed = new Map<ContractName, string>()

  beforeAll(async () => {
    anvil = await startAnvil([
      "--network",
      "tempo",
      "--chain-id",
      "42431",
      "--block-time",
      "1",
      "--hardfork",
      "T4",
      "--gas-limit",
      "300000000",
    ])
    provider = new JsonRpcProvider(anvil.rpcUrl, 42431, { staticNetwork: true })
    provider.pollingInterval = 100
    signer = HDNodeWallet.fromPhrase(developmentMnemonic, undefined, "m/44'/60'/0'/0/0").connect(provider)
  })

  afterAll(async () => {
    provider?.destroy()
    await anvil?.stop()
  })

  it("deploys every contract in one block burst", async () => {
    let nonce = await provider.getTransactionCount(signer.address, "pending")
    const sent: [ContractName, TransactionResponse][] = []
    for (const name of Object.keys(artifacts) as ContractName[]) {
      const artifact = artifacts[name]
      const factory = new ContractFactory(artifact.abi, artifact.bytecode, signer)
      const transaction = await factory.getDeployTransaction(...constructorArguments[name])
      sent.push([name, await signer.sendTransaction({ ...transaction, nonce: nonce++ })])
    }
    for (const [name, response] of sent) {
      const receipt = await response.wait(1, 20_000)
      expect(receipt?.status, name).toBe(1)
      expect(receipt?.contractAddress, name).toBeTruthy()
      deployed.set(name, receipt!.contractAddress!)
      // Immutables (SelfDestructor.creator = the deployer) are zero in deployedBytecode.
      const code = await provider.getCode(receipt!.contractAddress!)
      const withoutImmutables = code.replaceAll(signer.address.slice(2).toLowerCase(), "0".repeat(40))
      expect(withoutImmutables, name).toBe(artifacts[name].deployedBytecode)
    }
  })

  it("runs Counter, Factory (CREATE2 prediction) and Reverter", async () => {
    const counter = new Contract(deployed.get("Counter")!, artifacts.Counter.abi, signer)
    const factory = new Contract(deployed.get("Factory")!, artifacts.Factory.abi, signer)
    const salt = `0x${"11".repeat(32)}`
    // Explicit nonces: two concurrent sends would otherwise both read the same pending nonce.
    const nonce = await provider.getTransactionCount(signer.address, "pending")
    const incrementSent: TransactionResponse = await counter.getFunction("increment")({ nonce })
    const createSent: TransactionResponse = await factory.getFunction("deployCounter2")(salt, {
      nonce: nonce + 1,
    })
    const [incremented, created] = await Promise.all([
      incrementSent.wait(1, 20_000),
      createSent.wait(1, 20_000),
    ])
    expect(incremented?.status).toBe(1)
    expect(created?.status).toBe(1)
    expect(await counter.getFunction("number")()).toBe(1n)
    const predicted: string = await factory.getFunction("predictCounter2")(salt)
    expect(await provider.getCode(predicted)).toBe(artifacts.Counter.deployedBytecode)

    const reverter = new Contract(deployed.get("Reverter")!, artifacts.Reverter.abi, provider)
    await expect(reverter.getFunction("revertWithReason")()).rejects.toThrow(/Reverter: always reverts/)
    await expect(reverter.getFunction("revertWithCustomError")(7n)).rejects.toMatchObject({
      revert: { name: "CustomFailure" },
    })
  })

  it("removes the code of a SelfDestructor destroyed in its creating transaction (EIP-6780)", async () => {
    const factory = new ContractFactory(
      artifacts.SelfDestructor.abi,
      artifacts.SelfDestructor.bytecode,
      signer,
    )
    const transaction = await factory.getDeployTransaction(true)
    // Estimation of a self-destructing constructor is fine; give headroom for T4 account creation.
    const response = await signer.sendTransaction({ ...transaction, gasLimit: 2_000_000n })
    const receipt = await response.wait(1, 20_000)
    expect(receipt?.status).toBe(1)
    expect(await provider.getCode(receipt!.contractAddress!)).toBe("0x")
  })
})

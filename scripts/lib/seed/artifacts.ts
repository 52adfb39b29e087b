import fs from 'node:fs'
import path from 'node:path'
import type { Abi, Hex } from 'viem'

export interface Artifact {
  abi: Abi
  bytecode: Hex
}

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const OUT_DIR = path.join(ROOT, 'contracts', 'out')

const cache = new Map<string, Artifact>()

/** ABI and creation bytecode of `contracts/out/<name>.sol/<name>.json` (run `forge build` in contracts/ first). */
export function loadArtifact(name: string): Artifact {
  const cached = cache.get(name)
  if (cached) return cached
  const file = path.join(OUT_DIR, `${name}.sol`, `${name}.json`)
  let json: { abi?: Abi; bytecode?: { object?: string } }
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`Cannot read ${file} (${(error as Error).message}): run \`cd contracts && npx forge build\` first.`)
  }
  const object = json.bytecode?.object
  if (!json.abi || !object || object === '0x') throw new Error(`${file} has no ABI or bytecode.`)
  const artifact = { abi: json.abi, bytecode: (object.startsWith('0x') ? object : `0x${object}`) as Hex }
  cache.set(name, artifact)
  return artifact
}

export const abis = {
  get stablecoin() { return loadArtifact('TestStablecoin').abi },
  get module() { return loadArtifact('BackstopModule').abi },
  get vault() { return loadArtifact('TrancheVault').abi },
  get clearinghouse() { return loadArtifact('Clearinghouse').abi },
  get oracle() { return loadArtifact('MockAggregator').abi },
  get token() { return loadArtifact('BackstopToken').abi },
  get governor() { return loadArtifact('BackstopGovernor').abi },
  get timelock() { return loadArtifact('BackstopTimelock').abi },
  get lens() { return loadArtifact('BackstopLens').abi },
}

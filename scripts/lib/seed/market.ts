import { maxUint256, parseUnits, type Address } from 'viem';
import type { Deployment } from '../deployment';
import { abis } from './artifacts';
import { MARKETS, type MarketKey } from './params';
import type { TxSender } from './tx';

const WAD = 10n ** 18n;
/** size (1e18 base units) × price (wad) / NOTIONAL_SCALE = asset units (6 decimals). */
const NOTIONAL_SCALE = 10n ** 30n;
const ANSWER_TO_WAD = 10n ** 10n;
const FAUCET_LIMIT = parseUnits('10000000', 6);

export interface Position {
  size: bigint;
  isLong: boolean;
  entryPrice: bigint;
  margin: bigint;
}

interface MarketParams {
  initialMarginRate: bigint;
  maintenanceMarginRate: bigint;
  feeRate: bigint;
}

export interface PositionRef {
  trader: Address;
  marketId: number;
}

/** A covered protocol's clearinghouse as a desk trades on it; `markets` holds each market's key, index = market id. */
export interface Venue {
  protocolId: number;
  clearinghouse: Address;
  markets: readonly MarketKey[];
}

/** Every covered protocol the deployment records: protocol 0 (MARKETS on `clearinghouse`), then the others. */
export function venuesOf(deployment: Deployment): Venue[] {
  const first: Venue = {
    protocolId: 0,
    clearinghouse: deployment.contracts.clearinghouse,
    markets: MARKETS.map((m) => m.key),
  };
  const others = (deployment.contracts.protocols ?? []).map((p): Venue => ({
    protocolId: p.id,
    clearinghouse: p.clearinghouse,
    markets: p.markets.map(marketKey),
  }));
  return [first, ...others];
}

/** The index in MARKETS (and in the seed's price walk) of a market key. */
export function marketIndex(key: MarketKey): number {
  return MARKETS.findIndex((m) => m.key === key);
}

function marketKey(key: string): MarketKey {
  const market = MARKETS.find((m) => m.key === key);
  if (!market) throw new Error(`The deployment names a market ${key} that MARKETS does not define.`);
  return market.key;
}

/** Trading, pricing and liquidation against one clearinghouse, shared by the seed and the live simulator. */
export class Desk {
  readonly oracles: Address[];
  readonly venue: Venue;
  private params: MarketParams[] = [];

  constructor(
    private readonly tx: TxSender,
    readonly deployment: Deployment,
    venue?: Venue,
  ) {
    const o = deployment.contracts.oracles;
    this.venue = venue ?? venuesOf(deployment)[0]!;
    this.oracles = this.venue.markets.map((key) => o[key] as Address);
  }

  get clearinghouse(): Address {
    return this.venue.clearinghouse;
  }

  get asset(): Address {
    return this.deployment.contracts.asset;
  }

  /** Re-reads margins and fees: governance may have changed them since the last look. */
  async refreshParams(): Promise<void> {
    this.params = await Promise.all(
      this.venue.markets.map(async (_, id) => {
        const [, , p] = await this.tx.read(this.clearinghouse, abis.clearinghouse, 'market', [BigInt(id)]);
        return p;
      }),
    );
  }

  private async marketParams(marketId: number): Promise<MarketParams> {
    if (this.params.length === 0) await this.refreshParams();
    return this.params[marketId]!;
  }

  async answers(): Promise<bigint[]> {
    return Promise.all(
      this.oracles.map(async (oracle) => {
        const [, answer] = await this.tx.read(oracle, abis.oracle, 'latestRoundData');
        return answer;
      }),
    );
  }

  async pushPrice(keeper: Address, marketId: number, answer: bigint): Promise<void> {
    await this.tx.send({
      from: keeper,
      to: this.oracles[marketId]!,
      abi: abis.oracle,
      functionName: 'updateAnswer',
      args: [answer],
    });
  }

  async balanceOf(account: Address): Promise<bigint> {
    return this.tx.read(this.asset, abis.stablecoin, 'balanceOf', [account]);
  }

  /** Tops the account up from the faucet when it holds less than `needed`. */
  async ensureFunds(account: Address, needed: bigint, topUp: bigint): Promise<void> {
    const balance = await this.balanceOf(account);
    if (balance >= needed) return;
    let missing = (needed > topUp ? needed : topUp) - balance;
    while (missing > 0n) {
      const amount = missing > FAUCET_LIMIT ? FAUCET_LIMIT : missing;
      await this.tx.send({
        from: account,
        to: this.asset,
        abi: abis.stablecoin,
        functionName: 'faucet',
        args: [amount],
      });
      missing -= amount;
    }
  }

  async approveClearinghouse(account: Address): Promise<void> {
    await this.tx.send({
      from: account,
      to: this.asset,
      abi: abis.stablecoin,
      functionName: 'approve',
      args: [this.clearinghouse, maxUint256],
    });
  }

  /**
   * Size and margin for `notionalUsd` at `leverage` on the current oracle answer; the margin never falls below
   * the initial margin the contract demands for that size (`Clearinghouse.initialMargin`).
   */
  async quote(marketId: number, answer: bigint, notionalUsd: number, leverage: number) {
    const p = await this.marketParams(marketId);
    const priceWad = answer * ANSWER_TO_WAD;
    const size = (parseUnits(notionalUsd.toFixed(0), 6) * NOTIONAL_SCALE) / priceWad;
    const notional = (size * priceWad) / NOTIONAL_SCALE;
    const required = await this.tx.read(this.clearinghouse, abis.clearinghouse, 'initialMargin', [
      BigInt(marketId),
      notional,
    ]);
    const wanted = (notional * 1000n) / BigInt(Math.max(1, Math.round(leverage * 1000)));
    const margin = (wanted > required ? wanted : required) + 1n;
    const fee = await this.openFee(marketId, p.feeRate, notional);
    return { size, notional, margin, fee };
  }

  /**
   * At most what opening `notional` pays: the premium curve at the utilisation the open leaves (PremiumCurveLib.sol),
   * before its cap, with 1% for capital and prices moving before the transaction lands.
   */
  async openFee(marketId: number, feeRate: bigint, notional: bigint): Promise<bigint> {
    const backstopModule = this.deployment.contracts.module;
    const [capital, required, stress] = await Promise.all([
      this.tx.read(backstopModule, abis.module, 'totalCapital'),
      this.tx.read(backstopModule, abis.module, 'requiredCapital'),
      this.stressLossRate(marketId),
    ]);
    const after = required + (notional * stress) / WAD;
    const utilisation = capital === 0n ? 2n * WAD : (after * WAD + capital - 1n) / capital;
    const multiplier = await this.tx.read(this.clearinghouse, abis.clearinghouse, 'premiumMultiplierAt', [utilisation]);
    return (((notional * feeRate) / WAD) * multiplier * 101n) / (WAD * 100n) + 1n;
  }

  /**
   * Whether opening `notional` more in `marketId` keeps the backstop at or above its solvency threshold and the
   * protocol within its exposure cap, as Clearinghouse.openPosition demands (with a 1% cushion for prices moving
   * before the transaction lands).
   */
  async solventAfter(marketId: number, notional: bigint): Promise<boolean> {
    const backstopModule = this.deployment.contracts.module;
    const id = BigInt(this.venue.protocolId);
    const [capital, required, threshold, stress, registration, exposure] = await Promise.all([
      this.tx.read(backstopModule, abis.module, 'totalCapital'),
      this.tx.read(backstopModule, abis.module, 'requiredCapital'),
      this.tx.read(backstopModule, abis.module, 'solvencyThreshold'),
      this.stressLossRate(marketId),
      this.tx.read(backstopModule, abis.module, 'protocol', [id]),
      this.tx.read(backstopModule, abis.module, 'protocolExposure', [id]),
    ]);
    const added = (notional * stress) / WAD;
    if (!registration.active || registration.suspended) return false;
    if ((exposure + added) * 101n > registration.exposureCap * 100n) return false;
    return capital * WAD * 100n >= threshold * (required + added) * 101n;
  }

  private stressLossRate(marketId: number): Promise<bigint> {
    return this.tx.read(this.deployment.contracts.module, abis.module, 'protocolStressLossRate', [
      BigInt(this.venue.protocolId),
      BigInt(marketId),
    ]);
  }

  async open(trader: Address, marketId: number, isLong: boolean, size: bigint, margin: bigint): Promise<void> {
    await this.tx.send({
      from: trader,
      to: this.clearinghouse,
      abi: abis.clearinghouse,
      functionName: 'openPosition',
      args: [BigInt(marketId), isLong, size, margin],
    });
  }

  async position(trader: Address, marketId: number): Promise<Position> {
    return this.tx.read(this.clearinghouse, abis.clearinghouse, 'positionOf', [trader, BigInt(marketId)]);
  }

  async health(trader: Address, marketId: number): Promise<{ equity: bigint; maintenance: bigint }> {
    const [equity, maintenance] = await this.tx.read(this.clearinghouse, abis.clearinghouse, 'accountHealth', [
      trader,
      BigInt(marketId),
    ]);
    return { equity, maintenance };
  }

  /** Closes at the oracle price when the account can pay its closing fee; otherwise it is the liquidator's. */
  async closeIfSolvent(trader: Address, marketId: number, answer: bigint): Promise<boolean> {
    const [pos, health, house] = await Promise.all([
      this.position(trader, marketId),
      this.health(trader, marketId),
      this.tx.read(this.clearinghouse, abis.clearinghouse, 'houseLiquidity'),
    ]);
    if (pos.size === 0n) return false;
    const rate = await this.tx.read(this.clearinghouse, abis.clearinghouse, 'premiumRate', [BigInt(marketId)]);
    const fee = (((pos.size * answer * ANSWER_TO_WAD) / NOTIONAL_SCALE) * rate) / WAD;
    if (health.equity < fee || health.equity < health.maintenance) return false;
    if (house < health.equity + pos.margin) return false;
    await this.tx.send({
      from: trader,
      to: this.clearinghouse,
      abi: abis.clearinghouse,
      functionName: 'closePosition',
      args: [BigInt(marketId)],
    });
    return true;
  }

  /** Every (trader, market) among `refs` whose equity is below maintenance. */
  async liquidatable(refs: readonly PositionRef[]): Promise<PositionRef[]> {
    const healths = await Promise.all(refs.map((r) => this.health(r.trader, r.marketId)));
    return refs.filter((_, i) => healths[i]!.maintenance > 0n && healths[i]!.equity < healths[i]!.maintenance);
  }

  async liquidate(liquidator: Address, ref: PositionRef): Promise<void> {
    await this.tx.send({
      from: liquidator,
      to: this.clearinghouse,
      abi: abis.clearinghouse,
      functionName: 'liquidate',
      args: [ref.trader, BigInt(ref.marketId)],
    });
  }
}

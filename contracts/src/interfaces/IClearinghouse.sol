// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {IBackstopModule} from "./IBackstopModule.sol";
import {IOpenInterestSource} from "./IOpenInterestSource.sol";
import {PremiumCurveLib} from "../libraries/PremiumCurveLib.sol";

/// @title IClearinghouse
/// @notice A small perpetual-futures venue with isolated margin per (trader, market). It is the counterparty of every
/// position, paying profits from its house liquidity; a liquidation's negative equity is covered by the backstop module
/// in the same transaction, and trading fees are paid to the module as premium. Owned by the governance timelock; its
/// ownership functions are OpenZeppelin's `Ownable`. Amounts are in asset units, prices and rates are wads, sizes are
/// base units with 18 decimals.
interface IClearinghouse is IOpenInterestSource {
    /// @notice A market's risk parameters.
    /// @param initialMarginRate Margin a new position posts, as a wad of notional (before the size surcharge).
    /// @param maintenanceMarginRate Equity a position keeps to stay unliquidated, as a wad of notional.
    /// @param feeRate The premium's base rate as a wad of notional, per open and per close: what is paid at zero
    /// utilisation and the curve's reference volatility (PremiumCurveLib scales it).
    /// @param liquidationFeeRate Paid to the liquidator out of remaining equity, as a wad of notional.
    /// @param liquidationImpact Slippage = impact × sqrt(notional / liquidityDepth), as a wad.
    /// @param liquidityDepth The depth the slippage is measured against, in asset units.
    struct MarketParams {
        uint256 initialMarginRate;
        uint256 maintenanceMarginRate;
        uint256 feeRate;
        uint256 liquidationFeeRate;
        uint256 liquidationImpact;
        uint256 liquidityDepth;
    }

    /// @notice A trader's position in one market.
    /// @param size Base units, 18 decimals; 0 when there is no position.
    /// @param isLong Its side.
    /// @param entryPrice The asset value of one whole base unit at entry, as a wad.
    /// @param margin The margin held for it.
    struct Position {
        uint256 size;
        bool isLong;
        uint256 entryPrice;
        uint256 margin;
    }

    // ---------------------------------------------------------------- constants and wiring

    /// @notice The most slippage a liquidation charges, as a wad (50%).
    function MAX_SLIPPAGE() external view returns (uint256);

    /// @notice The highest fee rate governance may set, as a wad of notional.
    function MAX_FEE_RATE() external view returns (uint256);

    /// @notice The lowest maintenance margin rate governance may set, as a wad.
    function MIN_MAINTENANCE_MARGIN_RATE() external view returns (uint256);

    /// @notice The highest initial or maintenance margin rate governance may set, as a wad.
    function MAX_MARGIN_RATE() external view returns (uint256);

    /// @notice The highest liquidation impact governance may set, as a wad.
    function MAX_LIQUIDATION_IMPACT() external view returns (uint256);

    /// @notice The shortest price age (global or per feed) governance may set, in seconds.
    function MIN_PRICE_AGE() external view returns (uint256);

    /// @notice The longest price age (global or per feed) governance may set, in seconds.
    function MAX_PRICE_AGE() external view returns (uint256);

    /// @notice The longest sequencer grace period governance may set, in seconds.
    function MAX_SEQUENCER_GRACE_PERIOD() external view returns (uint256);

    /// @notice Extra time a staged market change waits beyond the longest cooldown + unstake window.
    function MARKET_CHANGE_MARGIN() external view returns (uint256);

    /// @notice Ceiling of the bad-debt keeper reward, in whole asset units.
    function MAX_BAD_DEBT_REWARD_UNITS() external view returns (uint256);

    /// @notice The lowest and highest kink of the premium curve governance may set, as wads of utilisation.
    function MIN_KINK() external view returns (uint256);

    /// @notice See MIN_KINK.
    function MAX_KINK() external view returns (uint256);

    /// @notice The steepest gentle slope of the premium curve governance may set (multiplier added up to the kink).
    function MAX_SLOPE1() external view returns (uint256);

    /// @notice The steepest slope beyond the kink governance may set (multiplier added from the kink to u = 1).
    function MAX_SLOPE2() external view returns (uint256);

    /// @notice The lowest volatility (reference or current) the premium curve takes, annualised, as a wad.
    function MIN_VOLATILITY() external view returns (uint256);

    /// @notice The highest volatility (reference or current) the premium curve takes, annualised, as a wad.
    function MAX_VOLATILITY() external view returns (uint256);

    /// @notice The asset margins, profits, fees and losses are paid in.
    function asset() external view returns (IERC20);

    /// @notice The backstop module that covers shortfalls and receives fees.
    function module() external view returns (IBackstopModule);

    // ---------------------------------------------------------------- governance

    /// @notice Adds a market. Before launch (while the deployer still owns the clearinghouse) it applies at once;
    /// afterwards it is announced and applies through `executeMarketChange` after `marketChangeDelay()`. Owner only.
    /// @param name The market's name (e.g. "ETH").
    /// @param oracle Its Chainlink-style price feed.
    /// @param params Its parameters, within the bounds.
    /// @param oracleMaxAge the feed's own maximum price age (its heartbeat plus a margin), within the price-age bounds
    function addMarket(string calldata name, AggregatorV3Interface oracle, MarketParams calldata params, uint256 oracleMaxAge)
        external;

    /// @notice Points a market at another feed (or changes its max age); staged after launch like `addMarket`.
    /// Owner only.
    /// @param marketId The market.
    /// @param oracle The feed.
    /// @param oracleMaxAge The feed's own maximum price age, within the price-age bounds.
    function setMarketOracle(uint256 marketId, AggregatorV3Interface oracle, uint256 oracleMaxAge) external;

    /// @notice Sets a market's parameters. A change that only tightens (margins, impact and keeper fee not lower,
    /// depth not higher) applies at once; anything looser is announced and waits `marketChangeDelay()` after launch.
    /// Owner only.
    /// @param marketId The market.
    /// @param params The parameters, within the bounds.
    function setMarketParams(uint256 marketId, MarketParams calldata params) external;

    /// @notice Sets (or with address 0 removes) the L2 sequencer-uptime feed; staged after launch, since a feed
    /// stuck at "down" would block liquidations. Owner only.
    /// @param feed The feed (Chainlink: answer 0 = up, `startedAt` = last status change).
    /// @param gracePeriod Seconds opens and liquidations wait after it comes back, at most
    /// `MAX_SEQUENCER_GRACE_PERIOD`.
    function setSequencerUptimeFeed(AggregatorV3Interface feed, uint256 gracePeriod) external;

    /// @notice Applies an announced change once its delay has passed; anyone may call it (governance already
    /// approved it).
    /// @param nonce The nonce of its `MarketChangeAnnounced` event.
    /// @param action The action of its `MarketChangeAnnounced` event.
    function executeMarketChange(uint256 nonce, bytes calldata action) external;

    /// @notice Drops an announced change; the owner (governance) or the module's guardian may veto it.
    /// @param changeId The change's id from `MarketChangeAnnounced`.
    function cancelMarketChange(bytes32 changeId) external;

    /// @notice Lowers or raises the global price-age ceiling; a market's own `oracleMaxAge` still applies. Owner only.
    /// @param value The ceiling in seconds, within `MIN_PRICE_AGE` and `MAX_PRICE_AGE`.
    function setMaxPriceAge(uint256 value) external;

    /// @notice Sets the most a keeper earns for a liquidation with bad debt, in whole asset units (1,000 = 1,000
    /// tUSD). Paid from the defaulted margin, so it costs the backstop nothing. Owner only.
    /// @param wholeUnits The ceiling, at most `MAX_BAD_DEBT_REWARD_UNITS`.
    function setMaxBadDebtReward(uint256 wholeUnits) external;

    /// @notice Sets the premium curve's shape (PremiumCurveLib). Applies from the next open or close. Owner only.
    /// @param curve Kink within [MIN_KINK, MAX_KINK], slopes within MAX_SLOPE1 and MAX_SLOPE2, reference volatility
    /// within [MIN_VOLATILITY, MAX_VOLATILITY].
    function setPremiumCurve(PremiumCurveLib.Curve calldata curve) external;

    /// @notice Sets the market-wide volatility the premium curve scales by. The owner, or the risk steward (which
    /// bounds each step and its frequency), may call it.
    /// @param volatility Annualised, as a wad, within [MIN_VOLATILITY, MAX_VOLATILITY].
    function setPremiumVolatility(uint256 volatility) external;

    /// @notice Sets (or with address 0 revokes) the risk steward allowed to call `setPremiumVolatility`. Owner only.
    /// @param steward The steward contract.
    function setRiskSteward(address steward) external;

    /// @notice Measures utilisation now (fresh prices for every market with open interest) and records it as the
    /// one closes are priced at. Every open does the same; anyone may call this between opens.
    /// @return utilisation Required ÷ backstop capital, as a wad.
    function refreshUtilisation() external returns (uint256 utilisation);

    // ---------------------------------------------------------------- trading and liquidation

    /// @notice Adds liquidity that pays traders' profits; anyone may fund it.
    /// @param amount The assets to add; not zero. The caller must have approved them.
    function fundHouse(uint256 amount) external;

    /// @notice Opens a position of `size` base units at the oracle price, posting `margin` and paying the fee on top.
    /// The margin must cover the initial rate plus the position's own liquidation slippage, and the backstop must
    /// stay at or above its solvency threshold with the new open interest counted; this clearinghouse must be an active
    /// covered protocol of the module whose exposure stays within its cap (`ProtocolNotCovered`, `ExposureAboveCap`).
    /// @param marketId The market.
    /// @param isLong The side.
    /// @param size The size in base units (18 decimals); not zero.
    /// @param margin The margin to post; not zero, at least `initialMargin`.
    function openPosition(uint256 marketId, bool isLong, uint256 size, uint256 margin) external;

    /// @notice Closes the caller's position at the oracle price and pays out margin + PnL − fee.
    /// @param marketId The market.
    function closePosition(uint256 marketId) external;

    /// @notice Adds margin to the caller's position.
    /// @param marketId The market.
    /// @param amount The margin to add; not zero.
    function addMargin(uint256 marketId, uint256 amount) external;

    /// @notice Liquidates `trader`'s position in `marketId` if its equity is below `maintenanceMargin` (which covers
    /// the slippage of closing it). It closes at the oracle price moved against the position by impact ×
    /// sqrt(notional / depth), but the slippage charged never exceeds the equity left at the oracle price: the
    /// backstop covers only negative equity at the mark. With bad debt the keeper earns a bounded reward out of the
    /// defaulted margin.
    /// @param trader The position's trader.
    /// @param marketId The market.
    /// @return shortfall The negative equity the backstop covered (0 if none).
    function liquidate(address trader, uint256 marketId) external returns (uint256 shortfall);

    // ---------------------------------------------------------------- views

    /// @notice Margin traders have posted, in total.
    function totalMargin() external view returns (uint256);

    /// @notice The optional L2 sequencer-uptime feed (address 0: none).
    function sequencerUptimeFeed() external view returns (AggregatorV3Interface);

    /// @notice Seconds opens and liquidations wait after the sequencer comes back.
    function sequencerGracePeriod() external view returns (uint256);

    /// @notice Set once ownership leaves the deployer: from then on new oracles and looser markets are staged.
    function launched() external view returns (bool);

    /// @notice The number of market changes announced so far; the nonce of the latest.
    function marketChangeNonce() external view returns (uint256);

    /// @notice A staged change; both times are 0 when there is none.
    /// @param changeId The change's id.
    /// @return announcedAt When it was announced (unix seconds).
    /// @return readyAt When it could first be executed as announced (unix seconds).
    function pendingMarketChanges(bytes32 changeId) external view returns (uint64 announcedAt, uint64 readyAt);

    /// @notice How long an announced change waits: the longest tranche cooldown + unstake window, plus a day, so a
    /// depositor who asks to leave when it is announced is out before it applies.
    function marketChangeDelay() external view returns (uint256);

    /// @notice Global ceiling on price age (seconds); each market's own `oracleMaxAge` may be shorter.
    function maxPriceAge() external view returns (uint256);

    /// @notice Most a keeper earns for a liquidation that ends in bad debt, in asset units. It is paid from the
    /// defaulted margin the house keeps, never from the backstop.
    function maxBadDebtReward() external view returns (uint256);

    /// @notice The premium curve's shape (PremiumCurveLib).
    function premiumCurve() external view returns (PremiumCurveLib.Curve memory);

    /// @notice The market-wide volatility the premium curve scales by, annualised, as a wad.
    function premiumVolatility() external view returns (uint256);

    /// @notice The risk steward allowed to set `premiumVolatility` (address 0: none).
    function riskSteward() external view returns (address);

    /// @notice All premium this clearinghouse charged but kept (the part above its premium share), in asset units;
    /// it stays in the house liquidity.
    function retainedPremium() external view returns (uint256);

    /// @notice The utilisation closes are priced at: measured at the last open or `refreshUtilisation`.
    /// @return utilisation Required ÷ backstop capital, as a wad.
    /// @return measuredAt When it was measured (unix seconds; 0 before the first measurement).
    function utilisation() external view returns (uint256 utilisation, uint256 measuredAt);

    /// @notice The premium multiplier at a utilisation, with the curve and volatility in force.
    /// @param utilisation_ Required ÷ backstop capital, as a wad.
    function premiumMultiplierAt(uint256 utilisation_) external view returns (uint256);

    /// @notice The premium rate a close in `marketId` pays now (opens measure utilisation afresh), as a wad of notional.
    /// @param marketId The market.
    function premiumRate(uint256 marketId) external view returns (uint256);

    /// @notice Assets held beyond traders' posted margin.
    function houseLiquidity() external view returns (uint256);

    /// @notice Margin a new position of `notional` (asset units) must post: the initial rate plus whatever the
    /// slippage of liquidating it exceeds the maintenance rate by, so that the gap between opening and liquidation
    /// is the same at every size. Up to depth × (maintenance / impact)² this is the plain initial rate.
    /// @param marketId The market.
    /// @param notional The position's notional, in asset units.
    function initialMargin(uint256 marketId, uint256 notional) external view returns (uint256);

    /// @notice Equity a position of `notional` must keep to stay unliquidated: notional × max(maintenance rate,
    /// liquidation slippage), so an instant liquidation at any size pays its own slippage.
    /// @param marketId The market.
    /// @param notional The position's notional, in asset units.
    function maintenanceMargin(uint256 marketId, uint256 notional) external view returns (uint256);

    /// @notice The mark moved against the position by the full slippage of `notional`; a liquidation closes there
    /// unless that would take the position's equity below zero (then it closes where equity reaches zero, or at the
    /// mark when equity is already negative).
    /// @param marketId The market.
    /// @param isLong The position's side.
    /// @param markPrice The oracle price, as a wad.
    /// @param notional The position's notional, in asset units.
    function liquidationPrice(uint256 marketId, bool isLong, uint256 markPrice, uint256 notional)
        external
        view
        returns (uint256);

    /// @notice Square-root market impact of closing `notional` (asset units), as a wad, capped at MAX_SLIPPAGE.
    /// @param marketId The market.
    /// @param notional The notional to close, in asset units.
    function liquidationSlippage(uint256 marketId, uint256 notional) external view returns (uint256);

    /// @notice A market's name, feed, parameters and open interest.
    /// @param marketId The market; `UnknownMarket` unless below `marketCount()`.
    /// @return name Its name.
    /// @return oracle Its feed.
    /// @return params Its parameters.
    /// @return longOI Long open interest, in base units.
    /// @return shortOI Short open interest, in base units.
    function market(uint256 marketId)
        external
        view
        returns (string memory name, address oracle, MarketParams memory params, uint256 longOI, uint256 shortOI);

    /// @notice A trader's position in a market (all zero when there is none).
    /// @param trader The trader.
    /// @param marketId The market.
    function positionOf(address trader, uint256 marketId) external view returns (Position memory);

    /// @notice Oracle price as a wad (asset value of one whole base unit) with its update time, for display and
    /// required capital; it does not revert on age (judge `updatedAt` against `priceMaxAge`). Every path that moves
    /// money (open, close, liquidate, the solvency gate) uses only fresh prices.
    /// @param marketId The market.
    /// @return price The price, 0 when the feed answers zero or less.
    /// @return updatedAt When the feed last updated (unix seconds).
    function oraclePrice(uint256 marketId) external view returns (uint256 price, uint256 updatedAt);

    /// @notice The age beyond which `marketId`'s price is refused: the lower of its feed's own age and `maxPriceAge`.
    /// @param marketId The market.
    function priceMaxAge(uint256 marketId) external view returns (uint256);

    /// @notice Equity at the oracle price (margin + unrealised PnL) and the maintenance margin it is held against
    /// (the larger of the maintenance rate and the slippage of closing the position, on its notional).
    /// @param trader The trader.
    /// @param marketId The market.
    /// @return equity Its equity, in asset units (0 without a position).
    /// @return maintenance Its maintenance margin, in asset units (0 without a position).
    function accountHealth(address trader, uint256 marketId) external view returns (int256 equity, uint256 maintenance);
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ErrorsLib
/// @notice Every custom error of the backstop, named once. The app decodes these into words
/// (lib/tx/errorMessages.ts), so their names and arguments are part of its interface.
library ErrorsLib {
    // ---------------------------------------------------------------- access

    /// @notice Only an active covered protocol's clearinghouse may call this (`cover`); also `protocolIdOf` for an
    /// address never registered.
    /// @param caller Who called.
    error NotClearinghouse(address caller);

    /// @notice Only the backstop module may call this (a vault's premium, loss and epoch hooks).
    /// @param caller Who called.
    error NotModule(address caller);

    /// @notice Only the guardian or the owner (governance) may call this.
    /// @param caller Who called.
    error NotGuardianOrOwner(address caller);

    /// @notice Only the feed's updater (the local keeper) may push a price to a mock feed.
    /// @param caller Who called.
    error NotOracleUpdater(address caller);

    /// @notice Only the owner (governance) or its risk steward may call this.
    /// @param caller Who called.
    error NotOwnerOrRiskSteward(address caller);

    /// @notice Only the risk steward's keeper may call this.
    /// @param caller Who called.
    error NotKeeper(address caller);

    /// @notice The one-time setup (`initialize`, `bindGovernor`) has already run.
    error AlreadyInitialized();

    /// @notice A setup step this needs has not run yet (the timelock's delay before the module has a governor).
    error NotInitialized();

    // ---------------------------------------------------------------- input

    /// @notice An amount (or size, or margin) of zero.
    error ZeroAmount();

    /// @notice An address that must be set is zero.
    error ZeroAddress();

    /// @notice There is no such tranche, or a vault handed to `initialize` is not that tranche of this module.
    /// @param trancheId The tranche id given.
    error InvalidTranche(uint256 trancheId);

    /// @notice A governance value outside its bounds (see BoundsLib).
    /// @param parameter The parameter's name, as the app shows it.
    /// @param value The value given.
    /// @param min The lowest value allowed (inclusive).
    /// @param max The highest value allowed (inclusive).
    error ParameterOutOfBounds(string parameter, uint256 value, uint256 min, uint256 max);

    // ---------------------------------------------------------------- covered protocols

    /// @notice There is no such protocol.
    /// @param protocolId The protocol id given.
    error UnknownProtocol(uint256 protocolId);

    /// @notice The clearinghouse is already registered (a removed one cannot be added again).
    /// @param clearinghouse The clearinghouse.
    /// @param protocolId Its id.
    error ProtocolAlreadyRegistered(address clearinghouse, uint256 protocolId);

    /// @notice The protocol was removed already.
    /// @param protocolId The protocol.
    error ProtocolNotActive(uint256 protocolId);

    /// @notice The protocol is suspended: it may not draw on the waterfall, and cannot be suspended again.
    /// @param protocolId The protocol.
    error ProtocolIsSuspended(uint256 protocolId);

    /// @notice Only a suspended protocol can be resumed.
    /// @param protocolId The protocol.
    error ProtocolNotSuspended(uint256 protocolId);

    /// @notice The registry is full (`MAX_PROTOCOLS`, removed protocols included).
    /// @param max The most protocols it holds.
    error TooManyProtocols(uint256 max);

    /// @notice A protocol name with a byte outside printable ASCII (0x20–0x7e).
    /// @param name The name given.
    error InvalidProtocolName(string name);

    // ---------------------------------------------------------------- vault

    /// @notice Deposits are paused by the guardian or governance.
    error DepositsPaused();

    /// @notice An exit request for more shares than the caller holds.
    /// @param requestedShares The shares requested.
    /// @param balance The caller's balance.
    error CooldownExceedsBalance(uint256 requestedShares, uint256 balance);

    /// @notice The owner has no exit request (or only one of an ended epoch).
    /// @param owner The holder.
    error NoCooldownRequest(address owner);

    /// @notice The request's cooldown has not ended: its unstake window opens at `windowStart`.
    /// @param windowStart When the window opens (unix seconds).
    error CooldownNotElapsed(uint256 windowStart);

    /// @notice The request's unstake window has closed; a new request is needed.
    /// @param windowEnd When it closed (unix seconds).
    error UnstakeWindowLapsed(uint256 windowEnd);

    /// @notice An exit of more shares than the request still covers.
    /// @param shares The shares to exit.
    /// @param cooldownShares The shares the request covers.
    error ExceedsCooldownShares(uint256 shares, uint256 cooldownShares);

    /// @notice A transfer of shares locked under a live exit request.
    /// @param transferable The shares the sender may move.
    /// @param requested The shares it tried to move.
    error SharesLockedInCooldown(uint256 transferable, uint256 requested);

    /// @notice A loss larger than the vault's vested assets (the module never asks for one).
    /// @param loss The loss asked.
    /// @param assets The vault's `totalAssets()`.
    error LossExceedsAssets(uint256 loss, uint256 assets);

    /// @notice The tranche is wiped: deposits wait for governance to start a new epoch.
    /// @param trancheId The tranche.
    error TrancheWiped(uint8 trancheId);

    /// @notice A new epoch can start only in a wiped tranche.
    /// @param trancheId The tranche.
    error TrancheNotWiped(uint8 trancheId);

    /// @notice The account has nothing to claim from an ended epoch.
    /// @param account The account.
    error NoSettlement(address account);

    // ---------------------------------------------------------------- clearinghouse

    /// @notice There is no such market.
    /// @param marketId The market id given.
    error UnknownMarket(uint256 marketId);

    /// @notice The market's feed answered zero or less.
    /// @param marketId The market.
    /// @param answer The feed's answer.
    error InvalidPrice(uint256 marketId, int256 answer);

    /// @notice The market's price is older than its maximum age.
    /// @param marketId The market.
    /// @param updatedAt When the feed last updated (unix seconds).
    /// @param maxAge The maximum age, in seconds (`priceMaxAge(marketId)`).
    error StalePrice(uint256 marketId, uint256 updatedAt, uint256 maxAge);

    /// @notice The trader already has a position in this market (one per trader and market).
    /// @param trader The trader.
    /// @param marketId The market.
    error PositionAlreadyOpen(address trader, uint256 marketId);

    /// @notice The trader has no position in this market.
    /// @param trader The trader.
    /// @param marketId The market.
    error NoPosition(address trader, uint256 marketId);

    /// @notice The margin posted is below the position's initial margin.
    /// @param required The initial margin, in asset units.
    /// @param provided The margin posted.
    error InsufficientMargin(uint256 required, uint256 provided);

    /// @notice Closing would pay out negative equity: the position can only be liquidated.
    /// @param equity Margin + PnL − fee at the oracle price.
    error NegativeEquity(int256 equity);

    /// @notice The position's equity is at or above its maintenance margin.
    /// @param equity Its equity at the oracle price.
    /// @param maintenanceMargin The maintenance margin it is held against.
    error NotLiquidatable(int256 equity, uint256 maintenanceMargin);

    /// @notice The house cannot pay this from its own liquidity (it never pays out other traders' margin).
    /// @param needed What the payment needs, in asset units.
    /// @param available The house liquidity.
    error InsufficientHouseLiquidity(uint256 needed, uint256 available);

    /// @notice New positions are refused while the backstop's solvency ratio is under its threshold.
    /// @param solvencyRatio The ratio with the new position counted, as a wad.
    /// @param threshold The threshold, as a wad.
    error SolvencyBelowThreshold(uint256 solvencyRatio, uint256 threshold);

    /// @notice New positions are refused: this clearinghouse is not an active covered protocol of its module.
    /// @param clearinghouse The clearinghouse.
    error ProtocolNotCovered(address clearinghouse);

    /// @notice New positions are refused while the protocol's exposure is above its cap.
    /// @param exposure Its exposure with the new position counted, in asset units.
    /// @param cap Its exposure cap, in asset units.
    error ExposureAboveCap(uint256 exposure, uint256 cap);

    /// @notice The L2 sequencer-uptime feed reports the sequencer down.
    error SequencerDown();

    /// @notice The sequencer has just come back; opens and liquidations wait until `graceEnd`.
    /// @param graceEnd When the grace period ends (unix seconds).
    error SequencerGracePeriodNotOver(uint256 graceEnd);

    /// @notice No such staged market change (never announced, already executed or cancelled).
    /// @param changeId The change id given.
    error UnknownMarketChange(bytes32 changeId);

    /// @notice The staged market change is still waiting out its delay.
    /// @param changeId The change.
    /// @param readyAt When it can be executed (unix seconds).
    error MarketChangeNotReady(bytes32 changeId, uint256 readyAt);

    // ---------------------------------------------------------------- governance

    /// @notice votingDelay + votingPeriod + timelock delay (`path`) must stay longer than the longest cooldown plus a
    /// day (`required`), so that a depositor who asks to leave when a proposal is made can leave before it executes.
    /// @param path The governance path the change would leave, in seconds.
    /// @param required The longest cooldown plus a day, in seconds.
    error GovernancePathTooShort(uint256 path, uint256 required);

    /// @notice The governor may not move to another timelock: the timelock it has owns the module and the
    /// clearinghouse.
    error TimelockFixed();

    /// @notice Queuing now would let the proposal execute at `eta`, before a depositor who asked to leave when it was
    /// made can leave (`exitBy`): queue it later.
    /// @param proposalId The proposal.
    /// @param eta When it would execute (unix seconds).
    /// @param exitBy When that depositor can have left (unix seconds).
    error ExecutionBeforeExit(uint256 proposalId, uint256 eta, uint256 exitBy);

    /// @notice The token's holders and amounts differ in length.
    /// @param holders The number of holders.
    /// @param amounts The number of amounts.
    error AllocationMismatch(uint256 holders, uint256 amounts);

    /// @notice The token's allocations add up to more than its supply.
    /// @param allocated Their sum.
    /// @param supply The supply.
    error AllocationExceedsSupply(uint256 allocated, uint256 supply);

    // ---------------------------------------------------------------- faucet

    /// @notice The payment needs more idle assets than the vault has, after redeeming what its strategy lets go of.
    /// @param needed The assets the payment needs.
    /// @param idle The idle assets there are.
    error StrategyIlliquid(uint256 needed, uint256 idle);

    /// @notice The tranche still holds strategy shares that must be redeemed (or the strategy removed) first.
    /// @param strategy The strategy.
    /// @param assets Their recorded value.
    error StrategyNotEmpty(address strategy, uint256 assets);

    /// @notice The strategy is not an ERC-4626 vault of the module's asset, or is one of the tranches.
    /// @param strategy The address proposed.
    error InvalidStrategy(address strategy);

    /// @notice The test stablecoin's faucet works on the local chain (31337) only.
    /// @param chainId The chain it was called on.
    error FaucetDisabled(uint256 chainId);

    /// @notice A faucet request above its per-request limit.
    /// @param requested The amount asked.
    /// @param limit The most one request gives.
    error FaucetLimit(uint256 requested, uint256 limit);

    // ---------------------------------------------------------------- risk steward

    /// @notice Governance has paused the risk steward.
    error StewardPaused();

    /// @notice The update moves the parameter further than one step allows.
    /// @param param The parameter (RiskSteward: 0–2 the tranches' risk multipliers, 3 the premium volatility).
    /// @param current Its value now, as a wad.
    /// @param requested The value asked for, as a wad.
    /// @param maxStep The largest move allowed from `current`, as a wad.
    error StewardStepTooLarge(uint8 param, uint256 current, uint256 requested, uint256 maxStep);

    /// @notice The parameter was updated by the steward too recently.
    /// @param param The parameter.
    /// @param nextAllowedAt When it may next be updated (unix seconds).
    error StewardTooSoon(uint8 param, uint256 nextAllowedAt);

    /// @notice The parameter is not one the steward knows.
    /// @param param The number given.
    error UnknownStewardParameter(uint8 param);
}

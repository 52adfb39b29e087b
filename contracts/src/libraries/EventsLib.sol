// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title EventsLib
/// @notice Every event of the backstop module, the vaults and the clearinghouse; the indexer derives all history from
/// these. Amounts are in asset units, rates and multipliers are wads, times are unix seconds.
library EventsLib {
    // ---------------------------------------------------------------- module: losses

    /// @notice A tranche paid its part of a loss.
    /// @param lossId The loss, as numbered by `cover`.
    /// @param trancheId The tranche that paid (0 Junior, 1 Mezzanine, 2 Senior).
    /// @param amount What it paid.
    /// @param sharePriceBefore Its share price before paying (assets per whole share).
    /// @param sharePriceAfter Its share price after paying.
    event TrancheLossAbsorbed(
        uint256 indexed lossId,
        uint8 indexed trancheId,
        uint256 amount,
        uint256 sharePriceBefore,
        uint256 sharePriceAfter
    );

    /// @notice A covered protocol asked the waterfall to pay a loss; the first event of every `cover`.
    /// @param lossId The loss, as numbered by `cover`.
    /// @param protocolId The protocol that asked.
    /// @param clearinghouse Its clearinghouse.
    /// @param marketId The market (of that clearinghouse) whose liquidation left it.
    /// @param shortfall The negative equity to cover.
    event CoverRequested(
        uint256 indexed lossId, uint256 indexed protocolId, address indexed clearinghouse, uint256 marketId, uint256 shortfall
    );

    /// @notice Part of a loss that no tranche could pay: a socialised loss, added to `totalDeficit`.
    /// @param lossId The loss.
    /// @param marketId The market whose liquidation left it.
    /// @param amount The unpaid part.
    event Deficit(uint256 indexed lossId, uint256 indexed marketId, uint256 amount);

    /// @notice A loss was settled; the last event of every `cover`.
    /// @param lossId The loss.
    /// @param marketId The market whose liquidation left it.
    /// @param shortfall The negative equity the clearinghouse asked the module to cover.
    /// @param covered What the tranches paid.
    /// @param deficit What they could not pay (`shortfall - covered`).
    event LossCovered(
        uint256 indexed lossId, uint256 indexed marketId, uint256 shortfall, uint256 covered, uint256 deficit
    );

    /// @notice A tranche's strategy lost value: the loss its `rebalance` (or the strategy's removal) booked, which took
    /// that tranche's assets down like a cover. The last event of the loss, after its `TrancheLossAbsorbed`.
    /// @param lossId The loss, numbered with the covers' losses.
    /// @param trancheId The tranche whose strategy lost.
    /// @param strategy The strategy (an ERC-4626 vault).
    /// @param amount The loss.
    event StrategyLoss(uint256 indexed lossId, uint8 indexed trancheId, address indexed strategy, uint256 amount);

    // ---------------------------------------------------------------- module: productive capital

    /// @notice Yield a tranche's strategy earned since the last report; it vests in the tranche like premium.
    /// @param trancheId The tranche.
    /// @param strategy The strategy.
    /// @param amount The yield.
    event StrategyYield(uint8 indexed trancheId, address indexed strategy, uint256 amount);

    /// @notice Governance set a tranche's strategy (the zero address: none) and buffer share.
    /// @param trancheId The tranche.
    /// @param oldStrategy The strategy before, emptied first when it changes.
    /// @param newStrategy The strategy now.
    /// @param oldBufferShare The buffer share before (wad of the tranche's assets kept idle).
    /// @param newBufferShare The buffer share now.
    event TrancheStrategySet(
        uint8 indexed trancheId,
        address oldStrategy,
        address newStrategy,
        uint256 oldBufferShare,
        uint256 newBufferShare
    );

    // ---------------------------------------------------------------- module: premiums

    /// @notice Premium paid into the module.
    /// @param payer Who paid it (the clearinghouse for trading fees, or anyone).
    /// @param amount The premium.
    event PremiumPaid(address indexed payer, uint256 amount);

    /// @notice A covered protocol's premium was split: `paid` went to the backstop, `gross - paid` stayed with it.
    /// @param protocolId The protocol.
    /// @param gross The premium it charged.
    /// @param paid The backstop's part (`gross × premiumShare`, rounded up; 0 once removed).
    event ProtocolPremiumPaid(uint256 indexed protocolId, uint256 gross, uint256 paid);

    /// @notice A payment was held back because no tranche had capital; it is paid out with the next payment.
    /// @param amount The payment.
    /// @param undistributedTotal Everything held back now, this payment included.
    event PremiumHeld(uint256 amount, uint256 undistributedTotal);

    /// @notice A tranche's part of a premium payment, which starts vesting in it.
    /// @param trancheId The tranche.
    /// @param amount Its part.
    /// @param vestingEnd When the tranche's premium, this part included, is fully vested.
    event TranchePremium(uint8 indexed trancheId, uint256 amount, uint256 vestingEnd);

    // ---------------------------------------------------------------- module: parameters (old → new: a diff)

    /// @notice A tranche's deposit cap changed.
    /// @param trancheId The tranche.
    /// @param oldValue The cap before.
    /// @param newValue The cap now.
    event DepositCapSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);

    /// @notice A tranche's cooldown changed.
    /// @param trancheId The tranche.
    /// @param oldValue The cooldown before, in seconds.
    /// @param newValue The cooldown now, in seconds.
    event CooldownSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);

    /// @notice A tranche's unstake window changed.
    /// @param trancheId The tranche.
    /// @param oldValue The window before, in seconds.
    /// @param newValue The window now, in seconds.
    event UnstakeWindowSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);

    /// @notice A tranche's risk multiplier changed.
    /// @param trancheId The tranche.
    /// @param oldValue The multiplier before.
    /// @param newValue The multiplier now.
    event RiskMultiplierSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);

    /// @notice The premium vesting period changed; it applies to payments from now on.
    /// @param oldValue The period before, in seconds.
    /// @param newValue The period now, in seconds.
    event PremiumVestingPeriodSet(uint256 oldValue, uint256 newValue);

    /// @notice A market's stress loss rate changed.
    /// @param marketId The market.
    /// @param oldValue The rate before.
    /// @param newValue The rate now.
    event StressLossRateSet(uint256 indexed marketId, uint256 oldValue, uint256 newValue);

    /// @notice A market's stress loss rate changed, for a protocol other than protocol 0 (`StressLossRateSet`).
    /// @param protocolId The protocol.
    /// @param marketId The market of its clearinghouse.
    /// @param oldValue The rate before.
    /// @param newValue The rate now.
    event ProtocolStressLossRateSet(
        uint256 indexed protocolId, uint256 indexed marketId, uint256 oldValue, uint256 newValue
    );

    /// @notice A covered protocol was registered (protocol 0 by `initialize`).
    /// @param protocolId Its id.
    /// @param clearinghouse Its clearinghouse.
    /// @param name Its name (empty for protocol 0 until named).
    /// @param exposureCap Its exposure cap, in asset units.
    event ProtocolAdded(uint256 indexed protocolId, address indexed clearinghouse, string name, uint256 exposureCap);

    /// @notice A protocol was removed: it can no longer draw and no longer counts in required capital.
    /// @param protocolId The protocol.
    /// @param clearinghouse Its clearinghouse.
    event ProtocolRemoved(uint256 indexed protocolId, address indexed clearinghouse);

    /// @notice A protocol was suspended: it can no longer draw, its exposure leaves required capital, its opens stop.
    /// @param protocolId The protocol.
    /// @param by The guardian or governance (the timelock).
    event ProtocolSuspended(uint256 indexed protocolId, address indexed by);

    /// @notice Governance lifted a protocol's suspension.
    /// @param protocolId The protocol.
    event ProtocolResumed(uint256 indexed protocolId);

    /// @notice A protocol was renamed.
    /// @param protocolId The protocol.
    /// @param name Its name now.
    event ProtocolNameSet(uint256 indexed protocolId, string name);

    /// @notice A protocol's exposure cap changed.
    /// @param protocolId The protocol.
    /// @param oldValue The cap before, in asset units.
    /// @param newValue The cap now.
    event ExposureCapSet(uint256 indexed protocolId, uint256 oldValue, uint256 newValue);

    /// @notice The backstop's part of a protocol's premiums changed.
    /// @param protocolId The protocol.
    /// @param oldValue The share before, as a wad.
    /// @param newValue The share now.
    event PremiumShareSet(uint256 indexed protocolId, uint256 oldValue, uint256 newValue);

    /// @notice The solvency threshold under which new positions are refused changed.
    /// @param oldValue The threshold before.
    /// @param newValue The threshold now.
    event SolvencyThresholdSet(uint256 oldValue, uint256 newValue);

    /// @notice The guardian changed.
    /// @param oldGuardian The guardian before.
    /// @param newGuardian The guardian now.
    event GuardianSet(address oldGuardian, address newGuardian);

    /// @notice The module was bound to its governor; cooldowns are checked against its timings from now on.
    /// @param governor The governor.
    event GovernorBound(address indexed governor);

    /// @notice Deposits were paused or resumed.
    /// @param by The guardian or the owner.
    /// @param paused Whether deposits are paused now.
    event DepositsPausedSet(address indexed by, bool paused);

    /// @notice The module was wired to its vaults and clearinghouse.
    /// @param clearinghouse The clearinghouse.
    /// @param junior The Junior vault.
    /// @param mezzanine The Mezzanine vault.
    /// @param senior The Senior vault.
    event ModuleInitialized(address clearinghouse, address junior, address mezzanine, address senior);

    // ---------------------------------------------------------------- vault

    /// @notice An exit request was made (or replaced).
    /// @param owner The holder.
    /// @param shares The shares requested.
    /// @param cooldownEnd When the unstake window opens.
    /// @param windowEnd When it closes.
    event CooldownRequested(address indexed owner, uint256 shares, uint256 cooldownEnd, uint256 windowEnd);

    /// @notice An exit request was cancelled by its owner.
    /// @param owner The holder.
    event CooldownCancelled(address indexed owner);

    /// @notice The vault paid a loss.
    /// @param amount What it paid.
    /// @param recipient Who received it (the clearinghouse).
    event LossAbsorbed(uint256 amount, address recipient);

    /// @notice The vault's strategy changed (the zero address: none).
    /// @param oldStrategy The strategy before.
    /// @param newStrategy The strategy now.
    /// @param bufferShare The share of the vault's assets kept idle (wad).
    event StrategySet(address oldStrategy, address newStrategy, uint256 bufferShare);

    /// @notice Idle assets went into the strategy.
    /// @param strategy The strategy.
    /// @param amount What left the vault.
    event StrategyDeposited(address indexed strategy, uint256 amount);

    /// @notice Assets came back from the strategy (to refill the buffer, pay a loss or an exit, or empty it).
    /// @param strategy The strategy.
    /// @param amount What arrived.
    event StrategyWithdrawn(address indexed strategy, uint256 amount);

    /// @notice Strategy yield was booked and joined the vault's vesting schedule, as premium does.
    /// @param amount The yield.
    /// @param unvestedTotal Everything still vesting now, this yield included.
    /// @param vestingEnd When it is fully vested.
    event YieldAdded(uint256 amount, uint256 unvestedTotal, uint256 vestingEnd);

    /// @notice The strategy was worth less than recorded: the vault booked the difference as a loss.
    /// @param strategy The strategy.
    /// @param amount The loss.
    event StrategyLossBooked(address indexed strategy, uint256 amount);

    /// @notice The vault reconciled its strategy: what is idle and what the strategy holds now, both recorded.
    /// @param strategy The strategy.
    /// @param idle The idle assets on the books.
    /// @param strategyAssets The strategy's value of the vault's shares now.
    event StrategyReported(address indexed strategy, uint256 idle, uint256 strategyAssets);

    /// @notice Premium was booked and joined the vault's vesting schedule.
    /// @param amount The premium.
    /// @param unvestedTotal Everything still vesting now, this premium included.
    /// @param vestingEnd When it is fully vested.
    event PremiumAdded(uint256 amount, uint256 unvestedTotal, uint256 vestingEnd);

    /// @notice A loss took the share price under the floor: deposits stop until a new epoch starts.
    /// @param epoch The epoch that was wiped.
    /// @param sharePrice The share price after the loss.
    event TrancheWiped(uint256 indexed epoch, uint256 sharePrice);

    /// @notice A wiped tranche restarted; the ended epoch's books were settled on its holders.
    /// @param epoch The epoch that starts.
    /// @param settledSupply The ended epoch's share supply (0 when nobody was left to settle on).
    /// @param settledAssets The assets settled on those shares.
    event EpochStarted(uint256 indexed epoch, uint256 settledSupply, uint256 settledAssets);

    /// @notice A holder of an ended epoch was paid its part of the settlement.
    /// @param account The holder, who received the assets.
    /// @param epoch The ended epoch its shares were booked in.
    /// @param shares Its shares in that epoch.
    /// @param assets What it was paid.
    event SettlementPaid(address indexed account, uint256 indexed epoch, uint256 shares, uint256 assets);

    /// @notice An exit paid less than its shares' value now; the rest stays with the remaining holders.
    /// @param owner The holder who exited.
    /// @param assets What was withheld: the shares' value now above their request's value.
    event ExitValueWithheld(address indexed owner, uint256 assets);

    /// @notice A closed exit request gave up what its shares earned while it lived.
    /// @param owner The holder.
    /// @param shares The shares burned.
    /// @param assets What they were worth.
    event RequestEarningsForfeited(address indexed owner, uint256 shares, uint256 assets);

    // ---------------------------------------------------------------- clearinghouse

    /// @notice A market was added.
    /// @param marketId The new market's id.
    /// @param name Its name (e.g. "ETH").
    /// @param oracle Its Chainlink-style price feed.
    event MarketAdded(uint256 indexed marketId, string name, address oracle);

    /// @notice A market's parameters were set.
    /// @param marketId The market.
    /// @param initialMarginRate Margin a new position posts, as a wad of notional (before the size surcharge).
    /// @param maintenanceMarginRate Equity a position keeps to stay unliquidated, as a wad of notional.
    /// @param feeRate Fee on notional per open and per close.
    /// @param liquidationFeeRate The liquidator's reward, as a wad of notional.
    /// @param liquidationImpact Slippage = impact × sqrt(notional / liquidityDepth).
    /// @param liquidityDepth The market depth the slippage is measured against, in asset units.
    event MarketParametersSet(
        uint256 indexed marketId,
        uint256 initialMarginRate,
        uint256 maintenanceMarginRate,
        uint256 feeRate,
        uint256 liquidationFeeRate,
        uint256 liquidationImpact,
        uint256 liquidityDepth
    );

    /// @notice The global price-age ceiling changed.
    /// @param oldValue The ceiling before, in seconds.
    /// @param newValue The ceiling now, in seconds.
    event MaxPriceAgeSet(uint256 oldValue, uint256 newValue);

    /// @notice A market's feed (or its maximum price age) was set.
    /// @param marketId The market.
    /// @param oracle The feed.
    /// @param maxPriceAge The feed's own maximum price age, in seconds.
    event MarketOracleSet(uint256 indexed marketId, address oracle, uint256 maxPriceAge);

    /// @notice The L2 sequencer-uptime feed was set (address 0: none).
    /// @param feed The feed.
    /// @param gracePeriod Seconds opens and liquidations wait after the sequencer comes back.
    event SequencerUptimeFeedSet(address feed, uint256 gracePeriod);

    /// @notice The ceiling on the keeper reward for a liquidation with bad debt changed.
    /// @param oldValue The ceiling before, in asset units.
    /// @param newValue The ceiling now, in asset units.
    event MaxBadDebtRewardSet(uint256 oldValue, uint256 newValue);

    /// @notice A market change was staged; it applies once `readyAt` has passed.
    /// @dev `action` is what `executeMarketChange(nonce, action)` takes once `readyAt` has passed.
    /// @param changeId keccak256(abi.encode(nonce, action)).
    /// @param nonce The change's number.
    /// @param kind What it does: 0 add market, 1 set oracle, 2 set parameters, 3 set sequencer feed.
    /// @param action abi.encode(kind, its arguments).
    /// @param readyAt The earliest time it can be executed.
    event MarketChangeAnnounced(bytes32 indexed changeId, uint256 nonce, uint8 kind, bytes action, uint256 readyAt);

    /// @notice A staged market change was applied.
    /// @param changeId The change.
    /// @param by Who executed it (anyone may).
    event MarketChangeExecuted(bytes32 indexed changeId, address indexed by);

    /// @notice A staged market change was dropped.
    /// @param changeId The change.
    /// @param by The owner or the guardian.
    event MarketChangeCancelled(bytes32 indexed changeId, address indexed by);

    /// @notice A position was opened.
    /// @param trader The trader.
    /// @param marketId The market.
    /// @param isLong Its side.
    /// @param size Its size, in base units with 18 decimals.
    /// @param price The entry price, as a wad.
    /// @param margin The margin posted.
    /// @param fee The fee paid on top, as premium.
    event PositionOpened(
        address indexed trader, uint256 indexed marketId, bool isLong, uint256 size, uint256 price, uint256 margin, uint256 fee
    );

    /// @notice A position was closed by its trader.
    /// @param trader The trader.
    /// @param marketId The market.
    /// @param price The exit price, as a wad.
    /// @param pnl Its profit (or loss, negative) at that price.
    /// @param fee The fee paid, as premium.
    /// @param payout What the trader received: margin + pnl − fee.
    event PositionClosed(
        address indexed trader, uint256 indexed marketId, uint256 price, int256 pnl, uint256 fee, uint256 payout
    );

    /// @notice Margin was added to a position.
    /// @param trader The trader.
    /// @param marketId The market.
    /// @param delta The change (positive: added).
    /// @param margin The position's margin now.
    event MarginChanged(address indexed trader, uint256 indexed marketId, int256 delta, uint256 margin);

    /// @notice A position was liquidated.
    /// @param trader The trader.
    /// @param marketId The market.
    /// @param liquidator Who liquidated it and received the reward.
    /// @param size Its size, in base units with 18 decimals.
    /// @param isLong Its side.
    /// @param markPrice The oracle price, as a wad.
    /// @param executionPrice The price it closed at, after slippage, as a wad.
    /// @param equity Its equity at the execution price (negative: bad debt).
    /// @param shortfall The bad debt the module covered (0 if none).
    /// @param lossId The module's loss id for it (0 if none).
    event Liquidation(
        address indexed trader,
        uint256 indexed marketId,
        address indexed liquidator,
        uint256 size,
        bool isLong,
        uint256 markPrice,
        uint256 executionPrice,
        int256 equity,
        uint256 shortfall,
        uint256 lossId
    );

    /// @notice House liquidity was added.
    /// @param from Who added it.
    /// @param amount How much.
    event HouseFunded(address indexed from, uint256 amount);

    // ---------------------------------------------------------------- dynamic premium and the risk steward

    /// @notice The premium curve's shape changed (PremiumCurveLib).
    /// @param kink Utilisation where the steep part starts, as a wad.
    /// @param slope1 Multiplier added from u = 0 to the kink, as a wad.
    /// @param slope2 Multiplier added from the kink to u = 1, as a wad.
    /// @param referenceVolatility The volatility the curve is quoted at, as a wad.
    event PremiumCurveSet(uint256 kink, uint256 slope1, uint256 slope2, uint256 referenceVolatility);

    /// @notice The volatility the premium curve scales by changed.
    /// @param by Governance or the risk steward.
    /// @param oldValue Before, annualised, as a wad.
    /// @param newValue Now, annualised, as a wad.
    event PremiumVolatilitySet(address indexed by, uint256 oldValue, uint256 newValue);

    /// @notice Utilisation was measured (at an open or a refresh) and closes are now priced at it.
    /// @param utilisation Required ÷ backstop capital, as a wad.
    /// @param multiplier The premium multiplier it gives, as a wad.
    event UtilisationMeasured(uint256 utilisation, uint256 multiplier);

    /// @notice The risk steward a contract accepts changed (address 0: none).
    /// @param oldSteward Before.
    /// @param newSteward Now.
    event RiskStewardSet(address oldSteward, address newSteward);

    /// @notice The steward's keeper changed.
    /// @param oldKeeper Before.
    /// @param newKeeper Now (address 0: none).
    event StewardKeeperSet(address oldKeeper, address newKeeper);

    /// @notice Governance paused or resumed the steward.
    /// @param paused Whether it is paused now.
    event StewardPausedSet(bool paused);

    /// @notice Governance changed how far and how often the steward may move a parameter.
    /// @param maxStep The largest step, as a wad fraction of the current value.
    /// @param minInterval The shortest time between two updates of one parameter, in seconds.
    event StewardLimitsSet(uint256 maxStep, uint256 minInterval);

    /// @notice Governance changed the range the steward may move a parameter in.
    /// @param param The parameter (RiskSteward: 0–2 the tranches' risk multipliers, 3 the premium volatility).
    /// @param min The lowest value, as a wad.
    /// @param max The highest value, as a wad.
    event StewardBoundsSet(uint8 indexed param, uint256 min, uint256 max);

    /// @notice The steward moved a parameter.
    /// @param param The parameter (as in StewardBoundsSet).
    /// @param oldValue Before, as a wad.
    /// @param newValue Now, as a wad.
    event StewardUpdate(uint8 indexed param, uint256 oldValue, uint256 newValue);
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title EventsLib
/// @notice Every event of the backstop module and vaults; the indexer derives all history from these.
library EventsLib {
    // Module: losses
    event TrancheLossAbsorbed(
        uint256 indexed lossId,
        uint8 indexed trancheId,
        uint256 amount,
        uint256 sharePriceBefore,
        uint256 sharePriceAfter
    );
    event Deficit(uint256 indexed lossId, uint256 indexed marketId, uint256 amount);
    event LossCovered(
        uint256 indexed lossId, uint256 indexed marketId, uint256 shortfall, uint256 covered, uint256 deficit
    );

    // Module: premiums
    event PremiumPaid(address indexed payer, uint256 amount);
    event PremiumHeld(uint256 amount, uint256 undistributedTotal);
    event TranchePremium(uint8 indexed trancheId, uint256 amount, uint256 vestingEnd);

    // Module: parameters (old → new, so history reads as a diff)
    event DepositCapSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);
    event CooldownSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);
    event UnstakeWindowSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);
    event RiskMultiplierSet(uint8 indexed trancheId, uint256 oldValue, uint256 newValue);
    event PremiumVestingPeriodSet(uint256 oldValue, uint256 newValue);
    event StressLossRateSet(uint256 indexed marketId, uint256 oldValue, uint256 newValue);
    event SolvencyThresholdSet(uint256 oldValue, uint256 newValue);
    event GuardianSet(address oldGuardian, address newGuardian);
    event GovernorBound(address indexed governor);
    event DepositsPausedSet(address indexed by, bool paused);
    event ModuleInitialized(address clearinghouse, address junior, address mezzanine, address senior);

    // Vault
    event CooldownRequested(address indexed owner, uint256 shares, uint256 cooldownEnd, uint256 windowEnd);
    event CooldownCancelled(address indexed owner);
    event LossAbsorbed(uint256 amount, address recipient);
    event PremiumAdded(uint256 amount, uint256 unvestedTotal, uint256 vestingEnd);
    event TrancheWiped(uint256 indexed epoch, uint256 sharePrice);
    event EpochStarted(uint256 indexed epoch, uint256 settledSupply, uint256 settledAssets);
    event SettlementPaid(address indexed account, uint256 indexed epoch, uint256 shares, uint256 assets);
    event ExitValueWithheld(address indexed owner, uint256 assets);
    /// @notice A closed exit request gave up what its shares earned while it lived: `shares` burned, worth `assets`.
    event RequestEarningsForfeited(address indexed owner, uint256 shares, uint256 assets);

    // Clearinghouse
    event MarketAdded(uint256 indexed marketId, string name, address oracle);
    event MarketParametersSet(
        uint256 indexed marketId,
        uint256 initialMarginRate,
        uint256 maintenanceMarginRate,
        uint256 feeRate,
        uint256 liquidationFeeRate,
        uint256 liquidationImpact,
        uint256 liquidityDepth
    );
    event MaxPriceAgeSet(uint256 oldValue, uint256 newValue);
    event MarketOracleSet(uint256 indexed marketId, address oracle, uint256 maxPriceAge);
    event SequencerUptimeFeedSet(address feed, uint256 gracePeriod);
    event MaxBadDebtRewardSet(uint256 oldValue, uint256 newValue);
    /// @dev `action` is what `executeMarketChange(nonce, action)` takes once `readyAt` has passed.
    event MarketChangeAnnounced(bytes32 indexed changeId, uint256 nonce, uint8 kind, bytes action, uint256 readyAt);
    event MarketChangeExecuted(bytes32 indexed changeId, address indexed by);
    event MarketChangeCancelled(bytes32 indexed changeId, address indexed by);
    event PositionOpened(
        address indexed trader, uint256 indexed marketId, bool isLong, uint256 size, uint256 price, uint256 margin, uint256 fee
    );
    event PositionClosed(
        address indexed trader, uint256 indexed marketId, uint256 price, int256 pnl, uint256 fee, uint256 payout
    );
    event MarginChanged(address indexed trader, uint256 indexed marketId, int256 delta, uint256 margin);
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
    event HouseFunded(address indexed from, uint256 amount);
}

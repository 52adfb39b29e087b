// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ErrorsLib
/// @notice Every custom error of the backstop, named once. The app decodes these into words.
library ErrorsLib {
    // Access
    error NotClearinghouse(address caller);
    error NotModule(address caller);
    error NotGuardianOrOwner(address caller);
    error NotOracleUpdater(address caller);
    error AlreadyInitialized();
    error NotInitialized();

    // Input
    error ZeroAmount();
    error ZeroAddress();
    error InvalidTranche(uint256 trancheId);
    error ParameterOutOfBounds(string parameter, uint256 value, uint256 min, uint256 max);

    // Vault
    error DepositsPaused();
    error CooldownExceedsBalance(uint256 requestedShares, uint256 balance);
    error NoCooldownRequest(address owner);
    error CooldownNotElapsed(uint256 windowStart);
    error UnstakeWindowLapsed(uint256 windowEnd);
    error ExceedsCooldownShares(uint256 shares, uint256 cooldownShares);
    error SharesLockedInCooldown(uint256 transferable, uint256 requested);
    error LossExceedsAssets(uint256 loss, uint256 assets);
    error TrancheWiped(uint8 trancheId);
    error TrancheNotWiped(uint8 trancheId);
    error NoSettlement(address account);

    // Clearinghouse
    error UnknownMarket(uint256 marketId);
    error InvalidPrice(uint256 marketId, int256 answer);
    error StalePrice(uint256 marketId, uint256 updatedAt, uint256 maxAge);
    error PositionAlreadyOpen(address trader, uint256 marketId);
    error NoPosition(address trader, uint256 marketId);
    error InsufficientMargin(uint256 required, uint256 provided);
    error NegativeEquity(int256 equity);
    error NotLiquidatable(int256 equity, uint256 maintenanceMargin);
    error InsufficientHouseLiquidity(uint256 needed, uint256 available);
    error SolvencyBelowThreshold(uint256 solvencyRatio, uint256 threshold);
    error SequencerDown();
    error SequencerGracePeriodNotOver(uint256 graceEnd);
    error UnknownMarketChange(bytes32 changeId);
    error MarketChangeNotReady(bytes32 changeId, uint256 readyAt);

    // Governance
    /// @dev votingDelay + votingPeriod + timelock delay (`path`) must stay longer than the longest cooldown plus a
    /// day (`required`), so that a depositor who asks to leave when a proposal is made can leave before it executes.
    error GovernancePathTooShort(uint256 path, uint256 required);
    /// @dev The governor may not move to another timelock: the timelock it has owns the module and the clearinghouse.
    error TimelockFixed();
    /// @dev Queuing now would let the proposal execute at `eta`, before a depositor who asked to leave when it was
    /// made can leave (`exitBy`): queue it later.
    error ExecutionBeforeExit(uint256 proposalId, uint256 eta, uint256 exitBy);
    error AllocationMismatch(uint256 holders, uint256 amounts);
    error AllocationExceedsSupply(uint256 allocated, uint256 supply);

    // Faucet
    error FaucetDisabled(uint256 chainId);
    error FaucetLimit(uint256 requested, uint256 limit);
}

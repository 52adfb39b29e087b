// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ErrorsLib} from "../libraries/ErrorsLib.sol";

/// @title ExitBeforeExecution
/// @notice The one rule that keeps depositors' capital safe from governance: a proposal's path to execution,
/// votingDelay + votingPeriod + timelock delay, is longer than the longest cooldown plus `MARGIN`. A depositor who
/// requests an exit in the block a proposal is made can then withdraw for at least a day (or the whole unstake
/// window, if shorter) before the proposal can execute. The module, the governor and the timelock each check it
/// in their setters, so no single change, nor any batch of them, can break it.
library ExitBeforeExecution {
    /// @notice How much longer than the longest cooldown the governance path must be.
    uint256 internal constant MARGIN = 1 days;

    /// @notice Reverts with `GovernancePathTooShort(path, required)` unless votingDelay + votingPeriod +
    /// timelockDelay is longer than maxCooldown + MARGIN.
    /// @param votingDelay The governor's voting delay, in seconds.
    /// @param votingPeriod The governor's voting period, in seconds.
    /// @param timelockDelay The timelock's minimum delay, in seconds.
    /// @param maxCooldown The longest cooldown over the tranches, in seconds.
    function check(uint256 votingDelay, uint256 votingPeriod, uint256 timelockDelay, uint256 maxCooldown)
        internal
        pure
    {
        uint256 path = votingDelay + votingPeriod + timelockDelay;
        uint256 required = maxCooldown + MARGIN;
        if (path <= required) revert ErrorsLib.GovernancePathTooShort(path, required);
    }
}

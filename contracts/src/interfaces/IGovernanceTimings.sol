// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The governor's side of the exit-before-execution rule: how long a proposal waits before and while voting,
/// and the timelock that then delays it.
interface IGovernanceTimings {
    /// @notice Seconds from a proposal until voting starts.
    function votingDelay() external view returns (uint256);

    /// @notice Seconds voting lasts.
    function votingPeriod() external view returns (uint256);

    /// @notice The timelock that executes passed proposals.
    function timelock() external view returns (address);
}

/// @notice The timelock's delay, as OpenZeppelin's TimelockController reports it.
interface ITimelockDelay {
    /// @notice Seconds a queued operation waits before it can execute.
    function getMinDelay() external view returns (uint256);
}

/// @notice The module's side of the rule: the longest cooldown over the tranches and the governor it is bound to.
interface IExitTimings {
    /// @notice The longest cooldown over the tranches: what a depositor waits at most before the window opens.
    function maxCooldown() external view returns (uint256);

    /// @notice The governor whose proposals the owner (its timelock) executes; address 0 until `bindGovernor`.
    function governor() external view returns (IGovernanceTimings);
}

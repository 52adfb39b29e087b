// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The governor's side of the exit-before-execution rule: how long a proposal waits before and while voting,
/// and the timelock that then delays it.
interface IGovernanceTimings {
    function votingDelay() external view returns (uint256);
    function votingPeriod() external view returns (uint256);
    function timelock() external view returns (address);
}

/// @notice The timelock's delay, as OpenZeppelin's TimelockController reports it.
interface ITimelockDelay {
    function getMinDelay() external view returns (uint256);
}

/// @notice The module's side of the rule: the longest cooldown over the tranches and the governor it is bound to.
interface IExitTimings {
    function maxCooldown() external view returns (uint256);
    function governor() external view returns (IGovernanceTimings);
}

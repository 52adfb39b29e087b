// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IExitTimings, IGovernanceTimings} from "../interfaces/IGovernanceTimings.sol";
import {ErrorsLib} from "../libraries/ErrorsLib.sol";
import {ExitBeforeExecution} from "./ExitBeforeExecution.sol";

/// @title BackstopTimelock
/// @notice OpenZeppelin's TimelockController whose delay can never be lowered so far that a proposal executes before a
/// depositor who asked to leave when it was made can leave: `updateDelay` checks ExitBeforeExecution against the
/// module's longest cooldown and its governor's voting delay and period.
contract BackstopTimelock is TimelockController {
    /// @notice The backstop module whose cooldowns the delay must outlast.
    IExitTimings public immutable module;

    // TimelockController keeps its delay private and its updateDelay is external (no super call), so the delay lives
    // here and getMinDelay, which every schedule reads, returns it.
    uint256 private _delay;

    /// @param minDelay The initial delay, in seconds.
    /// @param proposers Who may schedule operations (the governor).
    /// @param executors Who may execute them (address 0: anyone).
    /// @param admin An optional admin for the setup, which renounces its role in the deploy.
    /// @param module_ The backstop module whose cooldowns the delay must outlast.
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin,
        IExitTimings module_
    ) TimelockController(minDelay, proposers, executors, admin) {
        if (address(module_) == address(0)) revert ErrorsLib.ZeroAddress();
        module = module_;
        _delay = minDelay;
    }

    // ---------------------------------------------------------------- external and public: state-changing

    /// @notice Changes the minimum delay; only the timelock itself (a passed proposal). Reverts with
    /// GovernancePathTooShort when votingDelay + votingPeriod + `newDelay` would not exceed the longest cooldown plus
    /// a day, and with NotInitialized before the module is bound to a governor.
    /// @param newDelay The new delay, in seconds.
    function updateDelay(uint256 newDelay) external override {
        if (msg.sender != address(this)) revert TimelockUnauthorizedCaller(msg.sender);
        IGovernanceTimings governor = module.governor();
        if (address(governor) == address(0)) revert ErrorsLib.NotInitialized();
        ExitBeforeExecution.check(governor.votingDelay(), governor.votingPeriod(), newDelay, module.maxCooldown());
        emit MinDelayChange(_delay, newDelay);
        _delay = newDelay;
    }

    // ---------------------------------------------------------------- external and public: views

    /// @inheritdoc TimelockController
    function getMinDelay() public view override returns (uint256) {
        return _delay;
    }
}

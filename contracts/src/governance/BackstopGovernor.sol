// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from
    "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IExitTimings} from "../interfaces/IGovernanceTimings.sol";
import {ErrorsLib} from "../libraries/ErrorsLib.sol";
import {ExitBeforeExecution} from "./ExitBeforeExecution.sol";

/// @title BackstopGovernor
/// @notice OpenZeppelin Governor on the token's timestamp clock; successful proposals run through the timelock that
/// owns every risk parameter of the module and the clearinghouse. Its voting delay and period can never be set so
/// short that a proposal executes before a depositor who asked to leave when it was made can leave
/// (ExitBeforeExecution), and a proposal cannot be queued for an execution before that depositor's exit.
contract BackstopGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl
{
    /// @notice The backstop module whose longest cooldown every proposal must outlast.
    IExitTimings public immutable module;

    /// @notice When a depositor who requested an exit in the block the proposal was made can withdraw at the latest
    /// (proposal time + longest cooldown then + 1 day); the proposal cannot be queued for an execution before it.
    mapping(uint256 proposalId => uint256) public proposalExitBy;

    /// @dev Reverts with `GovernancePathTooShort` if the timings already break ExitBeforeExecution.
    /// @param token The governance token (ERC20Votes on a timestamp clock).
    /// @param timelock The timelock that executes passed proposals; it can never be replaced.
    /// @param module_ The backstop module whose longest cooldown every proposal must outlast.
    /// @param votingDelay_ Seconds from a proposal until voting starts.
    /// @param votingPeriod_ Seconds voting lasts.
    /// @param proposalThreshold_ Votes an account needs to propose.
    /// @param quorumPercent The quorum, in percent of the token's supply.
    constructor(
        IVotes token,
        TimelockController timelock,
        IExitTimings module_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint256 quorumPercent
    )
        Governor("Backstop Governor")
        GovernorSettings(votingDelay_, votingPeriod_, proposalThreshold_)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(quorumPercent)
        GovernorTimelockControl(timelock)
    {
        if (address(module_) == address(0)) revert ErrorsLib.ZeroAddress();
        module = module_;
        _checkExitBeforeExecution();
    }

    // ---------------------------------------------------------------- external and public: state-changing

    /// @notice Refused (TimelockFixed): the timelock this governor was built with owns the module and the
    /// clearinghouse, and a move to another one would bypass its delay check.
    function updateTimelock(TimelockController) external pure override {
        revert ErrorsLib.TimelockFixed();
    }

    // ---------------------------------------------------------------- external and public: views

    /// @notice Seconds from a proposal until voting starts. Governance may change it (`setVotingDelay`), never so
    /// that votingDelay + votingPeriod + timelock delay stops exceeding the longest cooldown plus a day.
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    /// @notice Seconds voting lasts. Governance may change it (`setVotingPeriod`) under the same rule as the delay.
    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    /// @notice Votes an account needs to make a proposal.
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @notice Votes (for and abstain) a proposal needs: the quorum fraction of the token's supply at `timepoint`.
    /// @param timepoint A time on the token's clock (unix seconds).
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return super.quorum(timepoint);
    }

    /// @notice The proposal's state, as OpenZeppelin's Governor with a timelock reports it.
    /// @param proposalId The proposal.
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    /// @notice True: every proposal runs through the timelock.
    /// @param proposalId The proposal.
    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    // ---------------------------------------------------------------- internal and private

    /// @dev Re-checks ExitBeforeExecution once the governor exists (see `_checkAfterConstruction`).
    function _setVotingDelay(uint48 newVotingDelay) internal override {
        super._setVotingDelay(newVotingDelay);
        _checkAfterConstruction();
    }

    /// @dev Re-checks ExitBeforeExecution once the governor exists (see `_checkAfterConstruction`).
    function _setVotingPeriod(uint32 newVotingPeriod) internal override {
        super._setVotingPeriod(newVotingPeriod);
        _checkAfterConstruction();
    }

    // GovernorSettings sets both timings before the timelock and the module are known; the constructor checks once
    // they are (no code is deployed at this address until the constructor returns).
    function _checkAfterConstruction() private view {
        if (address(this).code.length != 0) _checkExitBeforeExecution();
    }

    function _checkExitBeforeExecution() private view {
        ExitBeforeExecution.check(
            votingDelay(), votingPeriod(), TimelockController(payable(timelock())).getMinDelay(), module.maxCooldown()
        );
    }

    /// @dev Records `proposalExitBy`, which `_queueOperations` holds the proposal's execution to.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        proposalExitBy[proposalId] = clock() + module.maxCooldown() + ExitBeforeExecution.MARGIN;
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48 eta) {
        eta = super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
        // The setters keep every path long enough; this covers a proposal made before a batch that lengthened the
        // vote and shortened the timelock, which would otherwise run sooner than its own vote promised.
        uint256 exitBy = proposalExitBy[proposalId];
        if (eta <= exitBy) revert ErrorsLib.ExecutionBeforeExit(proposalId, eta, exitBy);
    }

    // Solidity requires these overrides to name a base; each keeps GovernorTimelockControl's behaviour.
    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}

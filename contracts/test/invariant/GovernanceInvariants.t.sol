// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {BackstopGovernor} from "../../src/governance/BackstopGovernor.sol";
import {BackstopTimelock} from "../../src/governance/BackstopTimelock.sol";

/// @notice Drives overlapping proposals, each a batch of random timing setters (voting delay, voting period, timelock
/// delay, cooldowns), through propose, vote, queue and execute in any interleaving, and records every execution that
/// happens before a depositor who requested an exit in the proposal's block could have left with a day to spare.
contract GovernanceHandler is Test {
    struct Pending {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        bytes32 descriptionHash;
        uint256 id;
        uint256 createdAt;
        uint256 longestCooldownAtCreation;
    }

    BackstopModule internal immutable module;
    BackstopGovernor internal immutable governor;
    BackstopTimelock internal immutable timelock;
    address internal immutable voter;

    Pending[] internal proposals;
    uint256 public executions;
    uint256 public refusals;
    uint256 public earlyExecutions;

    constructor(BackstopModule module_, BackstopGovernor governor_, BackstopTimelock timelock_, address voter_) {
        module = module_;
        governor = governor_;
        timelock = timelock_;
        voter = voter_;
    }

    function propose(uint256 seed) external {
        uint256 calls = 1 + seed % 2;
        address[] memory targets = new address[](calls);
        uint256[] memory values = new uint256[](calls);
        bytes[] memory calldatas = new bytes[](calls);
        for (uint256 j; j < calls; ++j) {
            uint256 r = uint256(keccak256(abi.encode(seed, j)));
            uint256 kind = r % 4;
            uint256 v = (r >> 8) % 12 days;
            if (kind == 0) {
                (targets[j], calldatas[j]) =
                    (address(governor), abi.encodeCall(GovernorSettings.setVotingDelay, (uint48(v))));
            } else if (kind == 1) {
                (targets[j], calldatas[j]) =
                    (address(governor), abi.encodeCall(GovernorSettings.setVotingPeriod, (uint32(v + 1))));
            } else if (kind == 2) {
                (targets[j], calldatas[j]) = (address(timelock), abi.encodeCall(TimelockController.updateDelay, (v)));
            } else {
                (targets[j], calldatas[j]) =
                    (address(module), abi.encodeCall(BackstopModule.setCooldown, (uint8((r >> 128) % 3), v)));
            }
        }
        string memory description = string.concat("invariant proposal ", vm.toString(proposals.length));
        vm.prank(voter);
        uint256 id = governor.propose(targets, values, calldatas, description);
        proposals.push(
            Pending(targets, values, calldatas, keccak256(bytes(description)), id, block.timestamp, module.maxCooldown())
        );
    }

    function vote(uint256 index) external {
        if (proposals.length == 0) return;
        uint256 id = proposals[index % proposals.length].id;
        if (governor.state(id) == IGovernor.ProposalState.Pending) vm.warp(governor.proposalSnapshot(id) + 1);
        if (governor.state(id) != IGovernor.ProposalState.Active || governor.hasVoted(id, voter)) return;
        vm.prank(voter);
        governor.castVote(id, 1);
    }

    function queue(uint256 index) external {
        if (proposals.length == 0) return;
        Pending storage p = proposals[index % proposals.length];
        if (governor.state(p.id) == IGovernor.ProposalState.Active) vm.warp(governor.proposalDeadline(p.id) + 1);
        if (governor.state(p.id) != IGovernor.ProposalState.Succeeded) return;
        try governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash) {} catch {}
    }

    function execute(uint256 index) external {
        if (proposals.length == 0) return;
        Pending storage p = proposals[index % proposals.length];
        if (governor.state(p.id) != IGovernor.ProposalState.Queued) return;
        if (block.timestamp < governor.proposalEta(p.id)) vm.warp(governor.proposalEta(p.id));
        try governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash) {
            ++executions;
            // A depositor who requested in the proposal's block can withdraw from createdAt + cooldown.
            if (block.timestamp <= p.createdAt + p.longestCooldownAtCreation + 1 days) ++earlyExecutions;
        } catch {
            ++refusals;
        }
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1 hours, 6 days));
    }
}

/// @notice For any interleaving of governance actions: the path from proposal to execution stays longer than the
/// longest cooldown plus a day, and no proposal executes before a depositor who asked to leave at its creation could.
contract GovernanceInvariants is BackstopFixture {
    GovernanceHandler internal handler;

    function setUp() public override {
        super.setUp();
        vm.warp(block.timestamp + 1);
        handler = new GovernanceHandler(module, governor, timelock, voter);
        bytes4[] memory selectors = new bytes4[](8);
        selectors[0] = handler.propose.selector;
        selectors[1] = handler.vote.selector;
        selectors[2] = handler.vote.selector;
        selectors[3] = handler.queue.selector;
        selectors[4] = handler.queue.selector;
        selectors[5] = handler.execute.selector;
        selectors[6] = handler.execute.selector;
        selectors[7] = handler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function invariant_pathOutlastsLongestCooldownPlusADay() public view {
        uint256 path = governor.votingDelay() + governor.votingPeriod() + timelock.getMinDelay();
        assertGt(path, module.maxCooldown() + 1 days);
    }

    function invariant_noExecutionBeforeProposalTimeExit() public view {
        assertEq(handler.earlyExecutions(), 0);
    }

}


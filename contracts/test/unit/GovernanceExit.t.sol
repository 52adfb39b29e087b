// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {BackstopGovernor} from "../../src/governance/BackstopGovernor.sol";
import {BackstopTimelock} from "../../src/governance/BackstopTimelock.sol";
import {BackstopToken} from "../../src/governance/BackstopToken.sol";
import {IGovernanceTimings} from "../../src/interfaces/IGovernanceTimings.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

/// @notice Issue #18 item 1: governance can never execute before a depositor who asked to leave when the proposal was
/// made can leave; the guardian can cancel a queued operation and nothing else; no undelegated account holds a quorum.
contract GovernanceExitTest is BackstopFixture {
    address internal depositor = makeAddr("depositor");
    address internal stranger = makeAddr("stranger");
    uint256 internal nonce;

    address[] internal targets;
    uint256[] internal values;
    bytes[] internal calldatas;

    function setUp() public override {
        super.setUp();
        vm.warp(block.timestamp + 1); // the voter's delegation is now in the past
    }

    // ---------------------------------------------------------------- helpers

    function _add(address target, bytes memory data) internal {
        targets.push(target);
        values.push(0);
        calldatas.push(data);
    }

    function _clear() internal {
        delete targets;
        delete values;
        delete calldatas;
    }

    function _description() internal view returns (string memory) {
        return string.concat("proposal #", vm.toString(nonce));
    }

    function _propose() internal returns (uint256 id) {
        ++nonce;
        vm.prank(voter);
        id = governor.propose(targets, values, calldatas, _description());
    }

    /// @dev Votes the proposal through and queues it as early as the governor allows; returns its eta.
    function _voteAndQueue(uint256 id) internal returns (uint256 eta) {
        vm.warp(governor.proposalSnapshot(id) + 1);
        vm.prank(voter);
        governor.castVote(id, 1);
        vm.warp(governor.proposalDeadline(id) + 1);
        governor.queue(targets, values, calldatas, keccak256(bytes(_description())));
        eta = governor.proposalEta(id);
    }

    function _execute() internal {
        governor.execute(targets, values, calldatas, keccak256(bytes(_description())));
    }

    function _path() internal view returns (uint256) {
        return governor.votingDelay() + governor.votingPeriod() + timelock.getMinDelay();
    }

    // ---------------------------------------------------------------- the regression

    /// @dev On main (1 d + 3 d + 2 d = 6 d against 7-day cooldowns) a depositor who asked to leave in the block of a
    /// draining proposal was still locked in when it executed. Now the depositor is out first, with time to spare.
    function test_regression_requestAtProposalCreationExitsBeforeExecution() public {
        uint256 shares = _deposit(depositor, 2, 1_000_000e6);
        // Any proposal: a hostile one (a drained tranche) has the same timing as this cooldown change.
        _add(address(module), abi.encodeCall(BackstopModule.setCooldown, (2, 8 days - 1)));
        uint256 id = _propose();
        vm.prank(depositor);
        tranches[2].cooldownShares(shares);
        (, uint256 cooldownEnd, uint256 windowEnd) = tranches[2].cooldownOf(depositor);

        uint256 eta = _voteAndQueue(id);
        assertGt(eta, cooldownEnd + 1 days, "execution is more than a day after the exit opens");
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Queued));

        vm.warp(cooldownEnd);
        vm.prank(depositor);
        uint256 assets = tranches[2].redeem(shares, depositor, depositor);
        assertEq(assets, 1_000_000e6, "the whole deposit left before the proposal could run");
        assertLt(block.timestamp, eta);
        assertLt(cooldownEnd, windowEnd);

        // The proposal cannot run until its eta, after the depositor is gone.
        vm.expectRevert();
        _execute();
        vm.warp(eta);
        _execute();
        assertEq(module.cooldown(2), 8 days - 1);
    }

    /// @dev The old defaults can no longer be deployed: a governor with 1 d + 3 d over a 2-day timelock is refused.
    function test_regression_oldTimingsRefusedAtConstruction() public {
        address[] memory none = new address[](0);
        BackstopTimelock shortTimelock = new BackstopTimelock(2 days, none, none, address(this), module);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.GovernancePathTooShort.selector, 6 days, 8 days));
        new BackstopGovernor(token, shortTimelock, module, 1 days, 3 days, 10_000e18, 4);
    }

    function test_defaults_pathOutlastsLongestCooldownByMoreThanADay() public view {
        assertEq(_path(), 9 days);
        assertEq(module.maxCooldown(), 7 days);
        assertEq(module.governancePath(), 9 days);
        assertGt(_path(), module.maxCooldown() + 1 days);
        assertEq(address(module.governor()), address(governor));
        assertEq(address(governor.module()), address(module));
        assertEq(address(timelock.module()), address(module));
    }

    // ---------------------------------------------------------------- each setter tries to break the rule

    function test_setter_moduleCooldownRefused() public {
        // path 9 d: the longest cooldown must stay below 8 d
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.GovernancePathTooShort.selector, 9 days, 9 days));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (0, 8 days)));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (0, 8 days - 1)));
        assertEq(module.cooldown(0), 8 days - 1);
    }

    function test_setter_moduleBindGovernorOnceAndChecked() public {
        vm.prank(address(timelock));
        vm.expectRevert(ErrorsLib.AlreadyInitialized.selector);
        module.bindGovernor(IGovernanceTimings(address(governor)));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        module.bindGovernor(IGovernanceTimings(address(governor)));
    }

    function test_setter_governorVotingDelayRefused() public {
        _add(address(governor), abi.encodeCall(GovernorSettings.setVotingDelay, (0)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.GovernancePathTooShort.selector, 8 days, 8 days));
        _execute();
        assertEq(governor.votingDelay(), 1 days);
    }

    function test_setter_governorVotingDelayAcceptedWhenPathHolds() public {
        _add(address(governor), abi.encodeCall(GovernorSettings.setVotingDelay, (1)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        _execute();
        assertEq(governor.votingDelay(), 1);
        assertEq(_path(), 8 days + 1);
    }

    function test_setter_governorVotingPeriodRefused() public {
        _add(address(governor), abi.encodeCall(GovernorSettings.setVotingPeriod, (2 days)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.GovernancePathTooShort.selector, 8 days, 8 days));
        _execute();
        assertEq(governor.votingPeriod(), 3 days);
    }

    function test_setter_timelockDelayRefused() public {
        _add(address(timelock), abi.encodeCall(TimelockController.updateDelay, (4 days)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.GovernancePathTooShort.selector, 8 days, 8 days));
        _execute();
        assertEq(timelock.getMinDelay(), TIMELOCK_DELAY);
    }

    function test_setter_timelockDelayOnlyByItself() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, stranger));
        timelock.updateDelay(30 days);
        // Lengthening through a proposal works and every later schedule uses it.
        _add(address(timelock), abi.encodeCall(TimelockController.updateDelay, (7 days)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        _execute();
        assertEq(timelock.getMinDelay(), 7 days);
        _clear();
        _add(address(module), abi.encodeCall(BackstopModule.setCooldown, (1, 6 days)));
        uint256 queuedAt;
        uint256 id = _propose();
        queuedAt = governor.proposalDeadline(id) + 1;
        assertEq(_voteAndQueue(id), queuedAt + 7 days);
    }

    function test_setter_governorCannotMoveToAnotherTimelock() public {
        address[] memory none = new address[](0);
        BackstopTimelock fast = new BackstopTimelock(0, none, none, address(this), module);
        _add(address(governor), abi.encodeCall(GovernorTimelockControl.updateTimelock, (fast)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(ErrorsLib.TimelockFixed.selector);
        _execute();
        assertEq(governor.timelock(), address(timelock));
    }

    /// @dev One batch shortens the timelock (fine on its own) and lengthens a cooldown (fine on its own): together
    /// they break the rule, and the whole batch reverts, whichever comes first.
    function test_setter_batchShortenTimelockAndLengthenCooldownRefused() public {
        bytes memory shorten = abi.encodeCall(TimelockController.updateDelay, (4 days + 1));
        bytes memory lengthen = abi.encodeCall(BackstopModule.setCooldown, (0, 7 days + 1));
        for (uint256 order; order < 2; ++order) {
            _clear();
            if (order == 0) {
                _add(address(timelock), shorten);
                _add(address(module), lengthen);
            } else {
                _add(address(module), lengthen);
                _add(address(timelock), shorten);
            }
            _voteAndQueue(_propose());
            vm.warp(block.timestamp + TIMELOCK_DELAY);
            vm.expectRevert(
                abi.encodeWithSelector(ErrorsLib.GovernancePathTooShort.selector, 8 days + 1, 8 days + 1)
            );
            _execute();
            assertEq(timelock.getMinDelay(), TIMELOCK_DELAY);
            assertEq(module.cooldown(0), 7 days);
        }
    }

    /// @dev The honest way to raise a cooldown past 8 days: lengthen the timelock first, in the same batch.
    function test_setter_batchLengthenTimelockThenCooldownAccepted() public {
        _add(address(timelock), abi.encodeCall(TimelockController.updateDelay, (7 days)));
        _add(address(module), abi.encodeCall(BackstopModule.setCooldown, (0, 10 days - 1)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        _execute();
        assertEq(module.cooldown(0), 10 days - 1);
        assertEq(_path(), 11 days);
    }

    /// @dev A proposal made before a batch that lengthened the vote and shortened the timelock would otherwise run
    /// after its own short vote plus the new short delay; queueing it that early is refused until the exit has passed.
    function test_queue_refusedBeforeProposalTimeExit() public {
        // Q: voting period 3 d → 7 d and timelock 5 d → 1 h; 1 d + 7 d + 1 h > 8 d, so each setter accepts it.
        _add(address(governor), abi.encodeCall(GovernorSettings.setVotingPeriod, (7 days)));
        _add(address(timelock), abi.encodeCall(TimelockController.updateDelay, (1 hours)));
        uint256 q = _propose();
        string memory qDescription = _description();
        address[] memory qTargets = targets;
        uint256[] memory qValues = values;
        bytes[] memory qCalldatas = calldatas;
        _voteAndQueue(q);
        uint256 qEta = governor.proposalEta(q);

        // P is made just before Q runs, under the old 1 d + 3 d vote; a depositor asks to leave in the same block.
        vm.warp(qEta - 1);
        _clear();
        _add(address(module), abi.encodeCall(BackstopModule.setDepositCap, (2, 0)));
        uint256 shares = _deposit(depositor, 2, 500_000e6);
        uint256 p = _propose();
        vm.prank(depositor);
        tranches[2].cooldownShares(shares);
        (, uint256 cooldownEnd,) = tranches[2].cooldownOf(depositor);
        assertEq(governor.proposalExitBy(p), cooldownEnd + 1 days);

        vm.warp(qEta);
        governor.execute(qTargets, qValues, qCalldatas, keccak256(bytes(qDescription)));
        assertEq(timelock.getMinDelay(), 1 hours);

        // P's vote ends 4 d after it was made; queueing then would let it run 4 d + 1 h after: refused.
        vm.warp(governor.proposalSnapshot(p) + 1);
        vm.prank(voter);
        governor.castVote(p, 1);
        vm.warp(governor.proposalDeadline(p) + 1);
        bytes32 pHash = keccak256(bytes(_description()));
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.ExecutionBeforeExit.selector, p, block.timestamp + 1 hours, cooldownEnd + 1 days
            )
        );
        governor.queue(targets, values, calldatas, pHash);

        // The depositor leaves; only then can P be queued.
        vm.warp(cooldownEnd);
        vm.prank(depositor);
        tranches[2].redeem(shares, depositor, depositor);
        vm.warp(cooldownEnd + 1 days - 1 hours + 1);
        governor.queue(targets, values, calldatas, pHash);
        assertGt(governor.proposalEta(p), cooldownEnd + 1 days);
    }

    // ---------------------------------------------------------------- guardian: cancel, nothing else

    function test_guardian_cancelsQueuedOperation() public {
        _add(address(module), abi.encodeCall(BackstopModule.setDepositCap, (0, 0)));
        uint256 id = _propose();
        _voteAndQueue(id);
        bytes32 salt = bytes20(address(governor)) ^ keccak256(bytes(_description()));
        bytes32 opId = timelock.hashOperationBatch(targets, values, calldatas, 0, salt);
        assertTrue(timelock.isOperationPending(opId));

        vm.prank(guardian);
        timelock.cancel(opId);
        assertFalse(timelock.isOperation(opId));
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Canceled));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert();
        _execute();
        assertEq(module.depositCap(0), 2_000_000e6);
    }

    function test_guardian_cannotDoAnythingElse() public {
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), guardian));
        assertFalse(timelock.hasRole(timelock.PROPOSER_ROLE(), guardian));
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), guardian));
        bytes memory call = abi.encodeCall(BackstopModule.setDepositCap, (0, 0));
        bytes32 proposer = timelock.PROPOSER_ROLE();
        bytes32 admin = timelock.DEFAULT_ADMIN_ROLE();
        bytes32 canceller = timelock.CANCELLER_ROLE();

        vm.startPrank(guardian);
        vm.expectRevert(abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", guardian, proposer));
        timelock.schedule(address(module), 0, call, 0, 0, TIMELOCK_DELAY);
        _add(address(module), call);
        vm.expectRevert(abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", guardian, proposer));
        timelock.scheduleBatch(targets, values, calldatas, 0, 0, TIMELOCK_DELAY);
        vm.expectRevert(abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", guardian, admin));
        timelock.grantRole(proposer, guardian);
        vm.expectRevert(abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", guardian, admin));
        timelock.revokeRole(canceller, address(governor));
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, guardian));
        timelock.updateDelay(0);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        module.setCooldown(0, 0);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        clearinghouse.setMaxPriceAge(1 hours);
        vm.stopPrank();

        // Nor cancel someone else's proposal in the governor (only its proposer may, while pending).
        _clear();
        _add(address(module), call);
        uint256 id = _propose();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, guardian));
        governor.cancel(targets, values, calldatas, keccak256(bytes(_description())));
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Pending));
    }

    // ---------------------------------------------------------------- no undelegated quorum

    function test_token_noUndelegatedAccountHoldsAQuorum() public view {
        uint256 quorum = governor.quorum(block.timestamp - 1);
        assertEq(quorum, 40_000e18);
        assertEq(token.balanceOf(deployer), 0);
        assertEq(token.getVotes(deployer), 0);
        assertEq(token.delegates(voter), voter, "allocations are minted delegated");
        assertEq(token.getVotes(voter), 200_000e18);
        // The rest is the treasury: the timelock, which moves it only by a passed proposal.
        assertEq(token.balanceOf(address(timelock)), 800_000e18);
        assertEq(token.getVotes(address(timelock)), 0);
        assertEq(token.totalSupply(), 1_000_000e18);
    }

    function test_token_treasuryMovesOnlyByProposal() public {
        vm.prank(stranger);
        vm.expectRevert();
        token.transferFrom(address(timelock), stranger, 1);
        _add(address(token), abi.encodeCall(token.transfer, (stranger, 50_000e18)));
        _voteAndQueue(_propose());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        _execute();
        assertEq(token.balanceOf(stranger), 50_000e18);
    }

    function test_token_allocationsChecked() public {
        address[] memory holders = new address[](2);
        uint256[] memory amounts = new uint256[](1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.AllocationMismatch.selector, 2, 1));
        new BackstopToken(holders, amounts, address(timelock), 1e18);
        holders = new address[](1);
        holders[0] = voter;
        amounts[0] = 2e18;
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.AllocationExceedsSupply.selector, 2e18, 1e18));
        new BackstopToken(holders, amounts, address(timelock), 1e18);
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        new BackstopToken(holders, amounts, address(0), 2e18);
    }

    // ---------------------------------------------------------------- fuzz: any sequence of setters

    /// @dev Up to four passed proposals, each one or two random timing setters in random order. Every outcome is
    /// checked against a model of the rule (accepted iff it holds after each call), and the rule holds after each.
    function testFuzz_anySetterSequenceKeepsExitBeforeExecution(uint256[8] memory kinds, uint256[8] memory raw) public {
        for (uint256 step; step < 4; ++step) {
            _clear();
            uint256 calls = 1 + (kinds[step * 2] % 2);
            // model: the timings after each call of the batch, in order
            uint256 d = governor.votingDelay();
            uint256 p = governor.votingPeriod();
            uint256 m = timelock.getMinDelay();
            uint256[3] memory c = [module.cooldown(0), module.cooldown(1), module.cooldown(2)];
            bool modelOk = true;
            for (uint256 j; j < calls; ++j) {
                uint256 k = kinds[step * 2 + j] % 4;
                uint256 v = raw[step * 2 + j];
                if (k == 0) {
                    v = bound(v, 0, 10 days);
                    _add(address(governor), abi.encodeCall(GovernorSettings.setVotingDelay, (uint48(v))));
                    d = v;
                } else if (k == 1) {
                    v = bound(v, 1, 10 days);
                    _add(address(governor), abi.encodeCall(GovernorSettings.setVotingPeriod, (uint32(v))));
                    p = v;
                } else if (k == 2) {
                    v = bound(v, 0, 15 days);
                    _add(address(timelock), abi.encodeCall(TimelockController.updateDelay, (v)));
                    m = v;
                } else {
                    v = bound(v, 0, 20 days);
                    uint8 t = uint8(raw[step * 2 + j] % 3);
                    _add(address(module), abi.encodeCall(BackstopModule.setCooldown, (t, v)));
                    c[t] = v;
                }
                uint256 longest = c[0] > c[1] ? (c[0] > c[2] ? c[0] : c[2]) : (c[1] > c[2] ? c[1] : c[2]);
                if (d + p + m <= longest + 1 days) modelOk = false;
            }
            _voteAndQueue(_propose());
            vm.warp(governor.proposalEta(_lastId()));
            (bool ok, bytes memory ret) = address(governor).call(
                abi.encodeCall(governor.execute, (targets, values, calldatas, keccak256(bytes(_description()))))
            );
            assertEq(ok, modelOk, "accepted exactly when the rule holds after every call of the batch");
            if (!ok) assertEq(bytes4(ret), ErrorsLib.GovernancePathTooShort.selector);
            assertGt(_path(), module.maxCooldown() + 1 days, "path > longest cooldown + 1 day");
        }
    }

    function _lastId() internal view returns (uint256) {
        return governor.hashProposal(targets, values, calldatas, keccak256(bytes(_description())));
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";

contract GovernanceTest is BackstopFixture {
    address internal whale = makeAddr("whale");
    address internal minnow = makeAddr("minnow");

    address[] internal targets;
    uint256[] internal values;
    bytes[] internal calldatas;
    string internal constant DESCRIPTION = "Set junior cooldown to 6 days";

    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    function setUp() public override {
        super.setUp();
        targets.push(address(module));
        values.push(0);
        calldatas.push(abi.encodeCall(BackstopModule.setCooldown, (0, 6 days)));
        vm.warp(block.timestamp + 1); // the voter's delegation is now in the past
    }

    function _descriptionHash() internal pure returns (bytes32) {
        return keccak256(bytes(DESCRIPTION));
    }

    function _propose() internal returns (uint256 id) {
        vm.prank(voter);
        id = governor.propose(targets, values, calldatas, DESCRIPTION);
    }

    function _toActive() internal {
        vm.warp(block.timestamp + governor.votingDelay() + 1);
    }

    function _toEnd() internal {
        vm.warp(block.timestamp + governor.votingPeriod() + 1);
    }

    function _bitmap(IGovernor.ProposalState s) internal pure returns (bytes32) {
        return bytes32(1 << uint8(s));
    }

    // ---------------------------------------------------------------- token

    function test_token_clockIsTimestamp() public view {
        assertEq(token.CLOCK_MODE(), "mode=timestamp");
        assertEq(token.clock(), block.timestamp);
        assertEq(governor.CLOCK_MODE(), "mode=timestamp");
        assertEq(governor.clock(), block.timestamp);
        assertEq(token.totalSupply(), 1_000_000e18);
        assertEq(token.name(), "Backstop Governance");
        assertEq(token.symbol(), "BSG");
    }

    function test_token_delegationAndCheckpoints() public {
        assertEq(token.getVotes(voter), 200_000e18);
        assertEq(token.delegates(voter), voter);
        assertEq(token.getVotes(deployer), 0);
        assertEq(token.balanceOf(deployer), 0, "the deployer keeps no BSG");
        assertEq(token.getVotes(address(timelock)), 0, "the treasury is undelegated");
        _grantBsg(whale, 300_000e18);
        assertEq(token.getVotes(whale), 0);
        vm.prank(whale);
        token.delegate(minnow);
        assertEq(token.getVotes(minnow), 300_000e18);
        uint256 t = block.timestamp;
        vm.warp(t + 10);
        assertEq(token.getPastVotes(minnow, t - 1), 0);
        assertEq(token.getPastVotes(minnow, t), 300_000e18);
        vm.prank(whale);
        token.transfer(voter, 100_000e18);
        assertEq(token.getVotes(minnow), 200_000e18);
        assertEq(token.getVotes(voter), 300_000e18);
        assertEq(token.getPastTotalSupply(t), 1_000_000e18);
    }

    function test_token_permit() public {
        (address owner, uint256 pk) = makeAddrAndKey("permitOwner");
        _grantBsg(owner, 1_000e18);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, minnow, 500e18, 0, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        token.permit(owner, minnow, 500e18, deadline, v, r, s);
        assertEq(token.allowance(owner, minnow), 500e18);
        assertEq(token.nonces(owner), 1);
        vm.prank(minnow);
        token.transferFrom(owner, minnow, 500e18);
        assertEq(token.balanceOf(minnow), 500e18);
        // replay fails
        vm.expectRevert();
        token.permit(owner, minnow, 500e18, deadline, v, r, s);
    }

    function test_token_delegateBySig() public {
        (address owner, uint256 pk) = makeAddrAndKey("sigDelegator");
        _grantBsg(owner, 1_000e18);
        uint256 expiry = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(keccak256("Delegation(address delegatee,uint256 nonce,uint256 expiry)"), minnow, 0, expiry)
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        token.delegateBySig(minnow, 0, expiry, v, r, s);
        assertEq(token.delegates(owner), minnow);
        assertEq(token.getVotes(minnow), 1_000e18);
        assertEq(token.nonces(owner), 1);
    }

    // ---------------------------------------------------------------- governor settings

    function test_governor_settings() public view {
        assertEq(governor.name(), "Backstop Governor");
        assertEq(governor.votingDelay(), 1 days);
        assertEq(governor.votingPeriod(), 3 days);
        assertEq(governor.proposalThreshold(), 10_000e18);
        assertEq(governor.quorumNumerator(), 4);
        assertEq(governor.quorum(block.timestamp - 1), 40_000e18);
        assertEq(governor.timelock(), address(timelock));
        assertEq(address(governor.token()), address(token));
        assertEq(timelock.getMinDelay(), 5 days);
    }

    // ---------------------------------------------------------------- lifecycle

    function test_proposal_fullLifecycleChangesCooldown() public {
        assertEq(module.cooldown(0), 7 days);
        uint256 id = _propose();
        assertEq(id, governor.hashProposal(targets, values, calldatas, _descriptionHash()));
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Pending));
        assertEq(governor.proposalProposer(id), voter);
        assertEq(governor.proposalSnapshot(id), block.timestamp + 1 days);
        assertEq(governor.proposalDeadline(id), block.timestamp + 4 days);

        _toActive();
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Active));
        vm.prank(voter);
        uint256 weight = governor.castVote(id, 1);
        assertEq(weight, 200_000e18);
        assertTrue(governor.hasVoted(id, voter));
        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(id);
        assertEq(forVotes, 200_000e18);
        assertEq(against + abstain, 0);

        _toEnd();
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded));
        assertTrue(governor.proposalNeedsQueuing(id));
        governor.queue(targets, values, calldatas, _descriptionHash());
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Queued));
        assertEq(governor.proposalEta(id), block.timestamp + TIMELOCK_DELAY);

        vm.warp(block.timestamp + TIMELOCK_DELAY);
        governor.execute(targets, values, calldatas, _descriptionHash());
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed));
        assertEq(module.cooldown(0), 6 days);
    }

    function test_proposal_castVoteWithReason() public {
        _grantBsg(minnow, 50_000e18);
        vm.prank(minnow);
        token.delegate(minnow);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose();
        _toActive();
        vm.expectEmit(true, false, false, true, address(governor));
        emit IGovernor.VoteCast(minnow, id, 0, 50_000e18, "too long");
        vm.prank(minnow);
        governor.castVoteWithReason(id, 0, "too long");
        vm.prank(voter);
        governor.castVoteWithReason(id, 1, "safer");
        (uint256 against, uint256 forVotes,) = governor.proposalVotes(id);
        assertEq(against, 50_000e18);
        assertEq(forVotes, 200_000e18);
        _toEnd();
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded));
    }

    function test_proposal_defeatedByVotesAgainst() public {
        uint256 id = _propose();
        _toActive();
        vm.prank(voter);
        governor.castVote(id, 0);
        _toEnd();
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Defeated));
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Defeated,
                _bitmap(IGovernor.ProposalState.Succeeded)
            )
        );
        governor.queue(targets, values, calldatas, _descriptionHash());
    }

    function test_proposal_defeatedWithoutQuorum() public {
        _grantBsg(minnow, 30_000e18); // below the 4% quorum of 40k
        vm.prank(minnow);
        token.delegate(minnow);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose();
        _toActive();
        vm.prank(minnow);
        governor.castVote(id, 1);
        _toEnd();
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Defeated));
    }

    function test_proposal_canceledByProposerWhilePending() public {
        uint256 id = _propose();
        vm.prank(voter);
        governor.cancel(targets, values, calldatas, _descriptionHash());
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Canceled));
        _toActive();
        vm.prank(voter);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Canceled,
                _bitmap(IGovernor.ProposalState.Active)
            )
        );
        governor.castVote(id, 1);
    }

    function test_proposal_belowThresholdReverts() public {
        _grantBsg(minnow, 9_999e18);
        vm.prank(minnow);
        token.delegate(minnow);
        vm.warp(block.timestamp + 1);
        vm.prank(minnow);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, minnow, 9_999e18, 10_000e18)
        );
        governor.propose(targets, values, calldatas, DESCRIPTION);
        // the deployer holds nothing after the deploy: no votes, cannot propose
        vm.prank(deployer);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, deployer, 0, 10_000e18)
        );
        governor.propose(targets, values, calldatas, DESCRIPTION);
    }

    function test_proposal_votingTwiceReverts() public {
        uint256 id = _propose();
        _toActive();
        vm.prank(voter);
        governor.castVote(id, 1);
        vm.prank(voter);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, voter));
        governor.castVote(id, 0);
        vm.prank(voter);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, voter));
        governor.castVoteWithReason(id, 1, "again");
    }

    function test_proposal_votingWhilePendingReverts() public {
        uint256 id = _propose();
        vm.prank(voter);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Pending,
                _bitmap(IGovernor.ProposalState.Active)
            )
        );
        governor.castVote(id, 1);
    }

    function test_proposal_executingEarlyReverts() public {
        uint256 id = _propose();
        _toActive();
        vm.prank(voter);
        governor.castVote(id, 1);
        _toEnd();
        // not queued: the timelock has no ready operation
        bytes32 salt = bytes20(address(governor)) ^ _descriptionHash();
        bytes32 opId = timelock.hashOperationBatch(targets, values, calldatas, 0, salt);
        bytes32 readyBit = bytes32(uint256(1) << uint8(TimelockController.OperationState.Ready));
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, opId, readyBit)
        );
        governor.execute(targets, values, calldatas, _descriptionHash());

        governor.queue(targets, values, calldatas, _descriptionHash());
        vm.warp(block.timestamp + TIMELOCK_DELAY - 1);
        assertFalse(timelock.isOperationReady(opId));
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, opId, readyBit)
        );
        governor.execute(targets, values, calldatas, _descriptionHash());
        assertEq(module.cooldown(0), 7 days);
        vm.warp(block.timestamp + 1);
        governor.execute(targets, values, calldatas, _descriptionHash());
        assertEq(module.cooldown(0), 6 days);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed));
    }

    function test_proposal_executingDuringVoteReverts() public {
        uint256 id = _propose();
        _toActive();
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Active,
                _bitmap(IGovernor.ProposalState.Succeeded) | _bitmap(IGovernor.ProposalState.Queued)
            )
        );
        governor.execute(targets, values, calldatas, _descriptionHash());
    }

    function test_proposal_canChangeClearinghouseParameter() public {
        delete calldatas;
        targets[0] = address(clearinghouse);
        calldatas.push(abi.encodeCall(Clearinghouse.setMaxPriceAge, (1 hours)));
        uint256 id = _propose();
        _toActive();
        vm.prank(voter);
        governor.castVote(id, 1);
        _toEnd();
        governor.queue(targets, values, calldatas, _descriptionHash());
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        governor.execute(targets, values, calldatas, _descriptionHash());
        assertEq(clearinghouse.maxPriceAge(), 1 hours);
    }

    // ---------------------------------------------------------------- timelock roles

    function test_timelock_adminRenounced() public view {
        bytes32 admin = timelock.DEFAULT_ADMIN_ROLE();
        assertFalse(timelock.hasRole(admin, deployer));
        assertFalse(timelock.hasRole(timelock.PROPOSER_ROLE(), deployer));
        assertFalse(timelock.hasRole(timelock.CANCELLER_ROLE(), deployer));
        assertFalse(timelock.hasRole(timelock.EXECUTOR_ROLE(), deployer));
        assertTrue(timelock.hasRole(admin, address(timelock)), "timelock administers itself");
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)), "anyone executes");
        assertEq(module.owner(), address(timelock));
        assertEq(clearinghouse.owner(), address(timelock));
    }

    function test_timelock_deployerCannotSchedule() public {
        bytes32 proposer = timelock.PROPOSER_ROLE();
        vm.prank(deployer);
        vm.expectRevert(
            abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", deployer, proposer)
        );
        timelock.schedule(address(module), 0, calldatas[0], 0, 0, TIMELOCK_DELAY);
        bytes32 admin = timelock.DEFAULT_ADMIN_ROLE();
        vm.prank(deployer);
        vm.expectRevert(abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", deployer, admin));
        timelock.grantRole(proposer, deployer);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {MarketChanges} from "../utils/MarketChanges.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Issue #18 item 1 (market part): a passed `addMarket` with an oracle the proposer controls, or
/// `setMarketParams` at its bounds, moved 99.5% of a 14M backstop to the proposer in one block. Both are now
/// announced and wait out the longest cooldown + unstake window + 1 day.
contract MarketChangeDelayTest is MarketChanges {
    address internal proposer = voter; // 20% of the votes, against a 4% quorum
    address internal depositor = makeAddr("depositor");
    MockAggregator internal evilFeed;

    function setUp() public override {
        super.setUp();
        _deposit(makeAddr("junior"), 0, 2_000_000e6);
        _deposit(makeAddr("mezzanine"), 1, 4_000_000e6);
        _deposit(depositor, 2, 8_000_000e6);
        evilFeed = new MockAggregator(8, "EVIL / USD", proposer, 1e8);
    }

    /// @dev Runs a one-action proposal through the governor and timelock; returns when it has executed.
    function _passAndExecute(address target, bytes memory data, string memory description) internal {
        address[] memory targets = new address[](1);
        targets[0] = target;
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = data;
        vm.warp(block.timestamp + 1);
        vm.prank(proposer);
        uint256 id = governor.propose(targets, values, calldatas, description);
        vm.warp(block.timestamp + governor.votingDelay() + 1);
        vm.prank(proposer);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + governor.votingPeriod());
        governor.queue(targets, values, calldatas, keccak256(bytes(description)));
        vm.warp(block.timestamp + timelock.getMinDelay());
        governor.execute(targets, values, calldatas, keccak256(bytes(description)));
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed));
    }

    function test_marketChangeDelay_isLongestExitPlusADay() public {
        assertEq(clearinghouse.marketChangeDelay(), 7 days + 2 days + 1 days);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (1, 7 days + 12 hours)));
        assertEq(clearinghouse.marketChangeDelay(), 7 days + 12 hours + 2 days + 1 days);
    }

    /// @dev The malicious market passes governance, but what executes is an announcement: a depositor who asks to
    /// leave then is out with everything before the market exists; the guardian can veto it meanwhile.
    function test_maliciousAddMarket_isAnnouncedAndDepositorsLeaveFirst() public {
        IClearinghouse.MarketParams memory loose = _marketParams(0.005e18, 0.005e18, 0, type(uint128).max);
        loose.liquidationFeeRate = 0;
        bytes memory call = abi.encodeCall(
            Clearinghouse.addMarket, ("EVIL", AggregatorV3Interface(address(evilFeed)), loose, 7 days)
        );
        vm.recordLogs();
        _passAndExecute(address(clearinghouse), call, "List EVIL");
        Announced memory a = _announcementIn(vm.getRecordedLogs());
        assertEq(clearinghouse.marketCount(), 3, "executed proposal only announced the market");
        uint256 announcedAt = block.timestamp;
        assertEq(a.readyAt, announcedAt + 10 days);

        // The depositor sees the announcement and asks to leave at once.
        uint256 shares = tranches[2].balanceOf(depositor);
        vm.prank(depositor);
        tranches[2].cooldownShares(shares);

        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.MarketChangeNotReady.selector, a.id, a.readyAt));
        clearinghouse.executeMarketChange(a.nonce, a.action);

        vm.warp(announcedAt + 7 days);
        vm.prank(depositor);
        uint256 out = tranches[2].redeem(shares, depositor, depositor);
        assertEq(out, 8_000_000e6, "left with everything before the market could exist");
        assertLt(block.timestamp, a.readyAt);

        // Meanwhile the guardian vetoes it.
        vm.expectEmit(true, true, false, false, address(clearinghouse));
        emit EventsLib.MarketChangeCancelled(a.id, guardian);
        vm.prank(guardian);
        clearinghouse.cancelMarketChange(a.id);
        vm.warp(a.readyAt);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarketChange.selector, a.id));
        clearinghouse.executeMarketChange(a.nonce, a.action);
        assertEq(clearinghouse.marketCount(), 3);
    }

    /// @dev `setMarketParams` at its loosest bounds is staged too; a tightening applies at once.
    function test_looseningParams_isStaged_tighteningIsImmediate() public {
        IClearinghouse.MarketParams memory loose = _marketParams(0.005e18, 0.005e18, 0, type(uint128).max);
        loose.liquidationFeeRate = 0;
        Announced memory a = _announce(abi.encodeCall(Clearinghouse.setMarketParams, (ETH, loose)));
        (,, IClearinghouse.MarketParams memory now_,,) = clearinghouse.market(ETH);
        assertEq(now_.maintenanceMarginRate, 0.05e18, "unchanged until the delay has passed");
        _executeAfterDelay(a);
        (,, now_,,) = clearinghouse.market(ETH);
        assertEq(now_.maintenanceMarginRate, 0.005e18);

        IClearinghouse.MarketParams memory tight = _marketParams(0.2e18, 0.1e18, 0.2e18, 1_000_000e6);
        vm.recordLogs();
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMarketParams, (BTC, tight)));
        assertEq(vm.getRecordedLogs().length, 1, "MarketParametersSet only, no announcement");
        (,, now_,,) = clearinghouse.market(BTC);
        assertEq(now_.maintenanceMarginRate, 0.1e18);
    }

    function test_setMarketOracle_isStaged() public {
        Announced memory a = _announce(
            abi.encodeCall(Clearinghouse.setMarketOracle, (ETH, AggregatorV3Interface(address(evilFeed)), 1 hours))
        );
        (, address oracle,,,) = clearinghouse.market(ETH);
        assertEq(oracle, address(oracles[ETH]));
        vm.warp(a.readyAt);
        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.MarketOracleSet(ETH, address(evilFeed), 1 hours);
        clearinghouse.executeMarketChange(a.nonce, a.action);
        (, oracle,,,) = clearinghouse.market(ETH);
        assertEq(oracle, address(evilFeed));
        assertEq(clearinghouse.priceMaxAge(ETH), 1 hours);
    }

    /// @dev A cooldown lengthened after the announcement lengthens the wait: a depositor who asks to leave under
    /// the new cooldown is still out first.
    function test_execute_rechecksDelayAgainstCooldownRaisedSince() public {
        Announced memory a = _announce(
            abi.encodeCall(Clearinghouse.addMarket, ("X", AggregatorV3Interface(address(evilFeed)), _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6), 1 days))
        );
        uint256 announcedAt = block.timestamp;
        // Raised as far as the governance path allows (it must outlast the longest cooldown by more than a day).
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (2, 7 days + 12 hours)));
        vm.warp(a.readyAt);
        uint256 readyAt = announcedAt + 7 days + 12 hours + 2 days + 1 days;
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.MarketChangeNotReady.selector, a.id, readyAt));
        clearinghouse.executeMarketChange(a.nonce, a.action);
        vm.warp(readyAt);
        clearinghouse.executeMarketChange(a.nonce, a.action);
        assertEq(clearinghouse.marketCount(), 4);
    }

    function test_executeMarketChange_onceAndOnlyAsAnnounced() public {
        Announced memory a = _announce(
            abi.encodeCall(Clearinghouse.setMarketOracle, (ETH, AggregatorV3Interface(address(evilFeed)), 1 hours))
        );
        vm.warp(a.readyAt);
        bytes memory forged = abi.encode(uint8(1), abi.encode(BTC, address(evilFeed), uint256(1 hours)));
        bytes32 forgedId = keccak256(abi.encode(a.nonce, forged));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarketChange.selector, forgedId));
        clearinghouse.executeMarketChange(a.nonce, forged);
        clearinghouse.executeMarketChange(a.nonce, a.action);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarketChange.selector, a.id));
        clearinghouse.executeMarketChange(a.nonce, a.action);
    }

    function test_cancelMarketChange_onlyOwnerOrGuardian() public {
        Announced memory a = _announce(abi.encodeCall(Clearinghouse.setSequencerUptimeFeed, (AggregatorV3Interface(address(evilFeed)), 1 hours)));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotGuardianOrOwner.selector, address(this)));
        clearinghouse.cancelMarketChange(a.id);
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.cancelMarketChange, (a.id)));
        (, uint64 readyAt) = clearinghouse.pendingMarketChanges(a.id);
        assertEq(readyAt, 0);
    }

    /// @dev Before ownership leaves the deployer, markets are added at once (the deployment's initial markets).
    function test_beforeLaunch_changesApplyAtOnce_andLaunchEndsIt() public {
        Clearinghouse fresh = new Clearinghouse(usd, module, address(this));
        assertFalse(fresh.launched());
        fresh.addMarket("ETH", AggregatorV3Interface(address(oracles[ETH])), _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6), 1 days);
        fresh.setSequencerUptimeFeed(AggregatorV3Interface(address(evilFeed)), 1 hours);
        assertEq(fresh.marketCount(), 1);
        assertEq(address(fresh.sequencerUptimeFeed()), address(evilFeed));
        fresh.transferOwnership(address(timelock));
        assertTrue(fresh.launched());
        assertTrue(clearinghouse.launched(), "the fixture's clearinghouse is launched");
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        fresh.addMarket("BTC", AggregatorV3Interface(address(oracles[BTC])), _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6), 1 days);
    }
}

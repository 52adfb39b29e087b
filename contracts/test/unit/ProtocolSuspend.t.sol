// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {BackstopLens} from "../../src/BackstopLens.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";
import {BrokenClearinghouse} from "../utils/BrokenClearinghouse.sol";
import {TwoProtocolsFixture} from "../utils/TwoProtocolsFixture.sol";

/// @notice Suspension from an attacker's side: a compromised clearinghouse stops draining the shared tranches the
/// moment the guardian suspends it, a clearinghouse whose views revert or burn gas stops blocking every other
/// protocol's opens, and the guardian can stop things but never restart them or move anything else.
contract ProtocolSuspendTest is TwoProtocolsFixture {
    uint256 internal constant P2 = 2;
    /// @dev What an RPC node gives an eth_call or a transaction at most (the tests' own limit is far higher).
    uint256 internal constant CALL_GAS = 30_000_000;

    address internal rogue = makeAddr("rogue");
    BrokenClearinghouse internal broken;

    function setUp() public override {
        super.setUp();
        broken = new BrokenClearinghouse(address(oracles[ETH]));
        broken.setNotional(40_000e6);
        _gov(abi.encodeCall(BackstopModule.addProtocol, (address(broken), "Broken", type(uint256).max, 1e18)));
        _gov(abi.encodeCall(BackstopModule.setProtocolStressLossRate, (P2, 0, 0.1e18))); // 4k of exposure
        _deposit(makeAddr("j"), 0, 100_000e6);
        _deposit(makeAddr("m"), 1, 200_000e6);
        _deposit(makeAddr("s"), 2, 400_000e6);
    }

    // ---------------------------------------------------------------- a compromised clearinghouse

    function test_suspendedClearinghouse_cannotDraw_tranchesLoseNothing() public {
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.ProtocolSuspended(P1, guardian);
        vm.prank(guardian);
        module.suspendProtocol(P1);

        uint256[3] memory before = _trancheAssets();
        vm.prank(address(clearinghouse2));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ProtocolIsSuspended.selector, P1));
        module.cover(ETH2, 700_000e6);
        uint256[3] memory afterCover = _trancheAssets();
        for (uint256 i; i < 3; ++i) {
            assertEq(afterCover[i], before[i], "no tranche paid");
        }
        assertEq(module.lossCount(), 0);
        assertEq(module.totalDeficit(), 0);
        assertEq(usd.balanceOf(address(clearinghouse2)), 0, "the compromised clearinghouse received nothing");
        // the other protocols still draw on the waterfall
        (, uint256 covered) = _coverFrom(clearinghouse, ETH, 10_000e6);
        assertEq(covered, 10_000e6);
    }

    function testFuzz_suspendedClearinghouse_cannotDrawAnyShortfall(uint256 marketId, uint256 shortfall) public {
        shortfall = bound(shortfall, 1, type(uint128).max);
        vm.prank(guardian);
        module.suspendProtocol(P1);
        uint256 capital = module.totalCapital();
        vm.prank(address(clearinghouse2));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ProtocolIsSuspended.selector, P1));
        module.cover(marketId, shortfall);
        assertEq(module.totalCapital(), capital);
    }

    /// @dev Its bad-debt liquidations wait (they would draw); its traders' own closes do not.
    function test_suspendedClearinghouse_refusesOpens_closesStillWork() public {
        address trader = makeAddr("t");
        _open2(trader, ETH2, true, 10e18, clearinghouse2.initialMargin(ETH2, 30_000e6));
        vm.prank(guardian);
        module.suspendProtocol(P1);
        (, bool active,,) = module.protocolRisk(address(clearinghouse2));
        assertFalse(active, "reported as not covered");

        _expectOpenRefused2();

        _fundHouse2(100_000e6);
        vm.prank(trader);
        clearinghouse2.closePosition(ETH2);
        assertEq(clearinghouse2.positionOf(trader, ETH2).size, 0, "the trader left");
    }

    // ---------------------------------------------------------------- who may do what

    function test_suspend_guardianOrGovernanceOnly() public {
        vm.prank(rogue);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotGuardianOrOwner.selector, rogue));
        module.suspendProtocol(P1);
        vm.prank(address(clearinghouse2));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotGuardianOrOwner.selector, address(clearinghouse2)));
        module.suspendProtocol(P0);
        assertFalse(module.protocolSuspended(P1));

        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.ProtocolSuspended(P1, address(timelock));
        _gov(abi.encodeCall(BackstopModule.suspendProtocol, (P1)));
        assertTrue(module.protocolSuspended(P1));
        assertTrue(module.protocol(P1).suspended);
        assertTrue(module.protocol(P1).active, "suspended is not removed");
    }

    function test_guardian_cannotResume() public {
        vm.prank(guardian);
        module.suspendProtocol(P1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        module.resumeProtocol(P1);
        vm.prank(rogue);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, rogue));
        module.resumeProtocol(P1);
        vm.prank(address(clearinghouse2));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(clearinghouse2)));
        module.resumeProtocol(P1);
        assertTrue(module.protocolSuspended(P1));
    }

    function test_guardian_cannotTouchTheRegistry() public {
        _expectRegistryRefused(guardian);
    }

    function test_suspendAndResume_refusals() public {
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownProtocol.selector, 9));
        module.suspendProtocol(9);
        _expectGovRevert(
            abi.encodeCall(BackstopModule.resumeProtocol, (P1)),
            abi.encodeWithSelector(ErrorsLib.ProtocolNotSuspended.selector, P1)
        );
        vm.prank(guardian);
        module.suspendProtocol(P1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ProtocolIsSuspended.selector, P1));
        module.suspendProtocol(P1);

        // removed while suspended: it stays out for good
        _gov(abi.encodeCall(BackstopModule.removeProtocol, (P1)));
        _expectGovRevert(
            abi.encodeCall(BackstopModule.resumeProtocol, (P1)),
            abi.encodeWithSelector(ErrorsLib.ProtocolNotActive.selector, P1)
        );
        assertFalse(module.protocol(P1).active);
        // a removed protocol cannot be suspended either
        _gov(abi.encodeCall(BackstopModule.removeProtocol, (P2)));
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ProtocolNotActive.selector, P2));
        module.suspendProtocol(P2);
    }

    // ---------------------------------------------------------------- required capital

    function test_suspend_requiredCapitalDropsByItsExposure_resumeRestoresIt() public {
        _open(makeAddr("a"), ETH, true, 100e18, clearinghouse.initialMargin(ETH, 300_000e6)); // 36k
        _open2(makeAddr("b"), ETH2, false, 10e18, clearinghouse2.initialMargin(ETH2, 30_000e6)); // 4.5k
        _open2(makeAddr("c"), SOL2, true, 100e18, clearinghouse2.initialMargin(SOL2, 15_000e6)); // 3.75k
        uint256 required = module.requiredCapital();
        uint256 exposure = module.protocolExposure(P1);
        assertEq(exposure, 8_250e6);
        assertEq(required, 36_000e6 + 8_250e6 + 4_000e6);

        vm.prank(guardian);
        module.suspendProtocol(P1);
        assertEq(module.requiredCapital(), required - exposure);
        assertEq(module.protocolExposure(P1), exposure, "still shown, no longer required");
        (uint256 ratio,,,) = module.protocolRisk(address(clearinghouse));
        assertEq(ratio, module.solvencyRatio());

        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.ProtocolResumed(P1);
        _gov(abi.encodeCall(BackstopModule.resumeProtocol, (P1)));
        assertEq(module.requiredCapital(), required);
        assertFalse(module.protocolSuspended(P1));
        (, bool active,,) = module.protocolRisk(address(clearinghouse2));
        assertTrue(active);
        // it may draw and open again
        (, uint256 covered) = _coverFrom(clearinghouse2, ETH2, 1_000e6);
        assertEq(covered, 1_000e6);
        _open2(makeAddr("d"), SOL2, true, 1e18, clearinghouse2.initialMargin(SOL2, 150e6));
    }

    /// @dev Suspension is not removal: its positions will be covered again, so its premium share keeps coming.
    function test_suspended_stillPaysItsPremiumShare() public {
        vm.prank(guardian);
        module.suspendProtocol(P1);
        uint256 gross = 1_000e6;
        _mintUsd(address(clearinghouse2), gross);
        vm.startPrank(address(clearinghouse2));
        usd.approve(address(module), gross);
        assertEq(module.payProtocolPremium(gross), 400e6);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- a clearinghouse whose views fail

    function test_revertingClearinghouse_blocksOtherOpens_untilSuspended() public {
        _open(makeAddr("a"), ETH, true, 10e18, clearinghouse.initialMargin(ETH, 30_000e6));
        broken.setMode(BrokenClearinghouse.Mode.Reverts);
        vm.expectRevert("broken views");
        module.requiredCapital();
        uint256 margin = clearinghouse.initialMargin(ETH, 3_000e6);
        _mintUsd(makeAddr("b"), 2 * margin);
        vm.startPrank(makeAddr("b"));
        usd.approve(address(clearinghouse), 2 * margin);
        vm.expectRevert("broken views");
        clearinghouse.openPosition(ETH, true, 1e18, margin);
        vm.stopPrank();

        vm.prank(guardian);
        module.suspendProtocol(P2);
        assertEq(module.requiredCapital(), module.protocolExposure(P0), "only protocol 0 has open interest");
        vm.prank(makeAddr("b"));
        clearinghouse.openPosition(ETH, true, 1e18, margin);
        _open2(makeAddr("c"), ETH2, true, 1e18, clearinghouse2.initialMargin(ETH2, 3_000e6));
        assertEq(clearinghouse.positionOf(makeAddr("b"), ETH).size, 1e18);
    }

    function test_gasBurningClearinghouse_blocksOtherOpens_untilSuspended() public {
        broken.setMode(BrokenClearinghouse.Mode.BurnsGas);
        uint256 margin = clearinghouse2.initialMargin(ETH2, 3_000e6);
        _mintUsd(makeAddr("b"), 2 * margin);
        vm.startPrank(makeAddr("b"));
        usd.approve(address(clearinghouse2), 2 * margin);
        vm.expectRevert();
        clearinghouse2.openPosition{gas: CALL_GAS}(ETH2, true, 1e18, margin);
        vm.stopPrank();

        vm.prank(guardian);
        module.suspendProtocol(P2);
        vm.prank(makeAddr("b"));
        clearinghouse2.openPosition{gas: CALL_GAS}(ETH2, true, 1e18, margin);
        assertEq(clearinghouse2.positionOf(makeAddr("b"), ETH2).size, 1e18);
        assertEq(module.requiredCapital{gas: CALL_GAS}(), 450e6); // 3k × 15 %
    }

    // ---------------------------------------------------------------- lens

    function test_lens_readsABrokenProtocolAsUnreadable() public {
        _open2(makeAddr("c"), SOL2, true, 100e18, clearinghouse2.initialMargin(SOL2, 15_000e6)); // 3.75k
        BackstopLens.Dashboard memory d = lens.getDashboard{gas: CALL_GAS}(address(0));
        assertTrue(d.protocols[P2].readable);
        assertEq(d.protocols[P2].exposure, 4_000e6);
        assertEq(d.protocols[P2].markets.length, 1);
        assertEq(d.module.requiredCapital, 7_750e6);

        broken.setMode(BrokenClearinghouse.Mode.Reverts);
        d = lens.getDashboard{gas: CALL_GAS}(address(0));
        _assertUnreadable(d, false);
        // what the readable protocols need: a lower bound, which the unreadable flag says
        assertEq(d.module.requiredCapital, 3_750e6);
        assertEq(d.module.solvencyRatio, module.totalCapital() * 1e18 / 3_750e6);

        vm.prank(guardian);
        module.suspendProtocol(P2);
        d = lens.getDashboard{gas: CALL_GAS}(address(0));
        _assertUnreadable(d, true);
        assertEq(d.module.requiredCapital, module.requiredCapital());
        assertEq(d.module.solvencyRatio, module.solvencyRatio());
        assertFalse(d.protocols[P1].suspended);
    }

    function test_lens_survivesAGasBurningProtocol() public {
        broken.setMode(BrokenClearinghouse.Mode.BurnsGas);
        BackstopLens.Dashboard memory d = lens.getDashboard{gas: CALL_GAS}(address(0));
        _assertUnreadable(d, false);
        assertEq(d.module.requiredCapital, 0);
        vm.prank(guardian);
        module.suspendProtocol(P2);
        d = lens.getDashboard{gas: CALL_GAS}(address(0));
        _assertUnreadable(d, true);
        assertEq(d.module.solvencyRatio, type(uint256).max);
    }

    // ---------------------------------------------------------------- helpers

    function _assertUnreadable(BackstopLens.Dashboard memory d, bool suspended) internal pure {
        assertEq(d.protocols.length, 3);
        assertFalse(d.protocols[P2].readable, "marked unreadable");
        assertEq(d.protocols[P2].suspended, suspended);
        assertTrue(d.protocols[P2].active);
        assertEq(d.protocols[P2].exposure, 0);
        assertEq(d.protocols[P2].markets.length, 0);
        assertEq(d.protocols[P2].name, "Broken", "what the module holds is still shown");
        assertTrue(d.protocols[P0].readable && d.protocols[P1].readable, "the others are read");
        assertEq(d.protocols[P1].markets.length, 2);
    }

    function _trancheAssets() internal view returns (uint256[3] memory a) {
        for (uint8 i; i < 3; ++i) {
            a[i] = tranches[i].totalAssets();
        }
    }
}

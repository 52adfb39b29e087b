// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";
import {PremiumCurveLib} from "../../src/libraries/PremiumCurveLib.sol";

/// @notice The premium follows utilisation on a real backstop: 100,000 USD of Junior capital, ETH at 3,000 with a
/// 12 % stress loss rate, so every 10 ETH of open interest (30,000 USD) requires 3,600 USD: u = 0.036.
contract ClearinghousePremiumTest is BackstopFixture {
    address internal small = makeAddr("small");
    address internal whale = makeAddr("whale");
    address internal stranger = makeAddr("stranger");

    function setUp() public override {
        super.setUp();
        _deposit(makeAddr("lp"), 0, 100_000e6);
        _fundHouse(1_000_000e6);
    }

    /// @dev What the trader paid: the module's premium total moves by exactly the fee.
    function _feeOf(function() internal action) internal returns (uint256) {
        uint256 before = module.totalPremiums();
        action();
        return module.totalPremiums() - before;
    }

    function _openSmall() internal {
        _open(small, ETH, true, 10e18, 3_000e6);
    }

    /// @dev 250 ETH: 750,000 USD notional, 90,000 required with the small one's 3,600 → u = 0.936.
    function _openWhale() internal {
        _open(whale, ETH, false, 250e18, 80_000e6);
    }

    function _closeSmall() internal {
        vm.prank(small);
        clearinghouse.closePosition(ETH);
    }

    function test_open_paysTheRateAtTheUtilisationItCreates() public {
        // 30,000 × 0.05 % × (1 + 0.036 / 0.8) = 15.675
        assertApproxEqAbs(_feeOf(_openSmall), 15_675_000, 1);
        (uint256 u, uint256 at) = clearinghouse.utilisation();
        assertApproxEqAbs(u, 0.036e18, 1);
        assertEq(at, block.timestamp);
    }

    function test_open_aboveTheKinkPaysTheSteepPart() public {
        _openSmall();
        // u = 93,600 / 100,000 = 0.936 → 1 + 1 + 4 × 0.136 / 0.2 = 4.72; 750,000 × 0.05 % × 4.72 = 1,770
        assertApproxEqAbs(_feeOf(_openWhale), 1_770e6, 1);
    }

    function test_close_paysTheRateLastMeasured() public {
        _openSmall();
        _openWhale(); // u is now 0.936: the small trader's close pays 4.72 × the base rate
        assertApproxEqAbs(_feeOf(_closeSmall), 70_800_000, 1); // 30,000 × 0.05 % × 4.72
        assertApproxEqAbs(clearinghouse.premiumRate(ETH), 0.00236e18, 1);
    }

    function test_refreshUtilisation_recordsTheDropAfterACloseAndEmits() public {
        _openSmall();
        _openWhale();
        vm.prank(whale);
        clearinghouse.closePosition(ETH);
        vm.warp(block.timestamp + 1 hours);
        vm.expectEmit(false, false, false, false, address(clearinghouse));
        emit EventsLib.UtilisationMeasured(0, 0);
        vm.prank(stranger);
        uint256 u = clearinghouse.refreshUtilisation();
        // A little below 0.036: an hour of the whale's premiums has vested into Junior's capital.
        assertApproxEqRel(u, 0.036e18, 0.001e18);
        assertLt(u, 0.036e18);
        (uint256 stored, uint256 at) = clearinghouse.utilisation();
        assertEq(stored, u);
        assertEq(at, block.timestamp);
        assertApproxEqRel(_feeOf(_closeSmall), 15_675_000, 0.0001e18);
    }

    function test_refreshUtilisation_needsFreshPrices() public {
        _openSmall();
        vm.warp(block.timestamp + 2 days); // the ETH feed's max age is one day
        vm.expectRevert();
        clearinghouse.refreshUtilisation();
    }

    function test_premiumMultiplierAt_followsTheCurveInForce() public view {
        assertEq(clearinghouse.premiumMultiplierAt(0), 1e18);
        assertEq(clearinghouse.premiumMultiplierAt(0.8e18), 2e18);
        assertEq(clearinghouse.premiumMultiplierAt(1e18), 6e18);
    }

    function test_volatility_scalesTheRate() public {
        vm.prank(address(timelock));
        clearinghouse.setPremiumVolatility(1.2e18);
        // twice the reference volatility: twice 15.675
        assertApproxEqAbs(_feeOf(_openSmall), 31_350_000, 2);
    }

    // ---------------------------------------------------------------- governance

    function test_setPremiumCurve_ownerOnlyAndEmits() public {
        PremiumCurveLib.Curve memory c = PremiumCurveLib.Curve(0.5e18, 2e18, 10e18, 0.8e18);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        clearinghouse.setPremiumCurve(c);
        vm.prank(address(steward));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(steward)));
        clearinghouse.setPremiumCurve(c);

        vm.expectEmit(false, false, false, true, address(clearinghouse));
        emit EventsLib.PremiumCurveSet(0.5e18, 2e18, 10e18, 0.8e18);
        vm.prank(address(timelock));
        clearinghouse.setPremiumCurve(c);
        PremiumCurveLib.Curve memory got = clearinghouse.premiumCurve();
        assertEq(got.kink, 0.5e18);
        assertEq(got.slope1, 2e18);
        assertEq(got.slope2, 10e18);
        assertEq(got.referenceVolatility, 0.8e18);
    }

    function _expectCurveBounds(PremiumCurveLib.Curve memory c, string memory name, uint256 v, uint256 lo, uint256 hi)
        internal
    {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, name, v, lo, hi));
        clearinghouse.setPremiumCurve(c);
    }

    function test_setPremiumCurve_boundsEveryParameter() public {
        _expectCurveBounds(PremiumCurveLib.Curve(0.05e18 - 1, 1e18, 4e18, 0.6e18), "kink", 0.05e18 - 1, 0.05e18, 0.95e18);
        _expectCurveBounds(PremiumCurveLib.Curve(0.95e18 + 1, 1e18, 4e18, 0.6e18), "kink", 0.95e18 + 1, 0.05e18, 0.95e18);
        _expectCurveBounds(PremiumCurveLib.Curve(0.8e18, 10e18 + 1, 4e18, 0.6e18), "slope1", 10e18 + 1, 0, 10e18);
        _expectCurveBounds(PremiumCurveLib.Curve(0.8e18, 1e18, 18e18 + 1, 0.6e18), "slope2", 18e18 + 1, 0, 18e18);
        _expectCurveBounds(
            PremiumCurveLib.Curve(0.8e18, 1e18, 4e18, 0.05e18 - 1), "referenceVolatility", 0.05e18 - 1, 0.05e18, 5e18
        );
        _expectCurveBounds(
            PremiumCurveLib.Curve(0.8e18, 1e18, 4e18, 5e18 + 1), "referenceVolatility", 5e18 + 1, 0.05e18, 5e18
        );
    }

    function test_setPremiumVolatility_governanceOrStewardOnly() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotOwnerOrRiskSteward.selector, stranger));
        clearinghouse.setPremiumVolatility(0.7e18);
        vm.prank(riskKeeper); // the keeper acts through the steward, never directly
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotOwnerOrRiskSteward.selector, riskKeeper));
        clearinghouse.setPremiumVolatility(0.7e18);

        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.PremiumVolatilitySet(address(timelock), 0.6e18, 0.05e18);
        vm.prank(address(timelock));
        clearinghouse.setPremiumVolatility(0.05e18);
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "premiumVolatility", 5e18 + 1, 0.05e18, 5e18)
        );
        clearinghouse.setPremiumVolatility(5e18 + 1);
    }

    function test_setRiskSteward_ownerOnly_andRevocationLocksTheStewardOut() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        clearinghouse.setRiskSteward(stranger);

        vm.expectEmit(false, false, false, true, address(clearinghouse));
        emit EventsLib.RiskStewardSet(address(steward), address(0));
        vm.prank(address(timelock));
        clearinghouse.setRiskSteward(address(0));
        vm.prank(address(steward));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotOwnerOrRiskSteward.selector, address(steward)));
        clearinghouse.setPremiumVolatility(0.65e18);
    }

    // ---------------------------------------------------------------- attacks

    /// @notice Splitting an order into pieces pays each piece at the utilisation it reaches, so it never pays less
    /// than the whole notional at the utilisation before it.
    function testFuzz_splitOrder_neverPaysLessThanTheRateBefore(uint8 pieces) public {
        pieces = uint8(bound(pieces, 1, 20));
        _openSmall();
        (uint256 uBefore,) = clearinghouse.utilisation();
        uint256 floorFee = 750_000e6 * PremiumCurveLib.rate(0.0005e18, clearinghouse.premiumMultiplierAt(uBefore)) / 1e18;
        uint256 paid;
        uint256 size = 250e18 / pieces;
        for (uint256 i; i < pieces; ++i) {
            address piece = makeAddr(string(abi.encode("piece", i)));
            uint256 before = module.totalPremiums();
            _open(piece, ETH, false, size, size * 3_000 / 1e12 / 9); // 11 % margin
            paid += module.totalPremiums() - before;
        }
        uint256 notional = size * pieces * 3_000 / 1e12;
        assertGe(paid * 750_000e6, floorFee * notional, "the split paid less than the rate before it");
    }

    /// @notice Lowering utilisation just before a close (a deposit, then a refresh) locks the deposit behind the
    /// cooldown: it cannot leave in the same transaction, nor before the cooldown ends, and it bears losses meanwhile.
    function test_depositToCheapenAClose_leavesTheCapitalLockedBehindTheCooldown() public {
        _openSmall();
        _openWhale();
        uint256 shares = _deposit(small, 0, 1_000_000e6);
        clearinghouse.refreshUtilisation();
        uint256 cheapFee = _feeOf(_closeSmall);
        assertLt(cheapFee, 70_800_000, "the refresh lowered the close's rate");
        TrancheVault junior = tranches[0];
        vm.prank(small);
        vm.expectRevert();
        junior.redeem(shares, small, small);
    }

    /// @notice The utilisation a close pays at is the chain's own measurement: nobody can write it but an open or a
    /// refresh, and both measure.
    function test_noCallerCanWriteUtilisation() public {
        _openSmall();
        _openWhale();
        (uint256 u,) = clearinghouse.utilisation();
        vm.prank(stranger);
        clearinghouse.refreshUtilisation();
        (uint256 again,) = clearinghouse.utilisation();
        assertEq(again, u, "a refresh with nothing changed moved utilisation");
    }

    function test_utilisationEvent_onlyWhenItMoves() public {
        _openSmall();
        vm.recordLogs();
        clearinghouse.refreshUtilisation();
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            assertTrue(logs[i].topics[0] != EventsLib.UtilisationMeasured.selector, "emitted with no change");
        }
    }
}

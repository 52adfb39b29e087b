// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Exits pay the lower of the shares' value at request and at exit (issue #18 item 5): what a rolling
/// request earns while it waits for its window stays with the holders who did not ask to leave.
contract TrancheVaultExitTest is BackstopFixture {
    TrancheVault internal junior;
    address internal roller = makeAddr("roller");
    address internal stayer = makeAddr("stayer");
    address internal carol = makeAddr("carol");

    function setUp() public override {
        super.setUp();
        junior = tranches[0];
    }

    /// @notice The issue's scenario: a holder keeps re-requesting so that a window is always near, then leaves right
    /// before a 826,491 tUSD liquidation shortfall. Before, he left with his full value, premium included, and the
    /// loss fell on the holder who stayed. Now every re-request records the value at that moment and the exit pays
    /// no more: the premium his shares earned while waiting is withheld and stays with the stayer, and the loss
    /// takes that much less from her.
    function test_regression_rollingRequestsForfeitWhatTheyEarnWhileWaiting() public {
        uint256 shares = _deposit(roller, 0, 500_000e6);
        _deposit(stayer, 0, 500_000e6);
        _deposit(carol, 1, 2_000_000e6);

        // Three rolled requests: each lapses unused and is replaced at once.
        uint256 requestValue;
        for (uint256 cycle; cycle < 3; ++cycle) {
            vm.prank(roller);
            junior.cooldownShares(shares);
            requestValue = junior.requestValueOf(roller);
            _payPremium(20_000e6);
            vm.warp(block.timestamp + 9 days);
        }
        vm.prank(roller);
        junior.cooldownShares(shares);
        requestValue = junior.requestValueOf(roller);
        _payPremium(20_000e6);
        vm.warp(block.timestamp + 7 days + 1 hours); // in the window; the last premium has vested

        // A visible oracle move: the roller leaves before the liquidation.
        uint256 valueNow = junior.previewRedeem(shares);
        (uint256 expected, uint256 withheld) = junior.previewRedeemFor(roller, shares);
        assertEq(expected, requestValue);
        assertEq(withheld, valueNow - requestValue);
        assertGt(withheld, 4_000e6, "his share of the last premium, earned while he waited to leave");
        uint256 stayerBefore = junior.previewRedeem(junior.balanceOf(stayer));

        vm.expectEmit(address(junior));
        emit EventsLib.ExitValueWithheld(roller, withheld);
        vm.prank(roller);
        uint256 out = junior.redeem(shares, roller, roller);
        assertEq(out, requestValue, "paid at the value of the request, not of the exit");
        assertApproxEqAbs(
            junior.previewRedeem(junior.balanceOf(stayer)), stayerBefore + withheld, 2, "withheld went to the stayer"
        );

        // The liquidation: Junior (the stayer) and then Mezzanine pay; the withheld premium absorbs part of it.
        uint256 mezzanineBefore = tranches[1].totalAssets();
        uint256 juniorBefore = junior.totalAssets();
        _cover(826_491e6);
        assertEq(junior.totalAssets(), 0);
        assertEq(mezzanineBefore - tranches[1].totalAssets(), 826_491e6 - juniorBefore);
    }

    function test_exitAfterALoss_paysTheValueNow() public {
        uint256 shares = _deposit(roller, 0, 100_000e6);
        _deposit(stayer, 0, 100_000e6);
        vm.prank(roller);
        junior.cooldownShares(shares);
        _cover(50_000e6);
        vm.warp(block.timestamp + 7 days);
        (uint256 assets, uint256 withheld) = junior.previewRedeemFor(roller, shares);
        assertEq(withheld, 0);
        assertEq(assets, junior.previewRedeem(shares));
        assertApproxEqAbs(assets, 75_000e6, 1);
        assertEq(junior.maxWithdraw(roller), assets);
        vm.prank(roller);
        assertEq(junior.redeem(shares, roller, roller), assets);
    }

    function test_withdraw_burnsSharesAtTheRequestsPrice() public {
        uint256 shares = _deposit(roller, 0, 100_000e6);
        _deposit(stayer, 0, 100_000e6);
        vm.prank(roller);
        junior.cooldownShares(shares);
        _payPremium(10_000e6);
        vm.warp(block.timestamp + 7 days);
        uint256 max = junior.maxWithdraw(roller);
        assertEq(max, junior.requestValueOf(roller));
        assertLt(max, junior.previewRedeem(shares));

        // Half the request's value burns half the shares, although today's price would burn fewer.
        uint256 half = max / 2;
        uint256 burnsNow = junior.previewWithdraw(half);
        uint256 burns = junior.previewWithdrawFor(roller, half);
        assertGt(burns, burnsNow);
        vm.prank(roller);
        assertEq(junior.withdraw(half, roller, roller), burns);
        assertApproxEqAbs(burns, shares / 2, 1e6);
        // The rest of the request keeps its value per share.
        assertApproxEqAbs(junior.requestValueOf(roller), max - half, 1);
        assertApproxEqAbs(junior.maxWithdraw(roller), max - half, 1);
        uint256 rest = junior.maxWithdraw(roller);
        vm.prank(roller);
        junior.withdraw(rest, roller, roller);
        assertEq(usd.balanceOf(roller), half + rest);
        assertApproxEqAbs(half + rest, max, 1, "the request's value, paid in two parts");
    }

    function test_replacingARequest_recordsTheValueAtTheNewRequest() public {
        uint256 shares = _deposit(roller, 0, 100_000e6);
        vm.prank(roller);
        junior.cooldownShares(shares / 2);
        assertEq(junior.requestValueOf(roller), 50_000e6);
        _payPremium(10_000e6);
        vm.warp(block.timestamp + 7 days);
        vm.prank(roller);
        junior.cooldownShares(shares);
        assertApproxEqAbs(junior.requestValueOf(roller), 110_000e6, 1);
        vm.prank(roller);
        junior.cancelCooldown();
        assertEq(junior.requestValueOf(roller), 0);
    }
}

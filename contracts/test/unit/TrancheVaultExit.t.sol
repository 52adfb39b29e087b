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
    /// before a 826,491 tUSD liquidation shortfall. Before, each lapsed request was replaced for free and he left with
    /// everything his shares had earned. Now each replacement forfeits what the replaced request earned, and the exit
    /// pays no more than the value at the last request: over four cycles of premium he leaves with his deposit and
    /// not a unit more, and all the premium his capital would have earned went to the holder who stayed.
    function test_regression_rollingRequestsEarnNothing() public {
        uint256 deposit = 500_000e6;
        uint256 shares = _deposit(roller, 0, deposit);
        _deposit(stayer, 0, deposit);
        _deposit(carol, 1, 2_000_000e6);
        uint256 juniorPremium;

        for (uint256 cycle; cycle < 4; ++cycle) {
            uint256 forfeit = junior.forfeitableOf(roller);
            if (cycle > 0) assertGt(forfeit, 0, "the lapsed request earned premium");
            vm.prank(roller);
            junior.cooldownShares(shares);
            shares = junior.balanceOf(roller);
            assertLe(junior.requestValueOf(roller), deposit, "a new request is worth no more than the deposit");
            uint256 before = junior.accountedAssets();
            _payPremium(20_000e6);
            juniorPremium += junior.accountedAssets() - before;
            vm.warp(block.timestamp + 9 days); // the window closes unused
        }
        vm.warp(block.timestamp - 2 days + 1 hours); // back inside the last window (cooldown 7 d)

        // A visible oracle move: the roller leaves before the liquidation, with his deposit and nothing more.
        uint256 requested = junior.maxRedeem(roller);
        vm.prank(roller);
        uint256 out = junior.redeem(requested, roller, roller);
        assertLe(out, deposit);
        assertApproxEqAbs(out, deposit, 10, "only rounding below the deposit");
        // Every unit of Junior's premium, the roller's part included, is the stayer's.
        uint256 stayerValue = junior.previewRedeem(junior.balanceOf(stayer));
        assertApproxEqAbs(stayerValue, deposit + juniorPremium, 10);
        assertGt(juniorPremium, 40_000e6);

        // The liquidation takes Junior and then Mezzanine; the stayer's loss is net of all the premium.
        uint256 juniorBefore = junior.totalAssets();
        _cover(826_491e6);
        assertEq(junior.totalAssets(), 0);
        assertApproxEqAbs(juniorBefore, stayerValue, 10);
    }

    /// @notice Rolling as a strategy, over a year of losses priced fairly (each 9-day cycle pays as much premium as it
    /// loses on average). The roller re-requests at every window's close, dodges every loss that falls in his window
    /// (by leaving before it and depositing again after it) and takes the others like everybody. He gives up all the
    /// premium to dodge the 2/9 of losses that fall in a window: he ends below the holder who stayed, and below his own
    /// deposit. Rolling pays only when a tranche earns less than 2/9 of its expected loss, which loses money anyway.
    function test_rollingAgainstFairlyPricedLosses_losesToStaying() public {
        uint256 deposit = 500_000e6;
        _deposit(roller, 0, deposit);
        _deposit(stayer, 0, deposit);
        _deposit(carol, 1, 2_000_000e6);
        uint256 dodged;
        uint256 cycles = 40;

        for (uint256 cycle; cycle < cycles; ++cycle) {
            uint256 start = block.timestamp;
            uint256 held = junior.balanceOf(roller);
            vm.prank(roller);
            junior.cooldownShares(held);
            // Half the premium reaches Junior (capital 1M × 3 against Mezzanine's 2M × 1.5): 10,000 tUSD a cycle,
            // and one 10,000 tUSD loss a cycle at a pseudo-random moment.
            _payPremium(20_000e6);
            uint256 lossAt = start + uint256(keccak256(abi.encode("loss", cycle))) % 9 days;
            vm.warp(lossAt);
            uint256 exitable = junior.maxRedeem(roller);
            if (exitable > 0) {
                vm.prank(roller);
                uint256 out = junior.redeem(exitable, roller, roller);
                _cover(10_000e6);
                vm.startPrank(roller);
                usd.approve(address(junior), out);
                junior.deposit(out, roller);
                vm.stopPrank();
                ++dodged;
            } else {
                _cover(10_000e6);
            }
            vm.warp(start + 9 days);
        }

        uint256 rollerValue = junior.previewRedeem(junior.balanceOf(roller)) - junior.forfeitableOf(roller);
        uint256 stayerValue = junior.previewRedeem(junior.balanceOf(stayer));
        emit log_named_uint("losses dodged of 40", dodged);
        emit log_named_decimal_uint("roller ends with (tUSD)", rollerValue, 6);
        emit log_named_decimal_uint("stayer ends with (tUSD)", stayerValue, 6);
        assertGt(dodged, 4, "the schedule does put losses in his windows");
        assertLt(rollerValue, deposit, "rolling earned nothing and took the losses outside its windows");
        assertGt(stayerValue, deposit, "staying earned the premium");
        assertGt(stayerValue - rollerValue, 100_000e6);
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

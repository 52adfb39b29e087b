// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MarketChanges} from "../utils/MarketChanges.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Issue #18 item 2, as an attacker would try it: oversize positions, a hedge leg, self-liquidation for the
/// keeper reward, and new risk while the backstop is under-capitalised. Real capital, no mocks.
contract ClearinghouseRiskTest is MarketChanges {
    address internal attacker = makeAddr("attacker");
    address internal hedge = makeAddr("hedge");
    address internal keeperBot = makeAddr("keeperBot");

    /// @dev ≈ 20M notional of ETH at 3,000 (the issue's attack size).
    uint256 internal constant BIG = 6_666e18;

    function setUp() public override {
        super.setUp();
        _deposit(makeAddr("junior"), 0, 2_000_000e6);
        _deposit(makeAddr("mezzanine"), 1, 4_000_000e6);
        _deposit(makeAddr("senior"), 2, 8_000_000e6);
        _fundHouse(50_000_000e6);
    }

    function _capitalLost() internal view returns (uint256 lost) {
        for (uint256 i; i < 3; ++i) lost += tranches[i].totalLossAbsorbed();
        lost += module.totalDeficit();
    }

    /// @dev Moves ETH by `step` (8-decimal answer units) until `who` can be liquidated; returns the new answer.
    function _walkUntilLiquidatable(address who, int256 step) internal returns (int256 answer) {
        (, answer,,,) = oracles[ETH].latestRoundData();
        for (uint256 i; i < 10_000; ++i) {
            (int256 equity, uint256 maintenance) = clearinghouse.accountHealth(who, ETH);
            if (equity < int256(maintenance)) return answer;
            answer += step;
            _setPrice(ETH, answer);
        }
        revert("never liquidatable");
    }

    // ---------------------------------------------------------------- margin covers the size's slippage

    function test_initialMargin_growsWithSizeOnlyAboveNStar() public view {
        // N* = depth × (mm / impact)² = 5M × 0.25 = 1.25M on ETH: below it, the plain 10%.
        assertEq(clearinghouse.initialMargin(ETH, 1_000_000e6), 100_000e6);
        assertEq(clearinghouse.initialMargin(ETH, 1_250_000e6), 125_000e6);
        // 20M: slippage 20%, 15 points above maintenance → 25%.
        assertEq(clearinghouse.initialMargin(ETH, 20_000_000e6), 5_000_000e6);
        assertEq(clearinghouse.maintenanceMargin(ETH, 20_000_000e6), 4_000_000e6);
        assertEq(clearinghouse.maintenanceMargin(ETH, 300_000e6), 15_000e6);
    }

    /// @dev The issue's PoC posted ~2.09M against a 20M short (10% + fee headroom); that is now refused.
    function test_oversizeShort_cannotOpenOnFlatMargin() public {
        uint256 notional = BIG * 3_000e18 / 1e30;
        uint256 required = clearinghouse.initialMargin(ETH, notional);
        assertGt(required, notional / 4 - 1_000e6, "about a quarter of the notional");
        _mintUsd(attacker, 3_000_000e6);
        vm.startPrank(attacker);
        usd.approve(address(clearinghouse), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InsufficientMargin.selector, required, 2_100_000e6));
        clearinghouse.openPosition(ETH, false, BIG, 2_100_000e6);
        vm.stopPrank();
    }

    /// @dev Issue #18: a 20M short with positive equity at the mark was liquidated one $1 tick later into a 3.24M
    /// shortfall. Now the liquidation happens while the equity still pays the slippage, and the backstop pays nothing.
    function test_oversizeShort_liquidatedOneTickLater_leavesNoShortfall() public {
        uint256 margin = clearinghouse.initialMargin(ETH, BIG * 3_000e18 / 1e30);
        _open(attacker, ETH, false, BIG, margin);
        _walkUntilLiquidatable(attacker, 1e8); // $1 ticks
        (int256 equity,) = clearinghouse.accountHealth(attacker, ETH);
        assertGt(equity, 0, "still positive at the mark");

        vm.prank(keeperBot);
        uint256 shortfall = clearinghouse.liquidate(attacker, ETH);
        assertEq(shortfall, 0);
        assertEq(_capitalLost(), 0, "the backstop lost nothing");
        assertEq(module.lossCount(), 0);
    }

    /// @dev Even where the full slippage would exceed the equity left (a position let slide past its maintenance),
    /// the charge stops at the equity: no slippage ever reaches the backstop.
    function test_oversizeShort_slippageCappedAtMarkEquity() public {
        uint256 margin = clearinghouse.initialMargin(ETH, BIG * 3_000e18 / 1e30);
        _open(attacker, ETH, false, BIG, margin);
        // 3,000 → 3,700: equity at the mark ≈ 5M − 4.67M > 0, far below the ~20% maintenance, and the ~22%
        // slippage of closing 24.7M would be ~5.4M: formerly a ~5M shortfall.
        _setPrice(ETH, 3_700e8);
        (int256 equity,) = clearinghouse.accountHealth(attacker, ETH);
        assertGt(equity, 0);
        uint256 fullSlippage = clearinghouse.liquidationSlippage(ETH, BIG * 3_700e18 / 1e30) * (BIG * 3_700e18 / 1e30)
            / 1e18;
        assertGt(fullSlippage, uint256(equity), "the uncapped slippage would have been bad debt");
        uint256 attackerBefore = usd.balanceOf(attacker);
        vm.prank(keeperBot);
        uint256 shortfall = clearinghouse.liquidate(attacker, ETH);
        assertEq(shortfall, 0);
        assertEq(_capitalLost(), 0);
        assertEq(usd.balanceOf(attacker), attackerBefore, "the trader's equity went to slippage, nothing back");
    }

    /// @dev The hedge-leg version: short on one account, the same long on another, liquidate the short oneself and
    /// close the long. Formerly 1.08M spent made the backstop lose ~3×; now the attacker loses and the backstop does
    /// not pay.
    function test_oversizeShortWithHedgeLeg_doesNotPay() public {
        uint256 notional = BIG * 3_000e18 / 1e30;
        uint256 margin = clearinghouse.initialMargin(ETH, notional);
        _open(attacker, ETH, false, BIG, margin);
        _open(hedge, ETH, true, BIG, margin);
        // _open minted 2 × margin to each; what they hold now is that less margin and fee.
        uint256 spent = 4 * margin - usd.balanceOf(attacker) - usd.balanceOf(hedge);

        _walkUntilLiquidatable(attacker, 1e8);
        vm.prank(attacker); // the attacker is its own keeper
        uint256 shortfall = clearinghouse.liquidate(attacker, ETH);
        vm.prank(hedge);
        clearinghouse.closePosition(ETH);

        uint256 back = usd.balanceOf(attacker) + usd.balanceOf(hedge);
        assertEq(shortfall, 0);
        assertEq(_capitalLost(), 0, "the backstop lost nothing");
        assertLt(back, 4 * margin, "the attacker ends with less than it put in");
        emit log_named_uint("attacker spent (margin + fees)", spent);
        emit log_named_uint("attacker net loss", 4 * margin - back);
    }

    // ---------------------------------------------------------------- keeper reward for bad debt

    /// @dev A gap takes a position under water; its owner liquidates it for the reward and still loses.
    function test_badDebtReward_selfLiquidationDoesNotPay() public {
        _open(attacker, ETH, true, 10e18, 3_000e6); // 30k notional, 10%
        uint256 before = usd.balanceOf(attacker) + 3_000e6 + 15e6; // what it held before opening
        _setPrice(ETH, 2_600e8); // equity −1,000 at the mark
        vm.prank(attacker);
        uint256 shortfall = clearinghouse.liquidate(attacker, ETH);
        assertEq(shortfall, 1_000e6);
        uint256 reward = 260e6; // 1% of 26k: under half the margin and the cap
        assertEq(usd.balanceOf(attacker), before - 3_000e6 - 15e6 + reward);
        assertLt(usd.balanceOf(attacker) + 3_000e6 / 2, before + 1, "loses at least half its margin");
        assertEq(module.totalDeficit() + tranches[0].totalLossAbsorbed(), shortfall, "backstop pays the shortfall only");
    }

    function test_badDebtReward_cappedByGovernanceAndHalfTheMargin() public {
        // The governance cap binds: 1% of the 866k notional at liquidation is 8.66k, half the ~130k margin 65k.
        _open(attacker, ETH, true, 433e18, clearinghouse.initialMargin(ETH, 433 * 3_000e6));
        _setPrice(ETH, 2_000e8);
        vm.prank(keeperBot);
        clearinghouse.liquidate(attacker, ETH);
        assertEq(usd.balanceOf(keeperBot), 1_000e6, "governance cap");

        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxBadDebtReward, (10_000)));
        assertEq(clearinghouse.maxBadDebtReward(), 10_000e6);
        _setPrice(ETH, 3_000e8);
        _open(hedge, ETH, true, 1e18, 300e6); // 3k notional, 300 margin
        _setPrice(ETH, 2_000e8);
        vm.prank(keeperBot);
        clearinghouse.liquidate(hedge, ETH);
        assertEq(usd.balanceOf(keeperBot), 1_000e6 + 20e6, "1% of 2k notional");

        // Half the margin binds when the fee rate is as high as maintenance and a short's notional has grown.
        IClearinghouse.MarketParams memory p = _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6);
        p.liquidationFeeRate = 0.05e18; // tightening: applies at once
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMarketParams, (ETH, p)));
        _setPrice(ETH, 3_000e8);
        address shorty = makeAddr("shorty");
        _open(shorty, ETH, false, 1e18, 300e6);
        _setPrice(ETH, 4_000e8); // 5% of 4k = 200 > 300 / 2
        vm.prank(keeperBot);
        clearinghouse.liquidate(shorty, ETH);
        assertEq(usd.balanceOf(keeperBot), 1_000e6 + 20e6 + 150e6, "half the margin");
    }

    function test_setMaxBadDebtReward_boundsAndOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        clearinghouse.setMaxBadDebtReward(1);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "maxBadDebtReward", 10_001, 0, 10_000)
        );
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxBadDebtReward, (10_001)));
        vm.expectEmit(false, false, false, true, address(clearinghouse));
        emit EventsLib.MaxBadDebtRewardSet(1_000e6, 0);
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxBadDebtReward, (0)));
        assertEq(clearinghouse.maxBadDebtReward(), 0);
    }

    // ---------------------------------------------------------------- solvency threshold

    /// @dev 14M of capital at 12% stress and a 5× threshold leave room for 23.3M of ETH open interest.
    function test_solvencyThreshold_refusesNewRiskButNotClosesOrLiquidations() public {
        _asTimelock(address(module), abi.encodeWithSignature("setSolvencyThreshold(uint256)", 5e18));
        _open(attacker, ETH, true, 6_000e18, clearinghouse.initialMargin(ETH, 18_000_000e6)); // 18M long
        _open(hedge, ETH, false, 100e18, 30_000e6); // 300k short
        assertGe(module.solvencyRatio(), 5e18);

        address late = makeAddr("late");
        _mintUsd(late, 10_000_000e6);
        vm.startPrank(late);
        usd.approve(address(clearinghouse), type(uint256).max);
        uint256 margin = clearinghouse.initialMargin(ETH, 6_000_000e6);
        // 24.3M of open interest would need 2.916M at 12%: 14M / 2.916M = 4.8× < 5×.
        uint256 ratioAfter = uint256(14_000_000e6) * 1e18 / 2_916_000e6;
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SolvencyBelowThreshold.selector, ratioAfter, 5e18));
        clearinghouse.openPosition(ETH, false, 2_000e18, margin); // 6M more
        vm.stopPrank();

        // ETH +30%: the open interest is worth more, the ratio falls below the threshold.
        _setPrice(ETH, 3_900e8);
        assertLt(module.solvencyRatio(), 5e18);
        vm.prank(late);
        vm.expectPartialRevert(ErrorsLib.SolvencyBelowThreshold.selector);
        clearinghouse.openPosition(BTC, true, 1e16, 100e6); // even 600 of notional
        // ... but the short under water is liquidated and the long closes.
        vm.prank(keeperBot);
        clearinghouse.liquidate(hedge, ETH);
        vm.prank(attacker);
        clearinghouse.closePosition(ETH);
        assertEq(clearinghouse.positionOf(attacker, ETH).size, 0);
        // With the open interest gone, new risk is welcome again.
        vm.prank(late);
        clearinghouse.openPosition(BTC, true, 1e16, 100e6);
    }

    /// @dev A stale feed on another market with open interest blocks new risk: required capital would be valued at
    /// a price nobody vouches for.
    function test_solvencyGate_needsFreshPricesOnEveryMarketWithOpenInterest() public {
        _open(attacker, SOL, true, 100e18, 3_000e6);
        vm.warp(block.timestamp + 1 days + 1);
        _setPrice(ETH, 3_000e8);
        _mintUsd(hedge, 10_000e6);
        vm.startPrank(hedge);
        usd.approve(address(clearinghouse), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StalePrice.selector, SOL, block.timestamp - 1 days - 1, 1 days));
        clearinghouse.openPosition(ETH, true, 1e18, 300e6);
        vm.stopPrank();
    }
}

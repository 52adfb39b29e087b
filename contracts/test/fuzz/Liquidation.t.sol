// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

contract LiquidationFuzzTest is BackstopFixture {
    function testFuzz_liquidationSlippage_monotoneInNotional(uint256 marketId, uint256 a, uint256 b) public view {
        marketId = bound(marketId, 0, 2);
        a = bound(a, 0, 1e30);
        b = bound(b, a, 1e30);
        uint256 sa = clearinghouse.liquidationSlippage(marketId, a);
        uint256 sb = clearinghouse.liquidationSlippage(marketId, b);
        assertLe(sa, sb, "more size, more slippage");
        assertLe(sb, clearinghouse.MAX_SLIPPAGE(), "capped");
        (uint256 mark,) = clearinghouse.oraclePrice(marketId);
        uint256 longA = clearinghouse.liquidationPrice(marketId, true, mark, a);
        uint256 longB = clearinghouse.liquidationPrice(marketId, true, mark, b);
        uint256 shortA = clearinghouse.liquidationPrice(marketId, false, mark, a);
        uint256 shortB = clearinghouse.liquidationPrice(marketId, false, mark, b);
        assertLe(longB, longA);
        assertLe(longA, mark);
        assertGe(shortB, shortA);
        assertGe(shortA, mark);
    }

    function testFuzz_liquidate_houseIsMadeWhole(uint256 margin, uint256 newPrice, bool isLong) public {
        _deposit(makeAddr("j"), 0, 2_000_000e6);
        _deposit(makeAddr("m"), 1, 4_000_000e6);
        _fundHouse(10_000_000e6);
        address trader = makeAddr("trader");
        margin = bound(margin, 30_000e6, 100_000e6); // 100 ETH = 300k notional, 10% = 30k
        _open(trader, ETH, isLong, 100e18, margin);
        newPrice = bound(newPrice, 1_000e8, 5_000e8);
        _setPrice(ETH, int256(newPrice));

        (int256 markEquity, uint256 maintenance) = clearinghouse.accountHealth(trader, ETH);
        if (markEquity >= int256(maintenance)) {
            vm.expectRevert(
                abi.encodeWithSelector(ErrorsLib.NotLiquidatable.selector, markEquity, maintenance)
            );
            clearinghouse.liquidate(trader, ETH);
            return;
        }
        uint256 houseBefore = clearinghouse.houseLiquidity();
        uint256 traderBefore = usd.balanceOf(trader);
        address liquidator = makeAddr("liquidator");
        vm.prank(liquidator);
        uint256 shortfall = clearinghouse.liquidate(trader, ETH);
        uint256 paidOut = usd.balanceOf(trader) - traderBefore + usd.balanceOf(liquidator);
        if (shortfall > 0) {
            assertEq(usd.balanceOf(trader), traderBefore, "the trader gets nothing");
            assertLe(paidOut, margin / 2, "the keeper's reward is at most half the forfeited margin");
            assertEq(clearinghouse.houseLiquidity(), houseBefore + margin + shortfall - paidOut, "margin + cover");
            assertEq(module.totalDeficit(), 0);
        } else {
            assertLe(paidOut, margin);
            assertEq(clearinghouse.houseLiquidity(), houseBefore + margin - paidOut);
        }
        assertEq(clearinghouse.totalMargin(), 0);
        assertEq(clearinghouse.positionOf(trader, ETH).size, 0);
    }

    /// @dev The margin rule's promise, for any size, side and price: a liquidation's shortfall is exactly the
    /// negative equity at the mark (never the slippage), and a position opened at its size's initial margin can
    /// only reach bad debt through a price move larger than that initial margin rate.
    function testFuzz_shortfallNeverExceedsWhatTheMarginRuleAllows(uint256 size, bool isLong, uint256 newPrice, uint256 extra)
        public
    {
        _deposit(makeAddr("j"), 0, 2_000_000e6);
        _deposit(makeAddr("m"), 1, 4_000_000e6);
        _deposit(makeAddr("s"), 2, 8_000_000e6);
        _fundHouse(100_000_000e6);
        address trader = makeAddr("trader");
        size = bound(size, 1e18, 10_000e18); // 3k to 30M notional at 3,000
        uint256 notional = size * 3_000e18 / 1e30;
        uint256 margin = clearinghouse.initialMargin(ETH, notional);
        margin += margin * bound(extra, 0, 50) / 100;
        _open(trader, ETH, isLong, size, margin);
        newPrice = bound(newPrice, 1_000e8, 6_000e8);
        _setPrice(ETH, int256(newPrice));

        (int256 markEquity, uint256 maintenance) = clearinghouse.accountHealth(trader, ETH);
        if (markEquity >= int256(maintenance)) return;
        uint256 lossesBefore = tranches[0].totalLossAbsorbed() + tranches[1].totalLossAbsorbed()
            + tranches[2].totalLossAbsorbed() + module.totalDeficit();
        uint256 shortfall = clearinghouse.liquidate(trader, ETH);
        uint256 lossesAfter = tranches[0].totalLossAbsorbed() + tranches[1].totalLossAbsorbed()
            + tranches[2].totalLossAbsorbed() + module.totalDeficit();

        assertEq(shortfall, markEquity < 0 ? uint256(-markEquity) : 0, "shortfall = negative equity at the mark");
        assertEq(lossesAfter - lossesBefore, shortfall, "the backstop pays exactly the shortfall");
        if (shortfall > 0) {
            uint256 move = newPrice * 1e10 > 3_000e18 ? newPrice * 1e10 - 3_000e18 : 3_000e18 - newPrice * 1e10;
            uint256 rate = margin * 1e18 / notional;
            assertGt(move * 1e18 / 3_000e18, rate - 1e12, "bad debt only past a move of the initial margin rate");
        }
    }
}

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
}

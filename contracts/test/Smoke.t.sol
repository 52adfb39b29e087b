// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "./utils/BackstopFixture.sol";
import {BackstopLens} from "../src/BackstopLens.sol";

contract SmokeTest is BackstopFixture {
    function test_crashDrawsJuniorFirst() public {
        _deposit(makeAddr("a"), 0, 100_000e6);
        _deposit(makeAddr("b"), 1, 200_000e6);
        _fundHouse(1_000_000e6);
        address trader = makeAddr("trader");
        _open(trader, ETH, true, 1_000e18, 300_000e6); // 3M notional, 10% margin
        _setPrice(ETH, 2_000e8); // −33%: loss 1M against 300k margin
        clearinghouse.liquidate(trader, ETH);
        assertEq(tranches[0].totalAssets(), 0, "junior emptied");
        assertLt(tranches[1].totalAssets(), 200_000e6, "mezzanine dented");
        BackstopLens.Dashboard memory d = lens.getDashboard(trader);
        assertEq(d.tranches.length, 3);
        assertEq(d.markets.length, 3);
        assertEq(d.module.lossCount, 1);
    }
}

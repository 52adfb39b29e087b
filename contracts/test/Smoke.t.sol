// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "./utils/BackstopFixture.sol";
import {BackstopLens} from "../src/BackstopLens.sol";

contract SmokeTest is BackstopFixture {
    function test_crashDrawsJuniorFirst() public {
        _deposit(makeAddr("a"), 0, 100_000e6);
        _deposit(makeAddr("b"), 1, 600_000e6); // with Junior, above the 360k the position requires
        _fundHouse(1_000_000e6);
        address trader = makeAddr("trader");
        // 3M notional: 10% plus the 2.75% its liquidation slippage exceeds maintenance by
        _open(trader, ETH, true, 1_000e18, clearinghouse.initialMargin(ETH, 3_000_000e6));
        _setPrice(ETH, 2_000e8); // −33%: loss 1M against 382k margin
        clearinghouse.liquidate(trader, ETH);
        assertEq(tranches[0].totalAssets(), 0, "junior emptied");
        assertLt(tranches[1].totalAssets(), 600_000e6, "mezzanine dented");
        assertGt(tranches[1].totalAssets(), 0, "mezzanine not emptied");
        BackstopLens.Dashboard memory d = lens.getDashboard(trader);
        assertEq(d.tranches.length, 3);
        assertEq(d.markets.length, 3);
        assertEq(d.module.lossCount, 1);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";

contract WaterfallFuzzTest is BackstopFixture {
    function _seed(uint256 j, uint256 m, uint256 s) internal {
        if (j > 0) _deposit(makeAddr("junior"), 0, j);
        if (m > 0) _deposit(makeAddr("mezzanine"), 1, m);
        if (s > 0) _deposit(makeAddr("senior"), 2, s);
    }

    function testFuzz_cover_paysMinOfShortfallAndCapitalJuniorFirst(
        uint256 j,
        uint256 m,
        uint256 s,
        uint256 priorLoss,
        uint256 shortfall
    ) public {
        j = bound(j, 0, 2_000_000e6);
        m = bound(m, 0, 4_000_000e6);
        s = bound(s, 0, 8_000_000e6);
        _seed(j, m, s);
        // an earlier loss leaves uneven share prices
        priorLoss = bound(priorLoss, 0, j + m + s);
        if (priorLoss > 0) {
            vm.prank(address(clearinghouse));
            module.cover(ETH, priorLoss);
        }

        uint256[3] memory capital;
        uint256 total;
        for (uint8 i; i < 3; ++i) {
            capital[i] = tranches[i].totalAssets();
            total += capital[i];
        }
        shortfall = bound(shortfall, 1, total + 1_000_000e6);
        uint256 chBefore = usd.balanceOf(address(clearinghouse));
        uint256 deficitBefore = module.totalDeficit();

        vm.prank(address(clearinghouse));
        (uint256 lossId, uint256 covered) = module.cover(BTC, shortfall);

        uint256 remaining = shortfall;
        uint256[3] memory paid;
        for (uint8 i; i < 3; ++i) {
            paid[i] = capital[i] - tranches[i].totalAssets();
            assertEq(paid[i], Math.min(remaining, capital[i]), "tranche pays min(remaining, capital)");
            remaining -= paid[i];
        }
        // junior-first: a tranche is drawn only if every tranche before it is empty
        for (uint8 i = 1; i < 3; ++i) {
            if (paid[i] > 0) {
                for (uint8 k; k < i; ++k) {
                    assertEq(tranches[k].totalAssets(), 0, "earlier tranche emptied first");
                }
            }
        }
        assertEq(covered, Math.min(shortfall, total));
        assertEq(covered, shortfall - remaining);
        assertEq(module.totalDeficit() - deficitBefore, remaining, "deficit is the remainder");
        assertEq(remaining, shortfall > total ? shortfall - total : 0);
        assertEq(usd.balanceOf(address(clearinghouse)) - chBefore, covered, "clearinghouse receives covered");
        assertEq(lossId, priorLoss > 0 ? 2 : 1);
    }

    function testFuzz_cover_sharePricesNeverRise(uint256 j, uint256 m, uint256 s, uint256 shortfall) public {
        j = bound(j, 1e6, 2_000_000e6);
        m = bound(m, 1e6, 4_000_000e6);
        s = bound(s, 1e6, 8_000_000e6);
        _seed(j, m, s);
        shortfall = bound(shortfall, 1, j + m + s);
        uint256[3] memory before;
        for (uint8 i; i < 3; ++i) {
            before[i] = tranches[i].sharePrice();
        }
        vm.prank(address(clearinghouse));
        module.cover(ETH, shortfall);
        for (uint8 i; i < 3; ++i) {
            assertLe(tranches[i].sharePrice(), before[i]);
        }
        // the senior tranche is untouched unless junior and mezzanine are both gone
        if (shortfall <= j + m) assertEq(tranches[2].sharePrice(), before[2]);
        if (shortfall <= j) assertEq(tranches[1].sharePrice(), before[1]);
    }
}

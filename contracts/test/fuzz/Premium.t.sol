// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";

contract PremiumFuzzTest is BackstopFixture {
    address internal payer = makeAddr("payer");

    function _pay(uint256 amount) internal {
        _mintUsd(payer, amount);
        vm.startPrank(payer);
        usd.approve(address(module), amount);
        module.payPremium(amount);
        vm.stopPrank();
    }

    function testFuzz_payPremium_splitSumsExactlyAndIsProportional(
        uint256[3] memory deposits,
        uint256[3] memory multipliers,
        uint256 amount
    ) public {
        uint256[3] memory caps = [uint256(2_000_000e6), 4_000_000e6, 8_000_000e6];
        uint256[3] memory weights;
        uint256 totalWeight;
        for (uint8 i; i < 3; ++i) {
            deposits[i] = bound(deposits[i], 0, caps[i]);
            multipliers[i] = bound(multipliers[i], 0.1e18, 10e18);
            _asTimelock(address(module), abi.encodeCall(BackstopModule.setRiskMultiplier, (i, multipliers[i])));
            if (deposits[i] > 0) _deposit(makeAddr(string(abi.encode(i))), i, deposits[i]);
            weights[i] = deposits[i] * multipliers[i];
            totalWeight += weights[i];
        }
        amount = bound(amount, 1, 1_000_000_000e6);
        uint256[3] memory before;
        for (uint8 i; i < 3; ++i) {
            before[i] = usd.balanceOf(address(tranches[i]));
        }

        _pay(amount);

        uint256 sum;
        uint8 last;
        for (uint8 i; i < 3; ++i) {
            if (weights[i] > 0) last = i;
        }
        for (uint8 i; i < 3; ++i) {
            uint256 part = usd.balanceOf(address(tranches[i])) - before[i];
            assertEq(part, tranches[i].totalPremiumReceived(), "booked what was sent");
            sum += part;
            if (weights[i] == 0) {
                assertEq(part, 0, "no capital, no premium");
            } else if (i != last) {
                assertEq(part, Math.mulDiv(amount, weights[i], totalWeight), "floor of pro-rata share");
            } else {
                uint256 fair = Math.mulDiv(amount, weights[i], totalWeight);
                assertGe(part, fair);
                assertLe(part - fair, 2, "last tranche only takes the rounding dust");
            }
        }
        if (totalWeight == 0) {
            assertEq(sum, 0);
            assertEq(module.undistributedPremium(), amount);
        } else {
            assertEq(sum, amount, "split sums exactly to the amount");
            assertEq(module.undistributedPremium(), 0);
            assertEq(usd.balanceOf(address(module)), 0);
        }
    }

    function testFuzz_vesting_totalAssetsMonotoneInTime(uint256 amount, uint256 period, uint256 t1, uint256 t2)
        public
    {
        uint256 base = 1_000_000e6;
        _deposit(makeAddr("lp"), 0, base);
        period = bound(period, 1, 60 days);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setPremiumVestingPeriod, (period)));
        amount = bound(amount, 1, 1_000_000_000e6);
        _pay(amount);
        uint256 start = block.timestamp;
        t1 = bound(t1, 0, 2 * period);
        t2 = bound(t2, t1, 2 * period);

        vm.warp(start + t1);
        uint256 a1 = tranches[0].totalAssets();
        vm.warp(start + t2);
        uint256 a2 = tranches[0].totalAssets();

        assertGe(a1, base);
        assertLe(a1, a2, "vesting never goes backwards");
        assertLe(a2, base + amount);
        // linear, rounding against depositors (unvested rounds up)
        uint256 vested1 = t1 >= period ? amount : Math.mulDiv(amount, t1, period);
        assertLe(a1 - base, vested1);
        assertGe(a1 - base + 1, vested1);
        if (t2 >= period) assertEq(a2, base + amount, "fully vested at the end");
    }

    function testFuzz_vesting_secondPaymentNeverReducesAssets(uint256 first, uint256 second, uint256 gap) public {
        _deposit(makeAddr("lp"), 0, 1_000_000e6);
        first = bound(first, 1, 1_000_000e6);
        second = bound(second, 1, 1_000_000e6);
        gap = bound(gap, 0, 14 days);
        _pay(first);
        vm.warp(block.timestamp + gap);
        uint256 before = tranches[0].totalAssets();
        _pay(second);
        assertEq(tranches[0].totalAssets(), before, "a payment vests from zero, it does not jump");
        vm.warp(block.timestamp + 7 days);
        assertEq(tranches[0].totalAssets(), 1_000_000e6 + first + second);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";

/// @notice The vesting rule: a payment joins what is still vesting and the sum vests to the amount-weighted end.
contract VestingWeightedEndFuzzTest is BackstopFixture {
    TrancheVault internal vault;

    function setUp() public override {
        super.setUp();
        vault = tranches[0];
        _deposit(makeAddr("alice"), 0, 1_000_000e6);
    }

    /// @dev At a payment: nothing jumps (totalAssets unchanged, unvested grows by the amount), the new end lies
    /// between the old end and a full period from now, at the weighted position, and all is vested by now + period.
    function testFuzz_payment_weightedEndAndNoJump(uint256 first, uint256 gap, uint256 second) public {
        first = bound(first, 1, 10_000_000e6);
        second = bound(second, 1, 10_000_000e6);
        gap = bound(gap, 0, 8 days);
        _payPremium(first);
        vm.warp(block.timestamp + gap);

        uint256 assetsBefore = vault.totalAssets();
        uint256 unvestedBefore = vault.unvestedPremium();
        uint256 oldEnd = vault.vestingEnd();
        uint256 remaining = oldEnd > block.timestamp ? oldEnd - block.timestamp : 0;
        _payPremium(second);

        assertEq(vault.totalAssets(), assetsBefore, "a payment moved the share price");
        assertEq(vault.unvestedPremium(), unvestedBefore + second, "unvested != before + payment");
        uint256 end = vault.vestingEnd();
        uint256 full = block.timestamp + 7 days;
        assertLe(end, full);
        assertGe(end, unvestedBefore == 0 ? full : oldEnd);
        uint256 expected = block.timestamp + (unvestedBefore * remaining + second * 7 days) / (unvestedBefore + second);
        assertEq(end, expected, "not the amount-weighted end");

        vm.warp(full);
        assertEq(vault.unvestedPremium(), 0, "premium still vesting a full period after the last payment");
        assertEq(vault.totalAssets(), vault.accountedAssets());
    }

    /// @dev A stream of small payments never pushes the end of a large one by more than their weight allows.
    function testFuzz_dustStream_cannotHoldBackVesting(uint256 big, uint256 dust, uint256 count) public {
        big = bound(big, 1_000e6, 10_000_000e6);
        dust = bound(dust, 1, 1e3);
        count = bound(count, 1, 50);
        _payPremium(big);
        uint256 start = block.timestamp;
        for (uint256 i; i < count; ++i) {
            vm.warp(start + (i + 1) * (7 days / (count + 1)));
            _payPremium(dust);
        }
        // Each dust payment moves the end by at most dust × 7 days / unvested; all of them by well under a minute.
        assertLe(vault.vestingEnd(), start + 7 days + count * dust * 7 days / (big / 8) + count);
        vm.warp(start + 7 days + 1 hours);
        assertLe(vault.unvestedPremium(), count * dust, "only the dust itself may still be vesting");
    }
}

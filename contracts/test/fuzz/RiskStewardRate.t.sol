// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "../utils/BackstopFixture.sol";

/// @notice However a keeper times and sizes its calls, a parameter moves at most one step (10 %) per interval (6 h):
/// after n updates it lies within [0.9ⁿ, 1.1ⁿ] × where it started, and n ≤ elapsed / 6 h + 1.
contract RiskStewardRateFuzzTest is BackstopFixture {
    function testFuzz_keeperCannotOutrunTheRateLimit(uint256[24] memory values, uint256[24] memory gaps, uint8 param)
        public
    {
        param = uint8(bound(param, 0, 3));
        uint256 start = steward.currentValue(param);
        uint256 t0 = block.timestamp;
        uint256 landed;
        for (uint256 i; i < values.length; ++i) {
            // Often sooner than the interval, and half the time within one step: the limits have work to do.
            vm.warp(block.timestamp + bound(gaps[i], 0, 4 hours));
            uint256 current = steward.currentValue(param);
            uint256 value = bound(values[i], current * 8 / 10, current * 12 / 10);
            vm.prank(riskKeeper);
            try steward.update(param, value) {
                ++landed;
            } catch {}
        }
        uint256 elapsed = block.timestamp - t0;
        assertLe(landed, elapsed / 6 hours + 1, "more updates than intervals");
        uint256 end = steward.currentValue(param);
        uint256 hi = start;
        uint256 lo = start;
        for (uint256 i; i < landed; ++i) {
            hi = hi * 11 / 10 + 1;
            lo = lo * 9 / 10;
        }
        assertLe(end, hi, "moved up faster than the limit");
        assertGe(end, lo, "moved down faster than the limit");
    }
}

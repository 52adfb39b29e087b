// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {PremiumCurveLib} from "../../src/libraries/PremiumCurveLib.sol";

/// @notice The curve on its own: exact values at and around the kink, the volatility scale, the caps.
contract PremiumCurveTest is Test {
    uint256 internal constant WAD = 1e18;
    // kink 80 %, +1× up to it, +4× from it to u = 1, quoted at 60 % volatility.
    PremiumCurveLib.Curve internal curve = PremiumCurveLib.Curve(0.8e18, 1e18, 4e18, 0.6e18);

    function _m(uint256 u) internal view returns (uint256) {
        return PremiumCurveLib.multiplier(curve, u, 0.6e18);
    }

    function test_multiplier_atZeroIsOne() public view {
        assertEq(_m(0), 1e18);
    }

    function test_multiplier_belowKinkIsGentle() public view {
        assertEq(_m(0.4e18), 1.5e18); // halfway to the kink: half of slope1
        assertEq(_m(0.8e18 - 1), 2e18 - 2); // one wei short: 1 + 1 × (0.8e18 − 1) / 0.8e18, rounded down
    }

    function test_multiplier_atKinkIsContinuous() public view {
        assertEq(_m(0.8e18), 2e18);
        assertLe(_m(0.8e18) - _m(0.8e18 - 1), 2, "jump at the kink");
        assertGe(_m(0.8e18 + 1) - _m(0.8e18), 19, "the steep part starts at the kink"); // 4 / 0.2 = 20 per wei
    }

    function test_multiplier_aboveKinkIsSteep() public view {
        assertEq(_m(0.9e18), 4e18); // 1 + 1 + 4 × 0.1 / 0.2
        assertEq(_m(1e18), 6e18);
        // The slope per unit of utilisation is 1.25 below the kink and 20 above it.
        assertEq((_m(0.9e18) - _m(0.8e18)) * 10, 20e18);
        assertEq((_m(0.4e18) - _m(0.3e18)) * 10, 1.25e18);
    }

    function test_multiplier_cappedAtMaxUtilisation() public view {
        assertEq(_m(2e18), 26e18); // 1 + 1 + 4 × 1.2 / 0.2
        assertEq(_m(50e18), _m(2e18));
        assertEq(_m(type(uint256).max), _m(2e18));
    }

    function test_multiplier_scalesWithVolatility() public view {
        assertEq(PremiumCurveLib.multiplier(curve, 0.4e18, 1.2e18), 3e18); // twice the reference: twice the multiplier
        assertEq(PremiumCurveLib.multiplier(curve, 0.4e18, 0.3e18), 0.75e18); // half: half, below one
    }

    function test_rate_isCappedAtMaxPremiumRate() public pure {
        assertEq(PremiumCurveLib.rate(0.0005e18, 4e18), 0.002e18);
        assertEq(PremiumCurveLib.rate(0.01e18, 26e18), PremiumCurveLib.MAX_PREMIUM_RATE);
    }

    function test_utilisationOf_invertsTheSolvencyRatio() public pure {
        assertEq(PremiumCurveLib.utilisationOf(type(uint256).max), 0, "nothing required");
        assertEq(PremiumCurveLib.utilisationOf(2e18), 0.5e18);
        assertEq(PremiumCurveLib.utilisationOf(1e18), 1e18);
        assertEq(PremiumCurveLib.utilisationOf(0), 2e18, "no capital");
        assertEq(PremiumCurveLib.utilisationOf(0.1e18), 2e18, "beyond the cap");
        // Rounded up: the doubt goes to the depositors.
        assertEq(PremiumCurveLib.utilisationOf(3e18), 333_333_333_333_333_334);
    }

    function testFuzz_multiplier_neverFallsAsUtilisationRises(uint256 a, uint256 b, uint64 kink, uint64 s1, uint64 s2)
        public
        pure
    {
        PremiumCurveLib.Curve memory c = PremiumCurveLib.Curve(
            uint64(bound(kink, 0.05e18, 0.95e18)), uint64(bound(s1, 0, 10e18)), uint64(bound(s2, 0, 18e18)), 0.6e18
        );
        a = bound(a, 0, 3e18);
        b = bound(b, a, 3e18);
        assertLe(PremiumCurveLib.multiplier(c, a, 0.6e18), PremiumCurveLib.multiplier(c, b, 0.6e18));
    }

    function testFuzz_rate_staysWithinItsBounds(uint256 u, uint256 vol, uint256 feeRate) public view {
        vol = bound(vol, 0.05e18, 5e18);
        feeRate = bound(feeRate, 0, 0.01e18);
        uint256 r = PremiumCurveLib.rate(feeRate, PremiumCurveLib.multiplier(curve, u, vol));
        assertLe(r, PremiumCurveLib.MAX_PREMIUM_RATE);
        // Never below the base rate scaled by volatility (the multiplier is at least 1 at the reference).
        assertGe(r + 1, _min(feeRate * vol / 0.6e18, PremiumCurveLib.MAX_PREMIUM_RATE));
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}

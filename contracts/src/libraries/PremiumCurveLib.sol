// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PremiumCurveLib
/// @notice The price of protection as a function of how much of the backstop is in use. Utilisation u is required
/// capital ÷ backstop capital (the inverse of the solvency ratio). A market's premium rate is its base fee rate times
/// a multiplier that rises with u, gently up to a kink and steeply beyond it (the shape of Aave's and Compound's
/// interest-rate curves), scaled by market-wide volatility against the volatility the curve was set for:
///
///     multiplier(u) = (1 + slope1 · u / kink)                                   for u < kink
///                   = (1 + slope1 + slope2 · (min(u, MAX_UTILISATION) − kink) / (1 − kink))   for u ≥ kink
///     multiplier   ×= volatility / referenceVolatility
///     rate          = min(feeRate × multiplier, MAX_PREMIUM_RATE)
///
/// All values are wads (1e18 = 1 = 100 %).
library PremiumCurveLib {
    uint256 internal constant WAD = 1e18;
    /// @notice Utilisation beyond this prices as this: the curve is bounded even when the backstop is nearly empty.
    uint256 internal constant MAX_UTILISATION = 2e18;
    /// @notice The highest premium rate the curve can reach, per side, as a wad of notional (2 %).
    uint256 internal constant MAX_PREMIUM_RATE = 0.02e18;

    /// @notice The curve's shape, in one storage slot.
    /// @param kink The utilisation where the steep part starts.
    /// @param slope1 The multiplier added between u = 0 and u = kink.
    /// @param slope2 The multiplier added between u = kink and u = 1 (and at the same slope up to MAX_UTILISATION).
    /// @param referenceVolatility The volatility at which the multiplier is as above (annualised, a wad).
    struct Curve {
        uint64 kink;
        uint64 slope1;
        uint64 slope2;
        uint64 referenceVolatility;
    }

    /// @notice Required ÷ available capital, from the module's solvency ratio (capital ÷ required).
    /// @param solvencyRatio The module's ratio; type(uint256).max when nothing is required.
    function utilisationOf(uint256 solvencyRatio) internal pure returns (uint256) {
        if (solvencyRatio == type(uint256).max) return 0;
        if (solvencyRatio == 0) return MAX_UTILISATION;
        return Math.min(Math.mulDiv(WAD, WAD, solvencyRatio, Math.Rounding.Ceil), MAX_UTILISATION);
    }

    /// @notice The premium multiplier at utilisation `u` and market volatility `volatility`.
    function multiplier(Curve memory c, uint256 u, uint256 volatility) internal pure returns (uint256 m) {
        u = Math.min(u, MAX_UTILISATION);
        if (u < c.kink) {
            m = WAD + Math.mulDiv(c.slope1, u, c.kink);
        } else {
            m = WAD + c.slope1 + Math.mulDiv(c.slope2, u - c.kink, WAD - c.kink);
        }
        m = Math.mulDiv(m, volatility, c.referenceVolatility);
    }

    /// @notice A market's premium rate: its base fee rate times the multiplier, at most MAX_PREMIUM_RATE.
    function rate(uint256 feeRate, uint256 multiplier_) internal pure returns (uint256) {
        return Math.min(Math.mulDiv(feeRate, multiplier_, WAD), MAX_PREMIUM_RATE);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {RiskSteward} from "../../src/RiskSteward.sol";

/// @notice A keeper that tries every update it can think of (any parameter, any value near or far, at any time)
/// while governance meanwhile moves the steward's range, its limits, its pause, and the parameters themselves.
/// Every update that lands is recorded with the limits in force when it landed.
contract StewardHandler is Test {
    struct Landed {
        uint8 param;
        uint256 before;
        uint256 value;
        uint256 at;
        uint256 min;
        uint256 max;
        uint256 maxStep;
        uint256 previousAt;
        uint256 minInterval;
    }

    RiskSteward internal immutable steward;
    BackstopModule internal immutable module;
    Clearinghouse internal immutable clearinghouse;
    address internal immutable keeper;
    address internal immutable governance;

    Landed[] internal landed;
    uint256 public refused;
    uint256 public landedWhilePaused;
    /// @dev Set when a governance write is not what the chain then holds.
    uint256 public governanceOverruled;
    uint256[4] internal lastLandedAt;

    constructor(RiskSteward steward_, address keeper_, address governance_) {
        steward = steward_;
        module = BackstopModule(address(steward_.module()));
        clearinghouse = Clearinghouse(address(steward_.clearinghouse()));
        keeper = keeper_;
        governance = governance_;
    }

    function landedCount() external view returns (uint256) {
        return landed.length;
    }

    function landedAt(uint256 i) external view returns (Landed memory) {
        return landed[i];
    }

    // ---------------------------------------------------------------- the keeper

    function keeperUpdate(uint8 param, uint256 permille, bool up, bool far) external {
        param = uint8(bound(param, 0, 3));
        uint256 current = steward.currentValue(param);
        // Mostly within a few steps of the current value, sometimes anywhere.
        uint256 value = far
            ? bound(permille, 0, 20e18)
            : (up ? current + current * bound(permille, 0, 300) / 1000 : current - current * bound(permille, 0, 300) / 1000);
        RiskSteward.Bounds memory b = steward.bounds(param);
        Landed memory l = Landed({
            param: param,
            before: current,
            value: value,
            at: block.timestamp,
            min: b.min,
            max: b.max,
            maxStep: steward.maxStep(),
            previousAt: lastLandedAt[param],
            minInterval: steward.minInterval()
        });
        bool paused = steward.paused();
        vm.prank(keeper);
        try steward.update(param, value) {
            if (paused) ++landedWhilePaused;
            l.value = steward.currentValue(param);
            landed.push(l);
            lastLandedAt[param] = block.timestamp;
        } catch {
            ++refused;
        }
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 2 days));
    }

    // ---------------------------------------------------------------- governance

    function governanceSetsValue(uint8 param, uint256 value) external {
        param = uint8(bound(param, 0, 3));
        if (param == 3) {
            value = bound(value, clearinghouse.MIN_VOLATILITY(), clearinghouse.MAX_VOLATILITY());
            vm.prank(governance);
            clearinghouse.setPremiumVolatility(value);
        } else {
            value = bound(value, module.MIN_RISK_MULTIPLIER(), module.MAX_RISK_MULTIPLIER());
            vm.prank(governance);
            module.setRiskMultiplier(param, value);
        }
        if (steward.currentValue(param) != value) ++governanceOverruled;
    }

    function governanceSetsBounds(uint8 param, uint256 lo, uint256 hi) external {
        param = uint8(bound(param, 0, 3));
        (uint256 floor, uint256 ceiling) = param == 3 ? (0.05e18, 5e18) : (0.1e18, 10e18);
        lo = bound(lo, floor, ceiling);
        hi = bound(hi, lo, ceiling);
        vm.prank(governance);
        steward.setBounds(param, lo, hi);
    }

    function governanceSetsLimits(uint256 maxStep, uint256 minInterval) external {
        vm.prank(governance);
        steward.setLimits(bound(maxStep, 0, 0.5e18), bound(minInterval, 1 hours, 30 days));
    }

    function governancePauses(bool paused) external {
        vm.prank(governance);
        steward.setPaused(paused);
    }
}

contract StewardInvariants is BackstopFixture {
    StewardHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new StewardHandler(steward, riskKeeper, address(timelock));
        targetContract(address(handler));
    }

    /// @notice Every update that landed lies inside the range governance had set for it.
    function invariant_everyStewardValueInsideGovernancesRange() public view {
        for (uint256 i; i < handler.landedCount(); ++i) {
            StewardHandler.Landed memory l = handler.landedAt(i);
            assertGe(l.value, l.min, "below governance's range");
            assertLe(l.value, l.max, "above governance's range");
        }
    }

    /// @notice No update moved a parameter by more than one step of the value it found.
    function invariant_noStepLargerThanTheLimit() public view {
        for (uint256 i; i < handler.landedCount(); ++i) {
            StewardHandler.Landed memory l = handler.landedAt(i);
            uint256 move = l.value > l.before ? l.value - l.before : l.before - l.value;
            assertLe(move * 1e18, l.before * l.maxStep, "step beyond the limit");
        }
    }

    /// @notice No parameter was moved twice by the steward within the interval in force.
    function invariant_noParameterMovedTooOften() public view {
        for (uint256 i; i < handler.landedCount(); ++i) {
            StewardHandler.Landed memory l = handler.landedAt(i);
            if (l.previousAt != 0) assertGe(l.at, l.previousAt + l.minInterval, "two updates within the interval");
        }
    }

    /// @notice Governance always wins: a pause stops every update, and a value it sets is the value in force.
    function invariant_governanceAlwaysWins() public view {
        assertEq(handler.landedWhilePaused(), 0, "an update landed while paused");
        assertEq(handler.governanceOverruled(), 0, "governance's value did not take");
    }

    /// @notice The runs exercise what they claim to: some updates land, some are refused.
    function afterInvariant() public view {
        assertGt(handler.landedCount() + handler.refused(), 0, "the keeper never called");
    }

    /// @notice Whatever happened, every parameter is within the contracts' own hard bounds.
    function invariant_parametersWithinHardBounds() public view {
        for (uint8 i; i < 3; ++i) {
            assertGe(module.riskMultiplier(i), module.MIN_RISK_MULTIPLIER());
            assertLe(module.riskMultiplier(i), module.MAX_RISK_MULTIPLIER());
        }
        assertGe(clearinghouse.premiumVolatility(), clearinghouse.MIN_VOLATILITY());
        assertLe(clearinghouse.premiumVolatility(), clearinghouse.MAX_VOLATILITY());
    }
}

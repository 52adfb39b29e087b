// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {RiskSteward} from "../../src/RiskSteward.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice The steward as deployed: ±10 % per step, once per 6 hours per parameter, Junior's multiplier within
/// [1.5, 6] (now 3), the premium volatility within [0.2, 2] (now 0.6).
contract RiskStewardTest is BackstopFixture {
    address internal stranger = makeAddr("stranger");
    uint8 internal constant JUNIOR = 0;
    uint8 internal constant VOL = 3;

    function _update(uint8 param, uint256 value) internal {
        vm.prank(riskKeeper);
        steward.update(param, value);
    }

    function _expectUpdateRevert(uint8 param, uint256 value, bytes memory error) internal {
        vm.prank(riskKeeper);
        vm.expectRevert(error);
        steward.update(param, value);
    }

    function test_constructor_wiresWhatTheDeployScriptWires() public view {
        assertEq(address(steward.module()), address(module));
        assertEq(address(steward.clearinghouse()), address(clearinghouse));
        assertEq(steward.owner(), address(timelock));
        assertEq(steward.keeper(), riskKeeper);
        assertEq(steward.maxStep(), 0.1e18);
        assertEq(steward.minInterval(), 6 hours);
        assertEq(module.riskSteward(), address(steward));
        assertEq(clearinghouse.riskSteward(), address(steward));
        RiskSteward.Bounds memory b = steward.bounds(VOL);
        assertEq(b.min, 0.2e18);
        assertEq(b.max, 2e18);
    }

    function test_update_movesAMultiplierWithinOneStep() public {
        vm.expectEmit(true, false, false, true, address(steward));
        emit EventsLib.StewardUpdate(JUNIOR, 3e18, 3.3e18);
        _update(JUNIOR, 3.3e18);
        assertEq(module.riskMultiplier(JUNIOR), 3.3e18);
        assertEq(steward.lastUpdateAt(JUNIOR), block.timestamp);
        assertEq(steward.nextUpdateAt(JUNIOR), block.timestamp + 6 hours);
    }

    function test_update_movesTheVolatilityWithinOneStep() public {
        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.PremiumVolatilitySet(address(steward), 0.6e18, 0.54e18);
        _update(VOL, 0.54e18);
        assertEq(clearinghouse.premiumVolatility(), 0.54e18);
    }

    function test_update_rejectsAStepTooLarge() public {
        _expectUpdateRevert(
            JUNIOR, 3.3e18 + 1, abi.encodeWithSelector(ErrorsLib.StewardStepTooLarge.selector, JUNIOR, 3e18, 3.3e18 + 1, 0.3e18)
        );
        _expectUpdateRevert(
            VOL, 0.54e18 - 1, abi.encodeWithSelector(ErrorsLib.StewardStepTooLarge.selector, VOL, 0.6e18, 0.54e18 - 1, 0.06e18)
        );
    }

    function test_update_rejectsASecondUpdateWithinTheInterval_butNotOfAnotherParameter() public {
        _update(JUNIOR, 3.3e18);
        uint256 next = block.timestamp + 6 hours;
        vm.warp(next - 1);
        _expectUpdateRevert(JUNIOR, 3.2e18, abi.encodeWithSelector(ErrorsLib.StewardTooSoon.selector, JUNIOR, next));
        _update(VOL, 0.65e18); // another parameter has its own clock
        vm.warp(next);
        _update(JUNIOR, 3.6e18); // one step from 3.3
        assertEq(module.riskMultiplier(JUNIOR), 3.6e18);
    }

    function test_update_staysInsideGovernancesRange() public {
        vm.prank(address(timelock));
        steward.setBounds(JUNIOR, 1.5e18, 3.2e18);
        _expectUpdateRevert(
            JUNIOR,
            3.3e18,
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "juniorRiskMultiplier", 3.3e18, 1.5e18, 3.2e18)
        );
        _update(JUNIOR, 3.2e18);
    }

    function test_update_keeperOnly() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotKeeper.selector, stranger));
        steward.update(JUNIOR, 3.1e18);
        vm.prank(address(timelock)); // governance sets values directly, not through the steward
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotKeeper.selector, address(timelock)));
        steward.update(JUNIOR, 3.1e18);
    }

    function test_update_unknownParameter() public {
        _expectUpdateRevert(4, 1e18, abi.encodeWithSelector(ErrorsLib.UnknownStewardParameter.selector, 4));
    }

    function test_pause_stopsEveryUpdate_andResumes() public {
        vm.expectEmit(false, false, false, true, address(steward));
        emit EventsLib.StewardPausedSet(true);
        vm.prank(address(timelock));
        steward.setPaused(true);
        _expectUpdateRevert(JUNIOR, 3.1e18, abi.encodeWithSelector(ErrorsLib.StewardPaused.selector));
        _expectUpdateRevert(VOL, 0.61e18, abi.encodeWithSelector(ErrorsLib.StewardPaused.selector));
        vm.prank(address(timelock));
        steward.setPaused(false);
        _update(JUNIOR, 3.1e18);
    }

    function test_governanceSetters_ownerOnly() public {
        bytes[4] memory calls = [
            abi.encodeCall(RiskSteward.setKeeper, (stranger)),
            abi.encodeCall(RiskSteward.setPaused, (true)),
            abi.encodeCall(RiskSteward.setLimits, (0.5e18, 1 hours)),
            abi.encodeCall(RiskSteward.setBounds, (JUNIOR, 0.1e18, 10e18))
        ];
        address[2] memory callers = [riskKeeper, stranger];
        for (uint256 i; i < calls.length; ++i) {
            for (uint256 j; j < callers.length; ++j) {
                vm.prank(callers[j]);
                (bool ok, bytes memory ret) = address(steward).call(calls[i]);
                assertFalse(ok);
                assertEq(ret, abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[j]));
            }
        }
    }

    function test_setLimits_andSetBounds_stayWithinTheirOwnBounds() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "maxStep", 0.5e18 + 1, 0, 0.5e18));
        steward.setLimits(0.5e18 + 1, 6 hours);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "minInterval", 1 hours - 1, 1 hours, 30 days)
        );
        steward.setLimits(0.1e18, 1 hours - 1);
        // The steward's range lies inside the module's own bounds for a multiplier and the clearinghouse's for
        // the volatility, so no keeper can be handed a value the contracts themselves refuse.
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "stewardMax", 10e18 + 1, 1e18, 10e18)
        );
        steward.setBounds(JUNIOR, 1e18, 10e18 + 1);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "stewardMin", 0.05e18 - 1, 0.05e18, 5e18)
        );
        steward.setBounds(VOL, 0.05e18 - 1, 1e18);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "stewardMax", 1e18, 2e18, 10e18));
        steward.setBounds(JUNIOR, 2e18, 1e18);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- governance always wins

    function test_governanceSetsAnyValueDirectly_andTheStewardStepsFromIt() public {
        _update(JUNIOR, 3.3e18);
        vm.prank(address(timelock));
        module.setRiskMultiplier(JUNIOR, 1e18); // outside the steward's range: governance may
        assertEq(module.riskMultiplier(JUNIOR), 1e18);
        vm.warp(block.timestamp + 6 hours);
        // One step from governance's 1.0 is 1.1, still below the steward's floor of 1.5: the keeper is stuck.
        _expectUpdateRevert(
            JUNIOR,
            1.5e18,
            abi.encodeWithSelector(ErrorsLib.StewardStepTooLarge.selector, JUNIOR, 1e18, 1.5e18, 0.1e18)
        );
    }

    function test_revokingTheSteward_onTheModuleStopsIt() public {
        vm.prank(address(timelock));
        module.setRiskSteward(address(0));
        _expectUpdateRevert(
            JUNIOR, 3.1e18, abi.encodeWithSelector(ErrorsLib.NotOwnerOrRiskSteward.selector, address(steward))
        );
    }

    function test_replacingTheKeeper_locksTheOldOneOut() public {
        address next = makeAddr("nextKeeper");
        vm.expectEmit(false, false, false, true, address(steward));
        emit EventsLib.StewardKeeperSet(riskKeeper, next);
        vm.prank(address(timelock));
        steward.setKeeper(next);
        _expectUpdateRevert(JUNIOR, 3.1e18, abi.encodeWithSelector(ErrorsLib.NotKeeper.selector, riskKeeper));
        vm.prank(next);
        steward.update(JUNIOR, 3.1e18);
    }

    /// @notice A keeper that tries to walk a parameter faster by many small steps in one block gets one step.
    function test_manySmallStepsInOneBlock_onlyTheFirstLands() public {
        _update(JUNIOR, 3.01e18);
        for (uint256 i; i < 5; ++i) {
            _expectUpdateRevert(
                JUNIOR,
                3.02e18,
                abi.encodeWithSelector(ErrorsLib.StewardTooSoon.selector, JUNIOR, block.timestamp + 6 hours)
            );
        }
        assertEq(module.riskMultiplier(JUNIOR), 3.01e18);
    }
}

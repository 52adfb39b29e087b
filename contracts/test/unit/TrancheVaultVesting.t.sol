// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Dust cannot restart vesting (issue #18 item 4): zero parts are skipped, and a payment moves the end of the
/// schedule only by its weight.
contract TrancheVaultVestingTest is BackstopFixture {
    address internal alice = makeAddr("alice");

    /// @notice Before: 1 unit of premium every hour for 7 days left 36.7 % of a payment unvested at its end. Now the
    /// 168 dust payments move each schedule's end by their own weight only (seconds, in the last hour when almost
    /// nothing is left to vest): 7 days after the payment less than a millionth of it is unvested, and a minute later 0.
    function test_regression_dustPaymentsDoNotRestartVesting() public {
        _deposit(alice, 0, 500_000e6);
        _deposit(alice, 1, 1_000_000e6);
        _deposit(alice, 2, 2_000_000e6);
        _payPremium(30_000e6);
        uint256 start = block.timestamp;
        uint64[3] memory ends;
        for (uint256 i; i < 3; ++i) {
            ends[i] = tranches[i].vestingEnd();
            assertEq(ends[i], start + 7 days);
        }
        for (uint256 h = 1; h <= 168; ++h) {
            vm.warp(start + h * 1 hours - 1);
            _payPremium(1);
        }
        vm.warp(start + 7 days);
        for (uint256 i; i < 3; ++i) {
            assertLe(tranches[i].vestingEnd(), ends[i] + 1 minutes, "dust moved the end by more than its weight");
            assertLe(tranches[i].unvestedPremium(), 30_000e6 / 1e6, "premium still unvested at the end of its period");
        }
        vm.warp(start + 7 days + 1 minutes);
        for (uint256 i; i < 3; ++i) {
            assertEq(tranches[i].unvestedPremium(), 0);
        }
    }

    /// @notice A payment of 1 unit splits into parts that round to 0 for Junior and Mezzanine: those are skipped (no
    /// PremiumAdded, no schedule touched); the unit goes to the last weighted tranche.
    function test_payPremium_skipsPartsThatRoundToZero() public {
        _deposit(alice, 0, 500_000e6);
        _deposit(alice, 1, 1_000_000e6);
        _deposit(alice, 2, 2_000_000e6);
        _payPremium(30_000e6);
        vm.warp(block.timestamp + 1 days);
        uint64 juniorStart = tranches[0].vestingStart();
        uint64 mezzanineStart = tranches[1].vestingStart();
        uint256 seniorPremium = tranches[2].totalPremiumReceived();

        vm.recordLogs();
        _payPremium(1);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == EventsLib.PremiumAdded.selector) {
                assertEq(logs[i].emitter, address(tranches[2]), "only the tranche that got the unit books it");
            }
        }
        assertEq(tranches[0].vestingStart(), juniorStart);
        assertEq(tranches[1].vestingStart(), mezzanineStart);
        assertEq(tranches[2].totalPremiumReceived(), seniorPremium + 1);
    }

    function test_addPremium_revertsOnZero() public {
        vm.prank(address(module));
        vm.expectRevert();
        tranches[0].addPremium(0);
    }
}

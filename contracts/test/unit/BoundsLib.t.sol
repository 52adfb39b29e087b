// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {BoundsLib} from "../../src/libraries/BoundsLib.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

contract BoundsLibCaller {
    function check(bytes32 parameter, uint256 value, uint256 min, uint256 max) external pure {
        BoundsLib.check(parameter, value, min, max);
    }
}

/// @notice The revert the app decodes: the name must come back as the exact string, however long.
contract BoundsLibTest is Test {
    BoundsLibCaller internal caller = new BoundsLibCaller();

    function test_withinBounds_inclusive() public view {
        caller.check("cooldown", 0, 0, 60 days);
        caller.check("cooldown", 60 days, 0, 60 days);
    }

    function test_belowMin_revertsWithName() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "unstakeWindow", 59, 60, 120));
        caller.check("unstakeWindow", 59, 60, 120);
    }

    function test_aboveMax_revertsWithName() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "feeRate", 11, 0, 10));
        caller.check("feeRate", 11, 0, 10);
    }

    function test_fullWidthName_keepsAll32Bytes() public {
        string memory name = "abcdefghijklmnopqrstuvwxyz012345";
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, name, 2, 0, 1));
        caller.check("abcdefghijklmnopqrstuvwxyz012345", 2, 0, 1);
    }
}

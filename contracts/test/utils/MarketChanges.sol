// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {BackstopFixture} from "./BackstopFixture.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Helpers for the clearinghouse's staged market changes: announce as the timelock, then apply after the
/// delay (the clock is put back afterwards so the oracles stay fresh for the rest of a test).
abstract contract MarketChanges is BackstopFixture {
    struct Announced {
        bytes32 id;
        uint256 nonce;
        bytes action;
        uint256 readyAt;
    }

    /// @dev Calls the clearinghouse as the timelock and returns the announcement it made (reverts if none).
    function _announce(bytes memory call) internal returns (Announced memory a) {
        vm.recordLogs();
        vm.prank(address(timelock));
        (bool ok, bytes memory ret) = address(clearinghouse).call(call);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return _announcementIn(vm.getRecordedLogs());
    }

    /// @dev The first `MarketChangeAnnounced` among `logs` (reverts if none).
    function _announcementIn(Vm.Log[] memory logs) internal pure returns (Announced memory a) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == EventsLib.MarketChangeAnnounced.selector) {
                a.id = logs[i].topics[1];
                (a.nonce,, a.action, a.readyAt) = abi.decode(logs[i].data, (uint256, uint8, bytes, uint256));
                return a;
            }
        }
        revert("no MarketChangeAnnounced");
    }

    function _executeAfterDelay(Announced memory a) internal {
        uint256 t = block.timestamp;
        vm.warp(a.readyAt);
        clearinghouse.executeMarketChange(a.nonce, a.action);
        vm.warp(t);
    }

    /// @dev A governance market change, announced and applied as if its delay had passed.
    function _marketChangeNow(bytes memory call) internal {
        _executeAfterDelay(_announce(call));
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {ErrorsLib} from "../libraries/ErrorsLib.sol";

/// @title BackstopToken
/// @notice The governance token: fixed supply minted once, ERC20Votes checkpoints on a timestamp clock, permit.
/// No undelegated account starts with a quorum: each allocation is minted already delegated to its holder, and the
/// rest is the treasury (the timelock), which moves only by a passed proposal.
contract BackstopToken is ERC20, ERC20Permit, ERC20Votes {
    /// @param holders Initial holders; each is minted `amounts[i]` delegated to itself (it may redelegate).
    /// @param amounts Each holder's allocation, in tokens (18 decimals).
    /// @param treasury Receives `supply` minus the allocations, undelegated.
    /// @param supply The whole fixed supply; the allocations may not exceed it.
    constructor(address[] memory holders, uint256[] memory amounts, address treasury, uint256 supply)
        ERC20("Backstop Governance", "BSG")
        ERC20Permit("Backstop Governance")
    {
        if (holders.length != amounts.length) revert ErrorsLib.AllocationMismatch(holders.length, amounts.length);
        if (treasury == address(0)) revert ErrorsLib.ZeroAddress();
        uint256 allocated;
        for (uint256 i; i < holders.length; ++i) {
            _mint(holders[i], amounts[i]);
            _delegate(holders[i], holders[i]);
            allocated += amounts[i];
        }
        if (allocated > supply) revert ErrorsLib.AllocationExceedsSupply(allocated, supply);
        _mint(treasury, supply - allocated);
    }

    // ---------------------------------------------------------------- external and public: views

    /// @notice The votes' clock: the block timestamp (ERC-6372).
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    /// @notice "mode=timestamp": checkpoints and proposals are timed in unix seconds (ERC-6372).
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice The account's next permit (and delegation-by-signature) nonce.
    /// @param owner The account.
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    // ---------------------------------------------------------------- internal and private

    /// @dev Moves voting power with the tokens (ERC20Votes).
    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}

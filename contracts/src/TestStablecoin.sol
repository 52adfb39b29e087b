// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";

/// @title TestStablecoin
/// @notice The backstop's asset on the local chain: a 6-decimal stablecoin with EIP-2612 permit and a faucet that
/// works only on the local chain id, so a copy deployed anywhere else cannot be minted.
contract TestStablecoin is ERC20, ERC20Permit {
    /// @notice The only chain id the faucet works on (anvil's).
    uint256 public constant LOCAL_CHAIN_ID = 31337;
    /// @notice The most one faucet call mints, in asset units (10 million tUSD).
    uint256 public constant FAUCET_LIMIT = 10_000_000e6;

    constructor() ERC20("Test USD", "tUSD") ERC20Permit("Test USD") {}

    /// @notice 6, like USDC.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    // ---------------------------------------------------------------- external and public: state-changing

    /// @notice Mints `amount` to the caller; local chain only, at most FAUCET_LIMIT per call.
    /// @param amount The amount, in asset units; not zero.
    function faucet(uint256 amount) external {
        if (block.chainid != LOCAL_CHAIN_ID) revert ErrorsLib.FaucetDisabled(block.chainid);
        if (amount == 0) revert ErrorsLib.ZeroAmount();
        if (amount > FAUCET_LIMIT) revert ErrorsLib.FaucetLimit(amount, FAUCET_LIMIT);
        _mint(msg.sender, amount);
    }
}

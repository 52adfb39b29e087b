// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {TestStablecoin} from "../TestStablecoin.sol";

/// @title LocalYieldVault
/// @notice The local chain's yield-bearing vault for the tranches' strategies: OpenZeppelin's ERC-4626 over the test
/// stablecoin, whose owner (the keeper) makes it earn by minting assets into it from the stablecoin's faucet, and,
/// for tests and the seeded history, lose by sending assets out. Not for any other chain: the faucet works only on
/// the local one.
contract LocalYieldVault is ERC4626, Ownable {
    using SafeERC20 for IERC20;

    /// @notice Yield minted into the vault.
    /// @param amount In asset units.
    event YieldAccrued(uint256 amount);

    /// @notice Assets taken out of the vault as a loss.
    /// @param amount In asset units.
    /// @param recipient Who received them.
    event LossTaken(uint256 amount, address recipient);

    constructor(TestStablecoin asset_, address owner_)
        ERC4626(asset_)
        ERC20("Local Yield tUSD", "lyUSD")
        Ownable(owner_)
    {}

    /// @notice Raises every share's value by minting `amount` of assets into the vault. Owner only.
    /// @param amount In asset units; at most the stablecoin's faucet limit.
    function accrue(uint256 amount) external onlyOwner {
        TestStablecoin(asset()).faucet(amount);
        emit YieldAccrued(amount);
    }

    /// @notice Lowers every share's value by sending `amount` of assets to `recipient`. Owner only.
    /// @param amount In asset units.
    /// @param recipient Who receives them.
    function takeLoss(uint256 amount, address recipient) external onlyOwner {
        IERC20(asset()).safeTransfer(recipient, amount);
        emit LossTaken(amount, recipient);
    }
}

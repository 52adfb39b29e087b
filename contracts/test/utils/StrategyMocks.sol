// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {LocalYieldVault} from "../../src/mocks/LocalYieldVault.sol";

/// @notice A strategy whose owner can limit what it lets go of (`maxWithdraw`/`maxRedeem`), make it refuse every
/// withdrawal while still advertising liquidity (a lying strategy), or make its views revert.
contract HostileYieldVault is LocalYieldVault {
    uint256 public withdrawLimit = type(uint256).max;
    bool public refuseWithdrawals;
    bool public revertViews;

    constructor(TestStablecoin asset_, address owner_) LocalYieldVault(asset_, owner_) {}

    function setWithdrawLimit(uint256 limit) external onlyOwner {
        withdrawLimit = limit;
    }

    function setRefuseWithdrawals(bool refuse) external onlyOwner {
        refuseWithdrawals = refuse;
    }

    function setRevertViews(bool revert_) external onlyOwner {
        revertViews = revert_;
    }

    function maxWithdraw(address owner) public view override returns (uint256) {
        if (revertViews) revert("views down");
        uint256 max = super.maxWithdraw(owner);
        return max < withdrawLimit ? max : withdrawLimit;
    }

    function maxRedeem(address owner) public view override returns (uint256) {
        if (revertViews) revert("views down");
        uint256 max = super.maxRedeem(owner);
        uint256 limit = withdrawLimit == type(uint256).max ? max : convertToShares(withdrawLimit);
        return max < limit ? max : limit;
    }

    function convertToAssets(uint256 shares) public view override returns (uint256) {
        if (revertViews) revert("views down");
        return super.convertToAssets(shares);
    }

    function _withdraw(address caller, address receiver, address owner, uint256 assets, uint256 shares)
        internal
        override
    {
        if (refuseWithdrawals) revert("withdrawals refused");
        super._withdraw(caller, receiver, owner, assets, shares);
    }
}

/// @notice An ERC-4626 vault of another asset: governance must not be able to set it as a strategy.
contract OtherAssetVault is ERC4626 {
    constructor(IERC20 otherAsset) ERC4626(otherAsset) ERC20("other", "other") {}
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";

/// @dev A 6-decimal token that calls the sender's hook before moving balances, as ERC-777's tokensToSend does.
contract CallbackToken is ERC20 {
    TrancheVault public watched;
    uint256 public seenTotalAssets;
    uint256 public seenSharePrice;

    constructor() ERC20("Callback USD", "cbUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function watch(TrancheVault vault) external {
        watched = vault;
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        if (address(watched) != address(0)) {
            seenTotalAssets = watched.totalAssets();
            seenSharePrice = watched.sharePrice();
        }
        return super.transferFrom(from, to, value);
    }
}

/// @notice Off the local chain the deploy script accepts any 6-decimal token. A token that calls back during
/// `transferFrom` must never see a deposit's assets counted before they arrive: the share price it sees then is
/// one a re-entrant redeem or a price read by another protocol could exploit.
contract TrancheVaultCallbackTokenTest is BackstopFixture {
    function test_callbackDuringDeposit_seesNoUnpaidAssets() public {
        CallbackToken token = new CallbackToken();
        BackstopModule m = new BackstopModule(IERC20(address(token)), address(this), guardian);
        TrancheVault[3] memory t;
        t[0] = new TrancheVault(IERC20(address(token)), "J", "J", m, 0);
        t[1] = new TrancheVault(IERC20(address(token)), "M", "M", m, 1);
        t[2] = new TrancheVault(IERC20(address(token)), "S", "S", m, 2);
        m.initialize(_vaults(t), address(clearinghouse), _defaultTrancheParams());

        address alice = makeAddr("alice");
        token.mint(alice, 1_000e6);
        vm.startPrank(alice);
        token.approve(address(t[0]), type(uint256).max);
        t[0].deposit(100e6, alice);
        uint256 priceBefore = t[0].sharePrice();
        token.watch(t[0]);
        t[0].deposit(400e6, alice);
        vm.stopPrank();

        assertEq(token.seenTotalAssets(), 100e6, "assets counted before they arrived");
        assertEq(token.seenSharePrice(), priceBefore, "share price inflated inside the callback");
        assertEq(t[0].totalAssets(), 500e6);
    }
}

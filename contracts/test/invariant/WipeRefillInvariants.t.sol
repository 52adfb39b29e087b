// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {console} from "forge-std/console.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";

/// @notice Drives one tranche through wipe-and-refill cycles: deposits of any size, losses up to everything it has,
/// premiums, exits, time and governance's new epochs. Nothing here is forbidden; the invariants look at the vault.
contract WipeRefillHandler is Test {
    TestStablecoin internal usd;
    BackstopModule internal module;
    TrancheVault internal vault;
    address internal clearinghouse;
    address internal timelock;
    address[3] internal actors = [makeAddr("w1"), makeAddr("w2"), makeAddr("w3")];

    uint256 public wipes;
    uint256 public epochs;
    uint256 public deposits;
    uint256 public maxSupply;
    bool public maxReverted;

    constructor(TestStablecoin usd_, BackstopModule module_, address clearinghouse_, address timelock_) {
        usd = usd_;
        module = module_;
        vault = TrancheVault(address(module_.tranche(0)));
        clearinghouse = clearinghouse_;
        timelock = timelock_;
        for (uint256 i; i < 3; ++i) {
            deal(address(usd), actors[i], 1e30, true);
            vm.startPrank(actors[i]);
            usd.approve(address(vault), type(uint256).max);
            usd.approve(address(module), type(uint256).max);
            vm.stopPrank();
        }
    }

    function deposit(uint256 who, uint256 assets) external {
        address actor = actors[who % 3];
        assets = bound(assets, 1, 2_000_000e6);
        vm.prank(actor);
        try vault.deposit(assets, actor) {
            deposits++;
        } catch {}
        _probe();
    }

    function loss(uint256 fraction) external {
        uint256 available = vault.totalAssets();
        if (available == 0) return;
        // Often everything, otherwise any part.
        uint256 amount = fraction % 3 == 0 ? available : bound(fraction, 1, available);
        bool before = vault.wiped();
        vm.prank(clearinghouse);
        module.cover(0, amount);
        if (!before && vault.wiped()) wipes++;
        _probe();
    }

    function premium(uint256 who, uint256 amount) external {
        amount = bound(amount, 1, 100_000e6);
        vm.prank(actors[who % 3]);
        module.payPremium(amount);
    }

    function exit(uint256 who) external {
        address actor = actors[who % 3];
        uint256 shares = vault.balanceOf(actor);
        if (shares == 0) return;
        vm.prank(actor);
        vault.cooldownShares(shares);
        vm.warp(block.timestamp + 7 days + 1);
        uint256 max = vault.maxRedeem(actor);
        vm.prank(actor);
        vault.redeem(max, actor, actor);
    }

    function newEpoch() external {
        if (!vault.wiped()) return;
        vm.prank(timelock);
        module.startNewEpoch(0);
        epochs++;
        _probe();
    }

    function warp(uint256 s) external {
        vm.warp(block.timestamp + bound(s, 1, 3 days));
    }

    function _probe() internal {
        if (vault.totalSupply() > maxSupply) maxSupply = vault.totalSupply();
        try vault.maxDeposit(actors[0]) {} catch {
            maxReverted = true;
        }
        try vault.maxMint(actors[0]) {} catch {
            maxReverted = true;
        }
    }
}

/// @notice Share supply bounded across any number of wipe-and-refill cycles; maxDeposit/maxMint never revert.
/// forge-config: default.invariant.include-storage = false
/// forge-config: ci.invariant.include-storage = false
/// forge-config: default.invariant.fail-on-revert = true
/// forge-config: ci.invariant.fail-on-revert = true
contract WipeRefillInvariants is BackstopFixture {
    WipeRefillHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new WipeRefillHandler(usd, module, address(clearinghouse), address(timelock));
        // Losses, refills and new epochs weighted up so that each run goes through several cycles.
        bytes4[] memory selectors = new bytes4[](10);
        selectors[0] = handler.deposit.selector;
        selectors[1] = handler.deposit.selector;
        selectors[2] = handler.deposit.selector;
        selectors[3] = handler.loss.selector;
        selectors[4] = handler.loss.selector;
        selectors[5] = handler.newEpoch.selector;
        selectors[6] = handler.newEpoch.selector;
        selectors[7] = handler.premium.selector;
        selectors[8] = handler.exit.selector;
        selectors[9] = handler.warp.selector;
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @dev Before the floor and the epochs, one wipe and refill multiplied the supply by ~10^11 and the 7th overflowed.
    function invariant_supplyBoundedAcrossWipeAndRefill() public view {
        uint256 bound_ = (module.depositCap(0) + 1) * 1e8;
        assertLe(tranches[0].totalSupply(), bound_, "supply beyond the floor's bound");
        assertLe(handler.maxSupply(), bound_, "supply went beyond the bound at some point");
    }

    function invariant_maxDepositAndMaxMintNeverRevert() public view {
        assertFalse(handler.maxReverted(), "maxDeposit or maxMint reverted");
        tranches[0].maxDeposit(address(1));
        tranches[0].maxMint(address(1));
    }

    /// @dev Deposits are refused, and maxDeposit says so, while the tranche is wiped.
    function invariant_noDepositWhileWiped() public view {
        if (tranches[0].wiped()) {
            assertEq(tranches[0].maxDeposit(address(1)), 0);
            assertEq(tranches[0].maxMint(address(1)), 0);
        }
    }

    /// @dev Logs (with -vv) how many cycles the last run went through.
    function afterInvariant() external view {
        console.log("wipes", handler.wipes());
        console.log("epochs", handler.epochs());
        console.log("deposits", handler.deposits());
    }
}

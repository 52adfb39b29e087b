// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {ITrancheVault} from "../../src/interfaces/ITrancheVault.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

/// @notice Deposits read the pause flag and the cap from the vault's own copy (no call to the module): attempts to
/// deposit past a stale copy, to write the copy directly, or to game the books a deposit writes.
contract TrancheVaultDepositLimitsTest is BackstopFixture {
    address internal alice = makeAddr("alice");
    address internal attacker = makeAddr("attacker");

    address[] internal targets;
    uint256[] internal values;
    bytes[] internal calldatas;

    function setUp() public override {
        super.setUp();
        vm.warp(block.timestamp + 1); // the voter's delegation is now in the past
    }

    /// @dev Passes one call through the whole governance path: propose, vote, queue, timelock, execute.
    function _govern(bytes memory data, string memory description) internal {
        delete targets;
        delete values;
        delete calldatas;
        targets.push(address(module));
        values.push(0);
        calldatas.push(data);
        vm.prank(voter);
        uint256 id = governor.propose(targets, values, calldatas, description);
        vm.warp(governor.proposalSnapshot(id) + 1);
        vm.prank(voter);
        governor.castVote(id, 1);
        vm.warp(governor.proposalDeadline(id) + 1);
        governor.queue(targets, values, calldatas, keccak256(bytes(description)));
        vm.warp(governor.proposalEta(id));
        governor.execute(targets, values, calldatas, keccak256(bytes(description)));
    }

    function _approve(address user, uint8 trancheId, uint256 amount) internal {
        _mintUsd(user, amount);
        vm.prank(user);
        usd.approve(address(tranches[trancheId]), amount);
    }

    function test_governanceLowersCap_depositAboveNewCapReverts() public {
        _deposit(alice, 0, 900e6);
        _govern(abi.encodeCall(BackstopModule.setDepositCap, (0, 1_000e6)), "cap Junior at 1,000");
        assertEq(module.depositCap(0), 1_000e6);
        assertEq(tranches[0].maxDeposit(attacker), 100e6, "the vault's copy follows the executed proposal");

        _approve(attacker, 0, 101e6);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, attacker, 101e6, 100e6));
        tranches[0].deposit(101e6, attacker);
        vm.prank(attacker);
        tranches[0].deposit(100e6, attacker);
        assertEq(tranches[0].totalAssets(), 1_000e6);
        assertEq(tranches[0].maxDeposit(attacker), 0);
    }

    function test_governanceRaisesCap_depositsUpToNewCap() public {
        _govern(abi.encodeCall(BackstopModule.setDepositCap, (2, 9_000_000e6)), "raise Senior");
        _deposit(alice, 2, 9_000_000e6);
        assertEq(tranches[2].totalAssets(), 9_000_000e6);
        _approve(attacker, 2, 1);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, attacker, 1, 0));
        tranches[2].deposit(1, attacker);
    }

    function test_dustDepositsStopAtCap() public {
        _govern(abi.encodeCall(BackstopModule.setDepositCap, (1, 10)), "a tiny Mezzanine cap");
        _approve(attacker, 1, 11);
        vm.startPrank(attacker);
        for (uint256 i; i < 10; ++i) {
            tranches[1].deposit(1, attacker);
        }
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, attacker, 1, 0));
        tranches[1].deposit(1, attacker);
        vm.expectRevert();
        tranches[1].mint(1, attacker);
        vm.stopPrank();
        assertEq(tranches[1].totalAssets(), 10);
        assertEq(tranches[1].accountedAssets(), 10);
    }

    function test_guardianPause_stopsEveryTrancheAndGovernanceReopens() public {
        vm.prank(guardian);
        module.setDepositsPaused(true);
        for (uint8 i; i < 3; ++i) {
            _approve(attacker, i, 10e6);
            vm.startPrank(attacker);
            vm.expectRevert(ErrorsLib.DepositsPaused.selector);
            tranches[i].deposit(10e6, attacker);
            vm.expectRevert(ErrorsLib.DepositsPaused.selector);
            tranches[i].mint(10e12, attacker);
            vm.expectRevert(ErrorsLib.DepositsPaused.selector);
            tranches[i].depositWithPermit(10e6, attacker, block.timestamp, 0, bytes32(0), bytes32(0));
            vm.stopPrank();
            assertEq(tranches[i].maxDeposit(attacker), 0);
            assertEq(tranches[i].maxMint(attacker), 0);
        }

        _govern(abi.encodeCall(BackstopModule.setDepositsPaused, (false)), "reopen deposits");
        assertFalse(module.depositsPaused());
        vm.prank(attacker);
        assertGt(tranches[1].deposit(10e6, attacker), 0);
    }

    function test_onlyModuleWritesTheCopy() public {
        vm.prank(guardian);
        module.setDepositsPaused(true);
        for (uint8 i; i < 3; ++i) {
            for (uint256 k; k < 3; ++k) {
                address caller = k == 0 ? attacker : k == 1 ? guardian : address(timelock);
                vm.prank(caller);
                vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotModule.selector, caller));
                tranches[i].syncDepositLimits(false, type(uint256).max);
            }
            assertEq(tranches[i].maxDeposit(attacker), 0);
        }
    }

    /// @dev The guardian may pause before the module is initialized (no vault to copy to yet); initialize copies it.
    function test_pauseBeforeInitialize_carriedIntoVaults() public {
        BackstopModule m = new BackstopModule(IERC20(address(usd)), address(this), guardian);
        TrancheVault[3] memory t;
        ITrancheVault[3] memory v;
        for (uint8 i; i < 3; ++i) {
            t[i] = new TrancheVault(IERC20(address(usd)), "T", "T", m, i);
            v[i] = t[i];
            assertEq(t[i].maxDeposit(alice), 0, "no cap before initialize");
        }
        vm.prank(guardian);
        m.setDepositsPaused(true);
        m.initialize(v, address(clearinghouse), _defaultTrancheParams());
        _mintUsd(alice, 1e6);
        for (uint8 i; i < 3; ++i) {
            assertEq(t[i].maxDeposit(alice), 0);
            vm.startPrank(alice);
            usd.approve(address(t[i]), 1e6);
            vm.expectRevert(ErrorsLib.DepositsPaused.selector);
            t[i].deposit(1e6, alice);
            vm.stopPrank();
        }
        m.setDepositsPaused(false);
        assertEq(t[0].maxDeposit(alice), 2_000_000e6);
        assertEq(t[2].maxDeposit(alice), 8_000_000e6);
    }

    /// @dev A cap beyond 128 bits is kept as the 128-bit maximum: still no limit any asset could reach.
    function test_hugeCap_keptAsUint128Max() public {
        _govern(abi.encodeCall(BackstopModule.setDepositCap, (0, type(uint256).max)), "uncap Junior");
        assertEq(module.depositCap(0), type(uint256).max);
        _deposit(alice, 0, 5e6);
        assertEq(tranches[0].maxDeposit(alice), type(uint128).max - 5e6);
    }

    /// @dev A donation is not on the books: it neither prices the next deposit nor uses up the cap.
    function test_donation_ignoredByDepositPriceAndCap() public {
        _deposit(alice, 0, 1);
        _mintUsd(attacker, 1_000_000e6);
        vm.prank(attacker);
        usd.transfer(address(tranches[0]), 1_000_000e6);
        assertEq(tranches[0].totalAssets(), 1);
        assertEq(tranches[0].maxDeposit(alice), 2_000_000e6 - 1);

        uint256 shares = _deposit(alice, 0, 1_000e6);
        assertEq(shares, 1_000e6 * 1e6, "priced at the first deposit's price, not the donation's");
        assertEq(tranches[0].accountedAssets(), 1_000e6 + 1);
        assertEq(tranches[0].convertToAssets(tranches[0].balanceOf(alice)), 1_000e6 + 1);
    }

    /// @dev Each deposit books exactly its assets and mints what previewDeposit said, at whatever price losses and
    /// vesting premium left; a round trip of dust can never take out more than it put in.
    function testFuzz_depositBooksAssetsAndMatchesPreview(uint256 loss, uint256 premium, uint256 assets) public {
        _deposit(alice, 0, 1_000_000e6);
        loss = bound(loss, 0, 980_000e6); // above the share-price floor
        premium = bound(premium, 0, 100_000e6);
        assets = bound(assets, 1, 500_000e6);
        if (loss > 0) _cover(loss);
        if (premium > 0) _payPremium(premium);
        vm.warp(block.timestamp + 1 days);

        uint256 accountedBefore = tranches[0].accountedAssets();
        uint256 supplyBefore = tranches[0].totalSupply();
        uint256 expected = tranches[0].previewDeposit(assets);
        uint256 shares = _deposit(attacker, 0, assets);
        assertEq(shares, expected);
        assertEq(tranches[0].accountedAssets(), accountedBefore + assets);
        assertEq(tranches[0].totalSupply(), supplyBefore + shares);
        assertLe(tranches[0].convertToAssets(shares), assets, "rounding never favours the depositor");
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";

/// @notice The yardstick: OpenZeppelin's ERC-4626 with nothing added.
contract PlainVault is ERC4626 {
    constructor(IERC20 a) ERC4626(a) ERC20("p", "p") {}
}

/// @notice Gas of the operations users and keepers pay for, each measured around the one call with
/// vm.startSnapshotGas (written to snapshots/GasBenchmarks.json) and, for the whole test, by `forge snapshot`.
/// Every measured call starts from the same kind of state: vaults already holding other depositors' capital, the
/// measured account touching its slots for the first time in the transaction.
contract GasBenchmarks is BackstopFixture {
    uint256 internal constant AMOUNT = 100_000e6;

    PlainVault internal plain;
    address internal user = makeAddr("user");
    address internal trader = makeAddr("trader");
    address internal holder = makeAddr("holder"); // has shares, no exit request
    address internal leaver = makeAddr("leaver"); // has shares under an exit request
    address internal opener = makeAddr("opener"); // funded and approved, no position yet
    address internal closer = makeAddr("closer"); // holds a BTC short to close
    uint256 internal constant BTC_SIZE = 10e18; // 600k notional at 60,000
    uint256 internal btcMargin;
    uint256 internal mintShares; // read in setUp, so the measured mint finds the vault's slots cold

    function setUp() public override {
        super.setUp();
        plain = new PlainVault(IERC20(address(usd)));
        // Existing capital in every vault, the plain one included, so no measured deposit is the first.
        address seed = makeAddr("seed");
        _deposit(seed, 0, 500_000e6);
        _deposit(seed, 1, 1_000_000e6);
        _deposit(seed, 2, 2_000_000e6);
        _mintUsd(seed, 500_000e6);
        vm.startPrank(seed);
        usd.approve(address(plain), 500_000e6);
        plain.deposit(500_000e6, seed);
        vm.stopPrank();

        _mintUsd(user, 2 * AMOUNT);
        vm.startPrank(user);
        usd.approve(address(tranches[1]), AMOUNT);
        usd.approve(address(plain), AMOUNT);
        vm.stopPrank();
        _fundHouse(10_000_000e6);

        _deposit(holder, 1, AMOUNT);
        uint256 shares = _deposit(leaver, 1, AMOUNT);
        vm.prank(leaver);
        tranches[1].cooldownShares(shares);

        // A 3M-notional ETH long at its size's initial margin (12.75%) that a fall to 2,000 leaves ~0.6M under water.
        // Opened here so that every test measures from storage last written in another transaction.
        _open(trader, ETH, true, 1_000e18, clearinghouse.initialMargin(ETH, 3_000_000e6));
        _setPrice(ETH, 2_000e8);
        // A trade's open and close, the paths whose premium issue #21 reprices: the baseline before it.
        btcMargin = clearinghouse.initialMargin(BTC, 600_000e6);
        _mintUsd(opener, 2 * btcMargin);
        vm.prank(opener);
        usd.approve(address(clearinghouse), 2 * btcMargin);
        _open(closer, BTC, false, BTC_SIZE, btcMargin);
        mintShares = tranches[1].previewDeposit(AMOUNT / 2);
        vm.warp(block.timestamp + 1); // so the voter's delegation is a past checkpoint when proposing
    }

    function test_gas_deposit() public {
        vm.startPrank(user);
        vm.startSnapshotGas("deposit");
        uint256 shares = tranches[1].deposit(AMOUNT, user);
        uint256 gasUsed = vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(tranches[1].balanceOf(user), shares);
        assertGt(gasUsed, 0);
    }

    function test_gas_plainERC4626Deposit() public {
        vm.startPrank(user);
        vm.startSnapshotGas("plainERC4626Deposit");
        uint256 shares = plain.deposit(AMOUNT, user);
        uint256 gasUsed = vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(plain.balanceOf(user), shares);
        assertGt(gasUsed, 0);
    }

    function test_gas_mint() public {
        vm.startPrank(user);
        vm.startSnapshotGas("mint");
        uint256 assets = tranches[1].mint(mintShares, user);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(tranches[1].balanceOf(user), mintShares);
        assertGt(assets, 0);
        assertLe(assets, AMOUNT);
    }

    function test_gas_withdraw() public {
        vm.warp(block.timestamp + 7 days + 1 hours);
        uint256 assets = AMOUNT / 2; // under the leaver's maxWithdraw, which reading here would warm the slots
        uint256 before = usd.balanceOf(leaver);

        vm.startPrank(leaver);
        vm.startSnapshotGas("withdraw");
        tranches[1].withdraw(assets, leaver, leaver);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(usd.balanceOf(leaver) - before, assets);
        assertLt(tranches[1].balanceOf(leaver), tranches[1].balanceOf(holder));
    }

    function test_gas_cooldown() public {
        uint256 shares = tranches[1].balanceOf(holder);
        vm.startPrank(holder);
        vm.startSnapshotGas("cooldown");
        tranches[1].cooldownShares(shares);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(tranches[1].lockedShares(holder), shares);
    }

    function test_gas_redeem() public {
        uint256 shares = tranches[1].balanceOf(leaver);
        vm.warp(block.timestamp + 7 days + 1 hours);
        uint256 before = usd.balanceOf(leaver);

        vm.startPrank(leaver);
        vm.startSnapshotGas("redeem");
        uint256 assets = tranches[1].redeem(shares, leaver, leaver);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(usd.balanceOf(leaver) - before, assets);
        assertEq(tranches[1].balanceOf(leaver), 0);
    }

    /// @dev The waterfall alone: a 700k shortfall empties Junior (~500k) and dents Mezzanine.
    function test_gas_cover() public {
        uint256 junior = tranches[0].totalAssets();
        uint256 mezzanine = tranches[1].totalAssets();
        vm.startPrank(address(clearinghouse));
        vm.startSnapshotGas("cover");
        (, uint256 covered) = module.cover(ETH, 700_000e6);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(covered, 700_000e6);
        assertEq(tranches[0].totalAssets(), 0);
        assertEq(tranches[1].totalAssets(), mezzanine - (700_000e6 - junior));
    }

    /// @dev A whole liquidation whose shortfall (~1M) also spans Junior and Mezzanine, by a keeper that already holds
    /// the asset (as every keeper does after its first reward), so its bad-debt reward lands on a non-zero balance.
    function test_gas_liquidate() public {
        address liquidator = makeAddr("liquidator");
        deal(address(usd), liquidator, 1);
        _liquidateMeasured(liquidator, "liquidate");
    }

    /// @dev The same liquidation by a keeper with no asset yet: its first reward writes a fresh balance (~17k more).
    function test_gas_liquidateFirstReward() public {
        _liquidateMeasured(makeAddr("liquidator"), "liquidateFirstReward");
    }

    function _liquidateMeasured(address liquidator, string memory name) internal {
        vm.startPrank(liquidator);
        vm.startSnapshotGas(name);
        uint256 shortfall = clearinghouse.liquidate(trader, ETH);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertGt(shortfall, 500_000e6, "shortfall reaches Mezzanine");
        assertGt(usd.balanceOf(liquidator), 1, "the keeper is paid for a bad-debt liquidation");
        assertEq(tranches[0].totalAssets(), 0);
        assertLt(tranches[1].totalAssets(), 1_000_000e6 + 2 * AMOUNT);
    }

    function test_gas_openPosition() public {
        vm.startPrank(opener);
        vm.startSnapshotGas("openPosition");
        clearinghouse.openPosition(BTC, true, BTC_SIZE, btcMargin);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(clearinghouse.positionOf(opener, BTC).size, BTC_SIZE);
        assertLt(usd.balanceOf(opener), btcMargin, "the open paid its margin and a premium");
    }

    function test_gas_closePosition() public {
        uint256 balanceBefore = usd.balanceOf(closer);
        vm.startPrank(closer);
        vm.startSnapshotGas("closePosition");
        clearinghouse.closePosition(BTC);
        vm.stopSnapshotGas();
        vm.stopPrank();
        assertEq(clearinghouse.positionOf(closer, BTC).size, 0);
        assertGt(usd.balanceOf(closer), balanceBefore, "the margin came back");
    }

    function test_gas_castVote() public {
        address[] memory targets = new address[](1);
        targets[0] = address(module);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(BackstopModule.setCooldown, (0, 10 days));
        vm.prank(voter);
        uint256 proposalId = governor.propose(targets, values, calldatas, "Raise the Junior cooldown to 10 days");
        vm.warp(block.timestamp + governor.votingDelay() + 1);

        vm.startPrank(voter);
        vm.startSnapshotGas("castVote");
        governor.castVote(proposalId, 1);
        vm.stopSnapshotGas();
        vm.stopPrank();
        (, uint256 forVotes,) = governor.proposalVotes(proposalId);
        assertEq(forVotes, 200_000e18);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Active));
    }
}

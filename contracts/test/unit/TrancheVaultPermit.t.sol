// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

contract TrancheVaultPermitTest is BackstopFixture {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    TrancheVault internal mezzanine;
    uint256 internal alicePk = 0xA11CE;
    address internal alice;
    address internal receiver = makeAddr("receiver");

    function setUp() public override {
        super.setUp();
        mezzanine = tranches[1];
        alice = vm.addr(alicePk);
        _mintUsd(alice, 10_000e6);
    }

    function _sign(uint256 pk, address owner, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, usd.nonces(owner), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(pk, digest);
    }

    function test_depositWithPermit_depositsInOneCall() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(alicePk, alice, address(mezzanine), 1_000e6, deadline);
        uint256 expected = mezzanine.previewDeposit(1_000e6);

        vm.prank(alice);
        uint256 shares = mezzanine.depositWithPermit(1_000e6, alice, deadline, v, r, s);

        assertEq(shares, expected);
        assertEq(mezzanine.balanceOf(alice), expected);
        assertEq(usd.balanceOf(alice), 9_000e6);
        assertEq(usd.allowance(alice, address(mezzanine)), 0, "the permit covers exactly the deposit");
        assertEq(usd.nonces(alice), 1);
    }

    function test_depositWithPermit_mintsToReceiver() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(alicePk, alice, address(mezzanine), 500e6, deadline);
        vm.prank(alice);
        uint256 shares = mezzanine.depositWithPermit(500e6, receiver, deadline, v, r, s);
        assertEq(mezzanine.balanceOf(receiver), shares);
        assertEq(mezzanine.balanceOf(alice), 0);
    }

    function test_depositWithPermit_survivesFrontRunPermit() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(alicePk, alice, address(mezzanine), 1_000e6, deadline);
        // Someone copies the signature out of the mempool and spends it first.
        vm.prank(makeAddr("griefer"));
        usd.permit(alice, address(mezzanine), 1_000e6, deadline, v, r, s);

        vm.prank(alice);
        uint256 shares = mezzanine.depositWithPermit(1_000e6, alice, deadline, v, r, s);
        assertGt(shares, 0);
        assertEq(usd.balanceOf(alice), 9_000e6);
    }

    function test_depositWithPermit_revertsWithoutAllowanceWhenSignatureIsBad() public {
        uint256 deadline = block.timestamp + 1 hours;
        // Signed by someone else: the permit fails, and there is no allowance to fall back on.
        (uint8 v, bytes32 r, bytes32 s) = _sign(0xB0B, alice, address(mezzanine), 1_000e6, deadline);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(mezzanine), 0, 1_000e6)
        );
        mezzanine.depositWithPermit(1_000e6, alice, deadline, v, r, s);
    }

    function test_depositWithPermit_revertsAfterDeadline() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(alicePk, alice, address(mezzanine), 1_000e6, deadline);
        vm.warp(deadline + 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(mezzanine), 0, 1_000e6)
        );
        mezzanine.depositWithPermit(1_000e6, alice, deadline, v, r, s);
    }

    function test_depositWithPermit_revertsOnZero() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(alicePk, alice, address(mezzanine), 0, deadline);
        vm.prank(alice);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        mezzanine.depositWithPermit(0, alice, deadline, v, r, s);
    }

    function test_depositWithPermit_honoursTheCap() public {
        uint256 room = mezzanine.maxDeposit(alice);
        uint256 amount = room + 1;
        _mintUsd(alice, amount);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _sign(alicePk, alice, address(mezzanine), amount, deadline);
        vm.prank(alice);
        vm.expectPartialRevert(bytes4(keccak256("ERC4626ExceededMaxDeposit(address,uint256,uint256)")));
        mezzanine.depositWithPermit(amount, alice, deadline, v, r, s);
    }

    function testFuzz_depositWithPermit_matchesApproveThenDeposit(uint256 assets) public {
        assets = bound(assets, 1, 10_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        uint256 expected = mezzanine.previewDeposit(assets);
        (uint8 v, bytes32 r, bytes32 s) = _sign(alicePk, alice, address(mezzanine), assets, deadline);
        vm.prank(alice);
        assertEq(mezzanine.depositWithPermit(assets, alice, deadline, v, r, s), expected);
    }
}

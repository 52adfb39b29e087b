// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

contract TestStablecoinTest is Test {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    TestStablecoin internal usd;
    address internal alice = makeAddr("alice");

    function setUp() public {
        vm.chainId(31337);
        usd = new TestStablecoin();
    }

    function test_metadata() public view {
        assertEq(usd.name(), "Test USD");
        assertEq(usd.symbol(), "tUSD");
        assertEq(usd.decimals(), 6);
        assertEq(usd.LOCAL_CHAIN_ID(), 31337);
        assertEq(usd.FAUCET_LIMIT(), 10_000_000e6);
        assertEq(usd.totalSupply(), 0);
    }

    function test_faucet_mintsToCaller() public {
        vm.prank(alice);
        usd.faucet(1_000e6);
        assertEq(usd.balanceOf(alice), 1_000e6);
        vm.prank(alice);
        usd.faucet(10_000_000e6); // exactly the limit
        assertEq(usd.balanceOf(alice), 10_001_000e6);
        assertEq(usd.totalSupply(), 10_001_000e6);
    }

    function test_faucet_disabledOffLocalChain() public {
        vm.chainId(1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FaucetDisabled.selector, 1));
        usd.faucet(1e6);
        vm.chainId(8453);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FaucetDisabled.selector, 8453));
        usd.faucet(1e6);
        assertEq(usd.totalSupply(), 0);
    }

    function test_faucet_revertsOnZero() public {
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        usd.faucet(0);
    }

    function test_faucet_revertsAboveLimit() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FaucetLimit.selector, 10_000_000e6 + 1, 10_000_000e6));
        usd.faucet(10_000_000e6 + 1);
    }

    function _sign(uint256 pk, address owner, address spender, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(pk, digest);
    }

    function test_permit_setsAllowance() public {
        (address owner, uint256 pk) = makeAddrAndKey("owner");
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = _sign(pk, owner, alice, 123e6, 0, deadline);
        usd.permit(owner, alice, 123e6, deadline, v, r, s);
        assertEq(usd.allowance(owner, alice), 123e6);
        assertEq(usd.nonces(owner), 1);
    }

    function test_permit_revertsOnExpiredDeadline() public {
        (address owner, uint256 pk) = makeAddrAndKey("owner");
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _sign(pk, owner, alice, 1e6, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        usd.permit(owner, alice, 1e6, deadline, v, r, s);
    }

    function test_permit_revertsOnWrongSigner() public {
        (address owner,) = makeAddrAndKey("owner");
        (address other, uint256 otherPk) = makeAddrAndKey("other");
        uint256 deadline = block.timestamp + 1;
        (uint8 v, bytes32 r, bytes32 s) = _sign(otherPk, owner, alice, 1e6, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, other, owner));
        usd.permit(owner, alice, 1e6, deadline, v, r, s);
    }

    function test_permit_cannotBeReplayed() public {
        (address owner, uint256 pk) = makeAddrAndKey("owner");
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = _sign(pk, owner, alice, 5e6, 0, deadline);
        usd.permit(owner, alice, 5e6, deadline, v, r, s);
        vm.expectPartialRevert(ERC20Permit.ERC2612InvalidSigner.selector);
        usd.permit(owner, alice, 5e6, deadline, v, r, s);
        assertEq(usd.nonces(owner), 1);
    }

    function testFuzz_faucet_upToLimit(uint256 amount) public {
        amount = bound(amount, 1, usd.FAUCET_LIMIT());
        vm.prank(alice);
        usd.faucet(amount);
        assertEq(usd.balanceOf(alice), amount);
    }
}

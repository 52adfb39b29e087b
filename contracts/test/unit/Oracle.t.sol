// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

contract MockAggregatorTest is Test {
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    address internal keeper = makeAddr("keeper");
    MockAggregator internal feed;
    uint256 internal t0;

    function setUp() public {
        vm.warp(1_700_000_000);
        t0 = block.timestamp;
        feed = new MockAggregator(8, "ETH / USD", keeper, 3_000e8);
    }

    function test_constructor_setsMetadataAndFirstRound() public view {
        assertEq(feed.decimals(), 8);
        assertEq(feed.description(), "ETH / USD");
        assertEq(feed.updater(), keeper);
        assertEq(feed.version(), 1);
        assertEq(feed.latestRound(), 1);
        (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) =
            feed.latestRoundData();
        assertEq(roundId, 1);
        assertEq(answer, 3_000e8);
        assertEq(startedAt, t0);
        assertEq(updatedAt, t0);
        assertEq(answeredInRound, 1);
    }

    function test_constructor_emitsAnswerUpdated() public {
        vm.expectEmit(true, true, false, true);
        emit AnswerUpdated(42, 1, block.timestamp);
        new MockAggregator(18, "X", keeper, 42);
    }

    function test_constructor_revertsOnZeroUpdater() public {
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        new MockAggregator(8, "X", address(0), 1);
    }

    function test_updateAnswer_pushesNewRound() public {
        vm.warp(t0 + 60);
        vm.expectEmit(true, true, false, true, address(feed));
        emit AnswerUpdated(2_900e8, 2, t0 + 60);
        vm.prank(keeper);
        feed.updateAnswer(2_900e8);
        assertEq(feed.latestRound(), 2);
        (uint80 roundId, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(roundId, 2);
        assertEq(answer, 2_900e8);
        assertEq(updatedAt, t0 + 60);
    }

    function test_updateAnswer_onlyUpdater() public {
        address stranger = makeAddr("stranger");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotOracleUpdater.selector, stranger));
        feed.updateAnswer(1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotOracleUpdater.selector, address(this)));
        feed.updateAnswer(1);
        (, int256 answer,,,) = feed.latestRoundData();
        assertEq(answer, 3_000e8);
    }

    function test_updateAnswer_acceptsNonPositive() public {
        // the feed stores what it is told; consumers (the clearinghouse) reject it
        vm.startPrank(keeper);
        feed.updateAnswer(0);
        feed.updateAnswer(-1);
        vm.stopPrank();
        (, int256 answer,,,) = feed.latestRoundData();
        assertEq(answer, -1);
    }

    function test_getRoundData_servesHistory() public {
        vm.startPrank(keeper);
        vm.warp(t0 + 100);
        feed.updateAnswer(3_100e8);
        vm.warp(t0 + 200);
        feed.updateAnswer(3_200e8);
        vm.stopPrank();
        (uint80 id, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredIn) = feed.getRoundData(1);
        assertEq(id, 1);
        assertEq(answer, 3_000e8);
        assertEq(startedAt, t0);
        assertEq(updatedAt, t0);
        assertEq(answeredIn, 1);
        (, answer,, updatedAt,) = feed.getRoundData(2);
        assertEq(answer, 3_100e8);
        assertEq(updatedAt, t0 + 100);
        (, answer,, updatedAt,) = feed.getRoundData(3);
        assertEq(answer, 3_200e8);
        assertEq(updatedAt, t0 + 200);
        // unknown rounds are empty
        (id, answer,, updatedAt,) = feed.getRoundData(99);
        assertEq(id, 99);
        assertEq(answer, 0);
        assertEq(updatedAt, 0);
    }

    function testFuzz_updateAnswer_latestIsLastPushed(int256[5] memory answers) public {
        vm.startPrank(keeper);
        for (uint256 i; i < answers.length; ++i) {
            vm.warp(t0 + i + 1);
            feed.updateAnswer(answers[i]);
        }
        vm.stopPrank();
        (uint80 id, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        assertEq(id, 6);
        assertEq(answer, answers[4]);
        assertEq(updatedAt, t0 + 5);
        (, int256 second,,,) = feed.getRoundData(3);
        assertEq(second, answers[1]);
    }
}

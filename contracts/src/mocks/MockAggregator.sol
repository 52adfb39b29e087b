// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {ErrorsLib} from "../libraries/ErrorsLib.sol";

/// @title MockAggregator
/// @notice A Chainlink-compatible price feed whose answers a single keeper pushes (the local chain's oracle).
/// Every round is stored, so `getRoundData` serves history like a real feed.
contract MockAggregator is AggregatorV3Interface {
    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    /// @dev Same shape as Chainlink's AggregatorInterface event, so indexers written for real feeds work here.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    /// @notice Decimals of every answer (8 for the USD feeds).
    uint8 public immutable override decimals;
    /// @notice The keeper, the only account that may push answers.
    address public immutable updater;
    /// @notice The feed's name, e.g. "ETH / USD".
    string public override description;
    /// @notice The id of the latest round; rounds are numbered from 1.
    uint80 public latestRound;
    mapping(uint80 => Round) internal rounds;

    constructor(uint8 decimals_, string memory description_, address updater_, int256 initialAnswer) {
        if (updater_ == address(0)) revert ErrorsLib.ZeroAddress();
        decimals = decimals_;
        description = description_;
        updater = updater_;
        _push(initialAnswer);
    }

    // ---------------------------------------------------------------- external and public: state-changing

    /// @notice Pushes a new answer as a new round; only the keeper.
    /// @param answer The price, with `decimals` decimals.
    function updateAnswer(int256 answer) external {
        if (msg.sender != updater) revert ErrorsLib.NotOracleUpdater(msg.sender);
        _push(answer);
    }

    // ---------------------------------------------------------------- external and public: views

    /// @notice The feed's version, as Chainlink feeds report it.
    function version() external pure override returns (uint256) {
        return 1;
    }

    /// @notice A past round, as Chainlink's `getRoundData`: the answer and its time (startedAt = updatedAt).
    /// @param roundId The round; an unknown one reads as zeros.
    function getRoundData(uint80 roundId)
        external
        view
        override
        returns (uint80, int256, uint256, uint256, uint80)
    {
        Round memory r = rounds[roundId];
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }

    /// @notice The latest round, as Chainlink's `latestRoundData`.
    function latestRoundData() external view override returns (uint80, int256, uint256, uint256, uint80) {
        Round memory r = rounds[latestRound];
        return (latestRound, r.answer, r.updatedAt, r.updatedAt, latestRound);
    }

    // ---------------------------------------------------------------- internal and private

    function _push(int256 answer) internal {
        uint80 id = latestRound + 1;
        latestRound = id;
        rounds[id] = Round(answer, uint64(block.timestamp));
        emit AnswerUpdated(answer, id, block.timestamp);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IBackstopRiskView} from "./IBackstopRiskView.sol";
import {IExitTimings, IGovernanceTimings} from "./IGovernanceTimings.sol";
import {ITrancheVault} from "./ITrancheVault.sol";

/// @title IBackstopModule
/// @notice The hub of the backstop: the tranche registry, the loss waterfall (Junior → Mezzanine → Senior), premium
/// distribution by capital × risk multiplier, and every risk parameter. Owned by the governance timelock; its
/// ownership functions are OpenZeppelin's `Ownable`.
interface IBackstopModule is IBackstopRiskView, IExitTimings {
    /// @notice A tranche's risk parameters, each set by governance within the module's bounds.
    /// @param depositCap Most assets the tranche takes, in asset units.
    /// @param cooldown Seconds from an exit request until its unstake window opens.
    /// @param unstakeWindow Seconds the window stays open once the cooldown ends.
    /// @param riskMultiplier Weight of the tranche's capital in the premium split, as a wad.
    struct TrancheParams {
        uint256 depositCap;
        uint256 cooldown;
        uint256 unstakeWindow;
        uint256 riskMultiplier;
    }

    /// @notice A covered protocol: a clearinghouse whose shortfalls the waterfall pays.
    /// @param clearinghouse The clearinghouse; the only caller `cover` accepts for this protocol.
    /// @param active False once governance removed it: it can no longer draw and no longer counts in required capital.
    /// @param suspended True while the guardian or governance has it suspended: as if removed (no `cover`, no
    /// exposure read or counted, no opens) until governance resumes it. Packed beside `active`: the hot paths read one
    /// slot.
    /// @param exposureCap The most exposure (Σ open interest × stress loss rate) a new position may leave it with,
    /// in asset units; price moves may take it above, but no open is accepted while it is.
    /// @param premiumShare The part of each premium it pays that goes to the backstop, as a wad (at most 1); the
    /// rest stays with the protocol, in its house liquidity.
    /// @param name Its name as depositors see it: 1 to 32 bytes of printable ASCII.
    struct Protocol {
        address clearinghouse;
        bool active;
        bool suspended;
        uint256 exposureCap;
        uint256 premiumShare;
        string name;
    }

    // ---------------------------------------------------------------- constants

    /// @notice The number of tranches (3).
    function TRANCHE_COUNT() external view returns (uint8);

    /// @notice The id of the Junior tranche (0), the first to absorb a loss.
    function JUNIOR() external view returns (uint8);

    /// @notice The id of the Mezzanine tranche (1).
    function MEZZANINE() external view returns (uint8);

    /// @notice The id of the Senior tranche (2), the last to absorb a loss.
    function SENIOR() external view returns (uint8);

    /// @notice The longest cooldown governance may set, in seconds.
    function MAX_COOLDOWN() external view returns (uint256);

    /// @notice The shortest unstake window governance may set, in seconds.
    function MIN_UNSTAKE_WINDOW() external view returns (uint256);

    /// @notice The longest unstake window governance may set, in seconds.
    function MAX_UNSTAKE_WINDOW() external view returns (uint256);

    /// @notice The lowest risk multiplier governance may set, as a wad.
    function MIN_RISK_MULTIPLIER() external view returns (uint256);

    /// @notice The highest risk multiplier governance may set, as a wad.
    function MAX_RISK_MULTIPLIER() external view returns (uint256);

    /// @notice The longest premium vesting period governance may set, in seconds.
    function MAX_VESTING_PERIOD() external view returns (uint256);

    /// @notice The highest stress loss rate governance may set for a market, as a wad of its open interest.
    function MAX_STRESS_LOSS_RATE() external view returns (uint256);

    /// @notice The lowest solvency threshold governance may set, as a wad.
    function MIN_SOLVENCY_THRESHOLD() external view returns (uint256);

    /// @notice The highest solvency threshold governance may set, as a wad.
    function MAX_SOLVENCY_THRESHOLD() external view returns (uint256);

    /// @notice The smallest buffer share governance may set (5%): a tranche with a strategy keeps at least this
    /// share of its assets idle for covers and exits.
    function MIN_BUFFER_SHARE() external view returns (uint256);

    /// @notice The largest buffer share (100%: nothing goes into the strategy).
    function MAX_BUFFER_SHARE() external view returns (uint256);

    /// @notice A strategy loss of at most this many asset units (the strategy's rounding) is booked by the tranche
    /// (`StrategyLossBooked`, `totalLossAbsorbed`) but gets no loss id: no `StrategyLoss`, no loss row.
    function STRATEGY_LOSS_DUST() external view returns (uint256);

    /// @notice The most protocols the registry holds, removed ones included (it bounds required capital's loop).
    function MAX_PROTOCOLS() external view returns (uint256);

    /// @notice The longest protocol name, in bytes.
    function MAX_PROTOCOL_NAME_LENGTH() external view returns (uint256);

    // ---------------------------------------------------------------- setup

    /// @notice Wires the three vaults and the clearinghouse once; the deployer then hands ownership to the timelock.
    /// @dev Reverts with `AlreadyInitialized` on a second call, `ZeroAddress` for a missing address and
    /// `InvalidTranche(i)` when vault `i` is not tranche `i` of this module on its asset.
    /// @param tranches The Junior, Mezzanine and Senior vaults, in that order.
    /// @param clearinghouse The first covered protocol (id 0), unnamed, without exposure cap and with a premium share
    /// of 1 until governance sets them.
    /// @param params Each tranche's initial parameters, checked against the same bounds as the setters.
    function initialize(ITrancheVault[3] calldata tranches, address clearinghouse, TrancheParams[3] calldata params)
        external;

    /// @notice Binds the governor once, after which no cooldown may grow so long that a proposal could execute
    /// before a depositor who asked to leave when it was made can leave (see ExitBeforeExecution).
    /// @dev Reverts with `GovernancePathTooShort` if the governor's timings already break that rule.
    /// @param governor The governor whose proposals the owner (its timelock) executes.
    function bindGovernor(IGovernanceTimings governor) external;

    // ---------------------------------------------------------------- losses and premiums

    /// @notice Pays `shortfall` to the calling clearinghouse from Junior until empty, then Mezzanine, then Senior, in
    /// this transaction; every protocol draws on the same waterfall. What the tranches cannot pay is recorded as a
    /// deficit (a socialised loss). Active covered protocols only (`NotClearinghouse` otherwise); `CoverRequested`
    /// names the protocol.
    /// @param marketId The market whose liquidation left the shortfall.
    /// @param shortfall The negative equity to cover, in asset units; not zero.
    /// @return lossId The loss's id in `TrancheLossAbsorbed`, `Deficit` and `LossCovered`.
    /// @return covered What the tranches paid; `shortfall - covered` is the deficit.
    function cover(uint256 marketId, uint256 shortfall) external returns (uint256 lossId, uint256 covered);

    /// @notice Pulls `amount` of premium from the caller and splits it across tranches by capital × risk multiplier;
    /// each part vests linearly in its tranche. Held back while no tranche has capital.
    /// @param amount The premium, in asset units; not zero. The caller must have approved it.
    function payPremium(uint256 amount) external;

    /// @notice What a clearinghouse calls with each premium it charges (`gross`): the module pulls the backstop's
    /// part, `gross × premiumShare` rounded up, and pays it out as `payPremium` does; the rest stays with the caller.
    /// A removed protocol's part is 0 (it is no longer covered); a suspended one still pays its part (its positions
    /// stay covered again once resumed); an unregistered caller pays all of `gross`.
    /// @param gross The premium charged, in asset units; not zero. The caller must have approved it.
    /// @return paid What the module pulled.
    function payProtocolPremium(uint256 gross) external returns (uint256 paid);

    // ---------------------------------------------------------------- covered protocols

    /// @notice Registers a clearinghouse as a covered protocol; owner only. A clearinghouse is registered once: a
    /// removed one cannot be added again (its id and history stay its own).
    /// @param clearinghouse The clearinghouse; it must implement `IOpenInterestSource`.
    /// @param name 1 to `MAX_PROTOCOL_NAME_LENGTH` bytes of printable ASCII.
    /// @param exposureCap Its exposure cap, in asset units.
    /// @param premiumShare The backstop's part of its premiums, as a wad within 0 and 1.
    /// @return protocolId Its id (ids run from 0, the clearinghouse of `initialize`).
    function addProtocol(address clearinghouse, string calldata name, uint256 exposureCap, uint256 premiumShare)
        external
        returns (uint256 protocolId);

    /// @notice Stops covering a protocol, in this transaction: it can no longer call `cover`, its exposure leaves
    /// required capital and its opens are refused by its clearinghouse. Owner only; irreversible.
    /// @param protocolId The protocol; `ProtocolNotActive` if already removed.
    function removeProtocol(uint256 protocolId) external;

    /// @notice Suspends a protocol at once; the guardian or governance. Until `resumeProtocol`, its `cover` is refused
    /// (`ProtocolIsSuspended`), its exposure is neither read nor counted in required capital (a clearinghouse whose
    /// views revert no longer blocks the others) and its opens are refused (`protocolRisk` reports it inactive);
    /// closes, margin and liquidations without a shortfall go on.
    /// @param protocolId The protocol; `ProtocolNotActive` if removed, `ProtocolIsSuspended` if already suspended.
    function suspendProtocol(uint256 protocolId) external;

    /// @notice Lifts a suspension; owner (governance) only: the guardian can stop a protocol's drawing in one
    /// transaction, but only a vote can let it draw again.
    /// @param protocolId The protocol; `ProtocolNotActive` if removed, `ProtocolNotSuspended` unless suspended.
    function resumeProtocol(uint256 protocolId) external;

    /// @notice Renames a protocol; owner only.
    /// @param protocolId The protocol.
    /// @param name 1 to `MAX_PROTOCOL_NAME_LENGTH` bytes of printable ASCII.
    function setProtocolName(uint256 protocolId, string calldata name) external;

    /// @notice Sets a protocol's exposure cap; owner only. Lowering it under the exposure refuses new opens only.
    /// @param protocolId The protocol.
    /// @param cap The cap, in asset units.
    function setExposureCap(uint256 protocolId, uint256 cap) external;

    /// @notice Sets the backstop's part of a protocol's premiums; owner only.
    /// @param protocolId The protocol.
    /// @param share A wad within 0 and 1.
    function setPremiumShare(uint256 protocolId, uint256 share) external;

    /// @notice Sets the stress loss rate of one of a protocol's markets; owner only. For protocol 0 it is
    /// `setStressLossRate`.
    /// @param protocolId The protocol.
    /// @param marketId The market of that protocol's clearinghouse.
    /// @param value The rate as a wad of the market's open interest, at most `MAX_STRESS_LOSS_RATE`.
    function setProtocolStressLossRate(uint256 protocolId, uint256 marketId, uint256 value) external;

    // ---------------------------------------------------------------- guardian and governance

    /// @notice Pauses or resumes deposits; the guardian or governance. Withdrawals in their window are never paused.
    /// @param paused True to pause deposits, false to resume them.
    function setDepositsPaused(bool paused) external;

    /// @notice Sets the most assets a tranche takes; owner only.
    /// @param trancheId The tranche.
    /// @param cap The cap, in asset units.
    function setDepositCap(uint8 trancheId, uint256 cap) external;

    /// @notice Sets a tranche's cooldown; owner only. Besides its bounds, the longest cooldown plus a day must stay
    /// shorter than the governance path (GovernancePathTooShort otherwise), so depositors can always leave before a
    /// proposal runs.
    /// @param trancheId The tranche.
    /// @param value The cooldown in seconds, at most `MAX_COOLDOWN`.
    function setCooldown(uint8 trancheId, uint256 value) external;

    /// @notice Sets a tranche's unstake window; owner only. It does not enter the exit-before-execution rule: the
    /// window opens when the cooldown ends, which the rule bounds; its length is how long a depositor then has to
    /// withdraw.
    /// @param trancheId The tranche.
    /// @param value The window in seconds, within `MIN_UNSTAKE_WINDOW` and `MAX_UNSTAKE_WINDOW`.
    function setUnstakeWindow(uint8 trancheId, uint256 value) external;

    /// @notice Sets the weight of a tranche's capital in the premium split. The owner, or the risk steward (which
    /// bounds each step and its frequency), may call it.
    /// @param trancheId The tranche.
    /// @param value The multiplier as a wad, within `MIN_RISK_MULTIPLIER` and `MAX_RISK_MULTIPLIER`.
    function setRiskMultiplier(uint8 trancheId, uint256 value) external;

    /// @notice Sets (or with address 0 revokes) the risk steward allowed to call `setRiskMultiplier`; owner only.
    /// @param steward The steward contract.
    function setRiskSteward(address steward) external;

    /// @notice The risk steward allowed to set risk multipliers (address 0: none).
    function riskSteward() external view returns (address);

    /// @notice Sets how long each premium payment vests over in its tranche; owner only.
    /// @param value The period in seconds, at most `MAX_VESTING_PERIOD`.
    function setPremiumVestingPeriod(uint256 value) external;

    /// @notice Sets the share of a market's open interest the backstop must be able to pay; owner only. Protocol 0's
    /// markets (`setProtocolStressLossRate` for the others).
    /// @param marketId The market of protocol 0's clearinghouse.
    /// @param value The rate as a wad of the market's open interest, at most `MAX_STRESS_LOSS_RATE`.
    function setStressLossRate(uint256 marketId, uint256 value) external;

    /// @notice Sets the solvency ratio under which the clearinghouse refuses new positions; owner only.
    /// @param value The threshold as a wad, within `MIN_SOLVENCY_THRESHOLD` and `MAX_SOLVENCY_THRESHOLD`.
    function setSolvencyThreshold(uint256 value) external;

    /// @notice Sets the guardian, who may pause deposits and veto staged market changes; owner only.
    /// @param newGuardian The new guardian; address 0 leaves only governance.
    function setGuardian(address newGuardian) external;

    /// @notice Restarts a wiped tranche in a new share epoch: what is left on its books, vested or still vesting, is
    /// settled on the pre-wipe holders (each claims its part), the share count starts again from zero and deposits
    /// reopen at the initial price. Owner only; reverts with `TrancheNotWiped` unless a loss took its share price
    /// under the floor.
    /// @param trancheId The wiped tranche.
    function startNewEpoch(uint8 trancheId) external;

    /// @notice Gives a tranche an ERC-4626 strategy on the module's asset (the zero address: none) and the share of
    /// its assets to keep idle. A different strategy empties the old one first (what it keeps is booked as a loss).
    /// Owner (governance) only.
    /// @param trancheId The tranche.
    /// @param strategy The strategy; not a tranche, and its `asset()` must be the module's.
    /// @param bufferShare Wad, within [MIN_BUFFER_SHARE, MAX_BUFFER_SHARE].
    function setTrancheStrategy(uint8 trancheId, IERC4626 strategy, uint256 bufferShare) external;

    /// @notice Sets a tranche's buffer share, keeping its strategy. Owner (governance) only.
    /// @param trancheId The tranche.
    /// @param bufferShare Wad, within [MIN_BUFFER_SHARE, MAX_BUFFER_SHARE].
    function setBufferShare(uint8 trancheId, uint256 bufferShare) external;

    /// @notice Reports a tranche's strategy: its yield since the last report vests in the tranche (`StrategyYield`),
    /// a loss is booked against that tranche alone with a new loss id (`StrategyLoss`), and assets move to the
    /// buffer target. Anyone may call it (the keeper does, periodically).
    /// @param trancheId The tranche.
    /// @return gain The yield booked.
    /// @return loss The loss booked.
    function rebalance(uint8 trancheId) external returns (uint256 gain, uint256 loss);

    // ---------------------------------------------------------------- views

    /// @notice The asset every tranche holds and every premium and loss is paid in.
    function asset() external view returns (IERC20);

    /// @notice Protocol 0's clearinghouse, wired by `initialize`; address 0 until then.
    function clearinghouse() external view returns (address);

    /// @notice Whether deposits into every tranche are paused.
    function depositsPaused() external view returns (bool);

    /// @notice Seconds over which each premium payment vests in its tranche.
    function premiumVestingPeriod() external view returns (uint256);

    /// @notice The share of a market's open interest the backstop must be able to pay, as a wad: protocol 0's.
    /// @param marketId The market of protocol 0's clearinghouse.
    function stressLossRate(uint256 marketId) external view returns (uint256);

    /// @notice The stress loss rate of one of a protocol's markets, as a wad.
    /// @param protocolId The protocol.
    /// @param marketId The market of that protocol's clearinghouse.
    function protocolStressLossRate(uint256 protocolId, uint256 marketId) external view returns (uint256);

    /// @notice The number of protocols ever registered, removed ones included; their ids run from 0.
    function protocolCount() external view returns (uint256);

    /// @notice A protocol's registration.
    /// @param protocolId The protocol; `UnknownProtocol` unless below `protocolCount()`.
    function protocol(uint256 protocolId) external view returns (Protocol memory);

    /// @notice Whether a protocol is suspended (see `suspendProtocol`); a removed one keeps the flag it had.
    /// @param protocolId The protocol; `UnknownProtocol` unless below `protocolCount()`.
    function protocolSuspended(uint256 protocolId) external view returns (bool);

    /// @notice The id of a registered clearinghouse (active or removed); `NotClearinghouse` for any other address.
    /// @param clearinghouse The clearinghouse.
    function protocolIdOf(address clearinghouse) external view returns (uint256);

    /// @notice A protocol's exposure: Σ over its markets of open interest (both sides, at the oracle price) × the
    /// market's stress loss rate, in asset units; a removed or suspended protocol's is computed but not required.
    /// @param protocolId The protocol.
    function protocolExposure(uint256 protocolId) external view returns (uint256);

    /// @notice The number of losses covered so far; the id of the latest.
    function lossCount() external view returns (uint256);

    /// @notice The sum of every loss's deficit: what the tranches could not pay, in asset units.
    function totalDeficit() external view returns (uint256);

    /// @notice All premium ever paid in, in asset units.
    function totalPremiums() external view returns (uint256);

    /// @notice Premium held back while no tranche had capital; it is paid out with the next payment.
    function undistributedPremium() external view returns (uint256);

    /// @notice A tranche's vault.
    /// @param trancheId The tranche; `InvalidTranche` unless below `TRANCHE_COUNT`.
    function tranche(uint8 trancheId) external view returns (ITrancheVault);

    /// @notice A tranche's parameters.
    /// @param trancheId The tranche; `InvalidTranche` unless below `TRANCHE_COUNT`.
    function trancheParams(uint8 trancheId) external view returns (TrancheParams memory);

    /// @notice The most assets a tranche takes, in asset units.
    /// @param trancheId The tranche; `InvalidTranche` unless below `TRANCHE_COUNT`.
    function depositCap(uint8 trancheId) external view returns (uint256);

    /// @notice Seconds from an exit request in the tranche until its unstake window opens.
    /// @param trancheId The tranche; `InvalidTranche` unless below `TRANCHE_COUNT`.
    function cooldown(uint8 trancheId) external view returns (uint256);

    /// @notice Seconds the tranche's unstake window stays open once the cooldown ends.
    /// @param trancheId The tranche; `InvalidTranche` unless below `TRANCHE_COUNT`.
    function unstakeWindow(uint8 trancheId) external view returns (uint256);

    /// @notice Weight of the tranche's capital in the premium split, as a wad.
    /// @param trancheId The tranche; `InvalidTranche` unless below `TRANCHE_COUNT`.
    function riskMultiplier(uint8 trancheId) external view returns (uint256);

    /// @notice votingDelay + votingPeriod + timelock delay of the bound governor: the shortest time from a proposal
    /// to its execution; 0 before a governor is bound.
    function governancePath() external view returns (uint256);

    /// @notice Capital that can absorb losses now: the tranches' vested assets, in asset units.
    function totalCapital() external view returns (uint256);

    /// @notice Σ over active protocols of their exposure (`protocolExposure`), in asset units.
    function requiredCapital() external view returns (uint256);
}

#!/usr/bin/env python3
"""Mutation testing of the shipped recovery procedures (issue 5).

Each mutant is one logical textual change to a copy of `models/` + `specs/` (written to a
temporary folder; the checkout is never touched). The mutant is checked with recovcheck on the
affected spec file(s) plus all models, and compared with the original:

  killed    some (procedure, rule) that was not violated on the original is violated now;
            the killing rule(s) are recorded
  survived  every verdict is the same or better, and nothing is error/unknown
  error     the mutant did not compile, or gave error/unknown and no violation (not counted
            as killed)

Usage:
  python3 scripts/mutation.py                 # every mutant (see docs/mutation-testing.md)
  python3 scripts/mutation.py --quick         # the fixed CI subset; exit 1 unless all killed
  python3 scripts/mutation.py --list          # list mutants without running them
  options: --binary PATH (default .build/debug/recovcheck), --jobs N (default 2),
           --only ID[,ID...], --sample N (at most N mutants per operator, seeded),
           --seed S, --json FILE (machine-readable results)
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RULES = ["sanity", "no-unilateral-control", "bounded-intervention", "no-collateral-loss",
         "containment-time", "blast-radius", "invariant"]


class Mutant:
    def __init__(self, mid, op, edits, desc, expect, flags=()):
        self.flags = list(flags)    # extra recovcheck options (e.g. a larger --depth)
        self.id = mid
        self.op = op
        self.edits = edits          # [(relative file, old text, new text)], applied in order
        self.desc = desc
        self.expect = expect        # rule ids expected to kill it ([] = expected to survive)


def M(mid, op, path, old, new, desc, expect, more=(), flags=()):
    return Mutant(mid, op, [(path, old, new)] + list(more), desc, expect, flags)


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


def model_files():
    out = []
    for d in ("models", "models/incidents"):
        for n in sorted(os.listdir(os.path.join(ROOT, d))):
            if n.endswith(".swift"):
                out.append(f"{d}/{n}")
    return out


def spec_files():
    out = []
    for d in ("specs", "specs/incidents"):
        for n in sorted(os.listdir(os.path.join(ROOT, d))):
            if n.endswith(".swift"):
                out.append(f"{d}/{n}")
    return out


# ---------------------------------------------------------------------------------------------
# Systematic operators generated from the sources.

def gen_thresholds():
    """multisig `threshold: t` -> 1, and -> t-1 where one entity then holds t-1 keys (never in
    the shipped models: every multisig key has its own holder, so t-1 only matters when t-1 = 1,
    which the `-> 1` mutant covers)."""
    out = []
    for f in model_files():
        for m in re.finditer(r'Role\.multisig\("(\w+)", threshold: (\d+)', read(f)):
            name, t = m.group(1), int(m.group(2))
            if t > 1:
                out.append(M(f"thr-{name}-1", "threshold-lowered", f, m.group(0),
                             m.group(0)[: -len(m.group(2))] + "1",
                             f"multisig {name}: threshold {t} -> 1 (any one key holder acts alone)",
                             ["no-unilateral-control"]))
    return out


def gen_supermajority():
    out = []
    for f in model_files():
        text = read(f)
        for m in re.finditer(r'Role\.governance\("(\w+)",[^)]*?powers: \[[^\]]*\],\s*supermajority: Fraction\(\d+, \d+\)', text, re.S):
            name = m.group(1)
            old = m.group(0)
            new = re.sub(r'supermajority: Fraction\(\d+, \d+\)', 'supermajority: Fraction(1, 10)', old)
            quorum = re.search(r'quorum: Fraction\((\d+), (\d+)\)', text[m.end():m.end() + 80])
            binding = quorum and int(quorum.group(1)) * 2 >= int(quorum.group(2))   # quorum >= 1/2 still binds
            binding = binding or name == "govVotes"   # only used through govTimelock, whose council veto co-signs
            out.append(M(f"gov-{name}-supermajority", "supermajority-lowered", f, old, new,
                         f"governance {name}: supermajority -> 1/10 (the largest holder passes votes alone, if the quorum allows)",
                         [] if binding else ["no-unilateral-control"]))
    return out


def gen_execution():
    """measuredAt: .snapshot -> .execution where the incident can borrow voting power."""
    out = []
    for f, role in [("models/GovTimelock.swift", "govVotes"),
                    ("models/incidents/BeanstalkV2Model.swift", "beanV2EmergencyVote"),
                    ("models/incidents/BeanstalkV2Model.swift", "beanV2Majority")]:
        text = read(f)
        m = re.search(r'Role\.governance\("%s",.*?measuredAt: \.snapshot\)' % role, text, re.S)
        old = m.group(0)
        out.append(M(f"exec-{role}", "measured-at-execution", f, old, old.replace(".snapshot", ".execution"),
                     f"governance {role}: voting power measured at execution (flash-borrowable power counts)",
                     ["no-unilateral-control"]))
    return out


def gen_min_delay():
    out = []
    for f in model_files():
        for m in re.finditer(r'Role\.timelock\("(\w+)", role: \w+, minDelay: ([^,)]+)', read(f)):
            out.append(M(f"delay-{m.group(1)}-0", "timelock-removed", f, m.group(0),
                         m.group(0)[: -len(m.group(2))] + "0",
                         f"timelock {m.group(1)}: minDelay {m.group(2)} -> 0", []))
    return out


# ---------------------------------------------------------------------------------------------
# Hand-written operators (each one textual change unless said otherwise).

LP, LO, LPS = "models/LendingPool.swift", "specs/LendingOracle.swift", "specs/LendingPause.swift"
AB, ABS = "models/AutoBreaker.swift", "specs/AutoCircuitBreaker.swift"
BV, BKR = "models/BridgeVault.swift", "specs/BridgeKeyRotation.swift"
GT, GV = "models/GovTimelock.swift", "specs/GovernanceVeto.swift"
MV, AM = "models/MigrationVault.swift", "specs/AssetMigration.swift"
AAM, AAS = "models/incidents/AaveV3Model.swift", "specs/incidents/AaveV3EmergencyAdmin.swift"
BAM, BAS = "models/incidents/BalancerV2Model.swift", "specs/incidents/BalancerPauseWindow.swift"
BEM, BES = "models/incidents/BeanstalkV2Model.swift", "specs/incidents/BeanstalkV2.swift"
CPM, CPS = "models/incidents/CompoundV2Model.swift", "specs/incidents/CompoundPauseGuardian.swift"
C62 = "specs/incidents/CompoundProposal062Fixed.swift"
HAM, HAS = "models/incidents/HarmonyHorizonV2Model.swift", "specs/incidents/HarmonyHorizonV2.swift"
RNM, RNS = "models/incidents/RoninBridgeV2Model.swift", "specs/incidents/RoninBridgeV2.swift"
VNM, VNS = "models/incidents/VenusLunaModel.swift", "specs/incidents/VenusLunaRecovery.swift"
YNM, YNS = "models/incidents/YearnV2Model.swift", "specs/incidents/YearnEmergencyShutdown.swift"

NUC, BI, NCL, CT, BR, INV = ("no-unilateral-control", "bounded-intervention", "no-collateral-loss",
                             "containment-time", "blast-radius", "invariant")


def hand_mutants():
    ms = []
    # --- keys moved to one holder (a second key of the same role to the first key's holder)
    key_moves = [
        ("keys-guardian", LP, 'Key("guardian-2", heldBy: betaCapital)', 'Key("guardian-2", heldBy: alphaSecurity)', "guardian (2 of 3)", [NUC]),
        ("keys-abRisk", AB, 'Key("ab-risk-b", heldBy: abRiskB)', 'Key("ab-risk-b", heldBy: abRiskA)', "abRiskCouncil (2 of 3)", [NUC]),
        ("keys-govCouncil", GT, 'Key("gov-council-b", heldBy: govCouncilB)', 'Key("gov-council-b", heldBy: govCouncilA)', "govCouncil (2 of 3)", [NUC]),
        ("keys-bridgeWatchers", BV, 'Key("bridge-watcher-y", heldBy: bridgeWatchY)', 'Key("bridge-watcher-y", heldBy: bridgeWatchX)', "bridgeWatchers (2 of 3)", [NUC]),
        ("keys-bridgeValidators-attacker", BV, 'Key("bridge-validator-1", heldBy: bridgeOpA)', 'Key("bridge-validator-1", heldBy: bridgeOpC)', "bridgeValidators (4 of 7) to the compromised operator C", []),
        ("keys-migAdmin", MV, 'Key("mig-b", heldBy: migSignerB)', 'Key("mig-b", heldBy: migSignerA)', "migAdmin (3 of 5)", []),
        ("keys-harmony-attacker", HAM, 'Key("horizon-v2-owner-2", heldBy: harmonyV2SignerB)', 'Key("horizon-v2-owner-2", heldBy: harmonyV2Company)', "horizonV2Multisig (4 of 5) to the compromised Harmony", []),
        ("keys-aaveSteward-attacker", AAM, 'Key("aave-steward-\\(i + 2)", heldBy: e)', 'Key("aave-steward-\\(i + 2)", heldBy: i == 0 ? aaveSharedSigner : e)', "aaveStewardSafe (2 of 3) to the compromised shared signer", [NUC]),
        ("keys-yearnGov", YNM, 'Key("ychad-\\(i + 1)", heldBy: e)', 'Key("ychad-\\(i + 1)", heldBy: i < 6 ? yearnChadSigners[0] : e)', "yearnGovernance (6 of 9): six keys to one signer (one edit in the generator)", [NUC]),
    ]
    for mid, f, old, new, what, exp in key_moves:
        ms.append(M(mid, "keys-moved", f, old, new, f"key moved to another holder of {what}", exp))
    # --- allowlist entry giving an entity another key of the same role
    allow = [
        ("allow-guardian", LP, "    Keys(g1, g2, g3)\n", "    Keys(g1, g2, g3)\n    Allowlist(alphaSecurity, mayUse: g2)\n", "Alpha Security may use guardian-2", [NUC]),
        ("allow-govCouncil-attacker", GT, "    Keys(govCouncilKeyA, govCouncilKeyB, govCouncilKeyC)\n",
         "    Keys(govCouncilKeyA, govCouncilKeyB, govCouncilKeyC)\n    Allowlist(govWhale, mayUse: govCouncilKeyA)\n    Allowlist(govWhale, mayUse: govCouncilKeyB)\n",
         "the compromised Gov Whale Fund may use two council keys (one inserted block)", [NUC]),
        ("allow-bridge-attacker", BV, "    Roles(bridgeValidators, bridgeWatchers)\n",
         "    Roles(bridgeValidators, bridgeWatchers)\n    Allowlist(bridgeOpC, mayUse: bridgeWatchKeyX)\n    Allowlist(bridgeOpC, mayUse: bridgeWatchKeyY)\n",
         "the compromised operator C may use two watcher keys (one inserted block)", [NUC]),
        ("allow-migAdmin", MV, "    Roles(migAdmin)\n", "    Roles(migAdmin)\n    Allowlist(migSignerA, mayUse: migKeyB)\n", "Mig Signer A may use mig-b (2 of a 3-of-5)", []),
        ("allow-aaveSteward-attacker", AAM, "    Roles(aaveEmergencyAdmin,",
         "    Allowlist(aaveSharedSigner, mayUse: aaveStewardKeys[1])\n    Roles(aaveEmergencyAdmin,", "the compromised shared signer may use steward key 2", [NUC]),
    ]
    for mid, f, old, new, what, exp in allow:
        ms.append(M(mid, "allowlist-added", f, old, new, f"allowlist: {what}", exp))
    # --- timelock bypassed: the action also callable by the timelock's inner role
    ms += [
        M("bypass-poolAdmin", "timelock-removed", LP, 'Action("upgradeAndUnpause", by: poolAdmin)', 'Action("upgradeAndUnpause", by: poolAdmin, poolGovernance)',
          "upgradeAndUnpause also callable by poolGovernance without the timelock", []),
        M("bypass-govTimelock", "timelock-removed", GT, 'Action("raiseProposalThreshold", by: govTimelock)', 'Action("raiseProposalThreshold", by: govTimelock, govVotes)',
          "raiseProposalThreshold also callable by govVotes without the timelock (and the council veto)", []),
        M("bypass-govTimelock-execution", "timelock-removed", GT, 'Action("raiseProposalThreshold", by: govTimelock)', 'Action("raiseProposalThreshold", by: govTimelock, govVotes)',
          "timelock bypassed AND votes measured at execution (two edits: the Beanstalk combination)", [NUC],
          more=[(GT, "quorum: Fraction(1, 4), measuredAt: .snapshot)", "quorum: Fraction(1, 4), measuredAt: .execution)")]),
        M("bypass-beanCommit", "timelock-removed", BEM, 'Action("commit", by: beanV2Commit)', 'Action("commit", by: beanV2Commit, beanV2Majority)',
          "an ordinary BIP executes without the 7-day delay", []),
    ]
    # --- containment: the emergency step's `within:` lengthened past the containment budget
    within = [
        ("late-LendingPause", LPS, 'by: guardian, within: 1 * hour)', 'by: guardian, within: 2 * hour)', "pause within 1 h -> 2 h (budget 1 h)"),
        ("late-LendingOracle", LO, 'by: guardian, within: 15 * minute)', 'by: guardian, within: 30 * minute)', "suspend within 15 min -> 30 min"),
        ("late-AutoBreaker", ABS, 'by: abKeeper, within: 1 * minute)', 'by: abKeeper, within: 5 * minute)', "trip within 1 min -> 5 min"),
        ("late-Bridge", BKR, 'by: bridgeWatchers, within: 30 * minute)', 'by: bridgeWatchers, within: 1 * hour)', "pause within 30 min -> 1 h"),
        ("late-GovVeto", GV, 'by: govCouncil, within: 12 * hour)', 'by: govCouncil, within: 1 * day)', "cancel within 12 h -> 1 day"),
        ("late-Migration", AM, 'by: migAdmin, within: 2 * hour)', 'by: migAdmin, within: 3 * hour)', "freeze within 2 h -> 3 h"),
        ("late-Aave", AAS, 'by: aaveEmergencyAdmin, within: 1 * hour,', 'by: aaveEmergencyAdmin, within: 2 * hour,', "pausePool within 1 h -> 2 h"),
        ("late-Balancer", BAS, 'by: balEmergency, within: 1 * hour,', 'by: balEmergency, within: 2 * hour,', "pause within 1 h -> 2 h"),
        ("late-Compound", CPS, '"guardianSetBorrowPaused", by: compPauseGuardian, within: 1 * hour,', '"guardianSetBorrowPaused", by: compPauseGuardian, within: 2 * hour,', "pauseBorrow within 1 h -> 2 h (budget 2 h for both)"),
        ("late-Compound062", C62, 'within: 6 * hour)', 'within: 2 * day)', "pauseDistribution within 6 h -> 2 days (budget 1 day)"),
        ("late-Venus", VNS, '"pauseProtocol", by: venusGuardian, within: 1 * hour)', '"pauseProtocol", by: venusGuardian, within: 2 * hour)', "pause within 1 h -> 2 h"),
        ("late-Yearn", YNS, 'by: yearnGuardian, within: 1 * hour)', 'by: yearnGuardian, within: 2 * hour)', "guardian shutdown within 1 h -> 2 h"),
        ("late-Beanstalk", BES, 'after: 1 * day, within: 2 * day)', 'after: 1 * day, within: 3 * day)', "emergencyPause within 2 days -> 3 days"),
        ("late-Ronin", RNS, 'by: roninV2Validators, within: 6 * day)', 'by: roninV2Validators, within: 12 * day)', "pause within 6 days -> 12 days (budget 6 days)"),
    ]
    for mid, f, old, new, d in within:
        ms.append(M(mid, "within-past-containment", f, old, new, d, [CT]))
    # --- MaxDuration: the unpause step moved past the pause's MaxDuration
    unpause = [
        ("longpause-LendingPause", LPS, 'after: 2 * day, within: 7 * day)', 'after: 2 * day, within: 9 * day)', "upgradeAndUnpause within 7 -> 9 days (MaxDuration 8 days)"),
        ("longpause-Bridge", BKR, 'by: bridgeValidators, within: 2 * day)', 'by: bridgeValidators, within: 4 * day)', "unpause within 2 -> 4 days (MaxDuration 3 days)"),
        ("longpause-Aave", AAS, 'after: 1 * day, within: 3 * day,', 'after: 1 * day, within: 5 * day,', "unpauseWithGrace within 3 -> 5 days (MaxDuration 4 days)"),
        ("longpause-Compound", CPS, 'after: 2 * day, within: 7 * day,', 'after: 2 * day, within: 10 * day,', "unpauseMint within 7 -> 10 days (MaxDuration 9 days)"),
        ("longpause-Yearn", YNS, 'after: 1 * day, within: 14 * day)', 'after: 1 * day, within: 16 * day)', "reopen within 14 -> 16 days (MaxDuration 15 days)"),
        ("longpause-Venus", VNS, '"unpauseWithRepayWindow", by: venusAdmin, after: 1 * day, within: 1 * day,', '"unpauseWithRepayWindow", by: venusAdmin, after: 1 * day, within: 3 * day,', "unpause within 1 -> 3 days (MaxDuration 4 days)"),
    ]
    for mid, f, old, new, d in unpause:
        ms.append(M(mid, "maxduration-exceeded", f, old, new, d, [BI]))
    # --- Range / MaxChange / caps widened
    ms += [
        M("range-aaveGrace", "bound-widened", AAM, "Require(gracePeriod <= IntExpr(4 * hour))", "Require(gracePeriod <= IntExpr(5 * hour))",
          "setPoolPause accepts a 5-hour grace period (Range 0...4 h)", [BI]),
        M("range-venusFactor", "bound-widened", VNS, 'args: ["factor": 0]', 'args: ["factor": 10]',
          "collateral factor set to 10 instead of 0 (Range 0...0)", [BI]),
        M("range-abOutflowReset", "bound-widened", AB, "Assign(abOutflow, 0)\n", "Assign(abOutflow, abOutflow / 2)\n",
          "resume halves the outflow counter instead of resetting it (Range 0...0)", [BI]),
        M("range-govThreshold", "bound-widened", GV, 'args: ["pct": 5]', 'args: ["pct": 10]',
          "threshold raised to 10 instead of 5 (still inside Range 1...10)", []),
        M("cap-lendingWindow", "cap-raised", LP, "Require(now >= poolWindowStart + IntExpr(hour))", "Require(now >= poolWindowStart + IntExpr(minute))",
          "outflow rate-limit window 1 hour -> 1 minute (60x the rate)", [BR]),
        M("cap-lendingCap", "cap-raised", LP, "let lendingOutflowCap = 50_000", "let lendingOutflowCap = 100_000",
          "outflow cap per window 50_000 -> 100_000", [BR]),
        M("cap-migDrain", "cap-raised", AM, "migReserveLost + amount <= 100_000", "migReserveLost + amount <= 200_000",
          "the old contract's emergency outflow guard 100_000 -> 200_000", [BR]),
        M("cap-migDrain-depth14", "cap-raised", AM, "migReserveLost + amount <= 100_000", "migReserveLost + amount <= 200_000",
          "the same mutant checked with --depth 14 (at depth 10, 10 attacks of at most 10_000 cannot exceed the budget)", [BR],
          flags=["--depth", "14"]),
        M("cap-abHardCap", "cap-raised", AB, "let abHardCap = 150_000", "let abHardCap = 200_000",
          "the token's hard cap on counted outflow 150_000 -> 200_000", [BR]),
        M("cap-roninDaily", "cap-raised", RNM, "Require(now >= roninV2DayStart + IntExpr(day))", "Require(now >= roninV2DayStart + IntExpr(hour))",
          "Ronin daily withdrawal cap resets every hour", []),
    ]
    # --- writes added to an emergency step's action
    writes = [
        ("write-LendingPause", LP, "        Require(!paused)\n        Assign(paused, true)\n", "        Require(!paused)\n        Assign(paused, true)\n        Assign(liquidationsPaused, true)\n", "pause also suspends liquidations"),
        ("write-LendingOracle", LP, "        Assign(liquidationsPaused, true)\n    }\n    Action(\"tripPriceBreaker\"", "        Assign(liquidationsPaused, true)\n        Assign(referencePrice, price)\n    }\n    Action(\"tripPriceBreaker\"", "pauseLiquidations also re-anchors the reference price"),
        ("write-AutoBreaker", AB, "        Require(abAlarm)\n        Assign(abHalted, true)\n", "        Require(abAlarm)\n        Assign(abHalted, true)\n        Assign(abOutflow, 0)\n", "tripBreaker also resets the outflow counter"),
        ("write-Bridge", BV, "        Require(!bridgePaused)\n        Assign(bridgePaused, true)\n", "        Require(!bridgePaused)\n        Assign(bridgePaused, true)\n        Assign(bridgeLocked, bridgeLocked + 1)\n", "pauseBridge also changes bridgeLocked"),
        ("write-GovVeto", GT, "        Assign(govProposalSweeps, false)\n", "        Assign(govProposalSweeps, false)\n        Assign(govQueuedAt, now)\n", "cancelQueued also rewrites govQueuedAt"),
        ("write-Migration", MV, "        Require(!migOldFrozen)\n        Assign(migOldFrozen, true)\n", "        Require(!migOldFrozen)\n        Assign(migOldFrozen, true)\n        Assign(migReserve, 0)\n", "freezeOld also zeroes the reserve"),
        ("write-Aave", AAM, "        Assign(aavePoolPaused, paused)\n", "        Assign(aavePoolPaused, paused)\n        Assign(aaveReserveFrozen, true)\n", "setPoolPause also freezes the reserve"),
        ("write-Balancer", BAM, "        Assign(balPausedFlag, paused)\n", "        Assign(balPausedFlag, paused)\n        Assign(balVaultCash, 0)\n", "setPaused also empties the vault cash"),
        ("write-Compound", CPM, "        Assign(compMintPaused, state)\n    }\n    Action(\"guardianSetBorrowPaused\"", "        Assign(compMintPaused, state)\n        Assign(compTransferPaused, true)\n    }\n    Action(\"guardianSetBorrowPaused\"", "guardianSetMintPaused also pauses transfers"),
        ("write-Compound062", CPM, "        Assign(compDistributionPaused, true)\n", "        Assign(compDistributionPaused, true)\n        Assign(compSeizePaused, true)\n", "guardianPauseDistribution also pauses seizing"),
        ("write-Harmony", HAM, "        Assign(harmonyV2Paused, true)\n", "        Assign(harmonyV2Paused, true)\n        Assign(harmonyV2Vault, 0)\n", "pauseBridge also empties the vault"),
        ("write-Ronin", RNM, "        Assign(roninV2Paused, true)\n", "        Assign(roninV2Paused, true)\n        Assign(roninV2WithdrawnToday, 0)\n", "pauseBridge also resets the daily counter"),
        ("write-Venus", VNM, "        Assign(venusPaused, true)\n", "        Assign(venusPaused, true)\n        Assign(venusRepayUntil, now)\n", "pauseProtocol also sets the repay window"),
        ("write-Yearn", YNM, "        Assign(yearnShutdown, true)\n", "        Assign(yearnShutdown, true)\n        Assign(yearnLost, 0)\n", "enableEmergencyShutdown also zeroes yearnLost"),
        ("write-Beanstalk", BEM, "        Assign(beanV2Paused, true)\n    }\n    UserAction", "        Assign(beanV2Paused, true)\n        Assign(beanV2CodeReplaced, true)\n    }\n    UserAction", "emergencyPause also replaces the code"),
    ]
    for mid, f, old, new, d in writes:
        ms.append(M(mid, "write-added", f, old, new, d, [BI]))
    # --- migration recipients changed / skims / claim-reducing effects added to a step
    ms += [
        M("recipient-shift", "recipient-changed", MV, "AssignAll(migNew) { a in migNew[a] + migOld[a] }", "AssignAll(migNew) { a in migNew[a] + ite(a == to, migOldTotal, 0) }",
          "migrateAll credits every old balance to one recipient `to` (two edits: the parameter and the AssignAll)", [NCL],
          more=[(MV, 'Action("migrateAll", by: migAdmin) {\n', 'Action("migrateAll", by: migAdmin) { ctx in\n        let to = ctx.account("to")\n')]),
        M("recipient-skim", "recipient-changed", MV, "AssignAll(migNew) { a in migNew[a] + migOld[a] }", "AssignAll(migNew) { a in migNew[a] + migOld[a] * 99 / 100 }",
          "migrateAll skims 1% of every old balance", [NCL]),
        M("recipient-withdraw", "recipient-changed", MV, "Assign(migNew[ctx.caller], migNew[ctx.caller] - amount)",
          "let victim = ctx.account(\"victim\")\n        Assign(migNew[victim], migNew[victim] - amount)",
          "withdrawNew debits an arbitrary account instead of the caller", [NCL]),
        M("recipient-total", "recipient-changed", MV, "Assign(migNewTotal, migNewTotal + migOldTotal)", "Assign(migNewTotal, migNewTotal + migOldTotal - 1)",
          "migrateAll drops one unit from the new total", [INV]),
        M("claim-venusSocialize", "claim-reduced", VNM, "        Assign(venusBadDebt, 0)\n", "        Assign(venusBadDebt, 0)\n        AssignAll(venusSupplied) { a in venusSupplied[a] * 9 / 10 }\n",
          "coverBadDebt also socialises 10% of every supply", [NCL, BI]),
        M("claim-venusSocialize-declared", "claim-reduced", VNM, "        Assign(venusBadDebt, 0)\n", "        Assign(venusBadDebt, 0)\n        AssignAll(venusSupplied) { a in venusSupplied[a] * 9 / 10 }\n",
          "coverBadDebt socialises 10% of every supply, and the step declares the write (two edits)", [NCL],
          more=[(VNS, "Writes(venusRiskFund, venusBadDebt)", "Writes(venusRiskFund, venusBadDebt, venusSupplied)")]),
        M("claim-yearnHalve", "claim-reduced", YNM, "        Assign(yearnShutdown, false)\n", "        Assign(yearnShutdown, false)\n        AssignAll(yearnShares) { a in yearnShares[a] / 2 }\n",
          "disableEmergencyShutdown also halves every share balance", [NCL, BI]),
        M("claim-bridgeUnpause", "claim-reduced", BV, "        Require(bridgePaused)\n        Assign(bridgePaused, false)\n", "        Require(bridgePaused)\n        Assign(bridgePaused, false)\n        AssignAll(bridgeBalance) { a in max(bridgeBalance[a] - 1, 0) }\n",
          "unpauseBridge also charges every locked balance 1 unit", [NCL, BI]),
        M("claim-lendingBreaker", "claim-reduced", LP, "Require(!liquidationsPaused && priceTrusted && liquidatable(borrower))", "Require(!liquidationsPaused && liquidatable(borrower))",
          "liquidate no longer checks the price band (circuit breaker removed)", [NCL]),
        M("claim-aaveGrace", "claim-reduced", AAM, "now >= aaveGraceUntil && aaveLiquidatable(borrower))", "aaveLiquidatable(borrower))",
          "liquidationCall ignores the grace period after unpause", [NCL]),
    ]
    return ms


def all_mutants():
    ms = gen_thresholds() + gen_supermajority() + gen_execution() + gen_min_delay() + hand_mutants()
    ids = [m.id for m in ms]
    assert len(ids) == len(set(ids)), "duplicate mutant ids"
    return ms


QUICK = ["thr-abRiskCouncil-1", "keys-aaveSteward-attacker", "allow-govCouncil-attacker", "late-AutoBreaker",
         "longpause-Bridge", "range-venusFactor", "write-Migration", "late-Migration"]


# ---------------------------------------------------------------------------------------------
# Running.

def affected_specs(m):
    """Spec files a mutant can change: the edited specs, and every spec using an edited model."""
    specs = set()
    for path, _, _ in m.edits:
        if path.startswith("specs/"):
            specs.add(path)
        else:
            names = re.findall(r'let (\w+) = Model\(', read(path))
            for s in spec_files():
                if any(re.search(r'model: %s\b' % n, read(s)) for n in names):
                    specs.add(s)
            if re.search(r'^let (lendingOutflowCap|abHardCap|abAlertThreshold) ', read(path), re.M):
                pass  # constants are only used through the model's specs, already included
    return sorted(specs)


def apply(m, tmp):
    for path, old, new in m.edits:
        p = os.path.join(tmp, path)
        with open(p, encoding="utf-8") as f:
            text = f.read()
        n = text.count(old)
        if n != 1:
            raise ValueError(f"{m.id}: {path}: expected one occurrence of {old!r}, found {n}")
        with open(p, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))


def run_check(binary, tmp, specs, timeout, flags=()):
    cmd = [binary] + [os.path.join(tmp, s) for s in specs] + [
        "--models", os.path.join(tmp, "models"), "--format", "json", "--no-cache", "--jobs", "1"] + list(flags)
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout", time.time() - t0
    try:
        doc = json.loads(p.stdout)
    except json.JSONDecodeError:
        msg = (p.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"exit {p.returncode}: {msg.replace(tmp + os.sep, '')}", time.time() - t0
    verdicts = {(r["procedure"], r["rule"]): r["verdict"] for r in doc.get("results", [])}
    return verdicts, None, time.time() - t0


def fresh_copy():
    tmp = tempfile.mkdtemp(prefix="recov-mut-")
    shutil.copytree(os.path.join(ROOT, "models"), os.path.join(tmp, "models"))
    shutil.copytree(os.path.join(ROOT, "specs"), os.path.join(tmp, "specs"))
    return tmp


def classify(base, mut, err):
    if mut is None:
        return "error", [], err
    killed = sorted({rule for (proc, rule), v in mut.items()
                     if v == "violated" and base.get((proc, rule)) != "violated"},
                    key=RULES.index)
    if killed:
        return "killed", killed, None
    bad = sorted({f"{proc}/{rule}: {v}" for (proc, rule), v in mut.items() if v in ("error", "unknown")})
    if bad:
        return "error", [], "; ".join(bad)
    return "survived", [], None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "recovcheck"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only")
    ap.add_argument("--sample", type=int)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--timeout", type=int, default=900, help="seconds per recovcheck run")
    ap.add_argument("--json")
    args = ap.parse_args()

    ms = all_mutants()
    if args.quick:
        ms = [m for m in ms if m.id in QUICK]
    if args.only:
        want = set(args.only.split(","))
        ms = [m for m in ms if m.id in want]
    if args.sample:
        rnd = random.Random(args.seed)
        by_op = {}
        for m in ms:
            by_op.setdefault(m.op, []).append(m)
        keep = set()
        for op, group in by_op.items():
            keep |= {m.id for m in (group if len(group) <= args.sample else rnd.sample(group, args.sample))}
        ms = [m for m in ms if m.id in keep]
    if args.list:
        for m in ms:
            print(f"{m.id:34} {m.op:24} expect={','.join(m.expect) or 'survive'}  {m.desc}")
        print(f"{len(ms)} mutants")
        return 0
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"error: no recovcheck binary at {args.binary} (build first, or pass --binary)", file=sys.stderr)
        return 2

    # Baseline: the original verdicts of every spec file a mutant touches, one run per spec file.
    needed = sorted({s for m in ms for s in affected_specs(m)})
    base_tmp = fresh_copy()
    base = {}
    t_start = time.time()

    def base_one(s):
        v, err, dt = run_check(binary, base_tmp, [s], args.timeout)
        if v is None:
            raise SystemExit(f"error: the original {s} does not check: {err}")
        return s, v, dt

    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for s, v, dt in ex.map(base_one, needed):
            base.update(v)
            print(f"baseline {s}: {sum(1 for x in v.values() if x == 'violated')} violated ({dt:.0f}s)", flush=True)
    shutil.rmtree(base_tmp, ignore_errors=True)

    def one(m):
        tmp = fresh_copy()
        try:
            apply(m, tmp)
            mut, err, dt = run_check(binary, tmp, affected_specs(m), args.timeout, m.flags)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        status, rules, detail = classify(base, mut, err)
        return m, status, rules, detail, dt

    results = []
    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for m, status, rules, detail, dt in ex.map(one, ms):
            note = ""
            if status == "killed" and m.expect and not set(rules) & set(m.expect):
                note = f" (expected {','.join(m.expect)})"
            if status == "survived" and m.expect:
                note = f" (UNEXPECTED: expected {','.join(m.expect)})"
            print(f"{status:8} {m.id:34} {','.join(rules) or (detail or '')}{note}  [{dt:.0f}s]", flush=True)
            results.append({"id": m.id, "operator": m.op, "description": m.desc, "expect": m.expect,
                            "status": status, "killedBy": rules, "detail": detail, "seconds": round(dt)})

    ops = sorted({r["operator"] for r in results})
    print("\noperator                  mutants killed survived error")
    for op in ops:
        rs = [r for r in results if r["operator"] == op]
        c = {k: sum(1 for r in rs if r["status"] == k) for k in ("killed", "survived", "error")}
        print(f"{op:25} {len(rs):7} {c['killed']:6} {c['survived']:8} {c['error']:5}")
    k = sum(1 for r in results if r["status"] == "killed")
    e = sum(1 for r in results if r["status"] == "error")
    valid = len(results) - e
    rate = 100.0 * k / valid if valid else 0.0
    print(f"total {len(results)} mutants: {k} killed, {valid - k} survived, {e} error/unknown; "
          f"kill rate {rate:.1f}% of {valid} valid mutants; {time.time() - t_start:.0f}s")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"results": results}, f, indent=1, sort_keys=True)
    if args.quick:
        return 0 if k == len(results) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

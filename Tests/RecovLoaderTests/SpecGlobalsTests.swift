import Testing

@testable import RecovLoader

/// USRs as swiftc 6 writes them in the symbol graph of module `RecovSpec` (2026-12-03, by hand:
/// `swiftc -emit-symbol-graph` on `let lateSpec = 1`, ...). A global whose name repeats a word of
/// the module's name or of itself is mangled with word substitutions; it was not recognised as
/// module-level, so it was never read: a procedure it made through a helper was silently unchecked.
struct SpecGlobalsTests {
    @Test(arguments: [
        ("s:9RecovSpec04lateB0Sivp", "lateSpec"),
        ("s:9RecovSpec01pB0Sivp", "pSpec"),
        ("s:9RecovSpec014priceFeedPriceD0Sivp", "priceFeedPriceFeed"),
        ("s:9RecovSpec04specB0Sivp", "specSpec"),
        ("s:9RecovSpec5thingSivp", "thing"),
        ("s:9RecovSpec2p10A3DSL9ProcedureVvp", "p1"),
        ("s:9RecovSpec0011latProc_dyaSivp", "latéProc"),
        ("s:9RecovSpec007n_ngaBbSivp", "ünï"),
        ("s:9RecovSpec006a9_bjaSivp", "aé9"),
    ])
    func moduleLevelNamesWithWordSubstitutions(_ usr: String, _ name: String) {
        #expect(isModuleLevel(usr: usr, module: "RecovSpec", name: name))
    }

    @Test func otherNamesLocalsAndPunycodeAreNot() {
        #expect(!isModuleLevel(usr: "s:9RecovSpec04lateB0Sivp", module: "RecovSpec", name: "late"))
        #expect(!isModuleLevel(usr: "s:9RecovSpec04lateB0Sivp", module: "RecovSpec", name: "lateSpecs"))
        #expect(!isModuleLevel(usr: "s:9RecovSpec5model6amountL_Sivp", module: "RecovSpec", name: "amount"))
        #expect(!isModuleLevel(usr: "s:9RecovSpec6amountL_Sivp", module: "RecovSpec", name: "amount"))
        #expect(!isModuleLevel(usr: "s:9RecovSpec5thingSivp", module: "Other", name: "thing"))
        #expect(!isModuleLevel(usr: "s:9RecovSpec00", module: "RecovSpec", name: "x"))
        #expect(!isModuleLevel(usr: "s:9RecovSpec0011latProc_dyaSivp", module: "RecovSpec", name: "latProc"))
        #expect(!isModuleLevel(usr: "s:9RecovSpec01pZ0Sivp", module: "RecovSpec", name: "pSpec"))  // no word 25
    }
}

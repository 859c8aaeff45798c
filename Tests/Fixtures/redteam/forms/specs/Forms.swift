import RecovDSL
// Issue 9 class 4, held-out forms: every one of these procedures is created when the program
// runs and must be checked (each VIOLATED: the honest entities cannot sign the 2-of-2).
// Expected: 12 procedures FImmediate ... FNested, each with a verdict; exit 1.
let fImmediate: Procedure = { fmBroken("FImmediate") }()
let fMapped = ["FMapA", "FMapB"].map { fmBroken($0) }
let fOptional: Procedure? = Bool("true") == true ? fmBroken("FOptional") : nil
var fVar = fmBroken("FVar")
enum FOuter { enum FInner { static let p = fmBroken("FNested") } }
final class FBox { static var lazyOne: Procedure = fmBroken("FClassStaticVar") }
let fSet: Set<String> = Set([fmBroken("FInSetBuilder")].map { _ in "x" })
let fLazyTuple = (1, (fmBroken("FDeepTuple"), "y"))
func fMakeTwo() -> [Procedure] { [fmBroken("FHelperA"), fmBroken("FHelperB")] }
let fTwo = fMakeTwo()
let fDirect = Procedure("FDirectClosureBody", model: fmModel, incident: fmIncident) {
    Trigger(!fmPaused)
    Step("pause", action: "fmPause", by: fmGuardian, within: 600) { Writes(fmPaused) }
    Containment(fmPaused, within: 1 * hour)
}

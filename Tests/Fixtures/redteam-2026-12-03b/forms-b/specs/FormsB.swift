import RecovDSL
// Procedures declared in more unusual Swift forms; each is created when the program runs and must
// be checked. Hand-worked: the 10 procedures FBTupleA, FBTupleB, FBIf, FBExtension, FBDict,
// FBInstance, FBClosureA, FBClosureB, FBOptArr, FBReduce each report bounded-intervention and
// containment-time VIOLATED (the model's comment); exit 1.
let (fbTupleA, fbTupleB) = (fbBroken("FBTupleA"), fbBroken("FBTupleB"))
#if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
let fbIf = fbBroken("FBIf")
#else
let fbIf = fbBroken("FBIf")
#endif
enum FBSpace {}
extension FBSpace { static let p = fbBroken("FBExtension") }
let fbDict: [String: Procedure] = ["k": fbBroken("FBDict")]
struct FBHolder { let p = fbBroken("FBInstance") }
let fbHolder = FBHolder()
let fbMakeNamed: (String) -> Procedure = { fbBroken($0) }
let fbPair = [fbMakeNamed("FBClosureA"), fbMakeNamed("FBClosureB")]
let fbOptArr: [Procedure?] = [fbBroken("FBOptArr"), nil]
let fbReduce = ["FBReduce"].reduce(into: [Procedure]()) { acc, n in acc.append(fbBroken(n)) }

/// What names an expression may refer to.
public struct ExprScope: Sendable {
    public var model: Model
    public var params: [String: ExprType]
    /// Whether `account` (the bound account of a claim or map-wide effect) is in scope.
    public var hasAccount: Bool

    public init(model: Model, params: [String: ExprType] = [:], hasAccount: Bool = false) {
        self.model = model
        self.params = params
        self.hasAccount = hasAccount
    }

    /// The scope inside an action's guard and effects.
    public static func action(_ action: Action, in model: Model, hasAccount: Bool = false) -> ExprScope {
        var params: [String: ExprType] = [:]
        for p in action.params {
            switch p.type {
            case .int: params[p.name] = .int
            case .bool: params[p.name] = .bool
            case .account: params[p.name] = .account
            case .entity: continue  // names the target of RotateKey/Grant only, not a value in expressions
            }
        }
        if action.user { params["caller"] = .account }
        return ExprScope(model: model, params: params, hasAccount: hasAccount)
    }
}

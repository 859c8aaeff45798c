import RecovIR

/// How the loader finds, compiles and caches spec programs.
public struct LoaderOptions: Sendable {
    /// Folder of shared model files compiled with every spec. Default: for each spec path, a
    /// `models/` folder beside it (inside the spec's folder, or a sibling of it), when one exists.
    public var modelsDirectory: String?
    /// Where compiled IR is cached. Default: `$XDG_CACHE_HOME/recovcheck` or `~/.cache/recovcheck`.
    public var cacheDirectory: String?
    /// Whether to read and write the IR cache.
    public var useCache: Bool
    /// Seconds a spec program may run before it is killed.
    public var specTimeout: Double
    /// How the compiled spec program is isolated (`--sandbox`, see `SpecSandbox`).
    public var sandbox: SandboxMode

    /// Creates options; every parameter has the documented default.
    public init(
        modelsDirectory: String? = nil, cacheDirectory: String? = nil, useCache: Bool = true,
        specTimeout: Double = 60, sandbox: SandboxMode = .auto
    ) {
        self.sandbox = sandbox
        self.modelsDirectory = modelsDirectory
        self.cacheDirectory = cacheDirectory
        self.useCache = useCache
        self.specTimeout = specTimeout
    }
}

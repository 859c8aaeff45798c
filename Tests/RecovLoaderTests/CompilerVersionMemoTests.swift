import Foundation
import Testing

@testable import RecovLoader

/// `swiftc --version` is remembered only for the same compiler files: a different compiler must
/// still change the IR cache key.
@Suite struct CompilerVersionMemoTests {
    /// A toolchain folder like a real one: `swiftc` a link to `swift-driver`, `swift-frontend` beside it.
    func fakeToolchain() throws -> String {
        let dir = NSTemporaryDirectory() + "recovcheck-memo-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("driver".utf8).write(to: URL(fileURLWithPath: dir + "/swift-driver"))
        try Data("frontend 1".utf8).write(to: URL(fileURLWithPath: dir + "/swift-frontend"))
        try fm.createSymbolicLink(atPath: dir + "/swiftc", withDestinationPath: "swift-driver")
        return dir
    }

    @Test func theIdentityFollowsTheDriverAndItsFrontend() async throws {
        let dir = try fakeToolchain()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = try #require(CompilerVersionMemo.identity(swiftc: dir + "/swiftc", environment: [:]))
        #expect(CompilerVersionMemo.identity(swiftc: dir + "/swift-driver", environment: [:]) == id)
        #expect(CompilerVersionMemo.identity(swiftc: dir + "/swiftc", environment: ["PATH": "/x"]) == id)
        #expect(
            CompilerVersionMemo.identity(
                swiftc: dir + "/swiftc", environment: ["SWIFT_DRIVER_SWIFT_FRONTEND_EXEC": "/y"]) != id)
        // Another frontend (a new file, as any install makes) is another compiler.
        try FileManager.default.removeItem(atPath: dir + "/swift-frontend")
        try Data("frontend 2".utf8).write(to: URL(fileURLWithPath: dir + "/swift-frontend"))
        #expect(CompilerVersionMemo.identity(swiftc: dir + "/swiftc", environment: [:]) != id)
        // Rewritten in place, same size: the change time moves.
        let before = CompilerVersionMemo.identity(swiftc: dir + "/swiftc", environment: [:])
        usleep(20_000)
        try Data("frontend 3".utf8).write(to: URL(fileURLWithPath: dir + "/swift-frontend"))
        #expect(CompilerVersionMemo.identity(swiftc: dir + "/swiftc", environment: [:]) != before)
    }

    @Test func aWrapperOrAFreshCompilerIsAlwaysAsked() async throws {
        let dir = try fakeToolchain()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("#!/bin/sh\nexec swiftc \"$@\"\n".utf8).write(to: URL(fileURLWithPath: dir + "/my-swiftc"))
        #expect(CompilerVersionMemo.identity(swiftc: dir + "/my-swiftc", environment: [:]) == nil)
        try FileManager.default.removeItem(atPath: dir + "/swift-frontend")
        #expect(CompilerVersionMemo.identity(swiftc: dir + "/swiftc", environment: [:]) == nil)
        // Files written just now may still be being written: not remembered.
        try Data("frontend".utf8).write(to: URL(fileURLWithPath: dir + "/swift-frontend"))
        let memo = CompilerVersionMemo(directory: dir + "/memo")
        memo.store("Swift version 0", swiftc: dir + "/swiftc", environment: [:])
        #expect(memo.version(swiftc: dir + "/swiftc", environment: [:]) == nil)
    }

    @Test func theRealCompilerIsRememberedAndGivesTheSameVersion() async throws {
        let cache = NSTemporaryDirectory() + "recovcheck-memo-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let loader = Loader(options: LoaderOptions(cacheDirectory: cache))
        let asked = try await loader.locateToolchain()
        let swiftc = try loader.locateSwiftc()
        let memo = CompilerVersionMemo(directory: cache + "/compiler-versions")
        if CompilerVersionMemo.identity(swiftc: swiftc, environment: ProcessInfo.processInfo.environment) != nil {
            #expect(memo.version(swiftc: swiftc, environment: ProcessInfo.processInfo.environment) == asked.version)
        }
        #expect(try await loader.locateToolchain().version == asked.version)
    }
}

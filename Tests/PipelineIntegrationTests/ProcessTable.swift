import Foundation

/// The processes on this machine as `/proc` shows them, for tests that check what a command
/// leaves running.
struct ProcessTable {
    struct Entry {
        var pid: pid_t
        var parent: pid_t
        var processGroup: pid_t
        /// `Z` for a zombie: dead, only not reaped yet.
        var state: Character
        var commandLine: String
    }

    /// Every process readable now.
    static func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { pid_t($0) }.compactMap(entry)
    }

    /// The process `pid`, if it exists.
    static func entry(_ pid: pid_t) -> Entry? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let nameEnd = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (name) ": state, parent, process group. The name may hold spaces and parentheses.
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 3, let state = fields[0].first, let parent = pid_t(fields[1]),
            let group = pid_t(fields[2])
        else { return nil }
        let arguments = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        let commandLine = String(decoding: arguments.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        return Entry(pid: pid, parent: parent, processGroup: group, state: state, commandLine: commandLine)
    }

    /// The children of `pid` that have not exited.
    static func liveChildren(of pid: pid_t) -> [Entry] {
        entries().filter { $0.parent == pid && $0.state != "Z" }
    }

    /// Whether `pid` runs (a zombie has exited).
    static func isAlive(_ pid: pid_t) -> Bool {
        entry(pid).map { $0.state != "Z" } ?? false
    }
}

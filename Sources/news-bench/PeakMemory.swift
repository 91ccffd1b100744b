#if canImport(Glibc)
    import Glibc
#endif

/// The most memory this process has held resident at once.
enum PeakMemory {
    static func residentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // Linux reports ru_maxrss in kilobytes.
        return usage.ru_maxrss / 1024
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// CPU time this thread has used: unlike wall-clock time, it does not grow while other
/// processes have the core, so figures stay comparable on a shared machine.
enum ThreadCPUTime {
    static func now() -> Duration {
        var usage = rusage()
        // RUSAGE_THREAD (1): this thread only.
        getrusage(__rusage_who_t(1), &usage)
        let user = Duration.seconds(usage.ru_utime.tv_sec) + .microseconds(usage.ru_utime.tv_usec)
        let system = Duration.seconds(usage.ru_stime.tv_sec) + .microseconds(usage.ru_stime.tv_usec)
        return user + system
    }
}

#ifndef NEWS_BENCH_ALLOCATION_COUNTER_H
#define NEWS_BENCH_ALLOCATION_COUNTER_H

#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign) this
/// process has made since it started, on every thread.
uint64_t allocation_count(void);

#endif

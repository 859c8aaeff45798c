// What swift-subprocess (RecovProcess's ProcessRunner spawns through it) does not offer: becoming
// the child subreaper of this process, so orphans a spec program leaves behind can be found and
// killed, and the malloc thresholds recovcheck sets at start-up. Both are process-wide settings
// of recovcheck itself, not options of a spawn, and Swift's Glibc module exposes neither prctl's
// nor mallopt's constants.
#include <sys/prctl.h>

/// Makes the calling process the reaper of its orphaned descendants (PR_SET_CHILD_SUBREAPER), so
/// processes a spec program leaves behind (even in a new session) become its children and can be killed.
static inline int recov_set_child_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }

#include <malloc.h>

/// Serves allocations up to 32 MB (glibc's ceiling for this threshold) from the heap instead of a
/// fresh mmap each, and keeps up to 64 MB free at a heap's top instead of returning it, so the
/// memory a freed Z3 context held is reused by the next one (recovcheck's main). 1 when both are set.
static inline int recov_keep_large_allocations_in_heap(void) {
    return mallopt(M_MMAP_THRESHOLD, 32 << 20) && mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

// glibc's GNU extensions to posix_spawn (glibc >= 2.34), which Swift's Glibc module does not
// expose because it is built without _GNU_SOURCE. Used by RecovProcess's ProcessRunner.
#include <spawn.h>

extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);

/// POSIX_SPAWN_SETSID: the child calls setsid(), so it leads a new session and process group.
static const short recov_POSIX_SPAWN_SETSID = 0x80;

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


// Replays recovcheck's --dump-smt files through Z3's C API in one process: each file parsed and
// solved in a fresh context (as the z3 command line would, without its process start), timing
// only that (thread CPU time), and comparing Z3's answer with the one recovcheck recorded in the
// file's second line. Prints one line per file and a total; exit 1 if an answer differs.
// Built and run by scripts/smt-overhead.py: gcc -O2 z3-replay.c -lz3 -o z3-replay
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <z3.h>

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc(n + 1);
    if (fread(s, 1, n, f) != (size_t)n) { perror(path); exit(2); }
    s[n] = 0;
    fclose(f);
    return s;
}

int main(int argc, char **argv) {
    double total = 0;
    int mismatches = 0;
    for (int i = 1; i < argc; i++) {
        char *text = slurp(argv[i]);
        const char *recorded = strstr(text, "; recovcheck's answer: ");
        char expected[16] = "?";
        if (recorded) sscanf(recorded + strlen("; recovcheck's answer: "), "%15s", expected);
        // A script's set-option may set Z3's global parameters (an rlimit, a timeout): reset
        // them, so no file inherits another's.
        Z3_global_param_reset_all();
        Z3_config cfg = Z3_mk_config();
        Z3_context ctx = Z3_mk_context_rc(cfg);
        Z3_del_config(cfg);
        double start = cpu();
        const char *out = Z3_eval_smtlib2_string(ctx, text);
        double seconds = cpu() - start;
        char answer[16] = "error";
        if (out) sscanf(out, "%15s", answer);
        total += seconds;
        int same = strcmp(answer, expected) == 0 || strcmp(expected, "unknown") == 0;
        if (!same) mismatches++;
        printf("%.6f %s %s%s\n", seconds, answer, argv[i], same ? "" : "  (recovcheck recorded a different answer)");
        Z3_del_context(ctx);
        free(text);
    }
    printf("total %.6f s in %d file(s), %d different answer(s)\n", total, argc - 1, mismatches);
    return mismatches ? 1 : 0;
}

#include "CSQLiteTuning.h"
#include <sqlite3.h>

int broadsheet_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int broadsheet_sqlite_memory_statistics_enabled(void) {
    /* With statistics off, sqlite3_status64 still answers but the counters stay at zero: allocate something and see. */
    sqlite3_int64 before = sqlite3_memory_used();
    void *probe = sqlite3_malloc(4096);
    sqlite3_int64 after = sqlite3_memory_used();
    sqlite3_free(probe);
    return after > before ? 1 : 0;
}

#ifndef BROADSHEET_CSQLITETUNING_H
#define BROADSHEET_CSQLITETUNING_H

/// Process-wide SQLite settings that Swift cannot make itself: sqlite3_config() is variadic.
///
/// Turns off SQLite's memory statistics. With them on (SQLite's default), every allocation SQLite makes, on any
/// connection, takes one process-wide mutex to count it; readers running in parallel (full-text search allocates
/// for every posting list it reads) then queue on that mutex. Must run before SQLite initializes, that is before
/// the first connection opens. Returns SQLite's result code: 0 when applied, 21 (SQLITE_MISUSE) when SQLite had
/// already started, in which case nothing changes.
int broadsheet_sqlite_disable_memory_statistics(void);

/// Whether SQLite counts its allocations (1) or not (0), as the settings stand now.
int broadsheet_sqlite_memory_statistics_enabled(void);

#endif

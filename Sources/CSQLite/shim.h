// The system SQLite (Debian: libsqlite3-dev), seen by Swift as the CSQLite module.
#include <sqlite3.h>

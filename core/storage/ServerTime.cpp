// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerTime.h"

namespace Storage {

QString serverNowMs(const Database &db)
{
    // SQLite before 3.42 has no unixepoch('subsec'); julianday('now') carries milliseconds.
    return db.isPostgres() ? QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")
                           : QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)");
}

} // namespace Storage

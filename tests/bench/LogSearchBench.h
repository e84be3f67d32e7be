// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QList>
#include <QString>
#include <array>

namespace Bench {

/** What the fill wrote: body bytes (UTF-8, request + answer + headers) by kind of call. */
struct FillStats
{
    std::array<qint64, 4> bytes {};
    std::array<qint64, 4> rows {};
    qint64 bodyBytes = 0;
    qint64 fillMs = 0;
    double averageBytes(int kind = -1) const;
};

/** One search the bench times; expectedId: a row it must show (0: none); found between min and max. */
struct SearchCase
{
    QString name;
    QString term;
    qint64 expectedId = 0;
    int minFound = -1;
    int maxFound = -1;
};

/** Fills op_log, op_log_bodies and op_log_keys as OpLogRepo::append writes them (the trigger fills the
 *  text index), in transactions of 10,000 rows. */
bool fillLog(Storage::Database &db, qint64 rows, FillStats *stats);
/** Copies the first rows into op_log_v15, the shape of schema 15 (bodies inline, before the keys). */
bool copyToOldShape(Storage::Database &db, qint64 rows);

struct Timing
{
    qint64 warmMs = 0;
    qint64 coldMs = 0;
};
/** The Log page's text query of schema 15 on op_log_v15. */
Timing timeOldShape(Storage::Database &db, const QString &text);
/** The same LIKE over every row of today's op_log, without the text index. */
Timing timeUnindexedLike(Storage::Database &db, const QString &text);

QList<SearchCase> searchCases(qint64 rows);
/** sync + drop_caches; false when the process may not. */
bool dropOsCache();
double fileGb(const QString &path);
/** The biggest tables and indexes (SQLite's dbstat): reads the whole file. */
QString tableSizes(Storage::Database &db);
double rssMb();

} // namespace Bench

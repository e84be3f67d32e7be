// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace Store {

/** One API call as the operation log keeps it. Bodies are redacted before they are stored. */
struct OpLogEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    std::optional<qint64> connectionId;
    QString lane;
    std::optional<qint64> jobId; ///< the (first) job the call carried
    QList<qint64> jobIds; ///< every job the call carried (a batch call carries many); jobId's among them
    QString method;
    QString url;
    int status = 0; ///< HTTP status; 0 when no answer came (network error, timeout)
    int durationMs = 0;
    QString requestHeaders;
    QString requestBody;
    QString responseBody;
    QString error;
    QString keys; ///< business keys the call concerned: order numbers, phones, emails (space-separated)
};

enum class StatusClass { Any, Success, ClientError, ServerError, NoAnswer, AnyError };

/** Keyset position: the last row of the previous page (newest first). */
struct OpLogCursor
{
    qint64 atMs = 0;
    qint64 id = 0;
};

struct OpLogFilter
{
    qint64 fromMs = 0; ///< inclusive; 0 = no lower bound
    qint64 toMs = 0; ///< exclusive; 0 = no upper bound
    std::optional<qint64> connectionId;
    StatusClass statusClass = StatusClass::Any;
    std::optional<qint64> jobId; ///< calls that carried this job (alone or in a batch): an index lookup
    /** Order number, phone, email, URL part or error text: a substring of the keys, address or error,
     *  case-insensitive (LIKE/ILIKE as before), found through a trigram index when textIndexed(). */
    QString text;
    /** One whole business key (order number as the shop shows it, phone in any form, email): an index
     *  lookup in the calls' keys and in the jobs they carried (their reference, phone and email). */
    QString key;
    /** The oldest row to look at (inclusive): bounds a text search to a window of the newest rows,
     *  which the (at, id) index reads as a range. None: down to the first row. */
    std::optional<OpLogCursor> floor;
};

/**
 * The operation log: append-only, read newest first in pages by keyset (never OFFSET), so a table of
 * millions of rows pages in constant time. Thread-safe like every repository (per-thread connection).
 */
class OpLogRepo
{
public:
    explicit OpLogRepo(std::shared_ptr<Storage::Database> db,
                       const Common::Clock *clock = Common::Clock::system());

    /** Stores the entry (redacting secrets again on the way in); returns its id. */
    Common::Result<qint64> append(OpLogEntry entry);
    /** A page of entries older than `after` (or the newest when none); bodies only if withBodies. */
    Common::Result<QList<OpLogEntry>> page(const OpLogFilter &filter, std::optional<OpLogCursor> after,
                                           int limit, bool withBodies = false);
    /** The entry with every job it carried (jobIds filled). */
    Common::Result<OpLogEntry> get(qint64 id);
    Common::Result<int> count(const OpLogFilter &filter);
    /** The most calls the filter matches within one second (for rate-limit use); 0 when none. */
    Common::Result<int> busiestSecond(const OpLogFilter &filter);
    /**
     * Where a scan of `rows` rows ends: the rows-th newest entry matching the filter's time,
     * connection, status and job (not its text, key or floor), strictly older than `below` when
     * given. None when fewer rows are left: a window from there reaches the first row. Walks the
     * (at, id) index only, so the text search that follows reads a bounded range.
     */
    Common::Result<std::optional<OpLogCursor>> scanFloor(const OpLogFilter &filter,
                                                         std::optional<OpLogCursor> below, int rows);
    /** A business key as stored in the key index: lowercased; a phone as its digits, 8… as 7…. */
    static QString normaliseKey(const QString &key);
    /** Deletes entries older than the given time; returns how many. */
    Common::Result<int> pruneOlderThan(qint64 atMs);
    /** Whether a free text is looked up in the trigram index (three characters or more) rather than
     *  scanned for row by row; a scan should be bounded by a floor. */
    static bool textIndexed(const QString &text);

private:
    /** SQLite: the text is indexed and matches few rows, so its candidates are read and sorted. */
    Common::Result<bool> fewTextMatches(const QString &text);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/OpLogRepo.h"

#include <QFile>
#include <QObject>
#include <QTimer>
#include <memory>

namespace Gui {

/**
 * Writes the log entries a filter matches to a CSV file, a chunk per timer tick so the window stays
 * responsive and the export can be cancelled; keyset paging keeps each chunk cheap at any depth.
 * GUI thread (it reads through that thread's connection); owned by the Log page, one export at a time.
 */
class CsvExporter : public QObject
{
    Q_OBJECT
public:
    explicit CsvExporter(std::shared_ptr<Storage::Database> db, QObject *parent = nullptr);

    /** Starts writing to path; false (with error()) when the file cannot be opened. */
    bool start(const Store::OpLogFilter &filter, const QString &path);
    void cancel();
    bool isRunning() const { return m_timer.isActive(); }
    QString error() const { return m_error; }
    void setChunkSize(int rows) { m_chunk = rows; }

    static QString csvField(const QString &text);

Q_SIGNALS:
    void progressed(int written, int total);
    /** ok = every row written; false when cancelled or failed (error() says which). */
    void finished(bool ok, int written);

private:
    void writeChunk();
    void finish(bool ok);

    std::shared_ptr<Storage::Database> m_db;
    Store::OpLogFilter m_filter;
    std::optional<Store::OpLogCursor> m_cursor;
    QFile m_file;
    QTimer m_timer;
    int m_total = 0;
    int m_written = 0;
    int m_chunk = 2000;
    QString m_error;
};

} // namespace Gui

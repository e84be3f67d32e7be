// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace Gui {

/**
 * One job in detail: its attempt history (each try's outcome, HTTP status and error), a link to its
 * log entries, and the payload, read-only. GUI thread; owned by the Queue page.
 */
class JobDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailPane(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    /** Shows a job (0: nothing selected). */
    void showJob(qint64 jobId);
    qint64 jobId() const { return m_jobId; }

Q_SIGNALS:
    /** The operator asked for the log entries of a job. */
    void logRequested(qint64 jobId);

private:
    std::shared_ptr<Storage::Database> m_db;
    qint64 m_jobId = 0;
    QLabel *m_title;
    QLabel *m_logLink;
    QTreeWidget *m_attempts;
    QPlainTextEdit *m_payload;
};

} // namespace Gui

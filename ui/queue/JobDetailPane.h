// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QUrl>
#include <QWidget>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace Gui {

/**
 * One job in detail: the CRM record it made (deal or order id, opened in the CRM's web interface), its
 * attempt history (each try's outcome, HTTP status and error), a link to its log entries, and the
 * payload, read-only. GUI thread; owned by the Queue page.
 */
class JobDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailPane(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    /** Shows a job (0: nothing selected). */
    void showJob(qint64 jobId);
    qint64 jobId() const { return m_jobId; }
    /** Says why the shown job waits and when it goes next (empty: it does not wait). */
    void setWaitText(const QString &text);
    /** Where the job's deal or order opens in the CRM; empty when it has none (yet). */
    QUrl crmUrl() const { return m_crmUrl; }

Q_SIGNALS:
    /** The operator asked for the log entries of a job. */
    void logRequested(qint64 jobId);

private:
    std::shared_ptr<Storage::Database> m_db;
    qint64 m_jobId = 0;
    QUrl m_crmUrl;
    QLabel *m_title;
    QLabel *m_crmLink;
    QLabel *m_wait;
    QLabel *m_logLink;
    QTreeWidget *m_attempts;
    QPlainTextEdit *m_payload;
};

} // namespace Gui

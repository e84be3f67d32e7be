// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/OpLogRepo.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Gui {

/**
 * One logged call in full: the request (headers and body) and the response, pretty-printed and
 * already redacted by the store, "Copy as curl" without secrets, and the jobs it carried (a batch call
 * carries many), each a link to the job. GUI thread; owned by the Log page.
 */
class LogDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit LogDetailPane(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    /** Shows an entry (0: nothing selected); reads its bodies then, not before. */
    void showEntry(qint64 id);
    QString curl() const { return m_curl; }
    /** The jobs the shown call carried. */
    QList<qint64> jobIds() const { return m_jobIds; }

Q_SIGNALS:
    /** The operator asked to see a job the call carried. */
    void jobRequested(qint64 jobId);

private:
    std::shared_ptr<Storage::Database> m_db;
    QString m_curl;
    QList<qint64> m_jobIds;
    QLabel *m_title;
    QLabel *m_jobs;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QPushButton *m_copyCurl;
};

} // namespace Gui

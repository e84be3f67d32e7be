// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/OpLogRepo.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLineEdit;
class QTimer;

namespace Gui {

/**
 * The Log page's filters: time range, connection, status class, job and a search by business key or
 * text (debounced, so typing does not query per key). GUI thread; owned by the Log page.
 */
class LogFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit LogFilterBar(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    /** The filter as the controls show it, with the time range resolved against now. */
    Store::OpLogFilter filter() const;
    void setJobId(std::optional<qint64> jobId);

Q_SIGNALS:
    void filterChanged();

private:
    QComboBox *m_range;
    QComboBox *m_connection;
    QComboBox *m_status;
    QLineEdit *m_job;
    QLineEdit *m_search;
    QTimer *m_debounce;
};

} // namespace Gui

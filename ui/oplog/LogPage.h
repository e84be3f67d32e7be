// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Gui {

class CsvExporter;
class LogDetailPane;
class LogFilterBar;
class OpLogTableModel;

/**
 * The Log page: every API call, newest first, paged from SQL so a million rows stay smooth; filters,
 * search, a detail pane and CSV export of the filtered rows with a progress bar. GUI thread; owned
 * by the main window.
 */
class LogPage : public QWidget
{
    Q_OBJECT
public:
    explicit LogPage(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    OpLogTableModel *model() const { return m_model; }
    LogFilterBar *filterBar() const { return m_filters; }
    /** Exports the current filter to path (the Export button asks for the path first). */
    bool exportTo(const QString &path);

Q_SIGNALS:
    /** The operator asked to see a job a call carried. */
    void jobRequested(qint64 jobId);

public Q_SLOTS:
    /** Shows the calls of one job (from the Queue's detail pane). */
    void showJob(qint64 jobId);
    void applyFilter();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onExportClicked();
    void onCurrentChanged();
    void showSearchState();

    std::shared_ptr<Storage::Database> m_db;
    OpLogTableModel *m_model;
    LogFilterBar *m_filters;
    QTableView *m_table;
    LogDetailPane *m_detail;
    CsvExporter *m_exporter;
    QPushButton *m_export;
    QPushButton *m_cancelExport;
    QPushButton *m_searchOlder;
    QProgressBar *m_progress;
    QLabel *m_status;
};

} // namespace Gui

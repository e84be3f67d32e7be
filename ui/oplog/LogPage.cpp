// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogPage.h"

#include "CsvExporter.h"
#include "LogDetailPane.h"
#include "LogFilterBar.h"
#include "OpLogTableModel.h"
#include "common/ColumnFit.h"
#include "common/ElidingHeader.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <limits>

namespace Gui {

LogPage::LogPage(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_model(new OpLogTableModel(m_db, this))
    , m_filters(new LogFilterBar(m_db, this))
    , m_table(new QTableView(this))
    , m_detail(new LogDetailPane(m_db, this))
    , m_exporter(new CsvExporter(m_db, this))
    , m_export(new QPushButton(tr("Export to CSV…"), this))
    , m_cancelExport(new QPushButton(tr("Cancel export"), this))
    , m_searchOlder(new QPushButton(tr("Search older calls"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("logPage"));
    auto *title = new QLabel(tr("Log"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setHorizontalHeader(new ElidingHeader(m_table));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, which keeps scrolling cheap at any size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // The address and the error share what the fixed columns leave: the table never scrolls sideways.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(OpLogTableModel::UrlColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(OpLogTableModel::ErrorColumn, QHeaderView::Stretch);
    // The fixed columns fit their titles and values in the UI's language (a Russian date with seconds
    // is wider than the English one).
    for (const int column :
         { OpLogTableModel::TimeColumn, OpLogTableModel::StatusColumn, OpLogTableModel::MethodColumn,
           OpLogTableModel::DurationColumn, OpLogTableModel::JobColumn, OpLogTableModel::LaneColumn })
        ColumnFit::fit(m_table, column, OpLogTableModel::widestValues(column));
    m_detail->setMinimumWidth(220);

    m_export->setObjectName(QStringLiteral("exportButton"));
    m_cancelExport->setObjectName(QStringLiteral("cancelExportButton"));
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_status->setObjectName(QStringLiteral("logStatusLabel"));
    m_searchOlder->setObjectName(QStringLiteral("searchOlderButton"));
    m_progress->hide();
    m_cancelExport->hide();
    m_searchOlder->hide();

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_searchOlder);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancelExport);
    bottom->addWidget(m_export);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    // The table gets most of the room: the request and response wrap; an address and an error do not.
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 770, 310 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addWidget(m_filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_filters, &LogFilterBar::filterChanged, this, &LogPage::applyFilter);
    connect(m_detail, &LogDetailPane::jobRequested, this, &LogPage::jobRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogPage::onCurrentChanged);
    connect(m_model, &OpLogTableModel::reloaded, this, [this] {
        m_detail->showEntry(0);
        showSearchState();
    });
    connect(m_model, &OpLogTableModel::searchExtended, this, &LogPage::showSearchState);
    connect(m_searchOlder, &QPushButton::clicked, m_model, &OpLogTableModel::searchOlder);
    connect(m_export, &QPushButton::clicked, this, &LogPage::onExportClicked);
    connect(m_cancelExport, &QPushButton::clicked, m_exporter, &CsvExporter::cancel);
    connect(m_exporter, &CsvExporter::progressed, this, [this](int written, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(written);
    });
    connect(m_exporter, &CsvExporter::finished, this, [this](bool ok, int written) {
        m_progress->hide();
        m_cancelExport->hide();
        m_export->setEnabled(true);
        m_status->setText(ok ? tr("%n call(s) exported.", nullptr, written) : m_exporter->error());
    });
}

void LogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The engine keeps logging while the page is hidden: opening it shows the newest calls.
    if (!event->spontaneous())
        applyFilter();
}

void LogPage::applyFilter()
{
    Store::OpLogFilter filter = m_filters->filter();
    m_model->setFilter(filter);
    if (m_model->rowCount() == 0 && !filter.key.isEmpty()) {
        // Not a whole key: look for the text inside addresses, errors and keys instead.
        filter.text = filter.key;
        filter.key.clear();
        m_model->setFilter(filter);
    }
}

void LogPage::showSearchState()
{
    m_searchOlder->setVisible(m_model->hasOlderToSearch());
    if (!m_model->lastError().isEmpty()) {
        m_status->setText(m_model->lastError());
        return;
    }
    const bool none = m_model->rowCount() == 0;
    if (!m_model->hasOlderToSearch()) {
        m_status->setText(none ? tr("No calls match.") : QString());
        return;
    }
    // A text search looked through a window of the newest calls only: say how far back it went.
    const QString back = QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_model->searchedBackToMs()),
                                            QLocale::ShortFormat);
    const int searched = int(std::min<qint64>(m_model->searchedRows(), std::numeric_limits<int>::max()));
    m_status->setText(
        none ? tr("No match in the newest %Ln call(s), back to %1.", nullptr, searched).arg(back)
             : tr("Matches in the newest %Ln call(s), back to %1.", nullptr, searched).arg(back));
}

void LogPage::showJob(qint64 jobId)
{
    m_filters->setJobId(jobId);
}

bool LogPage::exportTo(const QString &path)
{
    if (!m_exporter->start(m_filters->filter(), path)) {
        m_status->setText(tr("The file cannot be written: %1").arg(m_exporter->error()));
        return false;
    }
    m_export->setEnabled(false);
    m_progress->show();
    m_cancelExport->show();
    m_status->setText(tr("Exporting…"));
    return true;
}

void LogPage::onExportClicked()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the log"), QDir::home().filePath(QStringLiteral("crmbridge-log.csv")),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void LogPage::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    m_detail->showEntry(current.isValid() ? current.data(OpLogTableModel::EntryIdRole).toLongLong() : 0);
}

} // namespace Gui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueuePage.h"

#include "FailureGroupModel.h"
#include "JobDetailPane.h"
#include "JobTableModel.h"
#include "StateChips.h"
#include "common/MessageBox.h"
#include "engine/SyncEngine.h"
#include "store/JobRepo.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

QueuePage::QueuePage(std::shared_ptr<Storage::Database> db, Engine::SyncEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_model(new JobTableModel(m_db, this))
    , m_groups(new FailureGroupModel(m_db, this))
    , m_chips(new StateChips(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_groupView(new QListView(this))
    , m_detail(new JobDetailPane(m_db, this))
    , m_resendSelected(new QPushButton(tr("Resend selected"), this))
    , m_cancelSelected(new QPushButton(tr("Cancel selected"), this))
    , m_resendFilter(new QPushButton(tr("Resend all matching"), this))
    , m_cancelFilter(new QPushButton(tr("Cancel all matching"), this))
    , m_resendGroup(new QPushButton(tr("Resend this group"), this))
    , m_clearGroup(new QPushButton(tr("Show every cause"), this))
    , m_result(new QLabel(this))
    , m_timer(new QTimer(this))
    , m_settledDebounce(new QTimer(this))
{
    setObjectName(QStringLiteral("queuePage"));
    auto *title = new QLabel(tr("Queue"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setPlaceholderText(tr("Search by order number, phone, email or error text"));
    m_search->setClearButtonEnabled(true);

    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(JobTableModel::StateColumn, 130);
    m_table->setColumnWidth(JobTableModel::KindColumn, 130);
    m_table->setColumnWidth(JobTableModel::ReferenceColumn, 110);
    m_table->setColumnWidth(JobTableModel::CustomerColumn, 220);
    m_table->setColumnWidth(JobTableModel::AttemptsColumn, 80);
    m_table->setColumnWidth(JobTableModel::NextAttemptColumn, 130);

    m_groupView->setObjectName(QStringLiteral("failureGroups"));
    m_groupView->setModel(m_groups);
    m_groupView->setWordWrap(true);
    m_groupView->setTextElideMode(Qt::ElideRight);
    m_resendSelected->setObjectName(QStringLiteral("resendSelectedButton"));
    m_cancelSelected->setObjectName(QStringLiteral("cancelSelectedButton"));
    m_resendFilter->setObjectName(QStringLiteral("resendFilterButton"));
    m_cancelFilter->setObjectName(QStringLiteral("cancelFilterButton"));
    m_resendGroup->setObjectName(QStringLiteral("resendGroupButton"));
    m_clearGroup->setObjectName(QStringLiteral("clearGroupButton"));
    m_result->setObjectName(QStringLiteral("queueResult"));
    m_result->setWordWrap(true);

    auto *groupsBox = new QWidget(this);
    auto *groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    groupsLayout->addWidget(new QLabel(tr("Failures by cause"), groupsBox));
    groupsLayout->addWidget(m_groupView, 1);
    groupsLayout->addWidget(m_resendGroup);
    groupsLayout->addWidget(m_clearGroup);

    auto *actions = new QGridLayout;
    actions->addWidget(m_resendSelected, 0, 0);
    actions->addWidget(m_resendFilter, 0, 1);
    actions->addWidget(m_cancelSelected, 1, 0);
    actions->addWidget(m_cancelFilter, 1, 1);
    actions->addWidget(m_result, 0, 2, 2, 1);
    actions->setColumnStretch(2, 1);

    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addLayout(actions);

    // The job's details under the table: the table keeps the width its columns need.
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(tableBox);
    right->addWidget(m_detail);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setSizes({ 420, 200 });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("queueSplitter"));
    splitter->addWidget(groupsBox);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({ 200, 760 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addWidget(m_chips);
    layout->addWidget(m_search);
    layout->addWidget(splitter, 1);

    connect(m_chips, &StateChips::statesChanged, m_model, &JobTableModel::setStates);
    connect(m_search, &QLineEdit::textChanged, m_model, &JobTableModel::setText);
    connect(m_groupView, &QListView::clicked, this, &QueuePage::onGroupClicked);
    connect(m_clearGroup, &QPushButton::clicked, this, [this] {
        m_groupView->clearSelection();
        m_model->setFingerprint({});
        onSelectionChanged();
    });
    connect(m_resendSelected, &QPushButton::clicked, this, &QueuePage::resendSelected);
    connect(m_cancelSelected, &QPushButton::clicked, this, &QueuePage::cancelSelected);
    connect(m_resendFilter, &QPushButton::clicked, this, &QueuePage::resendFilter);
    connect(m_cancelFilter, &QPushButton::clicked, this, &QueuePage::cancelFilter);
    connect(m_resendGroup, &QPushButton::clicked, this, &QueuePage::resendGroup);
    connect(m_model, &JobTableModel::reloaded, this, &QueuePage::onSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePage::onSelectionChanged);
    connect(m_detail, &JobDetailPane::logRequested, this, &QueuePage::logRequested);

    connect(m_timer, &QTimer::timeout, this, &QueuePage::refresh);
    m_timer->start(5000);
    // A burst of settled jobs becomes one refresh.
    m_settledDebounce->setSingleShot(true);
    m_settledDebounce->setInterval(300);
    connect(m_settledDebounce, &QTimer::timeout, this, &QueuePage::refresh);
    if (engine)
        connect(engine, &Engine::SyncEngine::jobSettled, m_settledDebounce, qOverload<>(&QTimer::start));
    refresh();
}

void QueuePage::refresh()
{
    m_model->refresh();
    m_groups->refresh();
    if (auto counts = Store::JobRepo(m_db).countsByState())
        m_chips->setCounts(counts.value());
    if (!m_model->lastError().isEmpty())
        showResult(m_model->lastError(), true);
    onSelectionChanged();
}

QList<qint64> QueuePage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << m_model->jobAt(index.row()).id;
    return ids;
}

QList<qint64> QueuePage::idsInFilter() const
{
    // Every job the filter matches, not only the loaded pages; ids only matter, in pages of 500.
    Store::JobRepo repo(m_db);
    Store::JobQuery query = m_model->query();
    query.limit = 500;
    QList<qint64> ids;
    for (;;) {
        auto page = repo.search(query);
        if (!page || page->isEmpty())
            break;
        for (const Store::Job &job : page.value())
            ids << job.id;
        if (page->size() < query.limit)
            break;
        query.beforeId = page->last().id;
    }
    return ids;
}

void QueuePage::act(Action action, const QList<qint64> &ids)
{
    if (ids.isEmpty()) {
        showResult(tr("No jobs to act on."));
        return;
    }
    const int n = int(ids.size());
    const bool resend = action == Action::Resend;
    const QString question
        = resend ? tr("Resend %n job(s)?", nullptr, n) : tr("Cancel %n job(s)?", nullptr, n);
    const QString yes = resend ? tr("Resend") : tr("Cancel jobs");
    if (MessageBox::question(this, resend ? tr("Resend") : tr("Cancel"), question, yes) != QMessageBox::Yes)
        return;
    Store::JobRepo repo(m_db);
    auto done = resend ? repo.resend(ids) : repo.cancel(ids);
    if (!done) {
        showResult(done.error().message, true);
        return;
    }
    showResult(resend ? tr("%n job(s) requeued", nullptr, done.value())
                      : tr("%n job(s) cancelled", nullptr, done.value()));
    refresh();
}

void QueuePage::resendSelected()
{
    act(Action::Resend, selectedIds());
}

void QueuePage::cancelSelected()
{
    act(Action::Cancel, selectedIds());
}

void QueuePage::resendFilter()
{
    act(Action::Resend, idsInFilter());
}

void QueuePage::cancelFilter()
{
    act(Action::Cancel, idsInFilter());
}

void QueuePage::resendGroup()
{
    const QModelIndex current = m_groupView->currentIndex();
    if (!current.isValid())
        return;
    const QString fingerprint = current.data(FailureGroupModel::FingerprintRole).toString();
    const int n = current.data(FailureGroupModel::CountRole).toInt();
    if (MessageBox::question(this, tr("Resend"), tr("Resend %n job(s)?", nullptr, n), tr("Resend"))
        != QMessageBox::Yes)
        return;
    auto done = Store::JobRepo(m_db).resendFailed(fingerprint);
    if (!done) {
        showResult(done.error().message, true);
        return;
    }
    showResult(tr("%n job(s) requeued", nullptr, done.value()));
    refresh();
}

void QueuePage::showFailureGroup(const QString &fingerprint)
{
    m_search->clear();
    m_chips->setCheckedStates({ Store::JobState::Failed });
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        if (m_groups->groupAt(row).fingerprint == fingerprint)
            m_groupView->setCurrentIndex(m_groups->index(row));
    }
    m_model->setFingerprint(fingerprint);
    onSelectionChanged();
}

void QueuePage::onGroupClicked()
{
    const QModelIndex current = m_groupView->currentIndex();
    if (current.isValid())
        m_model->setFingerprint(current.data(FailureGroupModel::FingerprintRole).toString());
    onSelectionChanged();
}

void QueuePage::onSelectionChanged()
{
    const QList<qint64> ids = selectedIds();
    m_resendSelected->setEnabled(!ids.isEmpty());
    m_cancelSelected->setEnabled(!ids.isEmpty());
    m_resendFilter->setEnabled(m_model->rowCount() > 0);
    m_cancelFilter->setEnabled(m_model->rowCount() > 0);
    m_resendGroup->setEnabled(m_groupView->currentIndex().isValid());
    m_clearGroup->setEnabled(!m_model->query().fingerprint.isEmpty());
    const qint64 shown = ids.size() == 1 ? ids.first() : 0;
    if (shown != m_detail->jobId())
        m_detail->showJob(shown);
}

void QueuePage::showResult(const QString &text, bool problem)
{
    m_result->setText(text);
    m_result->setStyleSheet(problem ? QStringLiteral("color: #c0392b; font-weight: bold;") : QString());
}

} // namespace Gui

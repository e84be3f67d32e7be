// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueuePage.h"

#include "FailureAdvice.h"
#include "FailureGroupModel.h"
#include "JobDetailPane.h"
#include "JobTableModel.h"
#include "StateChips.h"
#include "common/ColumnFit.h"
#include "common/ElidingHeader.h"
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
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
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
    , m_groupAdvice(new QLabel(this))
    , m_newJobs(new QPushButton(this))
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
    m_table->setHorizontalHeader(new ElidingHeader(m_table));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The customer and the error share what the fixed columns leave: the table never scrolls sideways.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobTableModel::CustomerColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(JobTableModel::ErrorColumn, QHeaderView::Stretch);
    // The fixed columns fit their titles and values in the UI's language; a connection's name is
    // cut at the width of its title (the tooltip has it whole).
    const int icon = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table) + 4;
    ColumnFit::fit(m_table, JobTableModel::StateColumn,
                   JobTableModel::widestValues(JobTableModel::StateColumn), icon);
    for (const int column :
         { JobTableModel::KindColumn, JobTableModel::ConnectionColumn, JobTableModel::ReferenceColumn,
           JobTableModel::AttemptsColumn, JobTableModel::NextAttemptColumn })
        ColumnFit::fit(m_table, column, JobTableModel::widestValues(column));

    m_groupView->setObjectName(QStringLiteral("failureGroups"));
    m_groupView->setModel(m_groups);
    m_groupView->setWordWrap(true);
    m_groupView->setTextElideMode(Qt::ElideRight);
    // Each cause is a few wrapped lines: stripes and a gap tell where one ends and the next begins.
    m_groupView->setAlternatingRowColors(true);
    m_groupView->setSpacing(2);
    m_resendSelected->setObjectName(QStringLiteral("resendSelectedButton"));
    m_cancelSelected->setObjectName(QStringLiteral("cancelSelectedButton"));
    m_resendFilter->setObjectName(QStringLiteral("resendFilterButton"));
    m_cancelFilter->setObjectName(QStringLiteral("cancelFilterButton"));
    m_resendGroup->setObjectName(QStringLiteral("resendGroupButton"));
    m_clearGroup->setObjectName(QStringLiteral("clearGroupButton"));
    m_groupAdvice->setObjectName(QStringLiteral("failureAdvice"));
    m_groupAdvice->setWordWrap(true);
    m_groupAdvice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_newJobs->setObjectName(QStringLiteral("newJobsButton"));
    m_newJobs->setFlat(true);
    m_newJobs->hide();
    m_result->setObjectName(QStringLiteral("queueResult"));
    m_result->setWordWrap(true);

    auto *groupsBox = new QWidget(this);
    auto *groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    groupsLayout->addWidget(new QLabel(tr("Failures by cause"), groupsBox));
    groupsLayout->addWidget(m_groupView, 1);
    groupsLayout->addWidget(m_groupAdvice);
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
    tableLayout->addWidget(m_newJobs, 0, Qt::AlignLeft);
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
    // The causes wrap in a narrow pane; the table needs the width for its columns' titles in Russian.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({ 170, 850 });

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
    connect(m_newJobs, &QPushButton::clicked, this, [this] {
        m_table->clearSelection();
        m_model->refresh(false);
        m_newJobs->hide();
        m_table->scrollToTop();
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
    // While the operator points at, has picked or scrolled to rows, new jobs wait above the list.
    const bool holdRows = m_table->underMouse() || m_table->selectionModel()->hasSelection()
        || m_table->verticalScrollBar()->value() > 0;
    const int newer = m_model->refresh(holdRows);
    m_newJobs->setText(tr("%n new job(s) arrived: show them", nullptr, newer));
    m_newJobs->setVisible(newer > 0);
    m_groups->refresh();
    if (auto counts = Store::JobRepo(m_db).countsByState())
        m_chips->setCounts(counts.value());
    if (!m_model->lastError().isEmpty())
        showResult(m_model->lastError(), true);
    onSelectionChanged();
}

bool QueuePage::actsOn(const Store::Job &job)
{
    return job.state == Store::JobState::Failed || job.state == Store::JobState::Pending;
}

QList<qint64> QueuePage::selectedIds(bool actionableOnly) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const Store::Job &job = m_model->jobAt(index.row());
        if (!actionableOnly || actsOn(job))
            ids << job.id;
    }
    return ids;
}

int QueuePage::countInFilter() const
{
    auto n = Store::JobRepo(m_db).count(m_model->query());
    return n ? n.value() : 0;
}

QList<qint64> QueuePage::idsInFilter() const
{
    // Every job the filter matches, not only the loaded pages; ids only matter, in pages of 500. Only
    // the waiting and failed ones: "all matching" with no state chip never means the delivered jobs.
    Store::JobRepo repo(m_db);
    Store::JobQuery query = m_model->query();
    QList<Store::JobState> states;
    for (const auto state : { Store::JobState::Failed, Store::JobState::Pending }) {
        if (query.states.isEmpty() || query.states.contains(state))
            states << state;
    }
    if (states.isEmpty())
        return {};
    query.states = states;
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

void QueuePage::act(Action action, const QList<qint64> &ids, int leftAlone)
{
    if (ids.isEmpty()) {
        showResult(leftAlone > 0 ? tr("None of these jobs is waiting or failed: nothing to do.")
                                 : tr("No jobs to act on."));
        return;
    }
    const int n = int(ids.size());
    const bool resend = action == Action::Resend;
    QString question = resend ? tr("Resend %n job(s)?", nullptr, n) : tr("Cancel %n job(s)?", nullptr, n);
    if (leftAlone > 0)
        question += QStringLiteral("\n\n")
            + tr("%n delivered, cancelled or busy job(s) among them stay as they are.", nullptr, leftAlone);
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
    const QList<qint64> ids = selectedIds(true);
    act(Action::Resend, ids, int(selectedIds().size() - ids.size()));
}

void QueuePage::cancelSelected()
{
    const QList<qint64> ids = selectedIds(true);
    act(Action::Cancel, ids, int(selectedIds().size() - ids.size()));
}

void QueuePage::resendFilter()
{
    const QList<qint64> ids = idsInFilter();
    act(Action::Resend, ids, std::max(0, countInFilter() - int(ids.size())));
}

void QueuePage::cancelFilter()
{
    const QList<qint64> ids = idsInFilter();
    act(Action::Cancel, ids, std::max(0, countInFilter() - int(ids.size())));
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
    // The group is gone from the failures: the list shows its jobs again, on their way.
    m_groupView->clearSelection();
    m_groupView->setCurrentIndex({});
    m_model->setFingerprint({});
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

void QueuePage::showJob(qint64 jobId)
{
    auto job = Store::JobRepo(m_db).get(jobId);
    if (!job) {
        showResult(job.error().message, true);
        return;
    }
    m_groupView->clearSelection();
    m_model->setFingerprint({});
    m_chips->setCheckedStates({});
    m_search->setText(job->reference);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->jobAt(row).id == jobId) {
            m_table->selectRow(row);
            m_table->scrollTo(m_model->index(row, 0));
            break;
        }
    }
    m_detail->showJob(jobId);
}

void QueuePage::showState(Store::JobState state)
{
    m_search->clear();
    m_groupView->clearSelection();
    m_model->setFingerprint({});
    // "Being sent" covers both busy states.
    m_chips->setCheckedStates(
        state == Store::JobState::Running
            ? QList<Store::JobState> { Store::JobState::Running, Store::JobState::Sending }
            : QList<Store::JobState> { state });
    onSelectionChanged();
}

void QueuePage::onGroupClicked()
{
    const QModelIndex current = m_groupView->currentIndex();
    if (current.isValid())
        m_model->setFingerprint(current.data(FailureGroupModel::FingerprintRole).toString());
    onSelectionChanged();
}

void QueuePage::showGroupAdvice()
{
    const QModelIndex current = m_groupView->currentIndex();
    if (!current.isValid() || current.row() >= m_groups->rowCount()) {
        m_groupAdvice->setText(m_groups->rowCount() > 0 ? tr("Pick a cause to see what to do about it.")
                                                        : QString());
        return;
    }
    const Store::FailureGroup &group = m_groups->groupAt(current.row());
    const QString cause = FailureAdvice::cause(group);
    m_groupAdvice->setText(cause.isEmpty()
                               ? FailureAdvice::advice(group)
                               : QStringLiteral("%1\n%2").arg(cause, FailureAdvice::advice(group)));
}

void QueuePage::onSelectionChanged()
{
    const QList<qint64> ids = selectedIds();
    // Delivered, cancelled and busy jobs are never resent or cancelled: the buttons say so by being off.
    const bool actionable = !selectedIds(true).isEmpty();
    m_resendSelected->setEnabled(actionable);
    m_cancelSelected->setEnabled(actionable);
    const QList<Store::JobState> states = m_model->query().states;
    const bool filterMayAct = m_model->rowCount() > 0
        && (states.isEmpty() || states.contains(Store::JobState::Failed)
            || states.contains(Store::JobState::Pending));
    m_resendFilter->setEnabled(filterMayAct);
    m_cancelFilter->setEnabled(filterMayAct);
    showGroupAdvice();
    m_resendGroup->setEnabled(m_groupView->currentIndex().isValid());
    m_clearGroup->setEnabled(!m_model->query().fingerprint.isEmpty());
    const qint64 shown = ids.size() == 1 ? ids.first() : 0;
    if (shown != m_detail->jobId())
        m_detail->showJob(shown);
    if (shown != 0) {
        const auto rows = m_table->selectionModel()->selectedRows();
        m_detail->setWaitText(m_model->waitText(m_model->jobAt(rows.first().row())));
    }
}

void QueuePage::showResult(const QString &text, bool problem)
{
    m_result->setText(text);
    m_result->setStyleSheet(problem ? QStringLiteral("color: #c0392b; font-weight: bold;") : QString());
}

} // namespace Gui

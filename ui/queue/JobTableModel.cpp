// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobTableModel.h"

#include "common/DateText.h"
#include "common/Icons.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QDateTime>
#include <QLocale>

namespace Gui {

using Store::JobState;

JobTableModel::JobTableModel(std::shared_ptr<Storage::Database> db, QObject *parent)
    : KeysetTableModel(std::move(db), parent)
{
    reload();
}

QString JobTableModel::stateText(JobState state)
{
    switch (state) {
    case JobState::Pending:
        return tr("Waiting");
    case JobState::Running:
        return tr("Working");
    case JobState::Sending:
        return tr("Sending");
    case JobState::Done:
        return tr("Delivered");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QIcon JobTableModel::stateIcon(JobState state)
{
    switch (state) {
    case JobState::Pending:
        return themedIcon(QStringLiteral("appointment-soon"), QStringLiteral("state-pending"));
    case JobState::Running:
    case JobState::Sending:
        return themedIcon(QStringLiteral("media-playback-start"), QStringLiteral("state-running"));
    case JobState::Done:
        return themedIcon(QStringLiteral("emblem-ok"), QStringLiteral("state-done"));
    case JobState::Failed:
        return themedIcon(QStringLiteral("dialog-error"), QStringLiteral("state-failed"));
    case JobState::Cancelled:
        return themedIcon(QStringLiteral("process-stop"), QStringLiteral("state-cancelled"));
    }
    return {};
}

void JobTableModel::setStates(const QList<JobState> &states)
{
    m_query.states = states;
    reload();
}

void JobTableModel::setText(const QString &text)
{
    m_query.text = text.trimmed();
    reload();
}

void JobTableModel::setFingerprint(const QString &fingerprint)
{
    m_query.fingerprint = fingerprint;
    reload();
}

Store::JobQuery JobTableModel::query() const
{
    Store::JobQuery query = m_query;
    query.beforeId = 0;
    return query;
}

void JobTableModel::readConnections()
{
    auto connections = Store::ConnectionRepo(m_db).list();
    if (!connections)
        return;
    m_connectionNames.clear();
    m_connectionsOff.clear();
    for (const Store::Connection &c : connections.value()) {
        m_connectionNames.insert(c.id, c.name);
        if (!c.enabled())
            m_connectionsOff.insert(c.id);
    }
}

QString JobTableModel::connectionName(std::optional<qint64> connectionId) const
{
    return connectionId ? m_connectionNames.value(*connectionId) : QString();
}

QString JobTableModel::waitText(const Store::Job &job) const
{
    if (job.state != JobState::Pending)
        return {};
    const QLocale locale;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString at
        = locale.toString(QDateTime::fromMSecsSinceEpoch(job.nextAttemptAt), QLocale::ShortFormat);
    if (!job.connectionId)
        return tr("Waits for the engine to pick its CRM connection.");
    if (m_connectionsOff.contains(*job.connectionId))
        return tr("Waits: the connection “%1” is switched off; it goes when it is switched on.")
            .arg(connectionName(job.connectionId));
    const QString when = job.nextAttemptAt > now ? tr("goes next at %1").arg(at)
                                                 : tr("goes as soon as the engine gets to it");
    if (job.attempts > 0 && !job.lastError.isEmpty())
        return tr("Try %1 of %2 failed (%3); %4.")
            .arg(job.attempts)
            .arg(job.maxAttempts)
            .arg(job.lastError.section(QLatin1Char('\n'), 0, 0), when);
    return tr("In line; %1.").arg(when);
}

void JobTableModel::reload()
{
    readConnections();
    resetToFirstPage();
    Q_EMIT reloaded();
}

Common::Result<QList<Store::Job>> JobTableModel::readPage(std::optional<qint64> beforeId, int limit)
{
    Store::JobQuery query = m_query;
    query.beforeId = beforeId.value_or(0);
    query.limit = limit;
    return Store::JobRepo(m_db).search(query);
}

int JobTableModel::refresh(bool keepRows)
{
    readConnections();
    const int limit = std::max<int>(m_pageSize, int(m_rows.size()));
    auto page = readPage(std::nullopt, limit);
    if (!page) {
        m_error = page.error().message;
        return 0;
    }
    m_error.clear();
    bool sameRows = page->size() == m_rows.size();
    for (int i = 0; sameRows && i < m_rows.size(); ++i)
        sameRows = page->at(i).id == m_rows.at(i).id;
    if (sameRows) {
        m_rows = page.value();
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return 0;
    }
    if (keepRows && !m_rows.isEmpty()) {
        // The rows stay where they are; each shows its job as it is now (a job that left the filter
        // keeps its last state until the operator lets the list move).
        QHash<qint64, Store::Job> now;
        int newer = 0;
        for (const Store::Job &job : page.value()) {
            now.insert(job.id, job);
            if (job.id > m_rows.first().id)
                ++newer;
        }
        for (Store::Job &row : m_rows) {
            if (const auto it = now.constFind(row.id); it != now.cend())
                row = it.value();
        }
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return newer;
    }
    // New jobs arrived at the top (or rows left the filter): a reset is simpler and honest.
    resetRows(page, limit);
    Q_EMIT reloaded();
    return 0;
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::Job &job = m_rows.at(index.row());
    if (role == JobIdRole)
        return job.id;
    const int column = index.column();
    if (role == Qt::DecorationRole && column == StateColumn)
        return stateIcon(job.state);
    if (role == Qt::ToolTipRole && column == ErrorColumn && !job.lastError.isEmpty())
        return job.lastError;
    if (role == Qt::ToolTipRole && (column == StateColumn || column == NextAttemptColumn))
        return waitText(job);
    if (role == Qt::ToolTipRole && column == ConnectionColumn)
        return connectionName(job.connectionId);
    if (role == Qt::ToolTipRole && (column == CustomerColumn || column == ReferenceColumn))
        return data(index, Qt::DisplayRole); // what an elided cell cuts off
    if (role == Qt::TextAlignmentRole && column == AttemptsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case StateColumn:
        return stateText(job.state);
    case KindColumn:
        if (job.kind == QLatin1String("order.created"))
            return tr("New order");
        if (job.kind == QLatin1String("form.submitted"))
            return tr("Web form");
        if (job.kind == QLatin1String("order.status"))
            return tr("Status change");
        return job.kind;
    case ConnectionColumn:
        return job.connectionId ? connectionName(job.connectionId) : tr("not yet chosen");
    case ReferenceColumn:
        return job.reference.isEmpty() ? job.sourceRef : job.reference;
    case CustomerColumn: {
        QStringList parts;
        for (const QString &part : { job.customer, job.phone, job.email }) {
            if (!part.isEmpty())
                parts << part;
        }
        return parts.join(QStringLiteral(", "));
    }
    case AttemptsColumn:
        return QStringLiteral("%1 / %2").arg(job.attempts).arg(job.maxAttempts);
    case NextAttemptColumn:
        if (job.state != JobState::Pending || job.nextAttemptAt == 0)
            return QString();
        if (job.connectionId && m_connectionsOff.contains(*job.connectionId))
            return tr("connection off");
        if (job.nextAttemptAt <= QDateTime::currentMSecsSinceEpoch())
            return tr("now");
        return DateText::at(job.nextAttemptAt);
    case ErrorColumn:
        // One line in the table; the tooltip and the detail pane have it all.
        return job.lastError.section(QLatin1Char('\n'), 0, 0);
    default:
        return {};
    }
}

QStringList JobTableModel::widestValues(int column)
{
    switch (column) {
    case StateColumn: {
        QStringList states;
        for (const JobState state : { JobState::Pending, JobState::Running, JobState::Sending, JobState::Done,
                                      JobState::Failed, JobState::Cancelled })
            states << stateText(state);
        return states;
    }
    case KindColumn:
        return { tr("New order"), tr("Web form"), tr("Status change") };
    case ReferenceColumn:
        return { QStringLiteral("12345/678") };
    case AttemptsColumn:
        return { QStringLiteral("10 / 10") };
    case NextAttemptColumn:
        return { tr("connection off"), tr("now"),
                 DateText::at(QDateTime(QDate(2026, 12, 28), QTime(22, 58)).toMSecsSinceEpoch()) };
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn:
        return tr("State");
    case KindColumn:
        return tr("Kind");
    case ConnectionColumn:
        return tr("Connection");
    case ReferenceColumn:
        return tr("Order or form");
    case CustomerColumn:
        return tr("Customer");
    case AttemptsColumn:
        return tr("Attempts");
    case NextAttemptColumn:
        return tr("Next attempt");
    case ErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

} // namespace Gui

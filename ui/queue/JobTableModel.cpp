// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobTableModel.h"

#include "common/Icons.h"
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

void JobTableModel::reload()
{
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

void JobTableModel::refresh()
{
    const int limit = std::max<int>(m_pageSize, int(m_rows.size()));
    auto page = readPage(std::nullopt, limit);
    if (!page) {
        m_error = page.error().message;
        return;
    }
    m_error.clear();
    bool sameRows = page->size() == m_rows.size();
    for (int i = 0; sameRows && i < m_rows.size(); ++i)
        sameRows = page->at(i).id == m_rows.at(i).id;
    if (sameRows) {
        m_rows = page.value();
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    // New jobs arrived at the top (or rows left the filter): a reset is simpler and honest.
    resetRows(page, limit);
    Q_EMIT reloaded();
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
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(job.nextAttemptAt), QLocale::ShortFormat);
    case ErrorColumn:
        // One line in the table; the tooltip and the detail pane have it all.
        return job.lastError.section(QLatin1Char('\n'), 0, 0);
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

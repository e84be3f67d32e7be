// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpLogTableModel.h"

#include "common/DateText.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace Gui {

OpLogTableModel::OpLogTableModel(std::shared_ptr<Storage::Database> db, QObject *parent)
    : KeysetTableModel(std::move(db), parent)
{
    reload();
}

void OpLogTableModel::setFilter(const Store::OpLogFilter &filter)
{
    m_filter = filter;
    m_filter.floor.reset();
    m_searchedRows = 0;
    // A text the trigram index answers is searched in every call at once; a shorter one is scanned for,
    // a window of the newest calls at a time.
    if (!m_filter.text.trimmed().isEmpty() && !Store::OpLogRepo::textIndexed(m_filter.text)) {
        auto floor = Store::OpLogRepo(m_db).scanFloor(m_filter, std::nullopt, m_scanWindow);
        if (floor)
            m_filter.floor = floor.value();
        m_searchedRows = m_scanWindow;
    }
    reload();
}

void OpLogTableModel::searchOlder()
{
    if (!m_filter.floor)
        return;
    const Store::OpLogCursor previous = *m_filter.floor;
    auto floor = Store::OpLogRepo(m_db).scanFloor(m_filter, previous, m_scanWindow);
    if (!floor) {
        m_error = floor.error().message;
        return;
    }
    m_filter.floor = floor.value();
    m_searchedRows += m_scanWindow;
    // Matches not fetched yet continue from the last row shown; otherwise the old window held no
    // more, and the new one starts below it.
    if (m_hasMore && !m_rows.isEmpty())
        appendPage(cursorOf(m_rows.last()));
    else
        appendPage(previous);
    Q_EMIT searchExtended();
}

void OpLogTableModel::reload()
{
    resetToFirstPage();
    Q_EMIT reloaded();
}

Common::Result<QList<Store::OpLogEntry>> OpLogTableModel::readPage(std::optional<Store::OpLogCursor> after,
                                                                   int limit)
{
    return Store::OpLogRepo(m_db).page(m_filter, after, limit, false);
}

int OpLogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OpLogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::OpLogEntry &e = m_rows.at(index.row());
    if (role == EntryIdRole)
        return e.id;
    if (role == Qt::ToolTipRole) {
        if (index.column() == ErrorColumn && !e.error.isEmpty())
            return e.error;
        if (index.column() == UrlColumn)
            return e.keys.isEmpty() ? e.url : tr("%1\nKeys: %2").arg(e.url, e.keys);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && (e.status == 0 || e.status >= 400))
        return QColor(0xc0, 0x39, 0x2b);
    if (role == Qt::TextAlignmentRole
        && (index.column() == StatusColumn || index.column() == DurationColumn
            || index.column() == JobColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return DateText::atSeconds(e.atMs);
    case LaneColumn:
        return e.lane;
    case MethodColumn:
        return e.method;
    case UrlColumn:
        return e.url;
    case StatusColumn:
        return e.status == 0 ? tr("no answer") : QString::number(e.status);
    case DurationColumn:
        return tr("%1 ms").arg(e.durationMs);
    case JobColumn:
        return e.jobId ? QString::number(*e.jobId) : QString();
    case ErrorColumn:
        return e.error.section(QLatin1Char('\n'), 0, 0);
    default:
        return {};
    }
}

QStringList OpLogTableModel::widestValues(int column)
{
    // A late-December evening has the longest date and time in both languages (12/28/26 10:58:58 PM).
    const qint64 evening = QDateTime(QDate(2026, 12, 28), QTime(22, 58, 58)).toMSecsSinceEpoch();
    const qint64 morning = QDateTime(QDate(2026, 12, 28), QTime(10, 58, 58)).toMSecsSinceEpoch();
    switch (column) {
    case TimeColumn:
        return { DateText::atSeconds(evening), DateText::atSeconds(morning) };
    case StatusColumn:
        return { tr("no answer"), QStringLiteral("503") };
    case MethodColumn:
        return { QStringLiteral("DELETE"), QStringLiteral("PATCH") };
    case DurationColumn:
        return { tr("%1 ms").arg(99999) };
    case JobColumn:
        return { QStringLiteral("999999") };
    case LaneColumn:
        return { QStringLiteral("retailcrm"), QStringLiteral("amocrm") };
    default:
        return {};
    }
}

QVariant OpLogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LaneColumn:
        return tr("Lane");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("Address");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Took");
    case JobColumn:
        return tr("Job");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace Gui

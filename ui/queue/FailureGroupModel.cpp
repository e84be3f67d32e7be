// SPDX-License-Identifier: GPL-3.0-or-later
#include "FailureGroupModel.h"

#include "FailureAdvice.h"
#include "store/JobRepo.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace Gui {

FailureGroupModel::FailureGroupModel(std::shared_ptr<Storage::Database> db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(std::move(db))
{
    refresh();
}

void FailureGroupModel::refresh()
{
    auto groups = Store::JobRepo(m_db).failureGroups();
    if (!groups)
        return;
    std::sort(groups->begin(), groups->end(),
              [](const Store::FailureGroup &a, const Store::FailureGroup &b) { return a.count > b.count; });
    bool same = groups->size() == m_groups.size();
    for (int i = 0; same && i < m_groups.size(); ++i)
        same = groups->at(i).fingerprint == m_groups.at(i).fingerprint;
    if (same) {
        m_groups = groups.value();
        if (!m_groups.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_groups.size()) - 1));
        return;
    }
    beginResetModel();
    m_groups = groups.value();
    endResetModel();
}

int FailureGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

QVariant FailureGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::FailureGroup &group = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // The kind of failure in the operator's language, then the cause and the error as the CRM or
        // the engine wrote them (what a search or a support request needs verbatim).
        const QString cause = FailureAdvice::cause(group);
        const QString sample = group.sampleError.section(QLatin1Char('\n'), 0, 0);
        return tr("%n job(s) — %1", nullptr, group.count).arg(FailureAdvice::title(group)) + QLatin1Char('\n')
            + (cause.isEmpty() ? sample : cause + QStringLiteral(": ") + sample);
    }
    case Qt::ToolTipRole:
        return tr("%1\nLast failed: %2\n%3")
            .arg(group.sampleError,
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(group.lastAt), QLocale::ShortFormat),
                 FailureAdvice::advice(group));
    case AdviceRole:
        return FailureAdvice::advice(group);
    case FingerprintRole:
        return group.fingerprint;
    case CountRole:
        return group.count;
    default:
        return {};
    }
}

} // namespace Gui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "RowProblems.h"

#include <QColor>
#include <QLabel>

namespace Gui {

void RowProblems::showSummary(QLabel *label, const QList<Mapping::Problem> &problems)
{
    int rowErrors = 0;
    int rowWarnings = 0;
    bool errors = false;
    QStringList notes;
    for (const Mapping::Problem &problem : problems) {
        errors = errors || problem.isError();
        if (problem.rowId.isEmpty())
            notes << problem.message;
        else
            ++(problem.isError() ? rowErrors : rowWarnings);
    }
    if (rowErrors > 0)
        notes.prepend(tr("%n row(s) need fixing before saving.", nullptr, rowErrors));
    else if (rowWarnings > 0)
        notes.prepend(tr("%n warning(s).", nullptr, rowWarnings));
    else if (notes.isEmpty())
        notes << tr("Every row is fine.");
    label->setText(notes.join(QLatin1Char('\n'))); // the messages of the whole area, a line each
    label->setStyleSheet(errors ? QStringLiteral("color: #c0392b;") : QString());
}

void RowProblems::set(const QList<Mapping::Problem> &problems)
{
    m_byRow.clear();
    // A row says every problem of its worst kind, one after the other.
    for (const Mapping::Problem &problem : problems) {
        if (problem.rowId.isEmpty())
            continue;
        auto it = m_byRow.find(problem.rowId);
        if (it == m_byRow.end() || (problem.isError() && !it->isError()))
            m_byRow.insert(problem.rowId, problem);
        else if (problem.isError() == it->isError() && !it->message.contains(problem.message))
            it->message += QStringLiteral("; ") + problem.message;
    }
}

const Mapping::Problem *RowProblems::find(const QString &rowId) const
{
    const auto it = m_byRow.constFind(rowId);
    return it == m_byRow.cend() ? nullptr : &it.value();
}

QString RowProblems::message(const QString &rowId) const
{
    const Mapping::Problem *problem = find(rowId);
    return problem ? problem->message : QString();
}

QVariant RowProblems::data(const QString &rowId, int role) const
{
    const Mapping::Problem *problem = find(rowId);
    if (!problem)
        return {};
    switch (role) {
    case Qt::BackgroundRole:
        return problem->isError() ? QColor(0xf8, 0xd7, 0xda) : QColor(0xff, 0xf3, 0xcd);
    case Qt::ForegroundRole:
        return QColor(0x21, 0x25, 0x29);
    case Qt::ToolTipRole:
        return problem->message;
    default:
        return {};
    }
}

} // namespace Gui

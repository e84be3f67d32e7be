// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapping/Problem.h"

#include <QCoreApplication>
#include <QHash>
#include <QVariant>

class QLabel;

namespace Gui {

/**
 * The problems the validator found in one editor, by the row they name (an error outranks a warning
 * on the same row), and how such a row looks in every mapping editor: red for an error, yellow for a
 * warning, dark text, the reason as its tooltip. Value type; GUI thread.
 */
class RowProblems
{
    Q_DECLARE_TR_FUNCTIONS(Gui::RowProblems)
public:
    /** "Every row is fine." / "2 rows need fixing before saving." / "1 warning." for the problems
     *  that name a row, then the messages of those that do not, a line each; red when there is an error. */
    static void showSummary(QLabel *label, const QList<Mapping::Problem> &problems);

    /** Keeps the problems that name a row; those of the whole area are the editor's business. */
    void set(const QList<Mapping::Problem> &problems);
    const Mapping::Problem *find(const QString &rowId) const;
    QString message(const QString &rowId) const;
    /** The background, foreground or tooltip of a row with a problem; invalid for any other. */
    QVariant data(const QString &rowId, int role) const;

private:
    QHash<QString, Mapping::Problem> m_byRow;
};

} // namespace Gui

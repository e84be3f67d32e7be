// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapping/FieldMap.h"

#include <QWidget>

class QLabel;
class QTableView;
class QUndoStack;

namespace Gui {

class FieldMapModel;

/**
 * One field grid (orders or forms) with its add/remove buttons and a line that counts its problems.
 * GUI thread; owned by the Mapping page, which owns the undo stack and the mapping copy.
 */
class FieldMapEditor : public QWidget
{
    Q_OBJECT
public:
    FieldMapEditor(Mapping::SourceKind kind, QUndoStack *undo, QWidget *parent = nullptr);

    FieldMapModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setProblems(const QList<Mapping::Problem> &problems);

private:
    FieldMapModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
};

} // namespace Gui

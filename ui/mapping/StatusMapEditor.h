// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableView;
class QUndoStack;

namespace Gui {

class StatusMapModel;

/** The status map's table with a direction combo per row. GUI thread; owned by the Mapping page. */
class StatusMapEditor : public QWidget
{
    Q_OBJECT
public:
    StatusMapEditor(QUndoStack *undo, QWidget *parent = nullptr);
    StatusMapModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    StatusMapModel *m_model;
    QTableView *m_view;
};

} // namespace Gui

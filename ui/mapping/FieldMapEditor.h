// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapping/FieldMap.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;
class QUndoStack;

namespace Gui {

class FieldMapModel;
class FieldRowDetails;

/**
 * One field grid (orders or forms) with its add/remove buttons, a line that counts its problems,
 * the current row's details (FieldRowDetails) and the connection's consent to create missing CRM
 * fields. GUI thread; owned by the Mapping page, which owns the undo stack and the mapping copy.
 */
class FieldMapEditor : public QWidget
{
    Q_OBJECT
public:
    FieldMapEditor(Mapping::SourceKind kind, QUndoStack *undo, QWidget *parent = nullptr);

    FieldMapModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setProblems(const QList<Mapping::Problem> &problems);
    FieldRowDetails *details() const { return m_details; }
    /** The switch "create missing fields in the CRM" (the connection's auto-create consent). */
    QCheckBox *autoCreate() const { return m_autoCreate; }

private:
    FieldMapModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    FieldRowDetails *m_details;
    QCheckBox *m_autoCreate;
};

} // namespace Gui

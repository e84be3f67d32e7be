// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapping/Problem.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QUndoStack;

namespace Gui {

class StatusMapModel;

/**
 * The status map's editor: the rows (shop status, direction, CRM pipeline/stage picked from combos
 * with their colours), buttons to add, remove and propose rows by name, the rules for statuses and
 * stages nobody mapped, and the problems of the whole map in words. GUI thread; owned by the Mapping
 * page.
 */
class StatusMapEditor : public QWidget
{
    Q_OBJECT
public:
    StatusMapEditor(QUndoStack *undo, QWidget *parent = nullptr);
    StatusMapModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setProblems(const QList<Mapping::Problem> &problems);
    /** Proposes rows by name for the shop statuses without one; says what it did. */
    int propose();

private:
    void showUnmappedRules();
    void editUnmappedRules();

    StatusMapModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QComboBox *m_toCrm;
    QComboBox *m_toCrmStage;
    QComboBox *m_fromCrm;
    QComboBox *m_fromCrmStatus;
};

} // namespace Gui

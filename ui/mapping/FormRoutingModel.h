// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChoiceDelegate.h"
#include "RowProblems.h"
#include "crm/CrmSchema.h"
#include "mapping/FormRouting.h"

#include <QAbstractTableModel>

class QUndoStack;

namespace Gui {

/**
 * The web forms by name — those the intake accepts, those that have posted, those the routing names —
 * each with its pipeline, stage and responsible user, editable as the routing tree's categories are
 * (an edit makes or changes that form's route; "as every form" removes the value). What a form does
 * not set is shown greyed as the route of every form gives it. Holds the whole FormRouting (the route
 * of every form too); edits are undoable. GUI thread; owned by the routing view.
 */
class FormRoutingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FormColumn, PipelineColumn, StageColumn, ResponsibleColumn, ColumnCount };
    enum Role { FormNameRole = Qt::UserRole + 1, InheritedRole };

    FormRoutingModel(QUndoStack *undo, QObject *parent = nullptr);

    /** The forms the intake and the queue know, listed even without a route. */
    void setKnownForms(const QStringList &formNames);
    void setRouting(const Mapping::FormRouting &routing, const Crm::CrmSchema &schema);
    /** Puts routing back without the undo stack (the undo commands call it). */
    void applyRouting(const Mapping::FormRouting &routing);
    const Mapping::FormRouting &routing() const { return m_routing; }
    void changeRouting(const Mapping::FormRouting &after, const QString &text);
    void setProblems(const QList<Mapping::Problem> &problems);
    /** The row of the form called @p formName (-1: not listed). */
    int rowOf(const QString &formName) const { return int(m_forms.indexOf(formName)); }
    QList<Choice> choices(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void edited();

private:
    /** The known forms and the forms with a route, sorted. */
    QStringList listedForms() const;
    QString pipelineText(const QString &pipelineId) const;
    QString stageText(const QString &pipelineId, const QString &stageId) const;
    QString userText(const QString &userId) const;

    QUndoStack *m_undo;
    Mapping::FormRouting m_routing;
    Crm::CrmSchema m_schema;
    QStringList m_known;
    QStringList m_forms;
    RowProblems m_problems;
};

} // namespace Gui

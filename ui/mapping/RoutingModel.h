// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"
#include "mapping/CategoryRouting.h"

#include <QAbstractTableModel>

namespace Gui {

/**
 * The category routing rules as a table: category, pipeline, stage and responsible user by name.
 * What a rule leaves empty is inherited (the pipeline's first stage, the order's or the default
 * responsible user) and shown greyed; switched-off rules are greyed too. Read-only; GUI thread;
 * owned by the routing view.
 */
class RoutingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CategoryColumn, PipelineColumn, StageColumn, ResponsibleColumn, ColumnCount };
    enum Role { InheritedRole = Qt::UserRole + 1 };

    explicit RoutingModel(QObject *parent = nullptr);
    void setRouting(const Mapping::CategoryRouting &routing, const Crm::CrmSchema &schema);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Mapping::CategoryRouting m_routing;
    Crm::CrmSchema m_schema;
};

} // namespace Gui

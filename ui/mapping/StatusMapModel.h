// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChoiceDelegate.h"
#include "RowProblems.h"
#include "crm/CrmSchema.h"
#include "mapping/StatusMap.h"
#include "source/ShopSource.h"

#include <QAbstractTableModel>
#include <QHash>

class QUndoStack;

namespace Gui {

/**
 * The status map as a table: the shop status and the CRM pipeline/stage each with its colour chip,
 * picked from the shop's statuses and the account's pipelines, and the direction of each row; rows
 * are added, removed and proposed by name, and the rules for unmapped statuses are set here too.
 * Every edit is undoable; a row with a problem is red and says why. Holds a copy of the map. GUI
 * thread; owned by the Mapping page.
 */
class StatusMapModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ShopStatusColumn, DirectionColumn, StageColumn, ProblemColumn, ColumnCount };

    StatusMapModel(QUndoStack *undo, QObject *parent = nullptr);

    void setStatusMap(const Mapping::StatusMap &map, const Crm::CrmSchema &schema);
    Mapping::StatusMap statusMap() const { return m_map; }
    const Crm::CrmSchema &schema() const { return m_schema; }
    void applyStatusMap(const Mapping::StatusMap &map);
    void setProblems(const QList<Mapping::Problem> &problems);
    /** The shop's statuses as last read from the shop (SourceRecord::knownStatuses): names, colours. */
    void setShopStatuses(const QList<Source::ShopStatus> &statuses);
    const QList<Source::ShopStatus> &shopStatuses() const { return m_shopStatuses; }
    /** The chip colour of a shop status ("#rrggbb"), empty when the shop was not read yet. */
    QString shopStatusColour(const QString &shopStatusId) const { return m_shopColours.value(shopStatusId); }

    /** Undoable edits. */
    void addRow();
    void removeRow(int row);
    /** Adds the rows StatusProposal finds for shop statuses that have none yet; how many. */
    int proposeRows();
    void changeStatusMap(const Mapping::StatusMap &after, const QString &text);

    /** The choices of an editable cell (shop statuses; every pipeline's stages with their colours). */
    QList<Choice> choices(const QModelIndex &index) const;
    /** Every stage of the account as "pipelineId:stageId" choices. */
    QList<Choice> stageChoices() const;
    QList<Choice> shopStatusChoices() const;
    static QString stageKey(const QString &pipelineId, const QString &stageId);

    static QString directionText(Mapping::StatusRow::Direction direction);
    /** The directions a row can take, for the direction combo. */
    static QList<Mapping::StatusRow::Direction> directions();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void edited();

private:
    QString shopStatusName(const QString &id) const;

    QUndoStack *m_undo;
    Mapping::StatusMap m_map;
    Crm::CrmSchema m_schema;
    RowProblems m_problems;
    QList<Source::ShopStatus> m_shopStatuses;
    QHash<QString, QString> m_shopColours; ///< shop status id → "#rrggbb"
};

} // namespace Gui

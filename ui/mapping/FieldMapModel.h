// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RowProblems.h"
#include "crm/CrmSchema.h"
#include "mapping/FieldMap.h"
#include "model/SourceFieldCatalogue.h"

#include <QAbstractTableModel>

class QUndoStack;

namespace Gui {

/**
 * The rows of one field grid (orders or forms) as an editable table: source → transform → target,
 * with the update policy and the problem the validator found (a broken row is red and says why).
 * Edits go through the undo stack as snapshots, so everything is undoable until saved. Holds a copy
 * of the grid; the page reads it back with fieldMap(). GUI thread; owned by its editor.
 */
class FieldMapModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ActiveColumn,
        SourceColumn,
        TransformColumn,
        TargetColumn,
        PolicyColumn,
        ProblemColumn,
        ColumnCount
    };
    enum Role { RowIdRole = Qt::UserRole + 1, HasErrorRole };

    FieldMapModel(QUndoStack *undo, QObject *parent = nullptr);

    void setFieldMap(const Mapping::FieldMap &map);
    Mapping::FieldMap fieldMap() const { return m_map; }
    /** Replaces the rows without touching the undo stack (the undo commands call it). */
    void applyFieldMap(const Mapping::FieldMap &map);
    void setSchema(const Crm::CrmSchema &schema) { m_schema = schema; }
    const Crm::CrmSchema &schema() const { return m_schema; }
    /** The shops' own fields (order properties by their names) as the store last read them. */
    void setShopFields(const QList<Model::SourceField> &fields) { m_shopFields = fields; }
    /** What a row can read: the catalogue of this kind of record, then the shops' own fields. */
    QList<Model::SourceField> sourceFields() const;
    /** The problems of this grid's area ("orders" or "forms"); rows they name are marked. */
    void setProblems(const QList<Mapping::Problem> &problems);
    QString problemFor(int row) const;

    /** Undoable: adds an empty row after row (or at the end), removes a row. */
    void addRow();
    void removeRow(int row);
    /** Undoable: replaces one row (what the row details panel edits). */
    void setRow(int row, const Mapping::FieldRow &after);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString transformText(Mapping::Transform::Kind kind);
    static QString policyText(Crm::UpdatePolicy policy);

Q_SIGNALS:
    /** The grid changed (an edit, an undo or a redo): revalidate. */
    void edited();

private:
    void push(const Mapping::FieldMap &after, const QString &text);

    QUndoStack *m_undo;
    Mapping::FieldMap m_map;
    Crm::CrmSchema m_schema;
    QList<Model::SourceField> m_shopFields;
    RowProblems m_problems;
};

} // namespace Gui

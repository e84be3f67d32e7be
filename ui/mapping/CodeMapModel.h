// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChoiceDelegate.h"
#include "RowProblems.h"
#include "crm/CrmSchema.h"
#include "mapping/CodeMaps.h"
#include "source/ShopSource.h"

#include <QAbstractTableModel>

class QUndoStack;

namespace Gui {

/**
 * One code map (the shop's delivery methods, or its payment methods) as a table: a line per method
 * the shop has (as last read), then the mapped rows the shop no longer lists; each with the CRM's
 * code, picked by name from the CRM's dictionary (editable, undoable: "no code" drops the row). A row
 * the validator finds wrong is red and says why. Holds a copy of the rows. GUI thread; owned by the
 * code map editor.
 */
class CodeMapModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ShopMethodColumn, CodeColumn, ProblemColumn, ColumnCount };
    enum Role { RowIdRole = Qt::UserRole + 1, HasErrorRole };

    CodeMapModel(Source::MethodKind kind, QUndoStack *undo, QObject *parent = nullptr);

    /** The map's rows, the CRM's dictionary of codes for this kind, and the shop's methods. */
    void setRows(const QList<Mapping::CodeRow> &rows, const QList<Crm::FieldEnum> &codes,
                 const QList<Source::ShopMethod> &shopMethods);
    QList<Mapping::CodeRow> rows() const { return m_rows; }
    /** Replaces the rows without touching the undo stack (the undo commands call it). */
    void applyRows(const QList<Mapping::CodeRow> &rows);
    void setProblems(const QList<Mapping::Problem> &problems);
    /** The line of a shop method, -1 when there is none. */
    int lineOf(const QString &shopId) const;
    /** What the code combo of a line offers: "no code", the dictionary by name, an unknown code as is. */
    QList<Choice> choices(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** The rows changed (an edit, an undo or a redo): revalidate. */
    void edited();

private:
    struct Line
    {
        QString shopId;
        QString shopName;
        bool inShop = true;
        bool active = true;
    };
    QList<Line> linesFor(const QList<Mapping::CodeRow> &rows) const;
    const Mapping::CodeRow *rowOf(const QString &shopId) const;
    QString rowId(const QString &shopId) const;
    QString codeName(const QString &code) const;

    Source::MethodKind m_kind;
    QUndoStack *m_undo;
    QList<Mapping::CodeRow> m_rows;
    QList<Crm::FieldEnum> m_codes;
    QList<Source::ShopMethod> m_shop;
    QList<Line> m_lines;
    RowProblems m_problems;
};

} // namespace Gui
